"""Hypothesis strategies that generate schema-valid iJw messages, driven by the XSD model.

Every simple type is generated from its facets (enumeration, pattern, length, bounds); every complex type from
its element sequence (optional elements present or absent, repeating elements 1..3 times). The strategies know
nothing about individual messages, so a schema change is picked up automatically.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from hypothesis import strategies as st

from jeugdhulp.berichten.ijw import binding
from jeugdhulp.berichten.ijw.xsdmodel import Enkelvoudig

# Text that survives XML unchanged: no control characters, no \r; mostly letters so patterns are satisfied.
ALFABET = st.characters(
    codec="utf-8",
    categories=("Lu", "Ll", "Nd", "Zs", "Pd", "Po"),
    exclude_characters="\u2028\u2029\x85",
)


def xsd_regex(patroon: str) -> str:
    """Translate the XSD regex subset used by iJw into an anchored Python regex."""
    uit, in_klasse, i = [], False, 0
    while i < len(patroon):
        c = patroon[i]
        if c == "\\" and i + 1 < len(patroon):
            n = patroon[i + 1]
            if n == "s":
                uit.append(" \\t\\n\\r" if in_klasse else "[ \\t\\n\\r]")
            elif n == "S":
                if in_klasse:
                    raise ValueError(f"\\S inside a class is not supported: {patroon}")
                uit.append("[^ \\t\\n\\r]")
            else:
                uit.append(c + n)
            i += 2
            continue
        if c == "[":
            in_klasse = True
        elif c == "]":
            in_klasse = False
        elif c == "." and not in_klasse:
            c = "[^\\n\\r]"
        uit.append(c)
        i += 1
    return "\\A(?:" + "".join(uit) + ")\\Z"


def _voldoet(t: Enkelvoudig):
    stappen = [[re.compile(xsd_regex(p)) for p in stap] for stap in t.patronen]

    def ok(s: str) -> bool:
        if t.min_lengte is not None and len(s) < t.min_lengte:
            return False
        if t.max_lengte is not None and len(s) > t.max_lengte:
            return False
        return all(any(r.match(s) for r in stap) for stap in stappen)

    return ok


@cache
def enkelvoudig(t: Enkelvoudig) -> st.SearchStrategy:
    ok = _voldoet(t)
    if t.enumeratie:
        return st.sampled_from([e for e in t.enumeratie if ok(e)])
    if t.basis == "integer":
        lo, hi = t.min_waarde, t.max_waarde
        if t.patronen:
            return (
                st.from_regex(xsd_regex(t.patronen[-1][0]), fullmatch=True)
                .map(int)
                .filter(lambda v: (lo is None or v >= lo) and (hi is None or v <= hi))
            )
        return st.integers(lo, hi)
    if t.basis == "date":
        return st.dates(date(1990, 1, 1), date(2035, 12, 31))
    if t.basis == "time":
        return st.times()
    vrij = any(".*" in p or "\\S+" in p for stap in t.patronen for p in stap)
    if t.patronen and not vrij:
        alternatieven = "|".join(xsd_regex(p) for p in t.patronen[-1])
        return st.from_regex(alternatieven, alphabet=ALFABET).filter(ok)
    return st.text(ALFABET, min_size=t.min_lengte or 0, max_size=min(t.max_lengte or 40, 40)).filter(ok)


@cache
def _plan_strategie(p: binding.Plan) -> st.SearchStrategy:
    velden = {}
    for v in p.velden:
        if isinstance(v.lezer, binding.Plan):
            item = st.deferred(lambda sub=v.lezer: _plan_strategie(sub))
        else:
            doel = v.element.type.lijst_element if v.item_tag else v.element  # type: ignore[union-attr]
            item = enkelvoudig(doel.type)
        if v.soort in (binding.LIJST_ENKEL, binding.LIJST_SAMEN):
            velden[v.naam] = st.lists(item, min_size=1 if v.verplicht else 0, max_size=3).map(tuple)
        elif v.verplicht:
            velden[v.naam] = item
        else:
            velden[v.naam] = st.none() | item
    return st.builds(p.klasse, **velden)


def berichten(soort: str) -> st.SearchStrategy:
    """Schema-valid typed ``Bericht`` objects of one berichtsoort."""
    return _plan_strategie(binding.plan(soort))
