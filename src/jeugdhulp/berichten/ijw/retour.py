"""Building answers to a heenbericht: the retourbericht (JW302/306/308/316/318/320) and JW325 for a JW323.

A retour repeats the heenbericht and adds RetourCodes to every berichtklasse: the codes of the findings on that
object, or 0200 ("geen opmerking") when there are none. Header findings go into the header's RetourCodes.
Following OP065 a retour carries the client part only when something in it was rejected; ``volledig=True``
always includes it. A technically rejected message (unreadable or not schema-valid) is answered with a header
only, RetourCode 0001, built from the leniently read header fields; if even those are unusable the retour does not
validate and ``RetourFout`` tells the caller to inform the sender outside the message exchange (OP090x2).
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from datetime import date
from typing import Any

from jeugdhulp.berichten.ijw import binding, schemas
from jeugdhulp.berichten.ijw.berichten import basis, module
from jeugdhulp.berichten.ijw.berichtsoorten import BERICHTSOORTEN
from jeugdhulp.berichten.ijw.bevindingen import GOED, TECHNISCH, Bevinding
from jeugdhulp.berichten.ijw.validatie import Resultaat

BASISSCHEMA_VERSIE = "1.0.0"  # see xsd/PROVENANCE.md: production messages declare 1.0.0
BERICHT_VERSIE = "1.0.0"


class RetourFout(ValueError):
    """The answer cannot be built as a schema-valid message."""


def _codes(bevindingen: list[Bevinding]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(b.retourcode for b in bevindingen)) or (GOED,)


def _per_object(bevindingen) -> dict[int, list[Bevinding]]:
    result: dict[int, list[Bevinding]] = {}
    for b in bevindingen:
        if b.object is not None:
            result.setdefault(id(b.object), []).append(b)
    return result


def _omzetten(heen: Any, doel: type, per_object: dict[int, list[Bevinding]]) -> Any:
    """Copy a heen object into the same-named retour class, recursively, adding ``retour_codes``."""
    mod = module(doel.__module__.rsplit(".", 1)[-1].upper())
    kw: dict[str, Any] = {}
    for f in fields(doel):
        if f.name == "retour_codes":
            kw[f.name] = _codes(per_object.get(id(heen), []))
            continue
        waarde = getattr(heen, f.name)
        kw[f.name] = _kopie(waarde, mod, per_object)
    return doel(**kw)


def _kopie(waarde: Any, mod, per_object) -> Any:
    if isinstance(waarde, tuple):
        return tuple(_kopie(w, mod, per_object) for w in waarde)
    if is_dataclass(waarde) and type(waarde).__module__ != basis.__name__:
        return _omzetten(waarde, mod.KLASSEN[type(waarde).__name__], per_object)
    return waarde


def _xsd_versie(soort: str) -> basis.XsdVersie:
    return basis.XsdVersie(basisschema_xsd_versie=BASISSCHEMA_VERSIE, bericht_xsd_versie=BERICHT_VERSIE)


def _valideer(bericht: Any) -> Any:
    soort = binding.soort_van(bericht)
    root = binding.bouw_element(bericht)
    if fouten := schemas.xsd_bevindingen(soort, root):
        raise RetourFout(f"{soort} is niet schema-valide: {fouten[0].betekenis}")
    return bericht


def maak_retour(
    heen: Any,
    bevindingen: list[Bevinding] | tuple[Bevinding, ...],
    *,
    identificatie: str,
    dagtekening: date | None = None,
    volledig: bool = False,
) -> Any:
    """Typed retour (JW302/306/308/316/318/320) for a bound heenbericht and its findings. Validates it."""
    soort = binding.soort_van(heen)
    retour_soort = BERICHTSOORTEN[soort].retour
    if retour_soort is None or not BERICHTSOORTEN[retour_soort].is_retour:
        raise RetourFout(f"{soort} heeft geen klassiek retourbericht (gebruik maak_declaratie_antwoord)")
    mod = module(retour_soort)
    per_object = _per_object(bevindingen)
    h = heen.header
    header = mod.Header(
        bericht_code=BERICHTSOORTEN[retour_soort].code,
        bericht_versie=h.bericht_versie,
        bericht_subversie=h.bericht_subversie,
        afzender=h.afzender,
        ontvanger=h.ontvanger,
        bericht_identificatie=h.bericht_identificatie,
        xsd_versie=h.xsd_versie,
        identificatie_retour=identificatie,
        dagtekening_retour=dagtekening or date.today(),
        xsd_versie_retour=_xsd_versie(retour_soort),
        retour_codes=_codes(per_object.get(id(h), [])),
    )
    velden = {f.name for f in fields(mod.Bericht)} - {"header"}
    (inhoud_veld,) = velden  # client or antwoord
    afgekeurd = any(b.object is not None and b.object is not h for b in bevindingen)
    inhoud = None
    if volledig or afgekeurd or inhoud_veld == "antwoord":
        heen_inhoud = getattr(heen, inhoud_veld)
        inhoud = _omzetten(heen_inhoud, mod.KLASSEN[type(heen_inhoud).__name__], per_object)
    return _valideer(mod.Bericht(header=header, **{inhoud_veld: inhoud}))


def maak_technische_retour(resultaat: Resultaat, *, identificatie: str, dagtekening: date | None = None) -> Any:
    """Header-only retour with RetourCode 0001 for a message that could not be bound (see module docstring)."""
    if resultaat.berichtsoort is None:
        raise RetourFout("Berichtsoort onbekend; geen retour mogelijk (OP090x2).")
    soort = resultaat.berichtsoort
    retour_soort = BERICHTSOORTEN[soort].retour
    if retour_soort == "JW325":
        return maak_declaratie_antwoord_technisch(resultaat, identificatie=identificatie, dagtekening=dagtekening)
    if retour_soort is None:
        raise RetourFout(f"{soort} is zelf een retour; daarop volgt geen retour.")
    k = resultaat.kop
    mod = module(retour_soort)
    try:
        header = mod.Header(
            bericht_code=BERICHTSOORTEN[retour_soort].code,
            bericht_versie=3,
            bericht_subversie=2,
            afzender=k["Afzender"],
            ontvanger=k["Ontvanger"],
            bericht_identificatie=basis.BerichtIdentificatie(
                identificatie=k["Identificatie"], dagtekening=date.fromisoformat(k["Dagtekening"])
            ),
            xsd_versie=basis.XsdVersie(
                basisschema_xsd_versie=k["BasisschemaXsdVersie"], bericht_xsd_versie=k["BerichtXsdVersie"]
            ),
            identificatie_retour=identificatie,
            dagtekening_retour=dagtekening or date.today(),
            xsd_versie_retour=_xsd_versie(retour_soort),
            retour_codes=(TECHNISCH,),
        )
    except (KeyError, ValueError) as exc:
        raise RetourFout(f"Header onleesbaar; geen retour mogelijk (OP090x2): {exc}") from exc
    return _valideer(mod.Bericht(header=header, **{_inhoud_veld(mod): None}))


def _inhoud_veld(mod) -> str:
    return next(f.name for f in fields(mod.Bericht) if f.name != "header")


def _netto(bedrag: int, dc: str) -> int:
    return -bedrag if dc == "C" else bedrag


def _totaal(netto: int) -> basis.TotaalBedragMetDC:
    return basis.TotaalBedragMetDC(totaal_bedrag=abs(netto), debet_credit="C" if netto < 0 else "D")


def maak_declaratie_antwoord(
    declaratie: Any,
    bevindingen: list[Bevinding] | tuple[Bevinding, ...],
    *,
    identificatie: str,
    dagtekening: date | None = None,
    afzender: str | None = None,
) -> Any:
    """JW325 for a bound JW323: only rejected prestaties are listed (TR342); toegekend = ingediend − afgewezen."""
    from jeugdhulp.berichten.ijw.berichten import jw325

    if binding.soort_van(declaratie) != "JW323":
        raise RetourFout("maak_declaratie_antwoord verwacht een JW323")
    per_object = _per_object(bevindingen)
    h, d = declaratie.header, declaratie.declaratie
    declaratie_codes = per_object.get(id(d), []) + per_object.get(id(h), [])
    ingediend = _netto(d.totaal_ingediend_bedrag.totaal_bedrag, d.totaal_ingediend_bedrag.debet_credit)
    clienten, afgewezen = [], 0
    if not declaratie_codes:
        for c in d.clienten:
            fout = [p for p in c.prestaties if id(p) in per_object]
            if fout or id(c) in per_object:
                rijen = fout or list(c.prestaties)
                afgewezen += sum(_netto(p.ingediend_bedrag.bedrag, p.ingediend_bedrag.debet_credit) for p in rijen)
                clienten.append(_omzetten_client(c, rijen, per_object, jw325))
    toegekend = 0 if declaratie_codes else ingediend - afgewezen
    header = jw325.Header(
        bericht_code=BERICHTSOORTEN["JW325"].code,
        bericht_versie=3,
        bericht_subversie=2,
        afzender=afzender or h.ontvanger,
        ontvanger=h.afzender,
        bericht_identificatie=basis.BerichtIdentificatie(
            identificatie=identificatie, dagtekening=dagtekening or date.today()
        ),
        xsd_versie=_xsd_versie("JW325"),
        declaratie_identificatie=h.bericht_identificatie,
        xsd_versie_declaratie=h.xsd_versie,
        retour_codes=_codes(per_object.get(id(h), [])),
    )
    antwoord = jw325.DeclaratieAntwoord(
        declaratie_nummer=d.declaratie_nummer,
        totaal_ingediend_bedrag=d.totaal_ingediend_bedrag,
        totaal_toegekend_bedrag=_totaal(toegekend),
        clienten=tuple(clienten),
        retour_codes=_codes(declaratie_codes) if declaratie_codes else (GOED,),
    )
    return _valideer(jw325.Bericht(header=header, declaratie_antwoord=antwoord))


def _omzetten_client(c, prestaties, per_object, jw325):
    rijen = tuple(_omzetten(p, jw325.Prestatie, per_object) for p in prestaties)
    return jw325.Client(bsn=c.bsn, prestaties=rijen, retour_codes=_codes(per_object.get(id(c), [])))


def maak_declaratie_antwoord_technisch(
    resultaat: Resultaat, *, identificatie: str, dagtekening: date | None = None
) -> Any:
    """JW325 without DeclaratieAntwoord, header RetourCode 0001, for an unbindable JW323."""
    from jeugdhulp.berichten.ijw.berichten import jw325

    k = resultaat.kop
    try:
        header = jw325.Header(
            bericht_code="491",
            bericht_versie=3,
            bericht_subversie=2,
            afzender=k["Ontvanger"],
            ontvanger=k["Afzender"],
            bericht_identificatie=basis.BerichtIdentificatie(
                identificatie=identificatie, dagtekening=dagtekening or date.today()
            ),
            xsd_versie=_xsd_versie("JW325"),
            declaratie_identificatie=basis.BerichtIdentificatie(
                identificatie=k["Identificatie"], dagtekening=date.fromisoformat(k["Dagtekening"])
            ),
            xsd_versie_declaratie=basis.XsdVersie(
                basisschema_xsd_versie=k["BasisschemaXsdVersie"], bericht_xsd_versie=k["BerichtXsdVersie"]
            ),
            retour_codes=(TECHNISCH,),
        )
    except (KeyError, ValueError) as exc:
        raise RetourFout(f"Header onleesbaar; geen JW325 mogelijk (OP090x2): {exc}") from exc
    return _valideer(jw325.Bericht(header=header, declaratie_antwoord=None))


def beantwoord(
    resultaat: Resultaat, *, identificatie: str, dagtekening: date | None = None, volledig: bool = False
) -> bytes:
    """Convenience: the answer XML (retour or JW325) for a validation ``Resultaat``."""
    if resultaat.bericht is None:
        bericht = maak_technische_retour(resultaat, identificatie=identificatie, dagtekening=dagtekening)
    elif resultaat.berichtsoort == "JW323":
        bericht = maak_declaratie_antwoord(
            resultaat.bericht, resultaat.bevindingen, identificatie=identificatie, dagtekening=dagtekening
        )
    else:
        bericht = maak_retour(
            resultaat.bericht,
            resultaat.bevindingen,
            identificatie=identificatie,
            dagtekening=dagtekening,
            volledig=volledig,
        )
    return binding.bouw(bericht)


__all__ = [
    "RetourFout",
    "beantwoord",
    "maak_declaratie_antwoord",
    "maak_retour",
    "maak_technische_retour",
]
