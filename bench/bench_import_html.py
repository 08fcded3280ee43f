"""Import throughput from saved web pages: `crosswire import FOLDER` on 100 local pages.

Run: PYTHONPATH=. python bench/bench_import_html.py [--pages ../shared/html-dev] [--runs 3]

The pages of `../shared/html-dev` are decompressed into a temporary folder (100 of them, as
`.html`), and each run imports the folder into a fresh library as the command line does (story
grouping included), as a real process. It prints the median wall time of a whole run, pages per
second, and, measured in the same run as a baseline, the time of importing the same articles as
plain `.txt` files (what extraction adds), plus the extraction alone in this process.
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.core.ingest.html_page import PageError, extract_page  # noqa: E402

PAGES = 100


def _import_seconds(folder: Path, runs: int) -> list[float]:
    times = []
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as library:
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "tui", "--library", library, "import", str(folder)],
                env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=Path, default=ROOT.parent / "shared" / "html-dev")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    sources = sorted(args.pages.glob("*.html.gz"))[:PAGES]
    with tempfile.TemporaryDirectory() as temp:
        html_folder, txt_folder = Path(temp, "html"), Path(temp, "txt")
        html_folder.mkdir()
        txt_folder.mkdir()
        extract_times = []
        for source in sources:
            html = gzip.decompress(source.read_bytes())
            name = source.name.removesuffix(".html.gz")
            (html_folder / f"{name}.html").write_bytes(html)
            start = time.perf_counter()
            try:
                text = extract_page(html).raw_text()
            except PageError:
                continue
            extract_times.append(time.perf_counter() - start)
            (txt_folder / f"{name}.txt").write_text(text, encoding="utf-8")
        print(f"{len(sources)} saved pages ({len(extract_times)} with an article), "
              f"{os.cpu_count()} cores, {args.runs} runs")  # fmt: skip
        html_runs = _import_seconds(html_folder, args.runs)
        txt_runs = _import_seconds(txt_folder, args.runs)
    html_s, txt_s = statistics.median(html_runs), statistics.median(txt_runs)
    print(
        f"import of the .html folder:        median {html_s:6.2f} s "
        f"({len(sources) / html_s:5.1f} pages/s)  runs {[round(t, 2) for t in html_runs]}"
    )
    print(
        f"baseline, the same articles as .txt: median {txt_s:6.2f} s "
        f"({len(extract_times) / txt_s:5.1f} pages/s)"
    )
    print(f"ratio html / txt: {html_s / txt_s:.2f}; extraction alone: median "
          f"{statistics.median(extract_times) * 1000:.1f} ms/page, "
          f"{sum(extract_times):.2f} s for all (after trafilatura's import)")  # fmt: skip
    print(f"target: {len(sources)} pages in under 10 s: {'met' if html_s < 10 else 'NOT met'}")


if __name__ == "__main__":
    main()
