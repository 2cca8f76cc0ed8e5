"""Dutch search on the sociale kaart: stemming, participles, filters, ranking, and arbitrary input."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from jeugdhulp.socialekaart import search
from jeugdhulp.socialekaart.models import Dienst
from tests.socialekaart.factories import DienstFactory, TermFactory, bouw_kaart


def _namen(tekst="", **filters):
    resultaat = search.zoek(Dienst.objects.actief(), search.Zoekvraag(tekst=tekst, **filters))
    return [d.naam for d in resultaat.diensten]


@pytest.mark.parametrize(
    ("woord", "stam"),
    [("pesten", "pest"), ("kinderen", "kinder"), ("opvoeding", "opvoed"), ("Ruzië", "ruzie")],
)
def test_stemming_is_dutch(woord, stam):
    assert search.stam(search.woorden(woord)[0]) == stam


def test_participle_matches_the_infinitive():
    assert {"gepest", "pest"} <= search.varianten("gepest")
    assert "scheid" in search.varianten("gescheiden")


def test_parent_searching_gepest_finds_the_cjg_first(kaart):
    namen = _namen("mijn kind wordt gepest")
    assert namen[0] == "Hulp bij pesten"  # the name matches: ranked first
    assert "Bellen met de Kindertelefoon" in namen
    assert "Scheiden zonder schade" not in namen


def test_gescheiden_finds_scheiden(kaart):
    assert _namen("gescheiden ouders") == ["Scheiden zonder schade"]


def test_no_service_with_all_words_falls_back_to_some(kaart):
    resultaat = search.zoek(Dienst.objects.actief(), search.Zoekvraag(tekst="pesten xyzzy"))
    assert not resultaat.alle_woorden
    assert "Hulp bij pesten" in [d.naam for d in resultaat.diensten]


def test_filters(kaart):
    assert "Traumabehandeling na pesten" not in _namen("pesten", zonder_verwijzing=True)
    assert "Bellen met de Kindertelefoon" not in _namen("pesten", leeftijd=5)
    assert "Traumabehandeling na pesten" not in _namen("pesten", kern="Oss")  # only offered in Lith
    assert "Traumabehandeling na pesten" in _namen("pesten", kern="Lith")
    assert set(_namen(onderwerp="pesten")) == {"Hulp bij pesten", "Bellen met de Kindertelefoon"}


def test_renaming_a_term_updates_the_search_text(kaart):
    kaart["pesten"].zoekwoorden = "treiteren"
    kaart["pesten"].save()
    assert "Hulp bij pesten" in _namen("treiteren")


def test_freshness_queue(kaart):
    assert list(Dienst.objects.verouderd().values_list("naam", flat=True)) == ["Oude opvoedcursus"]


class TestArbitraryInput(TestCase):
    @classmethod
    def setUpTestData(cls):
        bouw_kaart()

    @settings(max_examples=60, deadline=None)
    @given(st.text(max_size=300))
    def test_any_text_is_a_valid_query(self, tekst):
        resultaat = search.zoek(Dienst.objects.actief(), search.Zoekvraag(tekst=tekst))
        assert len(list(resultaat.diensten[:5])) <= 5


def test_cached_results_follow_changes_to_the_kaart(kaart):
    """Ranked ids are cached per question; a saved, renamed or deleted service is seen at once."""
    assert "Hulp bij pesten" in _namen("pesten")
    dienst = Dienst.objects.get(naam="Hulp bij pesten")
    dienst.naam = "Steun als je wordt buitengesloten"
    dienst.omschrijving = "Voor kinderen die buiten de groep vallen."
    dienst.save()
    assert "Hulp bij pesten" not in _namen("pesten")  # still found through its topic, under the new name
    assert _namen("buitengesloten")[0] == "Steun als je wordt buitengesloten"
    dienst.delete()
    assert _namen("buitengesloten") == []


def test_results_page_like_a_queryset(kaart):
    """The ranked result counts without a second scan and serves any slice in rank order."""
    from django.core.paginator import Paginator

    treffers = search.zoek(Dienst.objects.actief(), search.Zoekvraag(tekst="pesten")).diensten
    namen = [d.naam for d in treffers]
    assert treffers.count() == len(namen) >= 2
    assert [d.naam for d in treffers[1:]] == namen[1:]
    assert treffers[0].naam == namen[0]
    pagina = Paginator(treffers, 1).get_page(2)
    assert [d.naam for d in pagina] == [namen[1]]


@pytest.fixture
def achttien(kaart):
    """The topic "18 worden" with its service, and services that only mention 18 as an age."""
    term = TermFactory(code="18-worden", naam="18 worden", naam_en="Turning 18", zoekwoorden="volwassen wonen")
    hulp = DienstFactory(organisatie=kaart["cjg"], naam="Hulp bij 18 worden",
                         omschrijving="Samen regelen wat verandert: geld, zorgverzekering, wonen.",
                         min_leeftijd=16, max_leeftijd=23)  # fmt: skip
    hulp.termen.set([term])
    DienstFactory(naam="Begeleid wonen 16+", omschrijving="Wonen met begeleiding.", toegang="verwijzing",
                  min_leeftijd=16, max_leeftijd=23).termen.set([term])  # fmt: skip
    DienstFactory(naam="Budgetcoach voor jongeren", omschrijving="Je geld op orde.", min_leeftijd=16,
                  max_leeftijd=23).termen.set([term])  # fmt: skip
    DienstFactory(naam="Peuterspeelzaal", omschrijving="Voor kinderen van 2 tot 4 jaar.", doelgroep="0 tot 18 jaar")
    DienstFactory(naam="Zwemles", omschrijving="Voor iedereen tot 18 jaar die een goede zwemmer wil worden.")
    return term


def test_numbers_in_a_question_never_match_ages_as_text(achttien):
    assert "18" not in Dienst.objects.get(naam="Zwemles").zoektekst.split()
    assert search.Zoekvraag(tekst="gepest op 9 jarige leeftijd").termen[0] == search.varianten("gepest")
    assert all("9" not in t for t in search.Zoekvraag(tekst="kind van 9").termen)
    assert _namen("zwemles tot 18 jaar") == ["Zwemles"]


def test_the_topic_18_worden_leads_to_what_a_17_year_old_needs(achttien):
    namen = _namen("18 worden")
    # The CJG first, then what a 17-year-old can reach without a referral; not the playgroup, not swimming lessons.
    assert namen == ["Hulp bij 18 worden", "Budgetcoach voor jongeren", "Begeleid wonen 16+"], namen
    assert _namen("18 worden", leeftijd=17) == namen
    assert _namen("Turning 18") == namen
    assert _namen("18 worden wonen")[0] == "Begeleid wonen 16+"  # the word in its name ranks it first


def test_without_search_words_the_free_cjg_help_comes_first(kaart):
    """The vraagwijzer searches with filters only: the CJG, then help without a referral, then the rest (not A-Z)."""
    namen = _namen(leeftijd=14)
    assert namen[:2] == ["Hulp bij pesten", "Scheiden zonder schade"], namen
    assert namen.index("Bellen met de Kindertelefoon") < namen.index("Traumabehandeling na pesten")
    assert namen[-1] == "Traumabehandeling na pesten"


@pytest.fixture
def driftbuien(kaart):
    DienstFactory(organisatie=kaart["cjg"], naam="Opvoedadvies van het CJG",
                  omschrijving="Heeft je kind vaak driftbuien? We denken met je mee.", max_leeftijd=18)  # fmt: skip
    DienstFactory(naam="Zoon en vader fietstocht", omschrijving="Snel fietsen met je zoon.")
    DienstFactory(naam="Gezinshuis — Bosch Jeugd", omschrijving="Wonen in een gezin.", toegang="verwijzing")


@pytest.mark.parametrize("vraag", ["agressie", "woedeaanvallen", "mijn zoon is snel boos", "Woede!"])
def test_a_parents_own_words_find_the_help_by_its_words(driftbuien, vraag):
    assert _namen(vraag)[0] == "Opvoedadvies van het CJG"


def test_a_question_of_only_filler_words_still_searches_them(driftbuien):
    namen = _namen("zoon")
    assert "Zoon en vader fietstocht" in namen and "Hulp bij pesten" not in namen  # not every service


def test_achttien_is_the_topic_18_worden(achttien):
    assert _namen("achttien") == _namen("18 worden") == ["Hulp bij 18 worden", "Budgetcoach voor jongeren",
                                                         "Begeleid wonen 16+"]  # fmt: skip
    assert _namen("ik word bijna achttien")[0] == "Hulp bij 18 worden"
