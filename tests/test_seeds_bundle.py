"""The bundled story ships the five scraped pages unchanged, and the manifest names each one."""

from __future__ import annotations

import hashlib
import json

from tests.conftest import SEEDS_DIR

SEED_SHA256 = {
    name: hashlib.sha256((SEEDS_DIR / name).read_bytes()).hexdigest()
    for name in sorted(p.name for p in SEEDS_DIR.glob("*.txt"))
}

EXPECTED_SHA256 = {
    "000_436ac72399c15299.txt": "b7db8c24affa3ad2972e5e9330f21d7c99f80fb2dd308344b888e3ca5f31c5e4",
    "001_9fd815b9ea2c61de.txt": "8f0ce56235cc08bdaa9428f2753703d02bfbcd45e122b36598181ba5c7d7e92b",
    "002_a2a8c4a79b6799b3.txt": "09312805e042a1943ea3e54901ca62517159f80aa8307e6ac4b6f80e74ff282f",
    "003_d7bb37f40b9910b9.txt": "0491e333bf609ac919b573b8e116ace2663b45f92383d587c1450d38f0f3ec07",
    "004_5b5dc9eb8f601fe5.txt": "38addaaac07aa554b34f153fb58b9b95aad3798a6a8e0346a546be723a62d33a",
}
"""Digests of ../shared/seeds as received: a changed byte in seeds/ fails here."""


def test_seed_files_are_byte_for_byte_the_scraped_pages() -> None:
    assert SEED_SHA256 == EXPECTED_SHA256


def test_manifest_names_outlet_and_url_of_every_seed() -> None:
    manifest = json.loads((SEEDS_DIR / "manifest.json").read_text(encoding="utf-8"))
    files = manifest["files"]
    assert sorted(files) == sorted(EXPECTED_SHA256)
    outlets = {name: entry["outlet"] for name, entry in files.items()}
    assert outlets == {
        "000_436ac72399c15299.txt": "Ground News",
        "001_9fd815b9ea2c61de.txt": "CRBC News",
        "002_a2a8c4a79b6799b3.txt": "Portugal Colonial",
        "003_d7bb37f40b9910b9.txt": "TRT World",
        "004_5b5dc9eb8f601fe5.txt": "SadaNews",
    }
    assert all(entry["url"].startswith("https://") for entry in files.values())
