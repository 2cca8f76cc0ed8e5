"""The iJw 3.2 rule table (``regeltabel.json``) and our verdict on every (rule, message) pair it lists.

``regeltabel.json`` holds the facts per TR/CS/CD rule as the rule pages give them: retourcode, the messages the rule
is used in ("Gebruik in berichten"), the elements it constrains, with provenance. It is data, not code: a rule
applies to a message because the table says so. This module adds what the table cannot know:

* ``NIET_TOEGEPAST``: (rule, message) pairs the table lists that we do not check, each with its status
  (``n.v.t.`` — not applicable for a receiving gemeente — or ``niet geïmplementeerd``) and the reason;
* ``OOK_TOEGEPAST``: (rule, message) pairs we check although the table does not list them, each with the reason.

``tests/berichten/test_regeltabel.py`` binds the registry (``regels.REGISTER``) to these three: every listed pair is
implemented with a passing and a failing message of that type, or appears in ``NIET_TOEGEPAST``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

PAD = Path(__file__).with_name("regeltabel.json")

NVT = "n.v.t."
NIET = "niet geïmplementeerd"


@dataclass(frozen=True)
class TabelRegel:
    id: str
    soort: str  # "TR" | "CS" | "CD"
    controleniveau: str
    retourcode: str | None  # None where the rule page says "n.v.t."
    definitie: str
    berichten: tuple[str, ...]
    elementen: dict[str, list[str]]
    bron: dict


@cache
def tabel() -> dict[str, TabelRegel]:
    data = json.loads(PAD.read_text(encoding="utf-8"))
    return {
        r["id"]: TabelRegel(
            r["id"],
            r["soort"],
            r["controleniveau"],
            r["retourcode"],
            r["definitie"],
            tuple(r["berichten"]),
            r["elementen"],
            r["bron"],
        )
        for r in data["regels"]
    }


@cache
def bron() -> dict:
    return json.loads(PAD.read_text(encoding="utf-8"))["bron"]


def paren() -> set[tuple[str, str]]:
    """Every (rule, message) pair the table lists."""
    return {(r.id, b) for r in tabel().values() for b in r.berichten}


_ZELF_GEBOUWD = (
    "the gemeente sends JW325 and never receives one; our JW325 is built by "
    "`ijw.retour:maak_declaratie_antwoord` from the JW323 it answers, which guarantees this by construction"
)

NIET_TOEGEPAST: dict[tuple[str, str], tuple[str, str]] = {
    # JW325 cross-message rules: they judge a received JW325 against the JW323 it answers.
    ("TR304", "JW325"): (NVT, _ZELF_GEBOUWD),
    ("TR337", "JW325"): (NVT, _ZELF_GEBOUWD + " (retourcode n.v.t. on the rule page)"),
    ("TR366", "JW325"): (NVT, _ZELF_GEBOUWD),
    ("TR367", "JW325"): (NVT, _ZELF_GEBOUWD),
    ("TR371", "JW325"): (NVT, _ZELF_GEBOUWD + " (retourcode n.v.t. on the rule page)"),
    ("TR376", "JW325"): (NVT, _ZELF_GEBOUWD + " (retourcode n.v.t. on the rule page)"),
    ("TR069", "JW307"): (
        NIET,
        "known only from the retourcode list (9069, JW307), without a rule page; its check (a stop needs a current "
        "start with the same key) is TR382's, which is implemented with the same retourcode 9069",
    ),
    ("TR375", "JW317"): (
        NIET,
        "same condition and element as TR412 (a TeWijzigenProduct whose toewijzing has no product code keeps Omvang "
        "empty); TR412 is implemented and fires on exactly the same messages, so TR375 would only repeat its finding",
    ),
}

OOK_TOEGEPAST: dict[tuple[str, str], str] = {
    **{
        (rid, soort): "a retour repeats the heenbericht's header, whose versions are fixed for iJw 3.2"
        for rid in ("CS015", "CS025")
        for soort in ("JW302", "JW306", "JW308", "JW316", "JW318", "JW320")
    },
}
