"""What a usability tester (a mother, a 16-year-old, a Polish father) ran into on the public site, each kept fixed."""

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils import translation

import pytest

from jeugdhulp.hulpvragen.models import Hulpvraag
from jeugdhulp.publiek.forms import telefoonnummer
from jeugdhulp.publiek.templatetags import publiek as publiek_tags
from jeugdhulp.taken.models import Mail


@pytest.mark.django_db
def test_nothing_found_gives_the_cjg_number_and_the_online_form(client, kaart):
    html = client.get("/sociale-kaart/?q=xyzzyq").content.decode()
    assert 'data-testid="niets-gevonden"' in html
    assert 'href="tel:0412795000"' in html  # the CJG's own line, not its crisis line
    assert "0412-795099" not in html
    assert 'href="/hulpvraag/"' in html


@pytest.mark.parametrize("nummer", ["+48 512 345 678", "+32 470 12 34 56", "0048 512 345 678", "+49 30 1234567",
                                    "06-12345678", "0412-795000", "+31 6 12345678", "0031 412 795000"])  # fmt: skip
def test_dutch_and_international_numbers_are_accepted(nummer):
    assert telefoonnummer(nummer) == nummer


@pytest.mark.parametrize("nummer", ["12345", "+31 6 1234", "+31 6 123456789", "+48 12", "+0 512 345 678",
                                    "+48 512 345 678 901 234", "0612"])  # fmt: skip
def test_wrong_numbers_are_still_refused(nummer):
    with pytest.raises(ValidationError):
        telefoonnummer(nummer)


@pytest.mark.django_db
def test_a_polish_father_can_leave_his_polish_number(client, kaart):
    data = {"vraag": "Mój syn ma problemy w szkole.", "vrager": "ouder", "contactvoorkeur": "telefoon",
            "telefoon": "+48 512 345 678"}  # fmt: skip
    response = client.post("/pl/hulpvraag/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Hulpvraag.objects.get().telefoon == "+48 512 345 678"


@pytest.mark.parametrize(
    ("taal", "dag", "datum"),
    [("nl", "dinsdag 8 december", "8 december 2026"), ("pl", "wtorek 8 grudnia", "8 grudnia 2026"),
     ("en", "Tuesday 8 December", "8 December 2026")],
)  # fmt: skip
def test_dates_read_as_in_a_sentence(taal, dag, datum):
    with translation.override(taal):
        assert publiek_tags.dag_en_datum(dt.date(2026, 12, 8)) == dag
        assert publiek_tags.datum(dt.date(2026, 12, 8)) == datum
        avond = dt.datetime(2026, 12, 8, 23, 30, tzinfo=dt.UTC)  # already Wednesday in Oss
        assert publiek_tags.dag_en_datum(avond).split()[1] == "9"


@pytest.mark.django_db
def test_the_polish_confirmation_page_and_mail_give_a_grammatical_date(client, kaart, time_machine):
    time_machine.move_to(dt.datetime(2026, 12, 4, 10, tzinfo=dt.UTC), tick=False)  # a Friday
    data = {"vraag": "Mój syn ma problemy w szkole.", "vrager": "ouder", "contactvoorkeur": "email",
            "email": "ojciec@example.org", "bevestiging_email": "on"}  # fmt: skip
    assert client.post("/pl/hulpvraag/", data).status_code == 302
    html = client.get("/pl/hulpvraag/verstuurd/").content.decode()
    assert "wtorek 8 grudnia" in html, re.findall(r"najpóźniej[^.]*", html)
    mail = Mail.objects.get()
    assert "wtorek 8 grudnia" in mail.tekst


@pytest.mark.django_db
def test_the_polish_service_page_has_no_dutch_ui_and_says_the_descriptions_are_dutch(client, kaart):
    dienst = kaart["hulp_pesten"]
    dienst.kosten = "Gratis: de gemeente betaalt."
    dienst.save()
    html = client.get(f"/pl/sociale-kaart/dienst/{kaart['scheiden'].pk}/").content.decode()
    assert "Crisisdienst jeugd" not in html and "Op werkdagen" not in html  # the CJG's phone lines, in Polish
    assert "Naar de inhoud" not in html
    assert 'data-testid="in-het-nederlands"' in html
    html = client.get(f"/pl/sociale-kaart/dienst/{dienst.pk}/").content.decode()
    assert "gemeente betaalt" not in html
    assert '<p class="utrecht-paragraph" lang="nl">Wordt je kind gepest?' in html  # the organisation's own text
    assert 'data-testid="in-het-nederlands"' not in client.get(f"/sociale-kaart/dienst/{dienst.pk}/").content.decode()


@pytest.mark.django_db
def test_the_polish_folder_gives_its_phone_lines_in_polish(rf, kaart):
    from jeugdhulp.publiek.views import _cjg, _crisisnummer

    cjg = _cjg()
    with translation.override("pl"):
        html = render_to_string("publiek/folder_pdf.html", {"cjg": cjg, "crisis": _crisisnummer(cjg)})
    assert "0412-795099" in html and "Crisisdienst jeugd:" not in html and "Op werkdagen" not in html


@pytest.mark.django_db
def test_the_privacy_statement_says_truthfully_what_staff_may_do_with_a_question(client, kaart):
    html = client.get("/privacy/").content.decode()
    rij = html.split("Je vraag en je contactgegevens", 1)[1].split("</tr>", 1)[0]
    assert "mogen ze ook veranderen" not in html  # a hulpvraag is handled, never rewritten
    assert "Wat je zelf schreef, blijft zoals het is." in rij
    assert "jouw gemeente" not in html and "van de gemeente Oss" in rij
    assert '<div class="tabel-scroll" role="region" aria-labelledby="wie-ziet-wat" tabindex="0">' in html


@pytest.mark.django_db
@pytest.mark.parametrize(("naam", "aanhef"), [("Fenna", "Hallo,"), ("", "Hallo,")])
def test_confirmation_repeats_the_call_moment_and_gives_the_evening_and_child_lines(client, kaart, naam, aanhef):
    from jeugdhulp.publiek import noodnummers

    data = {"vraag": "Mijn zoon is snel boos.", "vrager": "ouder", "contactvoorkeur": "telefoon", "naam": naam,
            "telefoon": "06-12345678", "bereikbaar": "na 15.00 uur", "email": "fenna@example.org",
            "bevestiging_email": "on"}  # fmt: skip
    assert client.post("/hulpvraag/", data).status_code == 302
    html = client.get("/hulpvraag/verstuurd/").content.decode()
    mail = Mail.objects.get().tekst
    moment = "We bellen je, zoals je vroeg: na 15.00 uur."
    assert moment in html and moment in mail
    erger = html.split('data-testid="als-het-erger-wordt"', 1)[1].split("</ul>", 1)[0]
    for tekst in (erger, mail):
        assert "0412-795000" in tekst and "0412-795099" in tekst  # the CJG's day line and its crisis line
        assert noodnummers.KINDERTELEFOON.nummer in tekst and noodnummers.NOOD.nummer in tekst
    assert mail.startswith(aanhef + "\n")
    assert not naam or naam not in mail  # a mail says that something is waiting, not who or what (issue 16)


def _soorten_in_optie(html: str, kern: str) -> int:
    return int(re.search(rf"{kern} \((\d+) soorten? hulp\)", html).group(1))


@pytest.mark.django_db
@pytest.mark.parametrize("kern", ["Oss", "Lith"])
def test_the_vraagwijzer_count_is_the_count_found(client, kaart, kern):
    vragen = "/sociale-kaart/vraagwijzer/?wie=ouder&leeftijd=12-18&onderwerp=pesten"
    html = client.get(vragen).content.decode()
    assert "Volgende vraag" not in html and "Laat nu de hulp zien" not in html  # the last question: one way on
    assert "Laat de hulp zien" in html
    beloofd = _soorten_in_optie(html, kern)
    response = client.get(f"{vragen}&kern={kern}")
    assert "leeftijd=" not in response["Location"].replace("leeftijdsgroep=", "")  # no made-up age like 8
    assert "leeftijdsgroep=12-18" in response["Location"]
    resultaat = client.get(response["Location"]).content.decode()
    gevonden = int(re.search(r"(\d+) soorten? hulp gevonden", resultaat).group(1))
    assert gevonden == beloofd
    assert 'value="15"' not in resultaat and 'value="12-18" selected' in resultaat


@pytest.mark.django_db
def test_one_result_is_one_soort_hulp(client, kaart):
    html = client.get("/sociale-kaart/?q=gescheiden+ouders").content.decode()
    assert "1 soort hulp gevonden" in html


def _verwijzingen_zonder_doel(html: str) -> set[str]:
    ids = set(re.findall(r'\sid="([^"]+)"', html))
    verwezen = {i for lijst in re.findall(r'aria-(?:describedby|labelledby)="([^"]+)"', html) for i in lijst.split()}
    return verwezen - ids


@pytest.mark.django_db
@pytest.mark.parametrize("pad", ["/hulpvraag/", "/pl/hulpvraag/", "/sociale-kaart/", "/sociale-kaart/vraagwijzer/",
                                 "/sociale-kaart/?q=pesten", "/privacy/", "/professionals/", "/contact/"])  # fmt: skip
def test_every_aria_reference_points_at_an_element(client, kaart, pad):
    html = client.get(pad).content.decode()
    assert "aria-describedby" in html or pad != "/hulpvraag/"
    assert _verwijzingen_zonder_doel(html) == set()


@pytest.mark.django_db
def test_errors_and_help_texts_are_both_read_out_with_their_field(client, kaart):
    html = client.post("/hulpvraag/", {"vraag": "", "leeftijd_kind": "99", "contactvoorkeur": "telefoon"}).content
    html = html.decode()
    assert _verwijzingen_zonder_doel(html) == set()
    assert 'aria-describedby="id_leeftijd_kind_error id_leeftijd_kind_helptext"' in html
    assert re.search(r'<fieldset[^>]*aria-describedby="id_vrager_error"', html)


@pytest.mark.django_db
def test_the_folder_pdf_is_made_once_per_language_and_content_version(client, kaart, monkeypatch):
    from django.core.cache import cache
    from django.http import HttpResponse

    from jeugdhulp.publiek import views

    gemaakt = []

    def maak(request, template, context, naam):
        gemaakt.append(translation.get_language())
        return HttpResponse(f"%PDF {len(gemaakt)}".encode(), content_type="application/pdf")

    cache.clear()
    monkeypatch.setattr(views, "pdf_response", maak)
    pad = "/folder/wat-kun-je-verwachten-van-het-cjg.pdf"
    eerste = client.get(pad)
    assert client.get(pad).content == eerste.content == b"%PDF 1" and eerste["Content-Type"] == "application/pdf"
    assert client.get("/pl" + pad).content == b"%PDF 2"  # each language its own
    kaart["cjg"].telefoonnummers.filter(nummer="0412-795099").update(nummer="0412-795098")
    assert client.get(pad).content == b"%PDF 3"  # the crisis line changed: a new folder
    assert gemaakt == ["nl", "pl", "nl"]


@pytest.mark.django_db
def test_contact_writes_hours_one_way_and_the_app_number_is_not_a_phone_link(client, kaart):
    from jeugdhulp.socialekaart.models import Telefoonnummer

    Telefoonnummer.objects.create(organisatie=kaart["cjg"], nummer="06-12345678", type="text",
                                  omschrijving="App voor jongeren")  # fmt: skip
    main = client.get("/contact/").content.decode().split("<main", 1)[1]
    assert "woensdag 13.30–16.00 uur" in main and not re.search(r"\d\d:\d\d", main)
    assert "tel:0612345678" not in main
    assert re.search(r"<dt>WhatsApp</dt><dd>06-12345678 \(alleen WhatsApp\)", main)
    dienst = client.get(f"/sociale-kaart/dienst/{kaart['scheiden'].pk}/").content.decode()
    assert "tel:0612345678" not in dienst and "06-12345678 (alleen WhatsApp)" in dienst
