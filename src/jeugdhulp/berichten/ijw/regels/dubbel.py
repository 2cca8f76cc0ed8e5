"""TR101: no duplicate rows in one message (the logical key of each berichtklasse is unique within its parent)."""

from __future__ import annotations

from jeugdhulp.berichten.ijw.regels.kern import regel


def _start_sleutel(p):
    return (p.toewijzing_nummer, p.product, p.toewijzing_ingangsdatum, p.begindatum)


def _rijen(bericht):
    """(object, key, field) per berichtklasse that has a logical key, grouped per parent."""
    c = getattr(bericht, "client", None)
    if hasattr(c, "toegewezen_producten"):
        yield [(tp, tp.toewijzing_nummer, "ToewijzingNummer") for tp in c.toegewezen_producten]
        yield [(r, r.nummer, "Nummer") for r in c.relaties]
    elif hasattr(c, "start_producten"):
        yield [(p, _start_sleutel(p), "Begindatum") for p in c.start_producten]
    elif hasattr(c, "stop_producten"):
        yield [(p, (*_start_sleutel(p), p.reden_beeindiging), "Begindatum") for p in c.stop_producten]
    elif hasattr(c, "aangevraagde_producten"):
        yield [(p, p.referentie_aanbieder, "ReferentieAanbieder") for p in c.aangevraagde_producten]
    elif hasattr(c, "verzoek"):
        v = c.verzoek
        yield [
            (p, p.toewijzing_nummer, "ToewijzingNummer") for p in (*v.ongewijzigde_producten, *v.te_wijzigen_producten)
        ]
    for deel in ("declaratie", "declaratie_antwoord"):
        d = getattr(bericht, deel, None)
        if d is not None:
            yield [(cl, cl.bsn, "Bsn") for cl in d.clienten]
            yield [
                (p, p.product_referentie.referentie_nummer, "ProductReferentie/ReferentieNummer")
                for cl in d.clienten
                for p in cl.prestaties
            ]


@regel(
    "TR101",
    retourcode="0001",
    berichten=("JW301", "JW305", "JW307", "JW315", "JW317", "JW323", "JW325"),
    betekenis="Binnen een bericht zijn dubbele regels niet toegestaan.",
)
def tr101_geen_dubbele_regels(bericht, ctx):
    for groep in _rijen(bericht):
        gezien = set()
        for obj, sleutel, veld in groep:
            if sleutel in gezien:
                yield obj, veld
            gezien.add(sleutel)
