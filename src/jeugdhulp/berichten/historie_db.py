"""``DbHistorie``: the pure library's ``Historie`` Protocol over the database.

One instance serves one message. ``voorbereiden(bericht)`` (called by ``validate`` after binding) bulk-loads the
toewijzingen, prestaties and per-toewijzing prestaties the message refers to, in a few ``IN`` queries; every
other lookup is memoised, so the rules never run a query per row for the same key.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, time

from django.db.models import Max

from jeugdhulp.aanbieders.models import Tarief
from jeugdhulp.berichten.ijw import BekendeLevering, BekendePrestatie, BekendeToewijzing, BekendVerzoek
from jeugdhulp.berichten.ijw.binding import soort_van
from jeugdhulp.berichten.models import Bericht, Levering, Prestatie, Richting, Status, Verzoek, VerzoekStatus
from jeugdhulp.toewijzingen.models import Toewijzing

BLOK = 500  # IN-list size: stays under every backend's parameter limit

_TOEWIJZING_VELDEN = (
    "gemeente__cbs_code",
    "aanbieder__agb_code",
    "jeugdige__bsn",
    "toewijzingnummer",
    "ingangsdatum",
    "einddatum",
    "product__categorie",
    "product__code",
    "reden_wijziging",
    "volume",
    "eenheid",
    "frequentie",
    "budget",
    "toewijzingsdatum",
    "toewijzingstijd",
)
_PRESTATIE_VELDEN = (
    "aanbieder__agb_code",
    "bsn",
    "toewijzing_nummer",
    "referentienummer",
    "vorig_referentienummer",
    "debet_credit",
    "begindatum",
    "einddatum",
    "product_categorie",
    "product_code",
    "geleverd_volume",
    "bedrag",
    "goedgekeurd",
)


def _blokken(waarden: Iterable) -> Iterable[list]:
    lijst = list(dict.fromkeys(waarden))
    for i in range(0, len(lijst), BLOK):
        yield lijst[i : i + BLOK]


def _toewijzing(r: dict) -> BekendeToewijzing:
    return BekendeToewijzing(
        gemeente=r["gemeente__cbs_code"],
        aanbieder=r["aanbieder__agb_code"],
        bsn=r["jeugdige__bsn"],
        toewijzing_nummer=r["toewijzingnummer"],
        ingangsdatum=r["ingangsdatum"],
        einddatum=r["einddatum"],
        product_categorie=r["product__categorie"],
        product_code=r["product__code"],
        reden_wijziging=r["reden_wijziging"] or None,
        volume=r["volume"],
        eenheid=r["eenheid"] or None,
        frequentie=r["frequentie"] or None,
        budget=r["budget"],
        toewijzingsdatum=r["toewijzingsdatum"],
        toewijzingstijd=r["toewijzingstijd"] or time(0, 0),
    )


def _prestatie(r: dict) -> BekendePrestatie:
    return BekendePrestatie(
        aanbieder=r["aanbieder__agb_code"],
        bsn=r["bsn"],
        toewijzing_nummer=r["toewijzing_nummer"],
        referentie_nummer=r["referentienummer"],
        vorig_referentie_nummer=r["vorig_referentienummer"] or None,
        debet_credit=r["debet_credit"],
        begindatum=r["begindatum"],
        einddatum=r["einddatum"],
        product_categorie=r["product_categorie"],
        product_code=r["product_code"],
        geleverd_volume=r["geleverd_volume"],
        bedrag=r["bedrag"],
        goedgekeurd=r["goedgekeurd"],
    )


def _verzoek(v: Verzoek) -> BekendVerzoek:
    return BekendVerzoek(
        aanbieder=v.aanbieder.agb_code,
        bsn=v.jeugdige.bsn,
        referentie_aanbieder=v.referentie_aanbieder,
        berichtsoort=v.berichtsoort,
        antwoorden=tuple(v.antwoorden),
        toegewezen=v.status == VerzoekStatus.TOEGEWEZEN,
    )


def _levering(lv: Levering) -> BekendeLevering:
    return BekendeLevering(
        soort=lv.soort,
        aanbieder=lv.aanbieder.agb_code,
        bsn=lv.bsn,
        toewijzing_nummer=lv.toewijzing_nummer,
        begindatum=lv.begindatum,
        status_aanlevering=lv.status_aanlevering,
        product_categorie=lv.product_categorie or None,
        product_code=lv.product_code or None,
        toewijzing_ingangsdatum=lv.toewijzing_ingangsdatum,
        reden_beeindiging=lv.reden_beeindiging or None,
        einddatum=lv.einddatum,
    )


class DbHistorie:
    """``Historie`` over the message store and the toewijzingen. ``uitsluiten``: the message being validated."""

    def __init__(self, *, uitsluiten: int | None = None) -> None:
        self.uitsluiten = uitsluiten
        self._toewijzing: dict[tuple[str, int], BekendeToewijzing | None] = {}
        self._prestatie: dict[tuple[str, str], BekendePrestatie | None] = {}
        self._per_toewijzing: dict[tuple[str, int], list[BekendePrestatie]] = {}
        self._cache: dict[tuple, object] = {}

    # ---- bulk loading
    def voorbereiden(self, bericht) -> None:
        soort, h = soort_van(bericht), bericht.header
        if soort == "JW323":
            nummers = [p.toewijzing_nummer for c in bericht.declaratie.clienten for p in c.prestaties]
            refs = [
                r
                for c in bericht.declaratie.clienten
                for p in c.prestaties
                for r in (p.product_referentie.referentie_nummer, p.product_referentie.vorig_referentie_nummer)
                if r
            ]
            self._laad_toewijzingen(h.ontvanger, nummers)
            self._laad_prestaties(h.afzender, refs)
            self._laad_per_toewijzing(h.afzender, nummers)
        elif soort in ("JW305", "JW307"):
            producten = getattr(bericht.client, "start_producten", ()) or getattr(bericht.client, "stop_producten", ())
            self._laad_toewijzingen(h.ontvanger, [p.toewijzing_nummer for p in producten if p.toewijzing_nummer])
        elif soort == "JW317":
            v = bericht.client.verzoek
            nummers = [p.toewijzing_nummer for p in (*v.ongewijzigde_producten, *v.te_wijzigen_producten)]
            self._laad_toewijzingen(h.ontvanger, nummers)

    @staticmethod
    def _laad_in(cache: dict, eigenaar: str, sleutels: Iterable, *, rijen, sleutelveld: str, maak, lijst=False) -> None:
        """Bulk-load, in blocks, the rows for keys not cached yet; a key without a row caches None (or [])."""
        nieuw = [s for s in sleutels if (eigenaar, s) not in cache]
        for blok in _blokken(nieuw):
            for s in blok:
                cache[(eigenaar, s)] = [] if lijst else None
            for r in rijen(blok):
                if lijst:
                    cache[(eigenaar, r[sleutelveld])].append(maak(r))
                else:
                    cache[(eigenaar, r[sleutelveld])] = maak(r)

    def _laad_toewijzingen(self, gemeente: str, nummers: Iterable[int]) -> None:
        self._laad_in(
            self._toewijzing,
            gemeente,
            nummers,
            rijen=lambda blok: Toewijzing.objects.filter(gemeente__cbs_code=gemeente, toewijzingnummer__in=blok).values(
                *_TOEWIJZING_VELDEN
            ),
            sleutelveld="toewijzingnummer",
            maak=_toewijzing,
        )

    def _laad_prestaties(self, aanbieder: str, refs: Iterable[str]) -> None:
        self._laad_in(
            self._prestatie,
            aanbieder,
            refs,
            rijen=lambda blok: Prestatie.objects.filter(
                aanbieder__agb_code=aanbieder, referentienummer__in=blok
            ).values(*_PRESTATIE_VELDEN),
            sleutelveld="referentienummer",
            maak=_prestatie,
        )

    def _laad_per_toewijzing(self, aanbieder: str, nummers: Iterable[int]) -> None:
        self._laad_in(
            self._per_toewijzing,
            aanbieder,
            nummers,
            rijen=lambda blok: (
                Prestatie.objects.filter(aanbieder__agb_code=aanbieder, toewijzing_nummer__in=blok)
                .order_by("pk")
                .values(*_PRESTATIE_VELDEN)
            ),
            sleutelveld="toewijzing_nummer",
            maak=_prestatie,
            lijst=True,
        )

    def _eenmaal(self, sleutel: tuple, laden):
        if sleutel not in self._cache:
            self._cache[sleutel] = laden()
        return self._cache[sleutel]

    # ---- Historie protocol
    def bericht_bekend(self, afzender: str, berichtsoort: str, identificatie: str) -> bool:
        qs = Bericht.objects.filter(
            richting=Richting.IN,
            afzender=afzender,
            berichtsoort=berichtsoort,
            identificatie=identificatie,
            status__in=[Status.VERWERKT, Status.AFGEKEURD],
        )
        if self.uitsluiten is not None:
            qs = qs.exclude(pk=self.uitsluiten)
        return qs.exists()

    def toewijzing(self, gemeente: str, toewijzing_nummer: int) -> BekendeToewijzing | None:
        self._laad_toewijzingen(gemeente, [toewijzing_nummer])
        return self._toewijzing[(gemeente, toewijzing_nummer)]

    def toewijzingen(self, gemeente: str, aanbieder: str, bsn: str) -> Sequence[BekendeToewijzing]:
        def laden():
            rijen = Toewijzing.objects.filter(
                gemeente__cbs_code=gemeente, aanbieder__agb_code=aanbieder, jeugdige__bsn=bsn
            ).values(*_TOEWIJZING_VELDEN)
            return [_toewijzing(r) for r in rijen]

        return self._eenmaal(("toewijzingen", gemeente, aanbieder, bsn), laden)

    def leveringen(self, aanbieder: str, bsn: str, toewijzing_nummer: int | None) -> Sequence[BekendeLevering]:
        def laden():
            qs = Levering.objects.filter(aanbieder__agb_code=aanbieder, bsn=bsn).select_related("aanbieder")
            qs = (
                qs.filter(toewijzing_nummer=toewijzing_nummer)
                if toewijzing_nummer
                else qs.filter(toewijzing_nummer__isnull=True)
            )
            return [_levering(lv) for lv in qs.order_by("pk")]

        return self._eenmaal(("leveringen", aanbieder, bsn, toewijzing_nummer), laden)

    def verzoek(self, aanbieder: str, referentie_aanbieder: str) -> BekendVerzoek | None:
        def laden():
            v = (
                Verzoek.objects.filter(aanbieder__agb_code=aanbieder, referentie_aanbieder=referentie_aanbieder)
                .select_related("aanbieder", "jeugdige")
                .first()
            )
            return _verzoek(v) if v else None

        return self._eenmaal(("verzoek", aanbieder, referentie_aanbieder), laden)

    def verzoeken(self, aanbieder: str, bsn: str) -> Sequence[BekendVerzoek]:
        def laden():
            qs = Verzoek.objects.filter(aanbieder__agb_code=aanbieder, jeugdige__bsn=bsn)
            return [_verzoek(v) for v in qs.select_related("aanbieder", "jeugdige").order_by("pk")]

        return self._eenmaal(("verzoeken", aanbieder, bsn), laden)

    def declaratie_bekend(self, aanbieder: str, declaratie_nummer: str) -> bool:
        from jeugdhulp.berichten.models import Declaratie

        return self._eenmaal(
            ("declaratie", aanbieder, declaratie_nummer),
            lambda: Declaratie.objects.filter(
                aanbieder__agb_code=aanbieder, declaratienummer=declaratie_nummer
            ).exists(),
        )

    def laatste_declaratieperiode(self, aanbieder: str, gemeente: str) -> date | None:
        from jeugdhulp.berichten.models import Declaratie

        return self._eenmaal(
            ("declaratieperiode", aanbieder, gemeente),
            lambda: (
                Declaratie.objects.filter(aanbieder__agb_code=aanbieder, gemeente__cbs_code=gemeente)
                .exclude(bericht_id=self.uitsluiten)
                .aggregate(laatste=Max("begindatum"))["laatste"]
            ),
        )

    def prestatie(self, aanbieder: str, referentie_nummer: str) -> BekendePrestatie | None:
        self._laad_prestaties(aanbieder, [referentie_nummer])
        return self._prestatie[(aanbieder, referentie_nummer)]

    def prestaties(self, aanbieder: str, toewijzing_nummer: int) -> Sequence[BekendePrestatie]:
        self._laad_per_toewijzing(aanbieder, [toewijzing_nummer])
        return self._per_toewijzing[(aanbieder, toewijzing_nummer)]

    def contracttarief(self, aanbieder: str, product_categorie: str, product_code: str, peildatum: date) -> int | None:
        def laden():
            return (
                Tarief.objects.filter(
                    contract__aanbieder__agb_code=aanbieder,
                    product__categorie=product_categorie,
                    product__code=product_code,
                )
                .geldig_op(peildatum)
                .values_list("bedrag", flat=True)
                .first()
            )

        return self._eenmaal(("tarief", aanbieder, product_categorie, product_code, peildatum), laden)
