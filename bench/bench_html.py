"""Article extraction from saved web pages: the extractor's F1 and crosswire's F1 after cleaning.

Run: PYTHONPATH=. python bench/bench_html.py [--pages ../shared/html-dev] [--candidates]

Scored as the public article-extraction benchmark scores (`../shared/html-dev/README.md`):
precision / recall / F1 over the multiset of 4-word shingles of lower-cased words, against the
hand-made body of each page; means over pages. Rows:

- `extractor`: what `core.ingest.html_page.extract_page` returns (the body, no headline);
- `crosswire body`: what crosswire keeps once its cleaning and sentence splitting ran on the
  stored raw text (headline line + body), headline sentence left out, since the true bodies
  leave out the headline;
- `crosswire all kept`: the same with the headline sentence counted too.

With `--candidates` it also scores the other extractors measured for the choice: trafilatura's
defaults and `favor_precision`, readability-lxml (its summary HTML reduced to text by lxml) and
jusText (its non-boilerplate paragraphs), each with its median time per page.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.core.ingest.clean import clean_text  # noqa: E402
from tui.core.ingest.html_page import PageError, extract_page  # noqa: E402

_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    """The multiset of `size`-word shingles of lower-cased words (whole text if shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


def prf(found: str, truth: str) -> tuple[float, float, float]:
    """Shingle precision, recall and F1 of `found` against `truth` (an empty pair scores 1)."""
    a, b = shingles(found), shingles(truth)
    if not a and not b:
        return 1.0, 1.0, 1.0
    common = sum((a & b).values())
    p = common / sum(a.values()) if a else 0.0
    r = common / sum(b.values()) if b else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def crosswire_texts(html: bytes, url: str | None) -> tuple[str, str, str]:
    """(extractor text, crosswire body sentences, crosswire every kept sentence)."""
    try:
        page = extract_page(html, url=url)
    except PageError:
        return "", "", ""
    cleaned = clean_text(page.raw_text(), extracted=True)
    body = "\n".join(s.text for s in cleaned.sentences if s.kind != "title")
    return page.text, body, "\n".join(s.text for s in cleaned.sentences)


def _trafilatura(**options: bool) -> Callable[[bytes], str]:
    import trafilatura

    def run(html: bytes) -> str:
        return trafilatura.extract(html, **options) or ""

    return run


def _readability(html: bytes) -> str:
    import lxml.html
    from readability import Document

    summary = Document(html).summary(html_partial=True)
    tree = lxml.html.fromstring(summary)
    blocks = tree.xpath("//p|//h1|//h2|//h3|//h4|//li|//blockquote|//pre")
    text = "\n".join(b.text_content().strip() for b in blocks if b.text_content().strip())
    return text or tree.text_content()


def _justext(html: bytes) -> str:
    import justext

    paragraphs = justext.justext(html, justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def _score(name: str, rows: list[tuple[float, float, float]], times: list[float]) -> None:
    p, r, f = (statistics.fmean(col) for col in zip(*rows, strict=True))
    median_f = statistics.median(row[2] for row in rows)
    print(
        f"{name:<34} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (median F1 {median_f:.3f})"
        f"  {statistics.median(times) * 1000:6.1f} ms/page"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=Path, default=ROOT.parent / "shared" / "html-dev")
    parser.add_argument("--candidates", action="store_true", help="also score other extractors")
    args = parser.parse_args()
    truth = json.loads((args.pages / "truth.json").read_text(encoding="utf-8"))
    pages = {name: gzip.decompress((args.pages / f"{name}.html.gz").read_bytes()) for name in truth}
    print(f"{len(pages)} pages from {args.pages}")

    extractor, body, kept, times = [], [], [], []
    for name, html in pages.items():
        start = time.perf_counter()
        texts = crosswire_texts(html, truth[name].get("url"))
        times.append(time.perf_counter() - start)
        gold = truth[name]["body"]
        extractor.append(prf(texts[0], gold))
        body.append(prf(texts[1], gold))
        kept.append(prf(texts[2], gold))
    _score("extractor (trafilatura, crosswire)", extractor, times)
    _score("crosswire body", body, times)
    _score("crosswire all kept", kept, times)
    worst = sorted(zip((row[2] for row in body), pages, strict=True))[:5]
    print("lowest crosswire body F1:", ", ".join(f"{n} {f:.2f}" for f, n in worst))

    if not args.candidates:
        return
    candidates: dict[str, Callable[[bytes], str]] = {
        "trafilatura defaults": _trafilatura(),
        "trafilatura favor_precision": _trafilatura(favor_precision=True),
        "trafilatura no comments": _trafilatura(include_comments=False),
        "readability-lxml": _readability,
        "jusText": _justext,
    }
    for label, extract in candidates.items():
        rows, cand_times = [], []
        for name, html in pages.items():
            start = time.perf_counter()
            try:
                text = extract(html)
            except Exception:  # noqa: BLE001 - a candidate failing on a page scores 0 there
                text = ""
            cand_times.append(time.perf_counter() - start)
            rows.append(prf(text, truth[name]["body"]))
        _score(label, rows, cand_times)


if __name__ == "__main__":
    main()
