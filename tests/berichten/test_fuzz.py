"""Fuzzing: thousands of mutated messages through reader and validator, never an unhandled exception."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from jeugdhulp.berichten.ijw import BERICHTSOORTEN, Resultaat, build, validate
from tests.berichten.strategieen import berichten

SOORTEN = sorted(BERICHTSOORTEN)


def _mutaties(data: bytes, rnd: random.Random) -> list[bytes]:
    result = []
    b = bytearray(data)
    for _ in range(3):  # byte flips
        i = rnd.randrange(len(b))
        b[i] = rnd.randrange(256)
    result.append(bytes(b))
    result.append(data[: rnd.randrange(len(data))])  # truncation
    root = etree.fromstring(data)
    elementen = [e for e in root.iter() if e is not root]
    for _ in range(4):
        boom = etree.fromstring(data)
        alle = [e for e in boom.iter() if e is not boom]
        e = alle[rnd.randrange(len(alle))]
        actie = rnd.choice(["drop", "dup", "swap", "tekst"])
        if actie == "drop":
            e.getparent().remove(e)
        elif actie == "dup":
            e.addnext(etree.fromstring(etree.tostring(e)))
        elif actie == "swap":
            ander = elementen[rnd.randrange(len(elementen))]
            e.text = ander.text
        else:
            e.text = rnd.choice(["", " ", "-1", "99999999999", "2024-02-30", "24:00:00", "x" * 300, "\u00e9"])
        result.append(etree.tostring(boom))
    return result


@settings(max_examples=350, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(SOORTEN).flatmap(berichten), st.randoms(use_true_random=False))
def test_mutaties_geven_nooit_een_exceptie(bericht, rnd):
    for data in _mutaties(build(bericht, valideren=False), rnd):
        r = validate(data)
        assert isinstance(r, Resultaat)
        assert r.geldig or r.bevindingen


@settings(max_examples=600, deadline=None)
@given(st.binary(max_size=300))
def test_willekeurige_bytes(data):
    r = validate(data)
    assert not r.geldig and r.bevindingen[0].retourcode == "0001"
