"""`crosswire doctor`: check every file of a library, and repair what can be repaired.

A thin face on `core.upkeep.doctor`: it checks every store file, the references between them and
what a stopped crosswire leaves; with --repair it salvages what can be read after keeping a dated
copy of each damaged file.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tui.cli.common import printable
from tui.core.text.wording import plural


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `doctor` subcommand."""
    doctor = subparsers.add_parser(
        "doctor", help="check every file of the library; --repair salvages damaged ones"
    )
    doctor.add_argument(
        "--repair",
        action="store_true",
        help="keep a dated copy of each damaged file, then write every readable record afresh",
    )
    doctor.add_argument("--json", action="store_true", help="print JSON for scripts")
    doctor.set_defaults(func=run_doctor)


def run_doctor(args: argparse.Namespace) -> int:
    """0 when the library is sound (or was repaired), 1 when problems are left."""
    from tui.core.upkeep.doctor import check_library, repair_library

    home: Path = args.library_home
    checkup = repair_library(home) if args.repair else check_library(home)
    if args.json:
        document = {
            "library": str(home),
            "files": checkup.files,
            "problems": [
                {"kind": f.kind, "path": str(f.path), "problem": f.text} for f in checkup.findings
            ],
            "repaired": checkup.repaired,
        }
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        for finding in checkup.findings:
            print(f"{finding.kind}: {printable(finding.line())}")
        for line in checkup.repaired:
            print(f"repaired: {printable(line)}")
        if checkup.healthy:
            print(
                f"{printable(str(home))}: {plural(checkup.files, 'store file')} checked, all sound"
            )
        elif not args.repair:
            print("crosswire doctor --repair keeps a copy of each damaged file and mends it")
    if args.repair:
        after = check_library(home)
        for finding in after.findings:
            print(f"left: {printable(finding.line())}", file=sys.stderr)
        return 0 if after.healthy else 1
    return 0 if checkup.healthy else 1
