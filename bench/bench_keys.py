"""Key-to-update time of the main screen on a 51-outlet story, against a bare OptionList app.

What is measured, per key press: the time from handing the key event to the app (the driver's
message queue, as a terminal's input thread would) until the screen has painted the result. The
app is driven headless with a Pilot; `app._display`, which the screen calls with each finished
compositor update (the frame, rendered: headless only skips writing it to a terminal), is wrapped
to timestamp every frame. After `pilot.press` returns (every message the key caused has been
handled: highlight moved, cursor var changed, panes rebuilt) the bench waits until the screen has
no pending layout, repaint or dirty widget and takes the last frame's timestamp. That includes
Textual's frame pacing (the screen repaints on a 60 fps timer), which the baseline pays too.

Presses: `j` x50 then `k` x50 in Sources (first visit to each outlet, then revisits: each selects
an outlet, so Article and Diff rebuild), and `j` x60 / `k` x60 in Article (sentence moves: the
Diff follows). The baseline is the same presses on a minimal app: one OptionList per pane with
the same rows and sizes, where a key only moves a highlight. Figures: median and p95 in ms, and
the ratio of medians to the baseline's. Run: `PYTHONPATH=. python bench/bench_keys.py`.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from textual import events  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402
from textual.containers import Horizontal  # noqa: E402
from textual.widgets import OptionList  # noqa: E402
from textual.widgets.option_list import Option  # noqa: E402

from bench.synth import make_story  # noqa: E402
from tui.app import CrosswireApp  # noqa: E402
from tui.core.config import Config  # noqa: E402
from tui.core.library import Library  # noqa: E402

SIZE = (120, 36)
OUTLETS = 51
SENTENCES = 30


class FrameClock:
    """Timestamps every frame an app's screen hands to `_display`."""

    def __init__(self, app: App[Any]) -> None:
        self.frames: list[float] = []
        original = app._display

        def timed(screen: Any, renderable: Any) -> None:
            original(screen, renderable)
            if renderable is not None:
                self.frames.append(time.perf_counter())

        app._display = timed  # type: ignore[method-assign]


def _busy(app: App[Any]) -> bool:
    """True while any message queue holds work or the screen has layout or paint pending."""
    screen = app.screen
    if (
        screen._layout_required
        or screen._repaint_required
        or screen._scroll_required
        or screen._dirty_widgets
    ):
        return True
    pumps = [app, *screen.walk_children(with_self=True)]
    return any(not pump._message_queue.empty() for pump in pumps)


async def _settled(app: App[Any]) -> None:
    """Wait until every queue is empty and the screen has painted what changed.

    Quiet has to hold over two turns of the event loop: a handler may post a message or set a
    timer callback that lands a moment after the queue it ran from was drained.
    """
    quiet = 0
    for _ in range(20000):
        await asyncio.sleep(0)
        quiet = quiet + 1 if not _busy(app) else 0
        if quiet >= 3:
            return
        if quiet == 0:
            await asyncio.sleep(0.0002)


async def time_keys(app: App[Any], clock: FrameClock, keys: Sequence[str]) -> list[float]:
    """Key-to-frame milliseconds for each key in turn.

    The key event goes straight into the driver's queue, as a terminal's input would: a Pilot's
    `press` also waits for the process to look idle (at least two 20 ms sleeps), which would
    swamp what is measured here.
    """
    driver = app._driver
    assert driver is not None
    timings = []
    for key in keys:
        event = events.Key(key, key if len(key) == 1 else None)
        event.set_sender(app)
        start = time.perf_counter()
        driver.send_message(event)
        await _settled(app)
        painted = [t for t in clock.frames if t >= start]
        end = painted[-1] if painted else time.perf_counter()
        timings.append((end - start) * 1000)
    return timings


def summary(label: str, timings: list[float]) -> tuple[float, float]:
    ordered = sorted(timings)
    median = statistics.median(ordered)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    print(f"  {label:<34} median {median:6.1f} ms   p95 {p95:6.1f} ms   (n={len(ordered)})")
    return median, p95


def build_library(home: Path) -> tuple[Library, str]:
    library = Library(home)
    story = library.create_story("Bench: 51 outlets")
    articles = [replace(a, story_id=story.id) for a in make_story(OUTLETS, sentences=SENTENCES)]
    library.add_articles(story.id, articles)
    return library, story.id


class BaselineApp(App[None]):
    """Three OptionLists with crosswire's row shapes; keys only move a highlight."""

    CSS = """
    Horizontal { height: 1fr; }
    OptionList { height: 1fr; border: round $panel; }
    #sources { width: 34; }
    """

    def __init__(self, outlets: list[str], sentences: list[str]) -> None:
        super().__init__()
        self._outlets = outlets
        self._sentences = sentences

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield OptionList(
                *[
                    Option(f"{o}\n  a title of the article\n  30 ██████████ 4 own")
                    for o in self._outlets
                ],
                id="sources",
                markup=False,
            )
            yield OptionList(*self._sentences, id="article", markup=False)
            yield OptionList(*self._sentences[:8], id="diff", markup=False)


async def run_crosswire(library: Library, story_id: str) -> dict[str, list[float]]:
    app = CrosswireApp(library, story_id=story_id, config=Config())
    results: dict[str, list[float]] = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        clock = FrameClock(app)
        app.main_screen.query_one("#outlets").focus()
        await pilot.pause()
        results["sources j (first visits)"] = await time_keys(app, clock, ["j"] * (OUTLETS - 1))
        results["sources k (revisits)"] = await time_keys(app, clock, ["k"] * (OUTLETS - 1))
        app.main_screen.query_one("#sentences").focus()
        await pilot.pause()
        article = await time_keys(app, clock, ["j"] * 25 + ["k"] * 25)
        article += await time_keys(app, clock, ["j"] * 25 + ["k"] * 25)
        results["article j/k"] = article
    return results


async def run_baseline(outlets: list[str], sentences: list[str]) -> dict[str, list[float]]:
    app = BaselineApp(outlets, sentences)
    results: dict[str, list[float]] = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        clock = FrameClock(app)
        app.query_one("#sources").focus()
        await pilot.pause()
        results["sources j"] = await time_keys(app, clock, ["down"] * (OUTLETS - 1))
        results["sources k"] = await time_keys(app, clock, ["up"] * (OUTLETS - 1))
        app.query_one("#article").focus()
        await pilot.pause()
        results["article j/k"] = await time_keys(app, clock, (["down"] * 25 + ["up"] * 25) * 2)
    return results


async def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        library, story_id = build_library(Path(tmp) / "library")
        articles = library.articles(story_id)
        outlets = [a.outlet for a in articles]
        sentences = [s.text for s in articles[0].sentences]
        print(f"{OUTLETS} outlets x ~{SENTENCES} sentences, terminal {SIZE[0]}x{SIZE[1]}")
        baseline = await run_baseline(outlets, sentences)
        crosswire = await run_crosswire(library, story_id)
    print("baseline (bare OptionLists, highlight moves only):")
    base = {label: summary(label, t) for label, t in baseline.items()}
    print("crosswire main screen:")
    ours = {label: summary(label, t) for label, t in crosswire.items()}
    pairs = [
        ("sources j (first visits)", "sources j"),
        ("sources k (revisits)", "sources k"),
        ("article j/k", "article j/k"),
    ]
    print("ratio of medians (crosswire / baseline):")
    for ours_label, base_label in pairs:
        print(f"  {ours_label:<34} {ours[ours_label][0] / base[base_label][0]:5.2f}x")


if __name__ == "__main__":
    asyncio.run(main())
