"""Start-up of crosswire on the bundled story, against a bare three-pane Textual app, same run.

Every measurement is a whole new Python process started by this script, timed from just before
the spawn to a mark the process records itself (wall clock, `time.time_ns`, comparable across
processes): imports, library, config, compose, mount, the alignment worker and the paint are all
inside. Each app runs on a pseudo-terminal sized 120x36 with TERM=xterm-256color, so Textual's real
Linux driver renders and writes every frame, as in a terminal (`--headless` skips the terminal
output instead). Neither app is modified: the child process builds the app the way `run_app` does
and notes the moment each frame is written (`App._display`, wrapped: see `on_frames`), for both
apps alike. (Earlier versions marked a frame with `call_after_refresh`, and crosswire's story by
polling every 10 ms: both ran when the app next fell idle, which could be a frame or more after
the frame itself, and later for the busier app.)

Marks:
- app built: imports done and the app object built, just before `App.run` (a breakdown);
- first frame: the first frame written (crosswire: the story itself when its alignment is on
  disk from an earlier session, else the panes with a loading note);
- story visible: the first frame written that shows the story aligned: the panes are filled, the
  loading note is gone, and the Diff shows the focused sentence.

Kinds of crosswire start, each on the bundled story:
- crosswire: an ordinary start, the story aligned in an earlier session (`core.reader.cache`);
- not aligned before: the library has the story but no alignment on disk (the first start after
  an upgrade of crosswire, or after a story changed): aligned by the worker while a loading note
  shows;
- first run: an empty library, which first imports the bundled seeds, then aligns.

The disk cache is warm (a warm-up run of each kind is not counted): this is a new process on a
machine that has run Python recently, not a cold boot. Bytecode is compiled first, for crosswire
and for the minimal app alike, as an installed copy has it (pip compiles on install; a checkout
writes it on its first run): with PYTHONDONTWRITEBYTECODE set, as on some machines, every start
would otherwise compile crosswire's modules from source, while Textual's came compiled. Usage:
`PYTHONPATH=. python bench/bench_startup.py [--runs 10] [--headless]`.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

    from textual.app import App
    from textual.pilot import Pilot

REPO_ROOT = Path(__file__).resolve().parent.parent
SIZE = (120, 36)
STORY_TIMEOUT_S = 60.0
TARGET_RATIO = 1.5

# --- child: one app, marks written to a file --------------------------------------------------


def run_child(kind: str, marks_path: Path, home: Path | None, *, headless: bool) -> int:
    """Start one app, append its marks to `marks_path` as JSON lines, exit when it has them all."""
    sys.path.insert(0, str(REPO_ROOT))

    def mark(event: str, **extra: str) -> None:
        line = {"event": event, "ns": time.time_ns(), **extra}
        with marks_path.open("a", encoding="utf-8") as marks:
            marks.write(json.dumps(line) + "\n")

    size = SIZE if headless else None
    if kind == "minimal":
        from bench.minimal_app import MinimalApp

        minimal = MinimalApp()

        def minimal_frame() -> None:
            mark("first_frame")
            minimal.exit()

        on_frames(minimal, minimal_frame)
        mark("app_built")
        minimal.run(headless=headless, size=size)
        return 0

    assert home is not None
    from tui.app import CrosswireApp
    from tui.core.store.config import load_config
    from tui.core.store.library import Library
    from tui.core.store.seeds import ensure_bundled_story
    from tui.widgets.diff_view import DiffView

    library = Library(home)
    config = load_config(home)
    if library.is_empty():
        ensure_bundled_story(library)
    app = CrosswireApp(library, story_id=library.stories()[-1].id, config=config)
    deadline = time.monotonic() + STORY_TIMEOUT_S
    frames: list[str] = []

    def story_shown() -> bool:
        main = app.main_screen
        diff_done = main.cursor is not None and main.query_one(DiffView).shown == main.cursor
        return main.alignment is not None and not main.query_one("#panes").loading and diff_done

    def crosswire_frame() -> None:
        if not frames:
            frames.append("first")
            mark("first_frame")
        if story_shown():
            mark("story_visible")
            app.exit()

    def check_deadline() -> None:
        if time.monotonic() > deadline:
            # A failed load shows as a notification; the app has no public getter for them.
            reasons = "; ".join(n.message for n in app._notifications)
            mark("failed", reason=reasons or "timeout")
            app.exit(return_code=1)

    async def watch_crosswire(pilot: Pilot[object]) -> None:
        app.set_interval(0.5, check_deadline)

    on_frames(app, crosswire_frame)
    mark("app_built")
    app.run(headless=headless, size=size, auto_pilot=watch_crosswire)
    return app.return_code or 0


def on_frames(app: App[Any], painted: Callable[[], None]) -> None:
    """Call `painted` each time `app` has written a frame (`App._display`, which the screen calls
    with each finished compositor update; the real driver writes it to the terminal there).

    What `painted` sees is what that frame shows: the state was drawn just before. The app's
    behaviour is unchanged; only the moment of each written frame is noted.
    """
    original = app._display

    def display(screen: Any, renderable: Any) -> None:
        original(screen, renderable)
        if renderable is not None and not app._batch_count:
            painted()

    app._display = display  # type: ignore[method-assign]


# --- parent: spawn, time, summarise ------------------------------------------------------------


def spawn(kind: str, home: Path | None, *, headless: bool) -> dict[str, float]:
    """Run one child; milliseconds from just before the spawn to each mark it recorded."""
    with tempfile.TemporaryDirectory(prefix="crosswire-bench-") as scratch:
        marks_path = Path(scratch) / "marks.jsonl"
        command = [sys.executable, str(Path(__file__).resolve()), "--child", kind]
        command += ["--marks", str(marks_path)] + (["--home", str(home)] if home else [])
        command += ["--headless"] if headless else []
        env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "TERM": "xterm-256color"}
        env["COLORTERM"] = "truecolor"
        started = time.time_ns()
        returncode, stderr = _run(command, env, headless=headless)
        events = (
            [json.loads(line) for line in marks_path.read_text().splitlines()]
            if marks_path.exists()
            else []
        )
    failed = [e for e in events if e["event"] == "failed"]
    if returncode != 0 or failed or not events:
        reason = (
            failed[0]["reason"] if failed else (stderr.strip().splitlines() or ["no marks"])[-1]
        )
        raise RuntimeError(f"{kind} run failed (exit {returncode}): {reason}")
    return {e["event"]: (e["ns"] - started) / 1e6 for e in events}


def _run(command: list[str], env: dict[str, str], *, headless: bool) -> tuple[int, str]:
    """Run `command` on a 120x36 pseudo-terminal (or plain pipes when headless); (exit, stderr)."""
    if headless:
        done = subprocess.run(
            command, env=env, capture_output=True, text=True, timeout=STORY_TIMEOUT_S + 30
        )
        return done.returncode, done.stderr
    import fcntl
    import struct
    import termios

    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
    process = subprocess.Popen(
        command, env=env, stdin=slave, stdout=slave, stderr=subprocess.PIPE, start_new_session=True
    )
    os.close(slave)
    drain = threading.Thread(target=_drain, args=(master,), daemon=True)
    drain.start()
    _, stderr = process.communicate(timeout=STORY_TIMEOUT_S + 30)
    drain.join(timeout=5)
    os.close(master)
    return process.returncode, stderr.decode("utf-8", "replace")


def _drain(master: int) -> None:
    """Read and discard the terminal output, so the app never blocks on a full pty buffer."""
    while True:
        try:
            if not os.read(master, 65536):
                return
        except OSError:  # EIO: the child closed the terminal
            return


def measure(runs: int, *, headless: bool) -> dict[str, list[float]]:
    """`runs` rounds (after one warm-up) of the minimal app and each kind of crosswire start."""
    samples: dict[str, list[float]] = {}
    for folder in ("tui", "bench"):
        compileall.compile_dir(REPO_ROOT / folder, quiet=1)
    with tempfile.TemporaryDirectory(prefix="crosswire-bench-home-") as root:
        home = Path(root) / "library"
        spawn("crosswire", home, headless=headless)  # imports the seeds once; also the warm-up
        spawn("minimal", None, headless=headless)
        unaligned = Path(root) / "unaligned"
        shutil.copytree(home, unaligned)
        for round_number in range(runs):
            fresh = Path(root) / f"first-run-{round_number}"
            kinds = [
                ("minimal", None),
                ("crosswire", home),
                ("unaligned", unaligned),
                ("first_run", fresh),
            ]
            if round_number % 2:
                kinds.reverse()  # alternate the order so drift in machine load hits all alike
            for label, kind_home in kinds:
                kind = "minimal" if label == "minimal" else "crosswire"
                if label == "unaligned":
                    shutil.rmtree(unaligned / "cache", ignore_errors=True)
                for event, ms in spawn(kind, kind_home, headless=headless).items():
                    samples.setdefault(f"{label}.{event}", []).append(ms)
    return samples


def report(samples: dict[str, list[float]], *, runs: int, headless: bool) -> None:
    """Print medians (with min-max) and ratios to the minimal app's first frame."""
    base = statistics.median(samples["minimal.first_frame"])
    where = "headless" if headless else f"{SIZE[0]}x{SIZE[1]} pseudo-terminal"
    print(f"start-up, whole process, {runs} runs each after a warm-up, {where}; medians")
    rows = [
        ("minimal: imports done, app built (before run)", "minimal.app_built"),
        ("minimal three-pane Textual app: first frame", "minimal.first_frame"),
        ("crosswire: imports, library, config done, app built", "crosswire.app_built"),
        ("crosswire: first frame", "crosswire.first_frame"),
        ("crosswire: story visible (aligned, painted)", "crosswire.story_visible"),
        ("not aligned before: first frame (loading note)", "unaligned.first_frame"),
        ("not aligned before: story visible (aligned now)", "unaligned.story_visible"),
        ("first run: story visible (seeds imported, aligned)", "first_run.story_visible"),
    ]
    for title, key in rows:
        values = samples[key]
        median = statistics.median(values)
        print(
            f"  {title:<53} {median:7.0f} ms  ({min(values):.0f}-{max(values):.0f})"
            f"  {median / base:5.2f}x"
        )
    # Paired: each round's crosswire start against the same round's minimal app, which ran next
    # to it, so a machine that speeds up or slows down between rounds moves both alike.
    for label, key in (
        ("story visible", "crosswire.story_visible"),
        ("not aligned before", "unaligned.story_visible"),
    ):
        pairs = [
            mine / minimal
            for mine, minimal in zip(samples[key], samples["minimal.first_frame"], strict=True)
        ]
        story = statistics.median(pairs)
        verdict = "within" if story <= TARGET_RATIO else "NOT within"
        print(
            f"{label}: {story:.2f}x the minimal app, median of {len(pairs)} paired rounds"
            f" ({min(pairs):.2f}-{max(pairs):.2f}): {verdict} the {TARGET_RATIO}x target"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="measured runs of each kind")
    parser.add_argument("--headless", action="store_true", help="no terminal output at all")
    parser.add_argument("--child", choices=["minimal", "crosswire"], help=argparse.SUPPRESS)
    parser.add_argument("--marks", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--home", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return run_child(args.child, args.marks, args.home, headless=args.headless)
    if not args.headless and os.name != "posix":
        print(
            "bench_startup: a pseudo-terminal needs a POSIX system; use --headless", file=sys.stderr
        )
        return 2
    try:
        samples = measure(args.runs, headless=args.headless)
    except (RuntimeError, subprocess.TimeoutExpired) as error:
        print(f"bench_startup: {error}", file=sys.stderr)
        return 2
    report(samples, runs=args.runs, headless=args.headless)
    return 0


if __name__ == "__main__":
    sys.exit(main())
