"""Cross-message rules for JW305 Start and JW307 Stop: TR019, TR063, TR071, TR074, TR326, TR382, TR413–TR415."""

from __future__ import annotations

from jeugdhulp.berichten.ijw.regels.kern import regel
from jeugdhulp.berichten.ijw.regels.regie import regels_van


def _sleutel(p) -> tuple:
    product = p.product
    return (
        p.toewijzing_nummer,
        product.categorie if product else None,
        product.code if product else None,
        p.toewijzing_ingangsdatum,
        p.begindatum,
    )


def _geldig(leveringen, soort):
    """Earlier leveringen of one soort that were not deleted afterwards (StatusAanlevering 3)."""
    result = []
    for lev in leveringen:
        if lev.soort != soort:
            continue
        if lev.status_aanlevering == "3":
            result = [x for x in result if (x.sleutel, x.reden_beeindiging) != (lev.sleutel, lev.reden_beeindiging)]
        else:
            result.append(lev)
    return result


def _eerder(bericht, ctx, p):
    return ctx.historie.leveringen(bericht.header.afzender, bericht.client.bsn, p.toewijzing_nummer)


def _soort(bericht) -> str:
    return "start" if hasattr(bericht.client, "start_producten") else "stop"


@regel(
    "TR019",
    retourcode="9019",
    berichten=("JW305", "JW307"),
    betekenis="Het regiebericht kan niet gekoppeld worden aan een toewijzing (ToewijzingNummer).",
    historie=True,
)
def tr019_regie_bij_toewijzing(bericht, ctx):
    gemeente, aanbieder = bericht.header.ontvanger, bericht.header.afzender
    for p in regels_van(bericht):
        t = ctx.historie.toewijzing(gemeente, p.toewijzing_nummer) if p.toewijzing_nummer is not None else None
        if t is None or (t.aanbieder, t.bsn) != (aanbieder, bericht.client.bsn):
            yield p, "ToewijzingNummer"


@regel(
    "TR063",
    retourcode="9063",
    berichten=("JW305", "JW307"),
    betekenis="StatusAanlevering 3 vraagt een eerdere aanlevering met dezelfde logische sleutel.",
    historie=True,
)
def tr063_verwijderen_vraagt_eerdere_aanlevering(bericht, ctx):
    soort = _soort(bericht)
    for p in regels_van(bericht):
        if p.status_aanlevering != "3":
            continue
        reden = getattr(p, "reden_beeindiging", None)
        if not any(
            (x.sleutel, x.reden_beeindiging) == (_sleutel(p), reden) for x in _geldig(_eerder(bericht, ctx, p), soort)
        ):
            yield p, "StatusAanlevering"


@regel(
    "TR071",
    retourcode="9071",
    berichten=("JW305",),
    betekenis="Het eerdere startbericht kan niet verwijderd worden omdat de zorg al beëindigd is.",
    historie=True,
)
def tr071_start_niet_verwijderen_na_stop(bericht, ctx):
    for p in bericht.client.start_producten:
        if p.status_aanlevering == "3" and any(
            x.sleutel == _sleutel(p) for x in _geldig(_eerder(bericht, ctx, p), "stop")
        ):
            yield p, "StatusAanlevering"


@regel(
    "TR074",
    retourcode="9074",
    berichten=("JW305", "JW307"),
    betekenis="Er is al een eerder bericht ontvangen met dezelfde sleutel.",
    historie=True,
)
def tr074_sleutel_uniek(bericht, ctx):
    soort = _soort(bericht)
    for p in regels_van(bericht):
        if p.status_aanlevering != "1":
            continue
        reden = getattr(p, "reden_beeindiging", None)
        if any(
            (x.sleutel, x.reden_beeindiging) == (_sleutel(p), reden) for x in _geldig(_eerder(bericht, ctx, p), soort)
        ):
            yield p, "Begindatum"


def _actuele_starts(leveringen):
    stops = {x.sleutel for x in _geldig(leveringen, "stop")}
    return [s for s in _geldig(leveringen, "start") if s.sleutel not in stops]


@regel(
    "TR326",
    retourcode="9326",
    berichten=("JW305",),
    betekenis="De actuele levering is nog niet gestopt met een Stopbericht.",
    historie=True,
)
def tr326_een_actuele_start(bericht, ctx):
    for p in bericht.client.start_producten:
        if p.status_aanlevering == "1" and any(
            s.sleutel != _sleutel(p) for s in _actuele_starts(_eerder(bericht, ctx, p))
        ):
            yield p, "Begindatum"


@regel(
    "TR382",
    retourcode="9069",
    berichten=("JW307",),
    betekenis="Er is geen actueel startbericht met dezelfde sleutel.",
    historie=True,
)
def tr382_stop_neemt_startsleutel_over(bericht, ctx):
    for p in bericht.client.stop_producten:
        if p.status_aanlevering != "1":
            continue
        eerder = _eerder(bericht, ctx, p)
        starts = {s.sleutel for s in _geldig(eerder, "start")}
        if _sleutel(p) not in starts:
            yield p, "Begindatum"


def _stops_zelfde_levering(bericht, ctx, p):
    return [x for x in _geldig(_eerder(bericht, ctx, p), "stop") if x.begindatum == p.begindatum]


@regel(
    "TR413",
    retourcode="9413",
    berichten=("JW307",),
    betekenis="RedenBeeindiging heeft waarde 20, terwijl er al een StopProduct met RedenBeeindiging 20 is.",
    historie=True,
)
def tr413_tijdelijke_stop_eenmalig(bericht, ctx):
    for p in bericht.client.stop_producten:
        if p.status_aanlevering not in ("1", "2") or p.reden_beeindiging != "20":
            continue
        if any(x.reden_beeindiging == "20" for x in _stops_zelfde_levering(bericht, ctx, p)):
            yield p, "RedenBeeindiging"


@regel(
    "TR414",
    retourcode="9414",
    berichten=("JW307",),
    betekenis="Einddatum is niet >= Einddatum uit het actuele StopProduct met gelijk Bsn, ToewijzingNummer "
    "en Begindatum.",
    historie=True,
)
def tr414_einddatum_niet_eerder_dan_vorige_stop(bericht, ctx):
    for p in bericht.client.stop_producten:
        if p.status_aanlevering == "3":
            continue
        eerder = _stops_zelfde_levering(bericht, ctx, p)
        if eerder and p.einddatum < eerder[-1].einddatum:
            yield p, "Einddatum"


@regel(
    "TR415",
    retourcode="9415",
    berichten=("JW307",),
    betekenis="Er is al een StopProduct met gelijk Bsn, ToewijzingNummer, Begindatum en RedenBeeindiging <> 20.",
    historie=True,
)
def tr415_geen_stop_na_definitieve_stop(bericht, ctx):
    for p in bericht.client.stop_producten:
        if p.status_aanlevering not in ("1", "2"):
            continue
        if any(x.reden_beeindiging != "20" for x in _stops_zelfde_levering(bericht, ctx, p)):
            yield p, "RedenBeeindiging"
