"""Messages/s of ``validate`` (read + XSD + binding + field rules) vs bare lxml parse + XSD validate.

Run: ``.venv/bin/python bench/ijw_validate.py [rondes]``. Uses the example messages from the tests and a
JW323 with 200 prestaties. Bare and ``validate`` are measured alternately, ``rondes`` times (default 5), so load
from other processes hits both; prints the median rates and the median of the per-round ratios.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the example messages live in tests/

import statistics
import time

from lxml import etree

from jeugdhulp.berichten.ijw import build, validate
from jeugdhulp.berichten.ijw.schemas import schema
from tests.berichten import voorbeelden as vb


def _rate(f, data: bytes, seconden: float = 0.4) -> float:
    n, start = 0, time.perf_counter()
    while (verstreken := time.perf_counter() - start) < seconden:
        for _ in range(50):
            f(data)
        n += 50
    return n / verstreken


def main() -> None:
    rondes = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    groot = vb.jw323_bericht(*(vb.prestatie(f"P-{i}") for i in range(200)))
    berichten = {soort: build(maak()) for soort, maak in vb.GELDIG.items()}
    berichten["JW323x200"] = build(groot)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    print(f"{'bericht':10} {'bytes':>7} {'bare/s':>9} {'validate/s':>11} {'ratio':>6}")
    for naam, data in berichten.items():
        s = schema(naam[:5])

        def kaal(d, s=s):
            s.validate(etree.fromstring(d, parser))

        validate(data)  # warm up: compile the schema and the binding
        metingen = [(_rate(kaal, data), _rate(validate, data)) for _ in range(rondes)]
        kaal_rate = statistics.median(k for k, _ in metingen)
        vol_rate = statistics.median(v for _, v in metingen)
        ratio = statistics.median(v / k for k, v in metingen)
        print(f"{naam:10} {len(data):7} {kaal_rate:9.0f} {vol_rate:11.0f} {ratio:6.0%}", flush=True)


if __name__ == "__main__":
    main()
