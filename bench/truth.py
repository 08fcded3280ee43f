"""How well crosswire's comparison agrees with hand-made gold, story by story.

For the bundled story (gold in ../shared/truth/) and every story of the development set
(tests/fixtures/truth/{dev,test}/<story>/: the pages, manifest.json, gold.json, drift.json) this
imports the story into a fresh library, runs the comparison exactly as `crosswire compare --json`
does, and scores it with the shared scorers (../shared/truth/score.py, drift_score.py). Printed per
story and as totals (the held-out `test` split separately): pair precision / recall / F1 (pairs
pooled over the stories), junk removed, drift precision / recall (pooled), and whether the origin
claim agrees with the gold wire families: 'ok' (no origin for a story of independent reports, or
one inside a gold family), 'none' (a gold family crosswire found too little verbatim evidence for),
'WRONG' (an origin claimed outside every gold family).

    PYTHONPATH=. python bench/truth.py [--split dev|test|all] [--json] [--show STORY]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.core.export.compare_doc import compare_document  # noqa: E402
from tui.core.reader.story import StoryReader  # noqa: E402
from tui.core.store.importer import import_paths  # noqa: E402
from tui.core.store.library import Library  # noqa: E402

SHARED_TRUTH = ROOT.parent / "shared" / "truth"
DEV_SET = ROOT / "tests" / "fixtures" / "truth"
SPLITS = ("dev", "test", "holdout")
"""`dev` is tuned on; `test` is held out but its failures have been read; `holdout` stories were
labelled by someone who never ran crosswire on them and are only ever scored."""


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, SHARED_TRUTH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class TruthStory:
    """One labelled story: where its pages are and where its gold is."""

    name: str
    split: str
    pages: Path
    gold: Path
    drift: Path


def stories() -> list[TruthStory]:
    found = [
        TruthStory(
            "seeds",
            "seeds",
            ROOT / "seeds",
            SHARED_TRUTH / "seeds_gold.json",
            SHARED_TRUTH / "seeds_drift.json",
        )
    ]
    for split in SPLITS:
        if not (DEV_SET / split).is_dir():
            continue
        for folder in sorted((DEV_SET / split).iterdir()):
            if (folder / "gold.json").is_file():
                found.append(
                    TruthStory(
                        folder.name, split, folder, folder / "gold.json", folder / "drift.json"
                    )
                )
    return found


def compare_json(pages: Path) -> dict[str, object]:
    """`crosswire compare --json` of the story in `pages`, imported into a fresh library."""
    with tempfile.TemporaryDirectory() as home:
        library = Library(Path(home))
        report = import_paths(library, [pages])
        story_id = report.imported[0].article.story_id
        story, articles, alignment = StoryReader(library).open(story_id, file_now=False)
        return json.loads(json.dumps(compare_document(story, articles, alignment)))


def _pair_counts(score: ModuleType, gold_path: Path, tool_path: Path) -> tuple[int, int, int]:
    """True positives, false positives and false negatives of the scorer's pair measure."""
    result = score.main(str(gold_path), str(tool_path))
    p, r = result["pair_p"], result["pair_r"]
    gold = json.loads(gold_path.read_text())
    members = [(m["doc"], c["id"]) for c in gold["clusters"] for m in c["members"]]
    gold_pairs = sum(
        1
        for i, (d1, c1) in enumerate(members)
        for d2, c2 in members[i + 1 :]
        if d1 != d2 and c1 == c2
    )
    tp = round(r * gold_pairs)
    fp = round(tp / p - tp) if p else 0
    return tp, fp, gold_pairs - tp


def origin_verdict(tool: dict[str, object], drift_gold: dict[str, object]) -> str:
    """'ok' when the origin claim is right: none for a story of independent reports, else an
    article of a gold wire family; 'none' when the gold has a family but crosswire names no
    origin (too little near-verbatim evidence: a miss, not a false claim); 'WRONG' otherwise."""
    origin_gold = drift_gold.get("origin") or {}
    families = [f for f in origin_gold.get("families", []) if len(f.get("docs", [])) >= 2]
    story = tool["story"]
    origin = story.get("origin") if isinstance(story, dict) else None
    if origin is None:
        return "none" if families else "ok"
    source = next(a["source"] for a in tool["articles"] if a["id"] == origin)
    in_family = any(Path(str(source)).name in f["docs"] for f in families)
    return "ok" if in_family else "WRONG"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    parser.add_argument("--json", action="store_true", help="one JSON document instead of a table")
    parser.add_argument("--show", help="print the scorers' leaked/false/missed lists for STORY")
    args = parser.parse_args()
    score, drift_score = _load("score"), _load("drift_score")
    rows = []
    for story in stories():
        if args.split != "all" and story.split not in (args.split, "seeds"):
            continue
        tool = compare_json(story.pages)
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as out:
            json.dump(tool, out)
        tool_path = Path(out.name)
        pairs = score.main(str(story.gold), str(tool_path))
        tp, fp, fn = _pair_counts(score, story.gold, tool_path)
        drift = drift_score.main(str(story.drift), str(tool_path))
        origin_ok = origin_verdict(tool, json.loads(story.drift.read_text()))
        tool_path.unlink()
        rows.append(
            {
                "story": story.name,
                "split": story.split,
                "pair_p": pairs["pair_p"],
                "pair_r": pairs["pair_r"],
                "pair_f1": pairs["pair_f1"],
                "tp": tp,
                "fp": fp,
                "fn": fn,
                "junk_removed": pairs["junk_removed"],
                "article_recall": pairs["article_recall"],
                "drift_reported": drift["reported"],
                "drift_true": drift["true_hits"],
                "drift_gold": drift["gold"],
                "drift_found": round(drift["recall"] * drift["gold"]),
                "origin_ok": origin_ok,
            }
        )
        if args.show == story.name:
            print(json.dumps({"pairs": pairs, "drift": drift}, indent=1))
    totals = {name: _total([r for r in rows if r["split"] in splits]) for name, splits in (
        ("seeds", {"seeds"}), ("dev", {"dev"}), ("test", {"test"}), ("holdout", {"holdout"}),
        ("dev+test", {"dev", "test"}))}
    totals = {name: total for name, total in totals.items() if total}
    if args.json:
        print(json.dumps({"stories": rows, "totals": totals}, indent=1))
        return 0
    head = f"{'story':32} {'split':5} {'P':>5} {'R':>5} {'F1':>5} {'junk':>5} {'art':>5} "
    print(head + f"{'drift P':>8} {'drift R':>8} origin")
    for r in rows:
        print(
            f"{r['story']:32} {r['split']:5} {r['pair_p']:5.3f} {r['pair_r']:5.3f} "
            f"{r['pair_f1']:5.3f} {r['junk_removed']:5.3f} {r['article_recall']:5.3f} "
            f"{_ratio(r['drift_true'], r['drift_reported']):>8} "
            f"{_ratio(r['drift_found'], r['drift_gold']):>8} {r['origin_ok']}"
        )
    for name, t in totals.items():
        if t:
            print(
                f"{'TOTAL ' + name:32} {'':5} {t['pair_p']:5.3f} {t['pair_r']:5.3f} "
                f"{t['pair_f1']:5.3f} {t['junk_removed']:5.3f} {'':5} {t['drift_p']:8.3f} "
                f"{t['drift_r']:8.3f} {t['origin_ok']}"
            )
    return 0


def _ratio(a: int, b: int) -> str:
    return f"{a}/{b}"


def _total(rows: list[dict[str, object]]) -> dict[str, object]:
    """Pairs and drifts pooled over the stories; junk removed as the mean of the stories."""
    if not rows:
        return {}
    tp = sum(int(r["tp"]) for r in rows)
    fp = sum(int(r["fp"]) for r in rows)
    fn = sum(int(r["fn"]) for r in rows)
    p = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    reported = sum(int(r["drift_reported"]) for r in rows)
    gold = sum(int(r["drift_gold"]) for r in rows)
    return {
        "pair_p": round(p, 3),
        "pair_r": round(rec, 3),
        "pair_f1": round(2 * p * rec / (p + rec), 3) if p + rec else 0.0,
        "mean_story_f1": round(sum(float(r["pair_f1"]) for r in rows) / len(rows), 3),
        "junk_removed": round(sum(float(r["junk_removed"]) for r in rows) / len(rows), 3),
        "drift_p": round(sum(int(r["drift_true"]) for r in rows) / reported, 3) if reported else 1.0,
        "drift_r": round(sum(int(r["drift_found"]) for r in rows) / gold, 3) if gold else 1.0,
        "origin_ok": f"{sum(r['origin_ok'] == 'ok' for r in rows)}/{len(rows)} ok, "
        f"{sum(r['origin_ok'] == 'WRONG' for r in rows)} wrong",
    }


if __name__ == "__main__":
    raise SystemExit(main())
