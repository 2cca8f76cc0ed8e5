"""Public iJw sample messages written by others, kept by provenance only (``manifest.json``): this repository does
not copy them. ``python -m tests.berichten.corpus`` downloads each at its commit into the cache
(``$JEUGDHULP_IJW_CORPUS``, default ``~/.cache/jeugdhulp/ijw-corpus``) and checks its git blob id;
``tests/berichten/test_corpus.py`` judges every cached one and skips, saying so, when the cache is empty."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

MANIFEST = Path(__file__).with_name("manifest.json")


def berichten() -> list[dict]:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))["berichten"]


def cache() -> Path:
    return Path(os.environ.get("JEUGDHULP_IJW_CORPUS") or Path.home() / ".cache" / "jeugdhulp" / "ijw-corpus")


def blob_id(data: bytes) -> str:
    """The git blob id of ``data``: the file is exactly the one at that commit."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def pad(bericht: dict) -> Path:
    return cache() / f"{bericht['blob']}.xml"


def bron_url(bericht: dict) -> str:
    from urllib.parse import quote

    return f"https://raw.githubusercontent.com/{bericht['repository']}/{bericht['commit']}/{quote(bericht['pad'])}"
