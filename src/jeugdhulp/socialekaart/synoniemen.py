"""The words people use, next to the words the sociale kaart uses: a maintained list for the search.

A parent writes "woedeaanvallen" or "mijn zoon is snel boos" where a service says "driftbuien" or "agressie". Each
group below is a set of words that mean the same for a search: a query word from a group also finds the others.
``VERVANG`` rewrites a word before anything else ("achttien" is the topic "18 worden"); ``VULWOORDEN`` are words of a
question that say nothing about the kind of help ("mijn zoon is snel boos": only "boos" matters).

To extend: add a word to the group it belongs to (or a new group), in lower case without accents, one word each;
add a test in tests/socialekaart/test_search.py when a real question led to it. Avoid words whose stem is short or
part of many other words (stems match inside compounds: "ass" would find "klassen"). A change takes effect on restart;
the stored search text of services does not change, so nothing needs reindexing.
"""

from __future__ import annotations

from functools import cache

GROEPEN: tuple[tuple[str, ...], ...] = (
    ("agressie", "agressief", "woede", "woedend", "woedeaanval", "woedeaanvallen", "driftbui", "driftbuien",
     "driftig", "boos", "boosheid", "kwaad"),
    ("somber", "somberheid", "depressie", "depressief", "neerslachtig", "verdrietig", "verdriet"),
    ("angst", "angstig", "bang", "paniek", "piekeren", "stress"),
    ("pesten", "gepest", "treiteren", "uitschelden"),
    ("scheiding", "scheiden", "gescheiden", "omgangsregeling", "ouderschapsplan"),
    ("slapen", "slaapt", "slaap", "slaapproblemen", "nachtmerries"),
    ("huilen", "huilt", "huilbaby", "krijsen"),
    ("schoolverzuim", "spijbelen", "thuiszitten", "thuiszitter"),
    ("verslaving", "verslaafd", "blowen", "drugs", "alcohol", "drinken", "gokken"),
    ("gamen", "gameverslaving", "gaming", "schermtijd"),
    ("schulden", "geldzorgen", "geldproblemen", "armoede", "rondkomen"),
    ("zelfdoding", "zelfmoord", "suicide"),
    ("adhd", "concentratie", "concentreren"),
    ("autisme", "autistisch"),
)  # fmt: skip

VERVANG: dict[str, str] = {
    "achttien": "18 worden",
    "achttiende": "18 worden",
    "18e": "18 worden",
    "meerderjarig": "18 worden",
}

VULWOORDEN = frozenset([
    "zoon", "dochter", "kind", "kindje", "kinderen", "jongen", "meisje", "mama", "papa", "moeder", "vader",
    "snel", "vaak", "altijd", "steeds", "soms", "bijna", "echt", "weer", "jaar", "oud",
])  # fmt: skip


@cache
def _per_woord() -> dict[str, tuple[str, ...]]:
    uit: dict[str, tuple[str, ...]] = {}
    for groep in GROEPEN:
        for woord in groep:
            uit[woord] = tuple(sorted(set(uit.get(woord, ())) | set(groep)))
    return uit


def van(woord: str) -> tuple[str, ...]:
    """The words of every group the word is in (itself included), or nothing."""
    return _per_woord().get(woord, ())
