"""Who consents and who sees the verslag, by the jeugdige's age (WGBO/Jeugdwet practice; see the domain brief §3.4).

Under 12 the parents or guardian; 12 to 15 both the jeugdige and the parents; 16 and over the jeugdige alone.
"""

from __future__ import annotations

OUDERS, JEUGDIGE = "ouders", "jeugdige"


def wie_stemt_in(leeftijd: int) -> frozenset[str]:
    if leeftijd < 12:
        return frozenset({OUDERS})
    if leeftijd < 16:
        return frozenset({OUDERS, JEUGDIGE})
    return frozenset({JEUGDIGE})


def uitleg(leeftijd: int) -> str:
    wie = wie_stemt_in(leeftijd)
    if wie == {OUDERS}:
        return "Jonger dan 12: de ouders of voogd stemmen in en krijgen het verslag."
    if wie == {JEUGDIGE}:
        return "16 jaar of ouder: de jeugdige stemt zelf in en krijgt het verslag."
    return "12 tot 16 jaar: de jeugdige én de ouders stemmen in en krijgen het verslag."
