"""What the cross-message rules (layer 3) need to know about earlier messages: the ``Historie`` Protocol,
its small record types, and ``GeheugenHistorie``, an in-memory implementation fed with typed messages.

The Django message store implements the same Protocol. Keys follow the standard: ToewijzingNummer is unique per
gemeente (TR332); ReferentieAanbieder, DeclaratieNummer and ReferentieNummer are unique per aanbieder (TR347,
TR333, TR314); BerichtIdentificatie is unique per sender and berichtsoort (TR056). All lookups are read-only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, time
from typing import Any, Protocol, runtime_checkable

from jeugdhulp.berichten.ijw.binding import soort_van


@dataclass(frozen=True)
class BekendeToewijzing:
    """The leading (latest) version of a ToegewezenProduct sent in a JW301."""

    gemeente: str
    aanbieder: str
    bsn: str
    toewijzing_nummer: int
    ingangsdatum: date
    einddatum: date | None = None
    product_categorie: str | None = None
    product_code: str | None = None
    reden_wijziging: str | None = None
    volume: int | None = None
    eenheid: str | None = None
    frequentie: str | None = None
    budget: int | None = None
    referentie_aanbieder: str | None = None
    toewijzingsdatum: date | None = None
    toewijzingstijd: time | None = None

    @property
    def is_verwijderd(self) -> bool:
        return self.reden_wijziging in ("13", "01") and self.einddatum == self.ingangsdatum

    def is_actueel(self, peildatum: date) -> bool:
        """Valid on or after ``peildatum`` (TR349), and not deleted."""
        return not self.is_verwijderd and (self.einddatum is None or self.einddatum >= peildatum)


@dataclass(frozen=True)
class BekendeLevering:
    """A StartProduct (JW305) or StopProduct (JW307) received earlier, in arrival order."""

    soort: str  # "start" | "stop"
    aanbieder: str
    bsn: str
    toewijzing_nummer: int | None
    begindatum: date
    status_aanlevering: str
    product_categorie: str | None = None
    product_code: str | None = None
    toewijzing_ingangsdatum: date | None = None
    reden_beeindiging: str | None = None
    einddatum: date | None = None

    @property
    def sleutel(self) -> tuple:
        """The start key; a stop repeats it unchanged (TR382)."""
        return (
            self.toewijzing_nummer,
            self.product_categorie,
            self.product_code,
            self.toewijzing_ingangsdatum,
            self.begindatum,
        )


@dataclass(frozen=True)
class BekendVerzoek:
    """A VOT AangevraagdProduct (JW315) or a VOW (JW317), with what happened to it since."""

    aanbieder: str
    bsn: str
    referentie_aanbieder: str
    berichtsoort: str  # "JW315" | "JW317"
    antwoorden: tuple[str, ...] = ()  # VerzoekAntwoord of each JW319, in order
    toegewezen: bool = False  # a JW301 with this ReferentieAanbieder was sent

    @property
    def is_open(self) -> bool:
        """In behandeling until a JW319 'afgewezen' or a JW301 with the same reference (TR374)."""
        return not self.toegewezen and "1" not in self.antwoorden


@dataclass(frozen=True)
class BekendePrestatie:
    aanbieder: str
    bsn: str
    toewijzing_nummer: int
    referentie_nummer: str
    debet_credit: str
    begindatum: date
    einddatum: date
    product_categorie: str
    product_code: str
    geleverd_volume: int
    bedrag: int
    vorig_referentie_nummer: str | None = None
    goedgekeurd: bool = True


@runtime_checkable
class Historie(Protocol):
    def bericht_bekend(self, afzender: str, berichtsoort: str, identificatie: str) -> bool:
        """TR056: was this BerichtIdentificatie already received from this sender for this berichtsoort?"""
        ...

    def toewijzing(self, gemeente: str, toewijzing_nummer: int) -> BekendeToewijzing | None:
        """The leading version of a toewijzing of this gemeente, by number."""
        ...

    def toewijzingen(self, gemeente: str, aanbieder: str, bsn: str) -> Sequence[BekendeToewijzing]:
        """All toewijzingen (leading versions) of a gemeente for one client at one aanbieder."""
        ...

    def leveringen(self, aanbieder: str, bsn: str, toewijzing_nummer: int | None) -> Sequence[BekendeLevering]:
        """Earlier starts and stops for a client's toewijzing, oldest first."""
        ...

    def verzoek(self, aanbieder: str, referentie_aanbieder: str) -> BekendVerzoek | None: ...

    def verzoeken(self, aanbieder: str, bsn: str) -> Sequence[BekendVerzoek]: ...

    def declaratie_bekend(self, aanbieder: str, declaratie_nummer: str) -> bool: ...

    def laatste_declaratieperiode(self, aanbieder: str, gemeente: str) -> date | None:
        """TR318: the Begindatum of the latest DeclaratiePeriode this aanbieder declared to this gemeente."""
        ...

    def prestatie(self, aanbieder: str, referentie_nummer: str) -> BekendePrestatie | None: ...

    def prestaties(self, aanbieder: str, toewijzing_nummer: int) -> Sequence[BekendePrestatie]: ...

    def contracttarief(self, aanbieder: str, product_categorie: str, product_code: str, peildatum: date) -> int | None:
        """TR418: the contractual tariff in eurocents, or None when unknown (then the rule is skipped)."""
        ...


@dataclass
class GeheugenHistorie:
    """In-memory ``Historie``. Feed it typed messages with ``registreer``; used by tests and the CLI."""

    berichten: set[tuple[str, str, str]] = field(default_factory=set)
    _toewijzingen: dict[tuple[str, int], BekendeToewijzing] = field(default_factory=dict)
    _leveringen: list[BekendeLevering] = field(default_factory=list)
    _verzoeken: dict[tuple[str, str], BekendVerzoek] = field(default_factory=dict)
    _declaraties: set[tuple[str, str]] = field(default_factory=set)
    _perioden: dict[tuple[str, str], date] = field(default_factory=dict)
    _prestaties: dict[tuple[str, str], BekendePrestatie] = field(default_factory=dict)
    tarieven: dict[tuple[str, str, str], int] = field(default_factory=dict)

    # ---- Historie protocol
    def bericht_bekend(self, afzender, berichtsoort, identificatie):
        return (afzender, berichtsoort, identificatie) in self.berichten

    def toewijzing(self, gemeente, toewijzing_nummer):
        return self._toewijzingen.get((gemeente, toewijzing_nummer))

    def toewijzingen(self, gemeente, aanbieder, bsn):
        return [
            t for t in self._toewijzingen.values() if (t.gemeente, t.aanbieder, t.bsn) == (gemeente, aanbieder, bsn)
        ]

    def leveringen(self, aanbieder, bsn, toewijzing_nummer):
        return [
            levering
            for levering in self._leveringen
            if (levering.aanbieder, levering.bsn, levering.toewijzing_nummer) == (aanbieder, bsn, toewijzing_nummer)
        ]

    def verzoek(self, aanbieder, referentie_aanbieder):
        return self._verzoeken.get((aanbieder, referentie_aanbieder))

    def verzoeken(self, aanbieder, bsn):
        return [v for v in self._verzoeken.values() if (v.aanbieder, v.bsn) == (aanbieder, bsn)]

    def declaratie_bekend(self, aanbieder, declaratie_nummer):
        return (aanbieder, declaratie_nummer) in self._declaraties

    def laatste_declaratieperiode(self, aanbieder, gemeente):
        return self._perioden.get((aanbieder, gemeente))

    def prestatie(self, aanbieder, referentie_nummer):
        return self._prestaties.get((aanbieder, referentie_nummer))

    def prestaties(self, aanbieder, toewijzing_nummer):
        return [
            p for p in self._prestaties.values() if (p.aanbieder, p.toewijzing_nummer) == (aanbieder, toewijzing_nummer)
        ]

    def contracttarief(self, aanbieder, product_categorie, product_code, peildatum):
        return self.tarieven.get((aanbieder, product_categorie, product_code))

    # ---- feeding
    def registreer(self, bericht: Any, *, goedgekeurd: bool = True) -> None:
        """Record an accepted message (any of the heenberichten) as history."""
        soort = soort_van(bericht)
        h = bericht.header
        self.berichten.add((h.afzender, soort, h.bericht_identificatie.identificatie))
        handler = getattr(self, f"_registreer_{soort.lower()}", None)
        if handler is not None:
            handler(bericht, goedgekeurd)

    def _registreer_jw301(self, b, _):
        gemeente, aanbieder, bsn = b.header.afzender, b.header.ontvanger, b.client.bsn
        for tp in b.client.toegewezen_producten:
            self._toewijzingen[(gemeente, tp.toewijzing_nummer)] = BekendeToewijzing(
                gemeente=gemeente,
                aanbieder=aanbieder,
                bsn=bsn,
                toewijzing_nummer=tp.toewijzing_nummer,
                ingangsdatum=tp.ingangsdatum,
                einddatum=tp.einddatum,
                product_categorie=tp.product.categorie if tp.product else None,
                product_code=tp.product.code if tp.product else None,
                reden_wijziging=tp.reden_wijziging,
                volume=tp.omvang.volume if tp.omvang else None,
                eenheid=tp.omvang.eenheid if tp.omvang else None,
                frequentie=tp.omvang.frequentie if tp.omvang else None,
                budget=tp.budget,
                referentie_aanbieder=tp.referentie_aanbieder,
                toewijzingsdatum=tp.toewijzingsdatum,
                toewijzingstijd=tp.toewijzingstijd,
            )
            if tp.referentie_aanbieder and (v := self.verzoek(aanbieder, tp.referentie_aanbieder)):
                self._verzoeken[(aanbieder, v.referentie_aanbieder)] = replace(v, toegewezen=True)

    def _levering(self, soort, b, p):
        return BekendeLevering(
            soort=soort,
            aanbieder=b.header.afzender,
            bsn=b.client.bsn,
            toewijzing_nummer=p.toewijzing_nummer,
            begindatum=p.begindatum,
            status_aanlevering=p.status_aanlevering,
            product_categorie=p.product.categorie if p.product else None,
            product_code=p.product.code if p.product else None,
            toewijzing_ingangsdatum=p.toewijzing_ingangsdatum,
            reden_beeindiging=getattr(p, "reden_beeindiging", None),
            einddatum=getattr(p, "einddatum", None),
        )

    def _registreer_jw305(self, b, _):
        self._leveringen += [self._levering("start", b, p) for p in b.client.start_producten]

    def _registreer_jw307(self, b, _):
        self._leveringen += [self._levering("stop", b, p) for p in b.client.stop_producten]

    def _registreer_jw315(self, b, _):
        for ap in b.client.aangevraagde_producten:
            key = (b.header.afzender, ap.referentie_aanbieder)
            self._verzoeken[key] = BekendVerzoek(b.header.afzender, b.client.bsn, ap.referentie_aanbieder, "JW315")

    def _registreer_jw317(self, b, _):
        ref = b.client.verzoek.referentie_aanbieder
        self._verzoeken[(b.header.afzender, ref)] = BekendVerzoek(b.header.afzender, b.client.bsn, ref, "JW317")

    def _registreer_jw319(self, b, _):
        key = (b.header.ontvanger, b.antwoord.referentie_aanbieder)
        if (v := self._verzoeken.get(key)) is not None:
            self._verzoeken[key] = replace(v, antwoorden=(*v.antwoorden, b.antwoord.verzoek_antwoord))

    def _registreer_jw323(self, b, goedgekeurd):
        aanbieder = b.header.afzender
        self._declaraties.add((aanbieder, b.declaratie.declaratie_nummer))
        begin = b.declaratie.declaratie_periode.begindatum
        sleutel = (aanbieder, b.header.ontvanger)
        self._perioden[sleutel] = max(begin, self._perioden.get(sleutel, begin))
        for c in b.declaratie.clienten:
            for p in c.prestaties:
                self._prestaties[(aanbieder, p.product_referentie.referentie_nummer)] = BekendePrestatie(
                    aanbieder=aanbieder,
                    bsn=c.bsn,
                    toewijzing_nummer=p.toewijzing_nummer,
                    referentie_nummer=p.product_referentie.referentie_nummer,
                    vorig_referentie_nummer=p.product_referentie.vorig_referentie_nummer,
                    debet_credit=p.ingediend_bedrag.debet_credit,
                    begindatum=p.product_periode.begindatum,
                    einddatum=p.product_periode.einddatum,
                    product_categorie=p.product_categorie,
                    product_code=p.product_code,
                    geleverd_volume=p.geleverd_volume,
                    bedrag=p.ingediend_bedrag.bedrag,
                    goedgekeurd=goedgekeurd,
                )
