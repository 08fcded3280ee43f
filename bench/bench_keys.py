"""Key-to-update time of the main screen on a 51-outlet story, against a bare OptionList app.

What is measured is what the reader sees, in painted frames. The app runs headless under a Pilot;
`app._display`, which the screen calls with each finished compositor update (the frame, rendered:
headless only skips writing it to a terminal), is wrapped to note the time of every frame and what
it shows: the highlighted outlet in Sources, the outlet whose rows Article holds and its
highlighted sentence, and the sentence the Diff is showing. Key events go straight into the driver's
queue, as a terminal's input thread would put them.

- Single key: one key, then wait until nothing is left to do, including a Diff update the app
  deferred (tui/widgets/diff_view.py defers it for moves in quick succession). Two figures per
  key: "first update", key to the first frame where Sources and Article show where the key led;
  and "settled", key to the first frame where the Diff shows that sentence too. Settled is the
  honest end of a single key press.
- Held key: keys arrive on a clock at a terminal's repeat rate (`REPEAT_HZ`), whether or not the
  app has caught up. "lag" is, per key, the time from when it was due to the first frame whose
  Article is at least that far (the outlet, or the sentence); "release to settled" is from the
  last key to the frame where the Diff shows the last sentence (one figure per burst).
- Single keys come `TAP_GAP_S` apart, as a reader taps: the app is idle when each arrives. Idle
  means idle: whatever the app does while the cursor rests (the main screen has the panes prepare
  what `j`/`k` would show next, tui/screens/prepare_ahead.py) is queued work, and is waited for
  before the next key, as a reader's pause would let it finish.

Presses: Sources `j` x50 (first visit to each outlet: Article and Diff rows are new) and `k` x50
(revisits), Article `j`/`k` (sentence moves: only the Diff follows), each as single keys and as
held bursts. The baseline is the same presses on a minimal app: one OptionList per pane with the
same rows and sizes, where a key only moves a highlight (its first update is its settled frame).
Both include Textual's frame pacing (a screen repaints on a 60 fps timer). Figures: median and
p95 in ms, and ratios of medians to the baseline's. Run: `PYTHONPATH=. python bench/bench_keys.py`.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
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
from tui.core.store.config import Config  # noqa: E402
from tui.core.store.library import Library  # noqa: E402
from tui.widgets.article_view import ArticleView  # noqa: E402
from tui.widgets.diff_view import DiffView  # noqa: E402

SIZE = (120, 36)
OUTLETS = 51
SENTENCES = 30
REPEAT_HZ = 30
"""Keys per second of a held key (terminals repeat at 25-33 a second)."""

TAP_GAP_S = 0.1
"""Rest before each single key: a reader tapping a key, not holding it (held keys repeat faster
than the Diff's settle delay, and are measured on their own)."""

Shown = tuple[object, object]
"""What a frame shows, comparable: (what Sources and Article show, what the Diff shows)."""


class FrameClock:
    """Notes the time of every frame an app's screen hands to `_display`, and what it shows."""

    def __init__(self, app: App[Any], shown: Callable[[], Shown]) -> None:
        self.frames: list[tuple[float, Shown]] = []
        self.shown = shown
        original = app._display

        def timed(screen: Any, renderable: Any) -> None:
            original(screen, renderable)
            if renderable is not None:
                self.frames.append((time.perf_counter(), shown()))

        app._display = timed  # type: ignore[method-assign]

    def first(self, since: float, test: Callable[[Shown], bool]) -> float | None:
        """Time of the first frame at or after `since` whose shown state passes `test`."""
        return next((t for t, shown in self.frames if t >= since and test(shown)), None)


def _busy(app: App[Any]) -> bool:
    """True while any message queue holds work, the screen has layout or paint pending, or the
    Diff waits to follow the cursor."""
    screen = app.screen
    if (
        screen._layout_required
        or screen._repaint_required
        or screen._scroll_required
        or screen._dirty_widgets
    ):
        return True
    if any(getattr(diff, "pending", False) for diff in screen.query(DiffView)):
        return True
    pumps = [app, *screen.walk_children(with_self=True)]
    return any(not pump._message_queue.empty() for pump in pumps)


async def _settled(app: App[Any]) -> None:
    """Wait until every queue is empty, nothing waits, and the screen has painted what changed.

    Quiet has to hold over a few turns of the event loop: a handler may post a message or set a
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


def _send(app: App[Any], key: str) -> None:
    """Hand a key to the driver's queue, as a terminal's input would. (A Pilot's `press` also
    waits for the process to look idle, at least two 20 ms sleeps, which would swamp the figure.)"""
    driver = app._driver
    assert driver is not None
    event = events.Key(key, key if len(key) == 1 else None)
    event.set_sender(app)
    driver.send_message(event)


async def single_keys(
    app: App[Any], clock: FrameClock, keys: Sequence[str]
) -> tuple[list[float], list[float]]:
    """Per key: ms to the first frame showing the new cursor, and to the frame showing all of it."""
    first_update: list[float] = []
    settled: list[float] = []
    for key in keys:
        await asyncio.sleep(TAP_GAP_S)
        await _settled(app)
        start = time.perf_counter()
        _send(app, key)
        await _settled(app)
        final = clock.shown()
        end = time.perf_counter()
        cursor_at = clock.first(start, lambda shown, f=final: shown[0] == f[0]) or end
        all_at = clock.first(start, lambda shown, f=final: shown == f) or end
        first_update.append((cursor_at - start) * 1000)
        settled.append((all_at - start) * 1000)
    return first_update, settled


async def held_keys(
    app: App[Any], clock: FrameClock, key: str, count: int, position: Callable[[object], int]
) -> tuple[list[float], float]:
    """`count` presses of `key` due every 1/REPEAT_HZ s: per-key lag (ms) and release to settled.

    `position` turns a shown cursor into how far the keys have moved it (monotonic for one key).
    """
    start_at = position(clock.shown()[0])
    step = 1 if key in ("j", "down") else -1
    due: list[float] = []
    began = time.perf_counter()
    for number in range(count):
        when = began + number / REPEAT_HZ
        delay = when - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        due.append(when)
        _send(app, key)
    await _settled(app)
    final = clock.shown()
    end = time.perf_counter()
    lags = []
    for number, when in enumerate(due):
        target = start_at + step * (number + 1)
        seen = clock.first(when, lambda shown, t=target: step * (position(shown[0]) - t) >= 0)
        lags.append(((seen or end) - when) * 1000)
    settled_at = clock.first(due[-1], lambda shown: shown == final) or end
    return lags, (settled_at - due[-1]) * 1000


def summary(label: str, timings: list[float]) -> tuple[float, float]:
    ordered = sorted(timings)
    median = statistics.median(ordered)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    print(f"  {label:<40} median {median:6.1f} ms   p95 {p95:6.1f} ms   (n={len(ordered)})")
    return median, p95


def build_library(home: Path) -> tuple[Library, str]:
    library = Library(home)
    story = library.create_story("Bench: 51 outlets")
    articles = [a._replace(story_id=story.id) for a in make_story(OUTLETS, sentences=SENTENCES)]
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


BURST = 20
"""Keys per held burst (two thirds of a second at REPEAT_HZ)."""


async def run_crosswire(library: Library, story_id: str) -> dict[str, list[float]]:
    app = CrosswireApp(library, story_id=story_id, config=Config())
    results: dict[str, list[float]] = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        main = app.main_screen
        diff = main.query_one(DiffView)
        article = main.query_one(ArticleView)
        outlets = main.query_one("#outlets", OptionList)
        sentences = main.query_one("#sentences", OptionList)

        def shown() -> Shown:
            # Sources' highlight, the outlet Article shows and its highlight; the Diff's sentence.
            article_id = article._shown[0] if article._shown else None
            panes = (outlets.highlighted, article_id, sentences.highlighted)
            return panes, diff._shown[1] if diff._shown else None

        clock = FrameClock(app, shown)
        order = {option.id: index for index, option in enumerate(outlets.options)}

        def outlet_position(panes: object) -> int:
            return order.get(panes[1], -1)  # type: ignore[index]

        def sentence_position(panes: object) -> int:
            return panes[2] if panes[2] is not None else -1  # type: ignore[index]

        outlets.focus()
        await _settled(app)
        first, done = await single_keys(app, clock, ["j"] * (OUTLETS - 1))
        results["sources j first visits: first update"] = first
        results["sources j first visits: settled"] = done
        first, done = await single_keys(app, clock, ["k"] * (OUTLETS - 1))
        results["sources k revisits: first update"] = first
        results["sources k revisits: settled"] = done
        main.query_one("#sentences").focus()
        await _settled(app)
        first, done = await single_keys(app, clock, (["j"] * 25 + ["k"] * 25) * 2)
        results["article j/k: first update"] = first
        results["article j/k: settled"] = done
        # Held keys: bursts down and back up, Sources on outlets it has not shown yet first.
        app.reader.forget(story_id)
        main.open_story(story_id)
        await app.workers.wait_for_complete()
        await _settled(app)
        outlets.focus()
        await _settled(app)
        for name, key, position in [
            ("sources", "j", outlet_position),
            ("sources", "k", outlet_position),
            ("sources", "j", outlet_position),
            ("article", "j", sentence_position),
            ("article", "k", sentence_position),
        ]:
            main.query_one("#outlets" if name == "sources" else "#sentences").focus()
            await _settled(app)
            if name == "article":
                # Start where a burst has room to move: at the top for j, the bottom for k
                # (a burst that hits the end would time the keys that move nothing).
                _send(app, "g" if key == "j" else "G")
                await _settled(app)
            lags, release = await held_keys(app, clock, key, BURST, position)
            results.setdefault(f"{name} held: lag per key", []).extend(lags)
            results.setdefault(f"{name} held: release to settled", []).append(release)
    return results


async def run_baseline(outlets: list[str], sentences: list[str]) -> dict[str, list[float]]:
    app = BaselineApp(outlets, sentences)
    results: dict[str, list[float]] = {}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()

        def shown() -> Shown:
            focused = app.focused
            highlighted = focused.highlighted if isinstance(focused, OptionList) else None
            return highlighted, highlighted

        def position(highlighted: object) -> int:
            return highlighted if isinstance(highlighted, int) else -1

        clock = FrameClock(app, shown)
        app.query_one("#sources").focus()
        await _settled(app)
        results["sources j"], _ = await single_keys(app, clock, ["down"] * (OUTLETS - 1))
        results["sources k"], _ = await single_keys(app, clock, ["up"] * (OUTLETS - 1))
        app.query_one("#article").focus()
        await _settled(app)
        results["article j/k"], _ = await single_keys(app, clock, (["down"] * 25 + ["up"] * 25) * 2)
        app.query_one("#sources").focus()
        await _settled(app)
        for key in ("down", "up"):
            lags, _ = await held_keys(app, clock, key, BURST, position)
            results.setdefault("held: lag per key", []).extend(lags)
    return results


async def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        library, story_id = build_library(Path(tmp) / "library")
        articles = library.articles(story_id)
        outlets = [a.outlet for a in articles]
        sentences = [s.text for s in articles[0].sentences]
        print(
            f"{OUTLETS} outlets x ~{SENTENCES} sentences, terminal {SIZE[0]}x{SIZE[1]},"
            f" held keys at {REPEAT_HZ}/s in bursts of {BURST}"
        )
        baseline = await run_baseline(outlets, sentences)
        crosswire = await run_crosswire(library, story_id)
    print("baseline (bare OptionLists, highlight moves only):")
    base = {label: summary(label, t) for label, t in baseline.items()}
    print("crosswire main screen:")
    ours = {label: summary(label, t) for label, t in crosswire.items()}
    pairs = [
        ("sources j first visits: first update", "sources j"),
        ("sources j first visits: settled", "sources j"),
        ("sources k revisits: first update", "sources k"),
        ("sources k revisits: settled", "sources k"),
        ("article j/k: first update", "article j/k"),
        ("article j/k: settled", "article j/k"),
        ("sources held: lag per key", "held: lag per key"),
        ("article held: lag per key", "held: lag per key"),
    ]
    print("ratio of medians (crosswire / baseline):")
    for ours_label, base_label in pairs:
        print(f"  {ours_label:<40} {ours[ours_label][0] / base[base_label][0]:5.2f}x")


if __name__ == "__main__":
    asyncio.run(main())
