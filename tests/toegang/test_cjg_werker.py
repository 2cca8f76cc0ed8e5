"""Issue 14 §2: the CJG worker's daily use. What the parent wrote reaches the worker and the casus, vraagverheldering
without a BSN, nothing typed twice, the small things, one deadline per VOT, and errors next to their fields."""

import datetime as dt
import re

from django.urls import reverse
from django.utils import timezone

import pytest

from jeugdhulp.casussen import services as casussen
from jeugdhulp.casussen import werkvoorraad
from jeugdhulp.casussen.models import Casus, CasusStatus
from jeugdhulp.hulpvragen import services as hulpvragen
from jeugdhulp.jeugdigen.models import Jeugdige
from tests import factories
from tests.toegang.factories import plan_vastgesteld

pytestmark = pytest.mark.django_db
# the world (`w`, on Monday 7 December 2026) and the logged-in worker (`cjg`) come from tests/toegang/conftest.py


def _online(w, **velden):
    wijk = factories.WijkFactory(gemeente=w["oss"], naam="Oss-Noord")
    return hulpvragen.registreer(
        gemeente=w["oss"], team=w["team"], wijk=wijk, vrager="ouder", kanaal="website",
        vraag="Mijn zoon Daan (8) slaapt slecht en is boos.", leeftijd_kind=8, naam="Anne de Vries",
        telefoon="06 12345678", email="anne@example.nl", contactvoorkeur="telefoon", bereikbaar="na 15.00 uur",
        toestemmingen={"overleg_school_huisarts": True}, **velden,
    )  # fmt: skip


def _tekst(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_the_staff_page_shows_what_the_parent_wrote(cjg, w):
    h = _online(w)
    tekst = _tekst(cjg.get(reverse("hulpvragen:detail", args=[h.pk])))
    assert "8 jaar" in tekst
    assert "Oss-Noord" in tekst
    assert "Liefst bellen, na 15.00 uur" in tekst
    assert "Ja, de vrager geeft toestemming" in tekst
    assert "anne@example.nl" in tekst


def test_vraagverheldering_without_bsn_carries_the_asker_into_the_casus(cjg, w):
    h = _online(w)
    r = cjg.post(reverse("hulpvragen:vraagverheldering", args=[h.pk]), {"voornamen": "Daan"})
    casus = Casus.objects.get()
    assert r.status_code == 302 and r["Location"] == casus.get_absolute_url()
    daan = casus.jeugdige
    # no BSN yet; the surname is the parent's, the age becomes an estimated birth year (iJw datumgebruik 2)
    assert daan.bsn is None and daan.volledige_naam == "Daan de Vries"
    assert daan.geboortedatum == dt.date(2018, 7, 1) and daan.datumgebruik == "2" and daan.leeftijd() == 8
    assert daan.wijk == h.wijk
    ouder = daan.relaties.get()
    assert (ouder.soort, ouder.volledige_naam, ouder.telefoon, ouder.emailadres) == (
        "10", "Anne de Vries", "0612345678", "anne@example.nl",
    )  # fmt: skip
    pagina = cjg.get(casus.get_absolute_url())
    tekst = _tekst(pagina)
    assert reverse("hulpvragen:detail", args=[h.pk]) in pagina.content.decode()  # the casus links back
    assert "BSN nog onbekend" in tekst and "Liefst bellen, na 15.00 uur" in tekst
    assert "Anne de Vries (ouder) — 06-12345678" in tekst
    assert "Voor een aanvraag is het BSN nodig" in tekst  # an aanvraag waits for the BSN


def test_every_triage_error_is_shown_next_to_its_field(cjg, w):
    h = hulpvragen.registreer(gemeente=w["oss"], team=w["team"], vrager="school", kanaal="telefoon", vraag="?")
    r = cjg.post(reverse("hulpvragen:vraagverheldering", args=[h.pk]), {"bsn": "123"})
    assert r.status_code == 400
    html = r.content.decode()
    assert 'id="vv_bsn_error"' in html
    r = cjg.post(reverse("hulpvragen:vraagverheldering", args=[h.pk]), {})
    html = r.content.decode()
    assert r.status_code == 400 and not Casus.objects.exists()
    assert 'id="vv_voornamen_error"' in html and 'id="vv_geslachtsnaam_error"' in html
    assert 'id="vv_geboortedatum_error"' in html  # no age was given: a birth date is needed
    assert "(verplicht)" in html and "novalidate" in html


def test_a_phone_call_opens_the_casus_in_one_screen(cjg, w):
    r = cjg.post(
        reverse("hulpvragen:registreren"),
        {"kanaal": "telefoon", "vrager": "ouder", "naam": "Anne Jansen", "telefoon": "0612345678",
         "vraag": "Noor gaat niet naar school.", "voornaam_kind": "Noor", "leeftijd_kind": "14",
         "bsn": w["jeugdige"].bsn, "verder": "casus"},
    )  # fmt: skip
    casus = Casus.objects.get()
    assert r["Location"] == casus.get_absolute_url() and casus.jeugdige == w["jeugdige"]
    assert casus.hulpvragen.get().status == "vraagverheldering"


def test_the_kort_verslag_starts_from_the_question_and_unticked(cjg, w):
    h = _online(w)
    casus, _nieuw = hulpvragen.naar_vraagverheldering(h, door=w["cjg"], jeugdige=w["jeugdige"])
    html = cjg.get(casus.get_absolute_url()).content.decode()
    vraag = re.search(r'<textarea[^>]*id="verslag_vraag"[^>]*>(.*?)</textarea>', html, re.S).group(1)
    assert "slaapt slecht" in vraag
    gezin_eens = re.search(r'<input[^>]*id="verslag_gezin_eens"[^>]*>', html).group(0)
    assert "checked" not in gezin_eens


def test_regisseur_and_action_owner_are_chosen_from_the_people_involved(cjg, w):
    h = _online(w)
    casus, _nieuw = hulpvragen.naar_vraagverheldering(h, door=w["cjg"], jeugdige=w["jeugdige"])
    html = cjg.get(casus.get_absolute_url()).content.decode()
    eigenaar = re.search(r'<select[^>]*id="actie_eigenaar".*?</select>', html, re.S).group(0)
    assert "netwerk|Anne de Vries" in eigenaar and "professional|Sanne" in eigenaar
    assert re.search(r'<select[^>]*id="regie_regisseur"', html)
    r = cjg.post(
        reverse("casussen:actie", args=[casus.pk]),
        {"omschrijving": "Slaapritueel proberen", "eigenaar": "netwerk|Anne de Vries", "deadline": "2026-12-21"},
    )
    assert r.status_code == 302
    actie = casussen.plan_voor(casus).acties.get()
    assert (actie.eigenaar, actie.eigenaar_soort) == ("Anne de Vries", "netwerk")
    r = cjg.post(reverse("casussen:regie", args=[casus.pk]), {"versie": casus.versie, "regievorm": "casusregie"})
    assert r.status_code == 400 and 'id="regie_regisseur_error"' in r.content.decode()


def test_a_leefgebied_shows_its_dutch_label(cjg, w):
    casus = _casus(w)
    plan = casussen.plan_voor(casus)
    plan.leefgebieden = [{"leefgebied": "onderwijs", "wil": "Weer naar school", "kan": "", "nodig": ""}]
    plan.save()
    tekst = _tekst(cjg.get(casus.get_absolute_url()))
    assert "School en opleiding — ik wil: Weer naar school" in tekst
    assert "onderwijs — ik wil" not in tekst
    r = cjg.post(  # the plan form takes a leefgebied in the same go
        reverse("casussen:plan", args=[casus.pk]),
        {"versie": plan.versie, "leefgebied": "netwerk", "wil": "Vrienden zien", "evaluatiedatum": "2027-02-15"},
    )
    assert r.status_code == 302
    assert "Netwerk, vrienden en vrije tijd — ik wil: Vrienden zien" in _tekst(cjg.get(casus.get_absolute_url()))


def test_the_jeugdige_page_shows_name_and_gender_without_codes(cjg, w):
    daan = factories.JeugdigeFactory(
        gemeente=w["oss"], team=w["team"], voornamen="Daan", voorletters="", voorvoegsel="de",
        geslachtsnaam="Vries", geslacht="1",
    )  # fmt: skip
    tekst = _tekst(cjg.get(reverse("jeugdigen:dossier", args=[daan.pk])))
    assert "Naam Daan de Vries Geboortedatum" in tekst and "()" not in tekst
    assert "Geslacht Mannelijk" in tekst and "1 Mannelijk" not in tekst


def _casus(w):
    h = hulpvragen.registreer(gemeente=w["oss"], team=w["team"], vrager="ouder", kanaal="telefoon", vraag="Ruzie")
    casus, _nieuw = hulpvragen.naar_vraagverheldering(h, door=w["cjg"], jeugdige=w["jeugdige"])
    return casus


def test_a_conversation_in_the_future_is_refused_next_to_its_date(cjg, w):
    casus = _casus(w)
    morgen = timezone.localdate() + dt.timedelta(days=1)
    r = cjg.post(
        reverse("casussen:gesprek", args=[casus.pk]),
        {"datum": morgen.isoformat(), "deelnemers": "Anne, Noor", "samenvatting": "Gepland gesprek"},
    )
    assert r.status_code == 400 and not casus.gesprekken.exists()
    html = r.content.decode()
    assert 'id="gesprek_datum_error"' in html and "Deze datum ligt in de toekomst." in html


def test_closing_with_an_open_action_warns_and_keeps_the_action(cjg, w):
    casus = _casus(w)
    plan_vastgesteld(w, casus)  # one open action: "Oma past op"
    url = reverse("casussen:afsluiten", args=[casus.pk])
    data = {"reden": "volgens_plan", "toelichting": "Het gaat goed.", "waakvlam_1": "2027-03-08"}
    r = cjg.post(url, data)
    casus.refresh_from_db()
    assert r.status_code == 400 and casus.status == CasusStatus.PLAN
    assert 'id="afsluiten_open_acties_error"' in r.content.decode()
    r = cjg.post(url, {**data, "open_acties": "on", "verder": "met_waakvlam"})
    casus.refresh_from_db()
    assert r.status_code == 302 and casus.status == CasusStatus.WAAKVLAM
    rijen = [r for r in werkvoorraad.rijen(w["cjg"]) if r.soort == "Actie"]
    assert [r.tekst for r in rijen] == ["Oma: Oma past op"]  # still on the werkvoorraad
    assert "Oma past op" in _tekst(cjg.get(casus.get_absolute_url()))


def test_one_vot_has_one_deadline_in_the_queue_and_under_verzoeken(cjg, w):
    from jeugdhulp.berichten import inbox
    from jeugdhulp.berichten.ijw import build
    from tests.berichten import voorbeelden as vb

    bericht = inbox.ontvang(build(vb.jw315_bericht()), bron="test", aanbieder=w["aanbieder"])
    verzoek = bericht.verzoeken.get()
    # the demo (and any correction) re-dates the verzoek after the hulpvraag was made from it
    verzoek.antwoord_uiterlijk = dt.date(2026, 11, 27)
    verzoek.save(update_fields=["antwoord_uiterlijk"])
    h = verzoek.hulpvraag
    assert h.termijn == dt.date(2026, 11, 27)
    rij = cjg.get(reverse("hulpvragen:wachtrij")).content.decode()
    assert "27-11-2026" in rij and "te laat" in rij
    assert [r.datum for r in werkvoorraad.rijen(w["cjg"]) if r.soort == "Hulpvraag"] == [dt.date(2026, 11, 27)]


def test_a_jeugdige_without_bsn_is_not_a_duplicate_of_another(w):
    for naam in ("Daan", "Sem"):
        h = hulpvragen.registreer(
            gemeente=w["oss"], team=w["team"], vrager="ouder", kanaal="telefoon", vraag="?", leeftijd_kind=5,
            naam="Anne Bakker",
        )  # fmt: skip
        hulpvragen.naar_vraagverheldering(
            h, door=w["cjg"], jeugdige=hulpvragen.nieuwe_jeugdige(h, door=w["cjg"], voornamen=naam)
        )
    assert Jeugdige.objects.filter(bsn__isnull=True).count() == 2


def test_the_casus_page_says_the_next_step_and_by_when_overdue_first(cjg, w):
    casus = _casus(w)
    plan = plan_vastgesteld(w, casus)
    vandaag = timezone.localdate()
    plan.acties.update(deadline=vandaag + dt.timedelta(days=7))
    type(plan).objects.filter(pk=plan.pk).update(evaluatiedatum=vandaag - dt.timedelta(days=1))
    html = cjg.get(casus.get_absolute_url()).content.decode()
    volgende = _tekst_van(html, "volgende")
    assert "Evalueer het plan met het gezin" in volgende and "Uiterlijk zondag 6 december 2026" in volgende
    assert "te laat" in volgende
    assert "Oma: Oma past op" in _tekst_van(html, "komt")  # then the action
    betrokkenen = _tekst_van(html, "betrokkenen")
    assert "Noor Jansen (jeugdige)" in betrokkenen and "Sanne (CJG-medewerker, CJG Oss-Noord)" in betrokkenen


def _tekst_van(html: str, testid: str) -> str:
    blok = re.search(rf'data-testid="{testid}".*?</(?:section|ul)>', html, re.S).group(0)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", blok))


def test_the_bsn_and_birth_date_are_added_later_on_the_casus(cjg, w):
    h = _online(w)
    cjg.post(reverse("hulpvragen:vraagverheldering", args=[h.pk]), {"voornamen": "Daan"})
    casus = Casus.objects.get()
    url = reverse("casussen:jeugdige", args=[casus.pk])
    r = cjg.post(url, {"bsn": w["jeugdige"].bsn})  # Noor's BSN: not Daan's
    assert r.status_code == 400 and 'id="jeugdige_bsn_error"' in r.content.decode()
    r = cjg.post(url, {"bsn": "123456789"})  # fails the 11-proef
    assert r.status_code == 400 and 'id="jeugdige_bsn_error"' in r.content.decode()
    r = cjg.post(url, {"bsn": "999990019", "geboortedatum": "2018-03-14"})
    assert r.status_code == 302
    daan = Jeugdige.objects.get(pk=casus.jeugdige_id)
    assert (daan.bsn, daan.geboortedatum, daan.datumgebruik) == ("999990019", dt.date(2018, 3, 14), "")
    assert "Aanvraag indienen" in cjg.get(casus.get_absolute_url()).content.decode()


def test_no_aanvraag_without_a_bsn(w):
    from django.core.exceptions import ValidationError

    from jeugdhulp.besluiten import services as besluiten

    h = _online(w)
    daan = hulpvragen.nieuwe_jeugdige(h, door=w["cjg"], voornamen="Daan")
    casus, _nieuw = hulpvragen.naar_vraagverheldering(h, door=w["cjg"], jeugdige=daan)
    with pytest.raises(ValidationError, match="BSN"):
        besluiten.aanvraag_indienen(
            casus, door=w["cjg"], vorm="zin", ontvangen_op=timezone.localdate(),
            producten=[{"product": w["product"], "aanbieder": w["aanbieder"], "volume": 2, "eenheid": "04",
                        "frequentie": "2", "ingangsdatum": timezone.localdate(),
                        "einddatum": timezone.localdate() + dt.timedelta(days=90)}],
        )  # fmt: skip
    assert not casus.aanvragen.exists()
