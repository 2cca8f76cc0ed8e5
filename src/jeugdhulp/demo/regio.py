"""Five years of region-wide iJw traffic for a built demo, as the rows the messages leave behind.

``jeugdhulp demo --scale regio`` builds ~60,000 jeugdigen with ~85,000 toewijzingen, the JW305/JW307 dates already
on the rows, but only a hundred real messages (for Oss). ``bouw_berichtvolume`` adds, for every toewijzing in the
database, what the region's traffic would have left behind:

- JW305 (start) and JW307 (stop): a ``Bericht`` head and a ``Levering``, received a few days after the fact;
- JW315 (VOT) for toewijzingen a huisarts, jeugdarts or medisch specialist referred: ``Verzoek``, answered on the
  toewijzingsdatum;
- JW323: per aanbieder × gemeente × month a ``Declaratie`` with one ``Prestatie`` per toewijzing per period of care
  (per week, or per month with ``periode="maand"``), at the contract tariff; 1 % rejected (0611);
- the gemeente's own route for CJG referrals: ``Casus``, ``Aanvraag`` and ``Beschikking`` (Awb decision time),
  with overbruggingszorg for some long waits.

Written with ``bulk_create``: the inbox handles ~50 messages/s (docs/performance.md), far too slow for millions.
The ``Bericht`` rows are heads without a body (``inhoud`` empty, ``bron`` = ``BRON``); everything the monitor
reads (dates, parties, amounts) is on the derived rows as the inbox writes them. Synthetic, deterministic for a
given database, seed and peildatum. Not part of ``jeugdhulp demo``; ``bench/monitor.py`` uses it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections import Counter, defaultdict
from collections.abc import Iterator

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from jeugdhulp.aanbieders.models import Aanbieder, Product, Tarief
from jeugdhulp.berichten import termijnen
from jeugdhulp.berichten.models import Bericht, Declaratie, Levering, Prestatie, Richting, Status, Verzoek
from jeugdhulp.besluiten.models import Aanvraag, Beschikking
from jeugdhulp.besluiten.services import BEZWAARCLAUSULE
from jeugdhulp.casussen.models import Casus
from jeugdhulp.organisatie.models import Gemeente, Team
from jeugdhulp.toewijzingen.models import Toewijzing

BRON = "demo:regio-volume"
BATCH = 5000
VOT_VERWIJZERS = frozenset({"02", "03", "05"})  # huisarts, jeugdarts, medisch specialist: the aanbieder asks (JW315)
CJG = "01"  # the gemeente's own route: aanvraag and beschikking
VELDEN = ("pk", "gemeente_id", "toewijzingnummer", "jeugdige_id", "jeugdige__bsn", "jeugdige__team_id",
          "aanbieder_id", "product_id", "verwijzer__type", "toewijzingsdatum", "ingangsdatum", "einddatum",
          "volume", "budget", "begindatum_zorg", "einddatum_zorg", "reden_beeindiging")  # fmt: skip


class AlGebouwd(Exception):
    pass


def _maand_einde(d: dt.date) -> dt.date:
    return dt.date(d.year + d.month // 12, d.month % 12 + 1, 1) - dt.timedelta(days=1)


def perioden(begin: dt.date, eind: dt.date, periode: str) -> Iterator[tuple[dt.date, dt.date]]:
    """Declaration periods within [begin, eind]: calendar months, or weeks (Monday–Sunday) cut at month ends."""
    d = begin
    while d <= eind:
        stop = _maand_einde(d)
        if periode == "week":
            stop = min(stop, d + dt.timedelta(days=6 - d.weekday()))
        stop = min(stop, eind)
        yield d, stop
        d = stop + dt.timedelta(days=1)


class _Volume:
    def __init__(self, peildatum: dt.date, seed: int, periode: str):
        if periode not in ("week", "maand"):
            raise ValueError(f"periode {periode!r}: week of maand")
        self.peildatum, self.periode = peildatum, periode
        self.rng = random.Random(f"regio-{seed}")
        self.tellers: Counter[str] = Counter()
        self.n = 0
        self.producten = {p.pk: p for p in Product.objects.all()}
        self.agb = dict(Aanbieder.objects.values_list("pk", "agb_code"))
        self.cbs = dict(Gemeente.objects.values_list("pk", "cbs_code"))
        self.tarieven: dict[tuple[int, int], list[tuple[dt.date, dt.date | None, int]]] = defaultdict(list)
        for a, p, b, e, bedrag in Tarief.objects.values_list(
            "contract__aanbieder_id", "product_id", "begindatum", "einddatum", "bedrag"
        ):
            self.tarieven[(a, p)].append((b, e, int(bedrag)))
        # What the demo already built through the real inbox or the access process is left alone.
        self.geleverd = set(Levering.objects.exclude(toewijzing=None).values_list("toewijzing_id", flat=True))
        self.gedeclareerd = set(Prestatie.objects.exclude(toewijzing=None).values_list("toewijzing_id", flat=True))
        self.aangevraagd = set(Aanvraag.toewijzingen.through.objects.values_list("toewijzing_id", flat=True))
        self.gevraagd = set(Verzoek.toewijzingen.through.objects.values_list("toewijzing_id", flat=True))
        self.casus = dict(Casus.objects.order_by("-pk").values_list("jeugdige_id", "pk"))
        self.team = dict(Team.objects.order_by("-pk").values_list("gemeente_id", "pk"))
        # Declared up to the last full month before the peildatum.
        self.declaratie_tot = peildatum.replace(day=1) - dt.timedelta(days=1)

    # --- helpers ---------------------------------------------------------------------------------------------
    def moment(self, d: dt.date) -> dt.datetime:
        d = min(d, self.peildatum)
        tijd = dt.time(8 + self.rng.randrange(9), self.rng.randrange(60))
        return timezone.make_aware(dt.datetime.combine(d, tijd))

    def bericht(self, soort: str, r: dict, moment: dt.datetime) -> Bericht:
        self.n += 1
        self.tellers[soort] += 1
        return Bericht(
            richting=Richting.IN,
            berichtsoort=soort,
            afzender=self.agb[r["aanbieder_id"]],
            ontvanger=self.cbs[r["gemeente_id"]],
            identificatie=f"RG{self.n:010d}",
            dagtekening=moment.date(),
            inhoud=b"",
            sha256=hashlib.sha256(f"{BRON}:{self.n}".encode()).hexdigest(),
            bron=BRON,
            status=Status.VERWERKT,
            jeugdige_id=r.get("jeugdige_id"),
            aanbieder_id=r["aanbieder_id"],
            gemeente_id=r["gemeente_id"],
            aangemaakt=moment,
            verwerkt=moment,
        )

    def tarief(self, aanbieder: int, product: int, op: dt.date) -> int | None:
        geldig = [
            (b, t) for b, e, t in self.tarieven.get((aanbieder, product), ()) if b <= op and (e is None or e >= op)
        ]
        return max(geldig)[1] if geldig else None

    # --- per gemeente ----------------------------------------------------------------------------------------
    def gemeente(self, gemeente_id: int) -> None:
        rijen = list(Toewijzing.objects.filter(gemeente_id=gemeente_id).order_by("pk").values(*VELDEN))
        with transaction.atomic():
            self.leveringen(rijen)
            self.vots(rijen)
            self.besluiten(gemeente_id, [r for r in rijen if r["verwijzer__type"] == CJG])
            self.declaraties(gemeente_id, rijen)

    def leveringen(self, rijen: list[dict]) -> None:
        berichten, leveringen = [], []
        for r in rijen:
            if r["pk"] in self.geleverd or r["begindatum_zorg"] is None:
                continue
            product = self.producten[r["product_id"]]
            gemeld = []
            for soort, datum in (("start", r["begindatum_zorg"]), ("stop", r["einddatum_zorg"])):
                if datum is not None and datum <= self.peildatum:
                    vertraging = min(int(self.rng.expovariate(1 / 4)), 60)  # mostly within 5 werkdagen (OP271)
                    gemeld.append((soort, self.moment(datum + dt.timedelta(days=vertraging))))
            for soort, moment in gemeld:
                b = self.bericht("JW305" if soort == "start" else "JW307", r, moment)
                berichten.append(b)
                leveringen.append(
                    Levering(
                        bericht=b,
                        soort=soort,
                        aanbieder_id=r["aanbieder_id"],
                        bsn=r["jeugdige__bsn"],
                        toewijzing_id=r["pk"],
                        toewijzing_nummer=r["toewijzingnummer"],
                        product_categorie=product.categorie,
                        product_code=product.code,
                        toewijzing_ingangsdatum=r["ingangsdatum"],
                        begindatum=r["begindatum_zorg"],
                        status_aanlevering="1",
                        reden_beeindiging=r["reden_beeindiging"] if soort == "stop" else "",
                        einddatum=r["einddatum_zorg"] if soort == "stop" else None,
                    )
                )
        Bericht.objects.bulk_create(berichten, batch_size=BATCH)
        Levering.objects.bulk_create(leveringen, batch_size=BATCH)
        self.tellers["leveringen"] += len(leveringen)

    def vots(self, rijen: list[dict]) -> None:
        berichten, verzoeken, koppels = [], [], []
        for r in rijen:
            if r["verwijzer__type"] not in VOT_VERWIJZERS or r["pk"] in self.gevraagd:
                continue
            product = self.producten[r["product_id"]]
            ontvangen = self.moment(
                r["toewijzingsdatum"] - dt.timedelta(days=min(int(self.rng.expovariate(1 / 4)), 30))
            )
            beantwoord = timezone.make_aware(dt.datetime.combine(r["toewijzingsdatum"], dt.time(15, 0)))
            b = self.bericht("JW315", r, ontvangen)
            berichten.append(b)
            verzoeken.append(
                Verzoek(
                    bericht=b,
                    berichtsoort="JW315",
                    gemeente_id=r["gemeente_id"],
                    aanbieder_id=r["aanbieder_id"],
                    jeugdige_id=r["jeugdige_id"],
                    referentie_aanbieder=f"RV{r['pk']}",
                    producten=[
                        {
                            "categorie": product.categorie,
                            "code": product.code,
                            "toewijzing_ingangsdatum": r["ingangsdatum"].isoformat(),
                        }
                    ],  # fmt: skip
                    verwijzer_type=r["verwijzer__type"],
                    status="toegewezen",
                    ontvangen=ontvangen,
                    antwoord_uiterlijk=termijnen.verzoek_uiterlijk(ontvangen.date()),
                    beantwoord=max(beantwoord, ontvangen),
                )
            )
            koppels.append(r["pk"])
        Bericht.objects.bulk_create(berichten, batch_size=BATCH)
        Verzoek.objects.bulk_create(verzoeken, batch_size=BATCH)
        Door = Verzoek.toewijzingen.through
        Door.objects.bulk_create(
            [Door(verzoek_id=v.pk, toewijzing_id=t) for v, t in zip(verzoeken, koppels, strict=True)],
            batch_size=BATCH,
        )
        self.tellers["verzoeken"] += len(verzoeken)

    def besluiten(self, gemeente_id: int, rijen: list[dict]) -> None:
        rijen = [r for r in rijen if r["pk"] not in self.aangevraagd]
        nieuw: dict[int, Casus] = {}
        per_jeugdige: dict[int, list[dict]] = defaultdict(list)
        for r in rijen:
            per_jeugdige[r["jeugdige_id"]].append(r)
        for jeugdige, lijst in per_jeugdige.items():
            if jeugdige in self.casus:
                continue
            laatste = max((r["einddatum_zorg"] or r["einddatum"] or self.peildatum) for r in lijst)
            loopt = any(r["einddatum_zorg"] is None and (r["einddatum"] or self.peildatum) >= self.peildatum
                        for r in lijst)  # fmt: skip
            geopend = min(r["toewijzingsdatum"] for r in lijst) - dt.timedelta(days=40 + self.rng.randrange(60))
            nieuw[jeugdige] = Casus(
                jeugdige_id=jeugdige,
                gemeente_id=gemeente_id,
                team_id=lijst[0]["jeugdige__team_id"] or self.team[gemeente_id],
                status="uitvoering" if loopt else "afgesloten",
                geopend_op=geopend,
                laatste_voortgang=min(laatste, self.peildatum),
                afgesloten_op=None if loopt else min(laatste, self.peildatum),
                reden_afsluiting="" if loopt else "volgens_plan",
            )
        Casus.objects.bulk_create(nieuw.values(), batch_size=BATCH)
        self.casus.update({j: c.pk for j, c in nieuw.items()})
        nummer = (Beschikking.objects.filter(gemeente_id=gemeente_id).aggregate(m=Max("beschikkingnummer"))["m"]
                  or 0) + 1  # fmt: skip
        aanvragen, beschikkingen = [], []
        for r in rijen:
            datum = r["toewijzingsdatum"] - dt.timedelta(days=self.rng.randrange(3))
            beslisdagen = 7 + int(self.rng.expovariate(1 / 24))  # Awb: 8 weeks; most decide well within
            opgeschort = self.rng.choice([0] * 9 + [14])
            ontvangen = datum - dt.timedelta(days=beslisdagen + opgeschort)
            start = r["begindatum_zorg"] or self.peildatum
            wacht = (start - max(r["toewijzingsdatum"], r["ingangsdatum"])).days
            overbrugd = wacht > 42 and self.rng.random() < 0.3
            aanvraag = Aanvraag(
                casus_id=self.casus[r["jeugdige_id"]],
                jeugdige_id=r["jeugdige_id"],
                gemeente_id=gemeente_id,
                vorm="zin",
                status="toegekend",
                ontvangen_op=ontvangen,
                beslis_uiterlijk=ontvangen + dt.timedelta(weeks=8, days=opgeschort),
                opgeschorte_dagen=opgeschort,
                overbruggingszorg="Overbrugging door het CJG tot de start (synthetisch)." if overbrugd else "",
            )
            aanvragen.append(aanvraag)
            beschikkingen.append(
                Beschikking(
                    aanvraag=aanvraag,
                    gemeente_id=gemeente_id,
                    beschikkingnummer=nummer,
                    besluit="toegekend",
                    motivering="Synthetische beschikking voor de regio-demo.",
                    bezwaarclausule=str(BEZWAARCLAUSULE),
                    datum=datum,
                    ingangsdatum=r["ingangsdatum"],
                    einddatum=r["einddatum"] or r["ingangsdatum"] + dt.timedelta(days=364),
                    bezwaar_uiterlijk=datum + dt.timedelta(weeks=6),
                )
            )
            nummer += 1
        Aanvraag.objects.bulk_create(aanvragen, batch_size=BATCH)
        Beschikking.objects.bulk_create(beschikkingen, batch_size=BATCH)
        Door = Aanvraag.toewijzingen.through
        Door.objects.bulk_create(
            [Door(aanvraag_id=a.pk, toewijzing_id=r["pk"]) for a, r in zip(aanvragen, rijen, strict=True)],
            batch_size=BATCH,
        )
        self.tellers["casussen"] += len(nieuw)
        self.tellers["aanvragen"] += len(aanvragen)
        self.tellers["beschikkingen"] += len(beschikkingen)

    def _volume(self, r: dict, product: Product, begin: dt.date, eind: dt.date, eerste: bool) -> int:
        dagen = (eind - begin).days + 1
        volume = r["volume"] or 1
        if product.frequentie == "6":  # totaal: output once, in the first period; otherwise prorated
            if product.eenheid in ("82", "83"):
                return volume if eerste else 0
            totaal = ((r["einddatum"] or eind) - r["ingangsdatum"]).days + 1
            return max(1, round(volume * dagen / max(totaal, 1)))
        per = {"1": 1, "2": 7, "4": 30.4375}.get(product.frequentie, 7)
        return max(1, round(volume * dagen / per))

    def declaraties(self, gemeente_id: int, rijen: list[dict]) -> None:
        """Per aanbieder × month one JW323; its prestaties per toewijzing per period of care."""
        per_declaratie: dict[tuple[int, dt.date], list[tuple]] = defaultdict(list)
        for r in rijen:
            begin = r["begindatum_zorg"]
            if begin is None or r["pk"] in self.gedeclareerd or r["budget"]:
                continue
            eind = min(d for d in (r["einddatum_zorg"], r["einddatum"], self.declaratie_tot) if d is not None)
            product = self.producten[r["product_id"]]
            for i, (van, tot) in enumerate(perioden(begin, eind, self.periode)):
                volume = self._volume(r, product, van, tot, i == 0)
                # Omvang in euro's (83) is declared at 1 euro per unit; other products at the contract tariff
                tarief = 100 if product.eenheid == "83" else self.tarief(r["aanbieder_id"], r["product_id"], van)
                if not volume or not tarief:
                    continue
                goed = self.rng.random() >= 0.01
                if not goed:
                    tarief += 100  # not the contract tariff: rejected with 0611, as in the demo's declaraties
                per_declaratie[(r["aanbieder_id"], van.replace(day=1))].append(
                    (r, product, i, van, tot, volume, tarief, goed)
                )
        berichten, declaraties = [], []
        for (aanbieder, maand), regels in sorted(per_declaratie.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            ingediend = sum(v * t for *_x, v, t, _g in regels)
            toegekend = sum(v * t for *_x, v, t, g in regels if g)
            moment = self.moment(_maand_einde(maand) + dt.timedelta(days=3 + self.rng.randrange(10)))
            b = self.bericht("JW323", regels[0][0], moment)
            b.jeugdige_id = None
            berichten.append(b)
            declaraties.append(
                Declaratie(
                    bericht=b,
                    gemeente_id=gemeente_id,
                    aanbieder_id=aanbieder,
                    declaratienummer=f"R{self.cbs[gemeente_id]}{maand:%Y%m}",
                    begindatum=maand,
                    einddatum=_maand_einde(maand),
                    ingediend_bedrag=ingediend,
                    toegekend_bedrag=toegekend,
                )
            )
        Bericht.objects.bulk_create(berichten, batch_size=BATCH)
        Declaratie.objects.bulk_create(declaraties, batch_size=BATCH)
        self.tellers["declaraties"] += len(declaraties)

        def prestaties() -> Iterator[Prestatie]:
            for d, regels in zip(declaraties, (per_declaratie[(d.aanbieder_id, d.begindatum)] for d in declaraties),
                                 strict=True):  # fmt: skip
                for r, product, i, van, tot, volume, tarief, goed in regels:
                    yield Prestatie(
                        declaratie_id=d.pk,
                        aanbieder_id=r["aanbieder_id"],
                        bsn=r["jeugdige__bsn"],
                        jeugdige_id=r["jeugdige_id"],
                        toewijzing_id=r["pk"],
                        toewijzing_nummer=r["toewijzingnummer"],
                        referentienummer=f"RG{r['pk']}-{i}",
                        product_categorie=product.categorie,
                        product_code=product.code,
                        begindatum=van,
                        einddatum=tot,
                        geleverd_volume=volume,
                        eenheid=product.eenheid,
                        tarief=tarief,
                        bedrag=volume * tarief,
                        debet_credit="D",
                        goedgekeurd=goed,
                        retourcodes=[] if goed else ["0611"],
                    )

        alle, deel = prestaties(), []
        for p in alle:
            deel.append(p)
            if len(deel) == BATCH:
                Prestatie.objects.bulk_create(deel)
                self.tellers["prestaties"] += len(deel)
                deel = []
        Prestatie.objects.bulk_create(deel)
        self.tellers["prestaties"] += len(deel)


def bouw_berichtvolume(peildatum: dt.date, *, seed: int = 828, periode: str = "week") -> dict[str, int]:
    """Add the rows of five years of iJw traffic for every toewijzing in the database (see the module text).
    Returns counts per kind. Raises AlGebouwd when this database already has them."""
    if Bericht.objects.filter(bron=BRON).exists():
        raise AlGebouwd("Deze database heeft het regio-berichtvolume al.")
    volume = _Volume(peildatum, seed, periode)
    for gemeente_id in Gemeente.objects.order_by("pk").values_list("pk", flat=True):
        volume.gemeente(gemeente_id)
    return dict(volume.tellers)
