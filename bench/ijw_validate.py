"""Messages/s of ``validate`` (read + XSD + binding + field rules) vs bare lxml parse + XSD validate.

Run: ``PYTHONPATH=src:. .venv/bin/python bench/ijw_validate.py``. Uses the example messages from the tests and a
JW323 with 200 prestaties. Prints both rates and their ratio per message.
"""

from __future__ import annotations

import time

from lxml import etree

from jeugdhulp.berichten.ijw import build, validate
from jeugdhulp.berichten.ijw.schemas import schema
from tests.berichten import voorbeelden as vb


def _rate(f, data: bytes, seconden: float = 1.0) -> float:
    n, start = 0, time.perf_counter()
    while (verstreken := time.perf_counter() - start) < seconden:
        for _ in range(50):
            f(data)
        n += 50
    return n / verstreken


def main() -> None:
    groot = vb.jw323_bericht(*(vb.prestatie(f"P-{i}") for i in range(200)))
    berichten = {soort: build(maak()) for soort, maak in vb.GELDIG.items()}
    berichten["JW323x200"] = build(groot)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    print(f"{'bericht':10} {'bytes':>7} {'bare/s':>9} {'validate/s':>11} {'ratio':>6}")
    for naam, data in berichten.items():
        s = schema(naam[:5])

        def kaal(d, s=s):
            s.validate(etree.fromstring(d, parser))

        kaal_rate, vol_rate = _rate(kaal, data), _rate(validate, data)
        print(f"{naam:10} {len(data):7} {kaal_rate:9.0f} {vol_rate:11.0f} {vol_rate / kaal_rate:6.0%}")


if __name__ == "__main__":
    main()
