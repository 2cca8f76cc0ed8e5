"""Messages written by others (public iJw samples, see ``corpus/manifest.json``): each gets the verdict the standard
gives, with the rules that decide it, from ``validate`` and from the ``jeugdhulp ijw validate`` CLI."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from jeugdhulp.berichten.ijw import validate
from jeugdhulp.berichten.ijw.cli import main
from tests.berichten import corpus

VANDAAG = dt.date(2026, 12, 6)
BERICHTEN = corpus.berichten()


def _lees(bericht) -> bytes:
    pad = corpus.pad(bericht)
    if not pad.exists():
        pytest.skip(f"corpus not cached in {corpus.cache()}: run python -m tests.berichten.corpus")
    data = pad.read_bytes()
    assert corpus.blob_id(data) == bericht["blob"]
    return data


def test_manifest_heeft_herkomst_en_reden():
    assert len(BERICHTEN) >= 25 and any(b["geldig"] for b in BERICHTEN) and not all(b["geldig"] for b in BERICHTEN)
    for b in BERICHTEN:
        assert b["repository"] and len(b["commit"]) == 40 and b["pad"] and len(b["blob"]) == 40 and b["reden"]
        assert b["geldig"] == (not b["regels"])


@pytest.mark.parametrize("bericht", BERICHTEN, ids=[f"{b['blob'][:8]}-{b['berichtsoort']}" for b in BERICHTEN])
def test_oordeel_zoals_de_standaard(bericht):
    r = validate(_lees(bericht), vandaag=VANDAAG)
    assert (r.berichtsoort, r.geldig) == (bericht["berichtsoort"], bericht["geldig"]), r.bevindingen
    assert sorted({b.regel for b in r.bevindingen}) == bericht["regels"]


def test_cli_geeft_dezelfde_oordelen(time_machine, capsys):
    aanwezig = [b for b in BERICHTEN if corpus.pad(b).exists()]
    if not aanwezig:
        pytest.skip(f"corpus not cached in {corpus.cache()}: run python -m tests.berichten.corpus")
    time_machine.move_to(dt.datetime(2026, 12, 6, 12, tzinfo=dt.UTC), tick=False)
    code = main(["validate", "--json", *(str(corpus.pad(b)) for b in aanwezig)])
    uit = json.loads(capsys.readouterr().out)
    assert [(u["berichtsoort"], u["geldig"]) for u in uit] == [(b["berichtsoort"], b["geldig"]) for b in aanwezig]
    assert code == (0 if all(b["geldig"] for b in aanwezig) else 1)
