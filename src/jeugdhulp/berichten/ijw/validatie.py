"""``validate``: the single entry point that takes received bytes through all layers.

1. safe reading and message type detection (``reader``), 2. XSD validation (``schemas``), 3. binding to typed
objects (``binding``), 4. field rules, and 5. with a ``Historie``, the cross-message rules (``regels``).
A message that fails 1–3 gets 0001 findings only; rules run on every message that could be bound.
``validate_uitgaand`` checks a message we send.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from jeugdhulp.berichten.ijw import binding, reader, schemas
from jeugdhulp.berichten.ijw.bevindingen import TECHNISCH, Bevinding
from jeugdhulp.berichten.ijw.historie import Historie
from jeugdhulp.berichten.ijw.regels import Context, toets


@dataclass(frozen=True)
class Resultaat:
    berichtsoort: str | None  # "JW301" …, None when the type could not be determined
    bevindingen: tuple[Bevinding, ...]
    bericht: Any = field(default=None, compare=False, repr=False)  # typed Bericht, when it could be bound
    kop: dict[str, str] = field(default_factory=dict, compare=False, repr=False)  # header fields, leniently read
    lees_reden: str | None = None  # Leesfout.reden when reading failed

    @property
    def geldig(self) -> bool:
        return not self.bevindingen

    @property
    def technisch_afgekeurd(self) -> bool:
        """Rejected before the content could be judged (unreadable, not schema-valid, not bindable)."""
        return self.bericht is None

    def als_dict(self) -> dict[str, Any]:
        return {
            "berichtsoort": self.berichtsoort,
            "geldig": self.geldig,
            "bevindingen": [b.als_dict() for b in self.bevindingen],
        }


def _technisch(regel: str, melding: str, line: int | None = None, berichtklasse: str = "Bericht") -> Bevinding:
    return Bevinding(TECHNISCH, regel, melding, berichtklasse, None, line)


def validate(data: bytes, historie: Historie | None = None, *, vandaag: date | None = None) -> Resultaat:
    """Validate received bytes; never raises for bad input (only for a non-bytes argument)."""
    try:
        gelezen = reader.lees(data)
    except reader.Leesfout as fout:
        regel = "OP179" if fout.reden == "te-groot" else "LEES"
        return Resultaat(
            fout.soort.naam if fout.soort else None,
            (_technisch(regel, fout.melding, fout.line),),
            kop=fout.kop,
            lees_reden=fout.reden,
        )
    soort = gelezen.soort.naam
    xsd = schemas.xsd_bevindingen(soort, gelezen.root)
    if xsd:
        return Resultaat(soort, tuple(xsd), kop=gelezen.kop)
    try:
        bericht, lijnen = binding.decodeer_geldig(soort, gelezen.root)  # the XSD passed just above
    except binding.BindingFout as fout:
        return Resultaat(soort, (_technisch("XSD", str(fout), fout.line),), kop=gelezen.kop)
    if historie is not None and (voorbereiden := getattr(historie, "voorbereiden", None)) is not None:
        voorbereiden(bericht)  # optional hook: a database Historie bulk-loads what this message will ask for
    ctx = Context(soort, vandaag or date.today(), historie)
    return Resultaat(soort, tuple(toets(bericht, ctx, lijnen)), bericht, gelezen.kop)


valideer = validate

GOED = "0200"


def _echo(b: Bevinding) -> bool:
    """The finding is on a berichtklasse that itself carries a rejecting RetourCode: a retour or JW325 repeats what
    it rejects, so the repeated error is the message's content, not the sender's mistake."""
    return any(code != GOED for code in getattr(b.object, "retour_codes", None) or ())


def validate_uitgaand(data: bytes, *, vandaag: date | None = None) -> Resultaat:
    """What we send passes what we demand: every layer and field rule that applies to the message type, minus the
    findings on rejected content a retour or JW325 must repeat. Used by the outbox before a message leaves."""
    r = validate(data, vandaag=vandaag)
    return replace(r, bevindingen=tuple(b for b in r.bevindingen if not _echo(b)))
