"""``python -m tests.berichten.corpus``: fetch the corpus messages into the cache, checking each blob id."""

from __future__ import annotations

import sys
import urllib.request

from tests.berichten.corpus import berichten, blob_id, bron_url, cache, pad


def main() -> int:
    cache().mkdir(parents=True, exist_ok=True)
    fout = 0
    for b in berichten():
        if pad(b).exists():
            continue
        with urllib.request.urlopen(bron_url(b), timeout=30) as antwoord:  # noqa: S310 — fixed https URL
            data = antwoord.read()
        if blob_id(data) != b["blob"]:
            print(f"{b['pad']}: blob id klopt niet", file=sys.stderr)
            fout += 1
            continue
        pad(b).write_bytes(data)
    print(f"{len(berichten()) - fout} berichten in {cache()}")
    return 1 if fout else 0


if __name__ == "__main__":
    sys.exit(main())
