"""Dutch free-text search over the sociale kaart, identical on SQLite and PostgreSQL (ADR 0009).

Every service stores its text as Snowball stems (the Porter-based Dutch stemmer, the one behind PostgreSQL's
'dutch' text search configuration). A query is stemmed the same way; a past participle also tries the stem
without its ``ge-`` prefix, so "gepest" finds "pesten" and "gescheiden" finds "scheiden". Stems are matched
as substrings, so "pest" also finds the compound "pestprotocol". All query words must match; when nothing
matches them all, the best partial matches are returned and the caller says so.

One SQL statement ranks a question: it filters, scores and orders every matching service and returns only their
ids; the page then reads its 20 rows. The ranked ids of a question are kept for a minute in Django's cache, and the
count ("N found") is their number, so a page needs no second scan. Any change to the kaart starts a new cache
generation, so results are never staler than that worker's last change, and at most a minute elsewhere.
"""

from __future__ import annotations

import hashlib
import re
import threading
import unicodedata
import uuid
from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db.models import Case, CharField, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Cast

import snowballstemmer

from jeugdhulp.socialekaart import synoniemen

MAX_WOORDEN = 8
BLOK = 500
CACHE_SECONDEN = 60  # a popular question is ranked once a minute per worker
CACHE_GENERATIE = "socialekaart:zoek:generatie"
STOPWOORDEN = frozenset([
    "aan", "al", "alle", "als", "ben", "bij", "dan", "dat", "de", "die", "dit", "doe", "doen", "door", "een", "en",
    "er", "ga", "gaat", "had", "heb", "hebben", "heeft", "het", "hij", "hoe", "hun", "ik", "in", "is", "je", "jij",
    "jou", "jouw", "kan", "kun", "kunnen", "maar", "me", "met", "mijn", "mij", "moet", "na", "naar", "niet", "nog",
    "nu", "of", "om", "onder", "ons", "onze", "ook", "op", "over", "te", "tot", "u", "uit", "van", "veel", "voor",
    "waar", "wat", "we", "wel", "wie", "wij", "wil", "word", "wordt", "zal", "ze", "zich", "zij", "zijn", "zo",
    "zou", "heel", "erg", "graag", "hulp", "vraag", "vragen", "worden", "geworden",
])  # fmt: skip
_LOKAAL = threading.local()
_WOORD = re.compile(r"[0-9a-z]+")


def _stemmer():
    stemmer = getattr(_LOKAAL, "stemmer", None)
    if stemmer is None:  # Snowball stemmers are not thread-safe: one per thread
        stemmer = _LOKAAL.stemmer = snowballstemmer.stemmer("dutch_porter")
    return stemmer


def woorden(tekst: str) -> list[str]:
    """Lower-case words without accents ("ruzië" -> "ruzie")."""
    plat = unicodedata.normalize("NFKD", tekst.lower()).encode("ascii", "ignore").decode()
    return _WOORD.findall(plat)


def stam(woord: str) -> str:
    return _stemmer().stemWord(woord)


def zoekwoord(woord: str) -> bool:
    """Whether a word takes part in text search. Numbers never do: "18" in "18 worden" is not the "18" of "tot
    18 jaar" (ages are a filter of their own), and "0412" is a phone number."""
    return woord not in STOPWOORDEN and not woord.isdigit()


def stammen(tekst: str) -> str:
    """The stored form: stems separated and surrounded by spaces."""
    return " " + " ".join(stam(w) for w in woorden(tekst) if zoekwoord(w)) + " "


def varianten(woord: str) -> set[str]:
    """The stems one query word may match: its own, those of its synonyms (``synoniemen``), and for participles the
    stem without ge-."""
    uit = {stam(woord)}
    if groep := synoniemen.van(woord):  # short stems left out: "boos" is "bos", as in "Bosch" and "'s-Hertogenbosch"
        uit = {s for s in map(stam, groep) if len(s) >= 4} or uit
    if woord.startswith("ge") and len(woord) > 5:
        uit.add(stam(woord[2:]))
        uit.add(stam(woord[2:] + "en"))  # gepest -> pesten -> pest
    return {v for v in uit if len(v) >= 2}


def vul_zoekvelden(dienst) -> None:
    """Compute the stored search columns of one service (called from Dienst.save and after term changes)."""
    delen = [dienst.naam, dienst.alternatieve_naam, dienst.omschrijving, dienst.doelgroep]
    if dienst.organisatie_id:
        delen.append(dienst.organisatie.naam)
    if dienst.pk and not dienst._state.adding:
        for term in dienst.termen.all():  # uses herindexeer's prefetch
            delen += [term.naam, term.zoekwoorden]
    dienst.zoeknaam = stammen(f"{dienst.naam} {dienst.alternatieve_naam}")
    dienst.zoektekst = stammen(" ".join(delen))


def herindexeer(diensten: QuerySet) -> int:
    """Recompute the search columns of many services (after bulk loads or renamed terms)."""
    from jeugdhulp.socialekaart.models import Dienst

    teller = 0
    blok = []
    for dienst in diensten.select_related("organisatie").prefetch_related("termen").iterator(chunk_size=BLOK):
        vul_zoekvelden(dienst)
        blok.append(dienst)
        if len(blok) == BLOK:
            Dienst.objects.bulk_update(blok, ["zoeknaam", "zoektekst"])
            teller += len(blok)
            blok = []
    if blok:
        Dienst.objects.bulk_update(blok, ["zoeknaam", "zoektekst"])
        teller += len(blok)
    nieuwe_generatie()
    return teller


def nieuwe_generatie() -> None:
    """Forget every cached search result (the kaart changed): the generation is part of each cache key."""
    cache.set(CACHE_GENERATIE, uuid.uuid4().hex, None)


def cache_sleutel(*delen) -> str:
    """A cache key for something derived from the kaart: it changes with every new generation."""
    tekst = "|".join(str(deel) for deel in (_generatie(), *delen))
    return "socialekaart:" + hashlib.sha256(tekst.encode()).hexdigest()


def _generatie() -> str:
    generatie = cache.get(CACHE_GENERATIE)
    if generatie is None:
        generatie = uuid.uuid4().hex
        cache.add(CACHE_GENERATIE, generatie, None)
        generatie = cache.get(CACHE_GENERATIE, generatie)
    return generatie


@dataclass
class Zoekvraag:
    tekst: str = ""
    leeftijd: int | None = None
    leeftijd_tot: int | None = None  # with leeftijd: an age group ("4 tot 12 jaar"), services for any age in it
    onderwerp: str = ""  # Term.code
    wijk: int | None = None  # Wijk.pk
    kern: str = ""
    zonder_verwijzing: bool = False
    termen: list[set[str]] = field(default_factory=list)
    thema: str = ""  # a topic named in the question ("18 worden"): its services match and rank first

    def __post_init__(self):
        tekst = " ".join(synoniemen.VERVANG.get(w, w) for w in woorden(self.tekst))
        if tekst and not self.thema:
            self.thema, tekst = herken_onderwerp(tekst)
        gezien = []
        for woord in woorden(tekst):
            if zoekwoord(woord) and woord not in gezien:
                gezien.append(woord)
        if not self.thema and any(w not in synoniemen.VULWOORDEN for w in gezien):  # "zoon" alone is still searched
            gezien = [w for w in gezien if w not in synoniemen.VULWOORDEN]
        self.termen = [varianten(w) for w in gezien[:MAX_WOORDEN]]
        self.termen = [t for t in self.termen if t]


ONDERWERPEN = "cjg-onderwerpen"


def herken_onderwerp(tekst: str) -> tuple[str, str]:
    """A topic of the CJG named in the question, and the rest of the question. "18 worden" is the topic of that
    name, not the words "18" and "worden"; the longest topic name that occurs as whole words wins."""
    from jeugdhulp.socialekaart.models import Term

    vraag = f" {' '.join(woorden(tekst))} "
    sleutel = cache_sleutel("onderwerpnamen")
    namen = cache.get(sleutel)
    if namen is None:
        namen = []
        for term in Term.objects.filter(taxonomie__code=ONDERWERPEN):
            for naam in {term.naam, term.naam_en, term.naam_pl}:
                if naam and len(woorden(naam)) > 1:  # one-word topics ("Pesten") are found by the words already
                    namen.append((" ".join(woorden(naam)), term.code))
        namen.sort(key=lambda n: -len(n[0]))
        cache.set(sleutel, namen, CACHE_SECONDEN)
    for naam, code in namen:
        if f" {naam} " in vraag:
            return code, vraag.replace(f" {naam} ", " ", 1).strip()
    return "", tekst


class Treffers:
    """The ranked services of a text search: all ids in order, rows fetched per slice.

    Quacks like the part of a QuerySet that Paginator and the HSDS pages use: ``count()``, ``len()``, slicing and
    iteration. Rows come from the caller's queryset, so its ``select_related`` applies.
    """

    def __init__(self, qs: QuerySet, ids: list[str]):
        self.qs = qs
        self.ids = ids

    def _rijen(self, ids: list[str]) -> QuerySet:
        """The rows by primary key only: the ids passed the filters already, and repeating them here lets SQLite
        pick the (status, toegang) index and scan instead of 20 key lookups."""
        rijen = self.qs.model._default_manager.filter(pk__in=ids)
        rijen.query.select_related = self.qs.query.select_related
        return rijen.prefetch_related(*self.qs._prefetch_related_lookups)

    def count(self) -> int:
        return len(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self):
        return iter(self[:])

    def __getitem__(self, index):
        if isinstance(index, int):
            rij = self[index : index + 1 or None]
            if not rij:
                raise IndexError(index)
            return rij[0]
        ids = self.ids[index]
        rijen = {d.pk.hex: d for d in self._rijen(ids)} if ids else {}
        hexen = (i.replace("-", "") for i in ids)  # SQLite casts to 32 hex digits, PostgreSQL to the dashed form
        return [rijen[h] for h in hexen if h in rijen]


@dataclass
class Resultaat:
    diensten: QuerySet | Treffers
    alle_woorden: bool = True  # False: no service matched every word; these match some


def filter_diensten(qs: QuerySet, vraag: Zoekvraag) -> QuerySet:
    """Apply the non-text filters: age, topic, wijk/kern, no referral needed."""
    if vraag.leeftijd is not None:
        tot = vraag.leeftijd if vraag.leeftijd_tot is None else vraag.leeftijd_tot
        qs = qs.filter(Q(min_leeftijd__isnull=True) | Q(min_leeftijd__lte=tot))
        qs = qs.filter(Q(max_leeftijd__isnull=True) | Q(max_leeftijd__gte=vraag.leeftijd))
    if vraag.onderwerp:
        qs = qs.filter(termen__code=vraag.onderwerp)
    if vraag.wijk is not None:
        qs = qs.filter(Q(werkgebieden__isnull=True) | Q(werkgebieden__wijk_id=vraag.wijk))
    elif vraag.kern:
        qs = qs.filter(Q(werkgebieden__isnull=True) | Q(werkgebieden__wijk__kern=vraag.kern))
    if vraag.zonder_verwijzing:
        qs = qs.filter(toegang="vrij")
    return qs.distinct() if (vraag.onderwerp or vraag.wijk is not None or vraag.kern) else qs


def voorrang() -> Case:
    """The CJG's own offer first (the front door for every question), then what needs no referral, then the rest."""
    return Case(
        When(organisatie__soort="cjg", then=Value(2)),
        When(toegang="vrij", then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )


def op_voorrang(qs: QuerySet) -> QuerySet:
    """Services in the order of ``voorrang``, then by name: how every list without search words is ordered."""
    return qs.annotate(eigen=voorrang()).order_by("-eigen", "naam", "pk")


def aantallen_per_kern(qs: QuerySet, vraag: Zoekvraag) -> tuple[int, dict[str, int], int]:
    """How many services fit the question with its kern left out: in all, per kern that has services of its own, and
    in any other kern (a service without a werkgebied serves every kern). One query."""
    zonder_kern = Zoekvraag(leeftijd=vraag.leeftijd, leeftijd_tot=vraag.leeftijd_tot, onderwerp=vraag.onderwerp,
                            zonder_verwijzing=vraag.zonder_verwijzing)  # fmt: skip
    overal, per_kern = set(), {}
    for pk, kern in filter_diensten(qs, zonder_kern).values_list("pk", "werkgebieden__wijk__kern"):
        if kern is None:
            overal.add(pk)
        else:
            per_kern.setdefault(kern, set()).add(pk)
    alle = overal.union(*per_kern.values())
    return len(alle), {kern: len(overal | pks) for kern, pks in per_kern.items()}, len(overal)


def zoek(qs: QuerySet, vraag: Zoekvraag, *, cache_seconden: int = CACHE_SECONDEN) -> Resultaat:
    """Services matching the question, best first: words in the name count triple, ties go to ``voorrang``; without
    search words, in ``voorrang`` order."""
    qs = filter_diensten(qs, vraag)
    if not vraag.termen and not vraag.thema:
        return Resultaat(op_voorrang(qs))
    try:
        sql = str(qs.values("pk").query)
    except EmptyResultSet:
        return Resultaat(qs.none())
    sleutel = cache_sleutel("zoek", sql, [sorted(t) for t in vraag.termen], vraag.thema)
    bewaard = cache.get(sleutel) if cache_seconden else None
    if bewaard is None:
        bewaard = _rangschik(qs, vraag)
        if cache_seconden:
            cache.set(sleutel, bewaard, cache_seconden)
    ids, alle_woorden = bewaard
    return Resultaat(Treffers(qs, ids), alle_woorden=alle_woorden)


def _term_q(varianten_: set[str], veld: str = "zoektekst") -> Q:
    q = Q()
    for v in sorted(varianten_):
        q |= Q(**{f"{veld}__contains": v})
    return q


def _rangschik(qs: QuerySet, vraag: Zoekvraag) -> tuple[list[str], bool]:
    """The ids of the matching services in rank order, and whether they match every word (one scan each)."""
    score = Value(0)
    for varianten_ in vraag.termen:
        score = score + Case(
            When(_term_q(varianten_, "zoeknaam"), then=Value(3)),
            When(_term_q(varianten_), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    thema = Q(pk__in=qs.model.termen.through.objects.filter(term__code=vraag.thema).values("dienst_id"))
    if vraag.thema:  # a service of the topic named in the question beats a word in its name
        score = score + Case(When(thema, then=Value(5)), default=Value(0), output_field=IntegerField())

    def ids(filter_q: Q) -> list[str]:
        geordend = qs.filter(filter_q).annotate(score=score, eigen=voorrang())
        geordend = geordend.order_by("-score", "-eigen", "naam", "pk")
        return list(geordend.values_list(Cast("pk", CharField()), flat=True))  # text: no UUID objects to build

    alles = Q()
    for varianten_ in vraag.termen:
        alles &= _term_q(varianten_)
    if vraag.thema:  # the topic's services, narrowed by any other words in the question
        alles = thema & alles
    treffers = ids(alles)
    if treffers or len(vraag.termen) + bool(vraag.thema) <= 1:
        return treffers, True
    enkele = Q()
    if vraag.thema:
        enkele |= thema
    for varianten_ in vraag.termen:
        enkele |= _term_q(varianten_)
    return ids(enkele), False
