"""Issue 14 §2, second usability round: what a tester who never saw the code tripped over on the CJG worker's pages
(phone intake, actions, werkvoorraad, casus page wording, closing and form errors)."""

import datetime as dt
import re

from django.template.loader import render_to_string
from django.urls import reverse

import pytest

from jeugdhulp.casussen import services as casussen
from jeugdhulp.casussen.models import Casus
from jeugdhulp.casussen.templatetags.personen import telefoon
from jeugdhulp.hulpvragen.models import Hulpvraag
from tests.conftest import login_verified

pytestmark = pytest.mark.django_db
# the world (`w`, on Monday 7 December 2026) and the logged-in worker (`cjg`) come from tests/toegang/conftest.py


def _tekst(html) -> str:
    html = html if isinstance(html, str) else html.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


TELEFOONGESPREK = {
    "kanaal": "telefoon", "vrager": "ouder", "naam": "Anne Jansen", "telefoon": "0612345678",
    "contactvoorkeur": "telefoon", "bereikbaar": "na 15.00 uur", "toestemming_overleg": "true",
    "vraag": "Noor gaat niet naar school.", "voornaam_kind": "Noor", "leeftijd_kind": "9", "verder": "casus",
}  # fmt: skip


# ---- 1. the phone intake records what the online form asks; an estimated birth date reads as an age
def test_the_phone_form_records_callback_time_and_consent_into_the_casus(cjg, w):
    r = cjg.post(reverse("hulpvragen:registreren"), TELEFOONGESPREK)
    casus = Casus.objects.get()
    assert r.status_code == 302, r.content.decode()[:2000]
    h = casus.hulpvragen.get()
    assert (h.contactvoorkeur, h.bereikbaar, h.overleg_toegestaan) == ("telefoon", "na 15.00 uur", True)
    tekst = _tekst(cjg.get(casus.get_absolute_url()))
    assert "Overleg met school of huisarts Toestemming gegeven" in tekst
    assert "Liefst bellen, na 15.00 uur" in tekst


def test_on_the_phone_not_asked_is_an_answer_of_its_own(cjg, w):
    html = cjg.get(reverse("hulpvragen:registreren")).content.decode()
    assert re.search(r'<input[^>]*value="unknown"[^>]*checked', html)  # chosen until the worker asks
    cjg.post(reverse("hulpvragen:registreren"), {**TELEFOONGESPREK, "toestemming_overleg": "unknown", "verder": ""})
    assert Hulpvraag.objects.get().overleg_toegestaan is None
    Hulpvraag.objects.all().delete()
    cjg.post(reverse("hulpvragen:registreren"), {**TELEFOONGESPREK, "toestemming_overleg": "false", "verder": ""})
    assert Hulpvraag.objects.get().overleg_toegestaan is False


def test_the_kort_verslag_gives_an_estimated_age_not_a_guessed_birth_date(cjg, w):
    cjg.post(reverse("hulpvragen:registreren"), TELEFOONGESPREK)
    casus = Casus.objects.get()
    assert casus.jeugdige.datumgebruik == "2"  # the estimate is marked on the row
    verslag = casussen.schrijf_verslag(
        casus, door=w["cjg"], basis_versie=0, delen=False, vraag="School", afspraken="Gesprek met school"
    )
    tekst = _tekst(render_to_string("casussen/verslag_pdf.html", {"casus": casus, "verslag": verslag}))
    assert "Noor Jansen, ongeveer 9 jaar" in tekst and "geboren" not in tekst and "1 juli" not in tekst
    lijst = _tekst(cjg.get(reverse("jeugdigen:lijst") + "?q=Noor"))
    assert "ongeveer 9 jaar" in lijst and "1 juli 2017" not in lijst


def test_an_impossible_age_gets_a_plain_message(cjg, w):
    r = cjg.post(reverse("hulpvragen:registreren"), {**TELEFOONGESPREK, "leeftijd_kind": "30"})
    assert r.status_code == 400
    assert "Vul een leeftijd in van 0 tot en met 23 jaar." in r.content.decode()
    assert "hoogstens" not in r.content.decode()


def test_one_format_for_phone_numbers():
    assert telefoon("0662669129") == "06-62669129"
    assert telefoon("06-93966917") == "06-93966917"
    assert telefoon("+31 6 9396 6917") == "06-93966917"
    assert telefoon("0412 123456") == "0412-123456"
    assert telefoon("010-1234567") == "010-1234567"
    assert telefoon("+48 512 345 678") == "+48 512 345 678"


# ---- 2. an action's deadline is not in the past; an open action can be changed or removed, and it is logged
def _casus_met_plan(w):
    from jeugdhulp.hulpvragen import services as hulpvragen

    h = hulpvragen.registreer(gemeente=w["oss"], team=w["team"], vrager="ouder", kanaal="telefoon", vraag="Ruzie")
    casus, _nieuw = hulpvragen.naar_vraagverheldering(h, door=w["cjg"], jeugdige=w["jeugdige"])
    return casus


def test_a_new_action_dated_in_the_past_is_refused_at_its_field(cjg, w):
    casus = _casus_met_plan(w)
    eigenaar = f"professional|{w['cjg'].get_full_name()} (CJG)"
    r = cjg.post(
        reverse("casussen:actie", args=[casus.pk]),
        {"omschrijving": "School bellen", "eigenaar": eigenaar, "deadline": "2020-01-01"},
    )
    assert r.status_code == 400 and not casussen.open_acties(casus).exists()
    assert 'id="actie_deadline_error"' in r.content.decode() and "in het verleden" in r.content.decode()
    r = cjg.post(
        reverse("casussen:actie", args=[casus.pk]),
        {"omschrijving": "School bellen", "eigenaar": eigenaar, "deadline": "2026-12-07"},  # today is fine
    )
    assert r.status_code == 302


def test_an_open_action_can_be_changed_and_removed_and_both_are_logged(cjg, w):
    from jeugdhulp.audit.models import Toegangslogregel as Toegang

    casus = _casus_met_plan(w)
    actie = casussen.plan_voor(casus).acties.create(
        omschrijving="Schol bellen", eigenaar_soort="netwerk", eigenaar="Oma", deadline=dt.date(2026, 12, 1)
    )
    html = cjg.get(casus.get_absolute_url()).content.decode()
    assert reverse("casussen:actie_wijzigen", args=[actie.pk]) in html
    assert reverse("casussen:actie_verwijderen", args=[actie.pk]) in html
    url = reverse("casussen:actie_wijzigen", args=[actie.pk])
    eigenaar = f"professional|{w['cjg'].get_full_name()} (CJG)"
    # an overdue action may keep its date; another date in the past is refused at the field
    r = cjg.post(url, {"omschrijving": "School bellen", "eigenaar": eigenaar, "deadline": "2026-11-02"})
    assert r.status_code == 400 and f'id="actie{actie.pk}_deadline_error"' in r.content.decode()
    r = cjg.post(url, {"omschrijving": "School bellen", "eigenaar": eigenaar, "deadline": "2026-12-01"})
    assert r.status_code == 302
    actie.refresh_from_db()
    assert (actie.omschrijving, actie.eigenaar_soort) == ("School bellen", "professional")
    r = cjg.post(reverse("casussen:actie_verwijderen", args=[actie.pk]))
    assert r.status_code == 302 and not casussen.open_acties(casus).exists()
    onderwerpen = list(Toegang.objects.values_list("onderwerp", flat=True))
    assert any("actie_wijzigen" in o or "actie wijzigen" in o for o in onderwerpen)
    assert any("verwijderd: School bellen" in o for o in onderwerpen)


# ---- 3. the werkvoorraad shows what is urgent today: groups with counts, the late ones badged, later folded
def test_the_werkvoorraad_is_grouped_by_urgency_with_counts_on_top(cjg, w):
    casus = _casus_met_plan(w)
    acties = casussen.plan_voor(casus).acties
    dagen = ((1, "Te laat 1"), (4, "Te laat 2"), (7, "Vandaag"), (9, "Woensdag"), (13, "Zondag"), (14, "Maandag"))
    for dag, wat in dagen:
        acties.create(omschrijving=wat, eigenaar_soort="netwerk", eigenaar="Oma", deadline=dt.date(2026, 12, dag))
    r = cjg.get(reverse("casussen:werkvoorraad"))
    groepen = {g.sleutel: [x.tekst for x in g.rijen if x.soort == "Actie"] for g in r.context["groepen"]}
    assert groepen == {
        "te-laat": ["Oma: Te laat 1", "Oma: Te laat 2"],
        "vandaag": ["Oma: Vandaag"],
        "deze-week": ["Oma: Woensdag", "Oma: Zondag"],
        "later": ["Oma: Maandag"],
    }
    html = r.content.decode()
    tellers = _tekst(re.search(r'data-testid="tellers".*?</ul>', html, re.S).group(0))
    n = {g.sleutel: len(g.rijen) for g in r.context["groepen"]}
    assert f"Te laat ({n['te-laat']})" in tellers and f"Vandaag ({n['vandaag']})" in tellers
    assert f"Deze week ({n['deze-week']})" in tellers and f"Later ({n['later']})" in tellers
    assert 'href="#groep-te-laat"' in html
    assert re.search(r'<details[^>]*id="groep-later"', html) and not re.search(r'<details[^>]*id="groep-te-laat"', html)
    assert html.count('utrecht-status-badge--danger">te laat') == n["te-laat"]


# ---- 5. the casus page: one phone format, each person once and by name, actions as actions, plain words
def test_the_casus_page_lists_each_person_once_by_name_with_formatted_numbers(cjg, w):
    from tests import factories
    from tests.toegang.factories import casus_met_plan

    casus = casus_met_plan(w)
    j = w["jeugdige"]
    j.relaties.all().delete()
    factories.RelatieFactory(jeugdige=j, soort="10", voornamen="Nora", voorvoegsel="", geslachtsnaam="El Amrani",
                             telefoon="0662669129", emailadres="")  # fmt: skip
    factories.RelatieFactory(jeugdige=j, soort="10", voornamen="Nora", voorvoegsel="", geslachtsnaam="El Amrani",
                             telefoon="06-93966917", emailadres="")  # fmt: skip
    casus.plan.deelnemers.create(naam="Ouders", soort="inwoner")
    html = cjg.get(casus.get_absolute_url()).content.decode()
    tekst = _tekst(html)
    betrokken = _tekst(re.search(r'data-testid="betrokkenen".*?</section>', html, re.S).group(0))
    assert betrokken.count("Nora El Amrani") == 1
    assert "Nora El Amrani (ouder) — 06-62669129 — 06-93966917" in betrokken and "0662669129" not in tekst
    assert "Ouders (Gezin of jeugdige)" not in tekst
    assert "Ouders: Nora El Amrani" in tekst  # the samenwerkoverleg's family, by name


def test_transition_buttons_read_as_actions_and_no_jargon_or_codes(cjg, w):
    from jeugdhulp.besluiten.models import AangevraagdProduct, Aanvraag
    from tests.toegang.factories import casus_met_plan

    casus = casus_met_plan(w)
    vandaag = dt.date(2026, 12, 7)
    aanvraag = Aanvraag.objects.create(casus=casus, jeugdige=w["jeugdige"], gemeente=w["oss"], vorm="zin",
                                       ontvangen_op=vandaag, beslis_uiterlijk=dt.date(2027, 4, 1))  # fmt: skip
    AangevraagdProduct.objects.create(
        aanvraag=aanvraag, product=w["product"], ingangsdatum=vandaag, einddatum=dt.date(2027, 6, 1)
    )
    html = cjg.get(casus.get_absolute_url()).content.decode()
    tekst = _tekst(html)
    assert re.search(r"<button[^>]*>\s*Hulp is gestart: zet op uitvoering\s*</button>", html)
    assert "Hulp is ingezet" not in tekst
    assert "Verwezen door" in tekst and "Verwijzer (CBS)" not in tekst
    aanvragen = _tekst(re.search(r'data-testid="aanvragen".*?</ul>', html, re.S).group(0))
    assert "Zorg in natura: Ambulante begeleiding" in aanvragen and "45A04" not in aanvragen
    daarna = _tekst(re.search(r'data-testid="komt".*?</ul>', html, re.S).group(0))
    assert "1 april 2027: Besluit over de aanvraag" in daarna and "uw aanvraag" not in daarna


def test_the_phases_tick_only_what_the_casus_went_through(cjg, w):
    casus = _casus_met_plan(w)  # vraagverheldering, then closed: never a plan, never help
    casussen.afsluiten(casus, door=w["cjg"], reden="voortijdig_client", toelichting="Gezin wil niet verder.")
    html = cjg.get(casus.get_absolute_url()).content.decode()
    fasen = re.search(r'<ol class="site-fasen".*?</ol>', html, re.S).group(0)
    klaar = [_tekst(li).strip() for li in re.findall(r'<li class="site-fase--klaar".*?</li>', fasen, re.S)]
    assert klaar == ["Vraag verhelderen"]
    assert 'aria-current="step">Afgesloten' in fasen


# ---- 6. closing: dates prefilled visibly, never made up; every error at once; an error summary on every staff form
def test_closing_with_waakvlam_but_no_dates_is_refused_with_every_error_at_once(cjg, w):
    from tests.toegang.factories import casus_met_plan

    casus = casus_met_plan(w)  # one open action
    html = cjg.get(casus.get_absolute_url()).content.decode()
    veld = re.search(r'<input[^>]*id="afsluiten_waakvlam_1"[^>]*>', html).group(0)
    assert 'value="2027-03-08"' in veld  # prefilled, visibly: 13 weeks ahead
    r = cjg.post(reverse("casussen:afsluiten", args=[casus.pk]), {"reden": "volgens_plan", "verder": "met_waakvlam"})
    casus.refresh_from_db()
    assert r.status_code == 400 and casus.status == "plan" and not casus.waakvlam.exists()
    html = r.content.decode()
    for veld in ("toelichting", "waakvlam_1", "open_acties"):  # all three at once
        assert f'id="afsluiten_{veld}_error"' in html, veld
    assert "Verbeter eerst deze 3 punten" in html and 'href="#afsluiten_waakvlam_1"' in html
    r = cjg.post(
        reverse("casussen:afsluiten", args=[casus.pk]),
        {"reden": "volgens_plan", "toelichting": "Goed", "open_acties": "on", "verder": "zonder_waakvlam"},
    )
    casus.refresh_from_db()
    assert r.status_code == 302 and casus.status == "afgesloten" and not casus.waakvlam.exists()


def test_the_phone_form_summarises_its_errors_at_the_top(cjg, w):
    r = cjg.post(reverse("hulpvragen:registreren"), {**TELEFOONGESPREK, "bsn": "123", "naam": ""})
    html = r.content.decode()
    samenvatting = re.search(r'data-testid="formulierfout".*?</ul>', html, re.S).group(0)
    assert 'href="#id_bsn"' in samenvatting and 'href="#id_naam"' in samenvatting
    assert html.index('data-testid="formulierfout"') < html.index('id="id_vraag"')  # above the first field


@pytest.mark.parametrize("stap", ["casussen:actie_wijzigen", "casussen:actie_verwijderen"])
def test_a_worker_of_another_team_cannot_change_or_remove_an_action(client, w, stap):
    from jeugdhulp.accounts.roles import Rol
    from tests import factories

    casus = _casus_met_plan(w)
    actie = casussen.plan_voor(casus).acties.create(
        omschrijving="Bellen", eigenaar_soort="netwerk", eigenaar="Oma", deadline=dt.date(2026, 12, 20)
    )
    ander = factories.UserFactory(
        username="piet", rol=Rol.CJG_MEDEWERKER, team=factories.TeamFactory(gemeente=w["oss"], naam="CJG Oss-Zuid")
    )
    login_verified(client, ander)
    r = client.post(reverse(stap, args=[actie.pk]), {"omschrijving": "Weg", "deadline": "2026-12-31"})
    assert r.status_code in (403, 404)
    actie.refresh_from_db()
    assert actie.omschrijving == "Bellen"
