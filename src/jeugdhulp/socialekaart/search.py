"""Dutch free-text search over the sociale kaart, identical on SQLite and PostgreSQL (ADR 0009).

Every service stores its text as Snowball stems (the Porter-based Dutch stemmer, the one behind PostgreSQL's
'dutch' text search configuration). A query is stemmed the same way; a past participle also tries the stem
without its ``ge-`` prefix, so "gepest" finds "pesten" and "gescheiden" finds "scheiden". Stems are matched
as substrings, so "pest" also finds the compound "pestprotocol". All query words must match; when nothing
matches them all, the best partial matches are returned and the caller says so.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass, field

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

import snowballstemmer

MAX_WOORDEN = 8
STOPWOORDEN = frozenset([
    "aan", "al", "alle", "als", "ben", "bij", "dan", "dat", "de", "die", "dit", "doe", "doen", "door", "een", "en",
    "er", "ga", "gaat", "had", "heb", "hebben", "heeft", "het", "hij", "hoe", "hun", "ik", "in", "is", "je", "jij",
    "jou", "jouw", "kan", "kun", "kunnen", "maar", "me", "met", "mijn", "mij", "moet", "na", "naar", "niet", "nog",
    "nu", "of", "om", "onder", "ons", "onze", "ook", "op", "over", "te", "tot", "u", "uit", "van", "veel", "voor",
    "waar", "wat", "we", "wel", "wie", "wij", "wil", "word", "wordt", "zal", "ze", "zich", "zij", "zijn", "zo",
    "zou", "heel", "erg", "graag", "hulp", "vraag", "vragen",
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


def stammen(tekst: str) -> str:
    """The stored form: stems separated and surrounded by spaces."""
    return " " + " ".join(stam(w) for w in woorden(tekst) if w not in STOPWOORDEN) + " "


def varianten(woord: str) -> set[str]:
    """The stems one query word may match: its own, and for ge-/be-less participles the stem without ge-."""
    uit = {stam(woord)}
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
        for naam, zoekwoorden in dienst.termen.values_list("naam", "zoekwoorden"):
            delen += [naam, zoekwoorden]
    dienst.zoeknaam = stammen(f"{dienst.naam} {dienst.alternatieve_naam}")
    dienst.zoektekst = stammen(" ".join(delen))


def herindexeer(diensten: QuerySet) -> int:
    """Recompute the search columns of many services (after bulk loads or renamed terms)."""
    from jeugdhulp.socialekaart.models import Dienst

    teller = 0
    for dienst in diensten.select_related("organisatie").prefetch_related("termen").iterator(chunk_size=500):
        vul_zoekvelden(dienst)
        Dienst.objects.filter(pk=dienst.pk).update(zoeknaam=dienst.zoeknaam, zoektekst=dienst.zoektekst)
        teller += 1
    return teller


@dataclass
class Zoekvraag:
    tekst: str = ""
    leeftijd: int | None = None
    onderwerp: str = ""  # Term.code
    wijk: int | None = None  # Wijk.pk
    kern: str = ""
    zonder_verwijzing: bool = False
    termen: list[set[str]] = field(default_factory=list)

    def __post_init__(self):
        gezien = []
        for woord in woorden(self.tekst):
            if woord not in STOPWOORDEN and woord not in gezien:
                gezien.append(woord)
        self.termen = [varianten(w) for w in gezien[:MAX_WOORDEN]]
        self.termen = [t for t in self.termen if t]


@dataclass
class Resultaat:
    diensten: QuerySet
    alle_woorden: bool = True  # False: no service matched every word; these match some


def _term_q(varianten_: set[str], veld: str = "zoektekst") -> Q:
    q = Q()
    for v in sorted(varianten_):
        q |= Q(**{f"{veld}__contains": v})
    return q


def filter_diensten(qs: QuerySet, vraag: Zoekvraag) -> QuerySet:
    """Apply the non-text filters: age, topic, wijk/kern, no referral needed."""
    if vraag.leeftijd is not None:
        qs = qs.filter(Q(min_leeftijd__isnull=True) | Q(min_leeftijd__lte=vraag.leeftijd))
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


def zoek(qs: QuerySet, vraag: Zoekvraag) -> Resultaat:
    """Services matching the question, best first: words in the name count triple."""
    qs = filter_diensten(qs, vraag)
    if not vraag.termen:
        return Resultaat(qs.order_by("naam"))
    score = Value(0)
    for varianten_ in vraag.termen:
        score = score + Case(
            When(_term_q(varianten_, "zoeknaam"), then=Value(3)),
            When(_term_q(varianten_), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    alles = Q()
    for varianten_ in vraag.termen:
        alles &= _term_q(varianten_)
    # Ties go to the CJG's own offer: the front door for every question.
    eigen = Case(When(organisatie__soort="cjg", then=Value(1)), default=Value(0), output_field=IntegerField())
    geordend = ("-score", "-eigen", "naam")
    treffers = qs.filter(alles).annotate(score=score, eigen=eigen).order_by(*geordend)
    if len(vraag.termen) == 1 or treffers.exists():
        return Resultaat(treffers)
    enkele = Q()
    for varianten_ in vraag.termen:
        enkele |= _term_q(varianten_)
    return Resultaat(qs.filter(enkele).annotate(score=score, eigen=eigen).order_by(*geordend), alle_woorden=False)
