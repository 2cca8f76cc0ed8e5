"""Choice controls render as the NL Design System (Utrecht) native inputs, the same way on public and staff forms:
the ``--html-input`` modifier the vendored CSS draws ``:checked`` on, and checkboxes for multiple choice."""

from django import forms

import pytest

from jeugdhulp.hulpvragen.forms import RegistreerForm
from jeugdhulp.publiek.forms import HulpvraagForm, VraagwijzerForm, ZoekForm
from jeugdhulp.web.forms import CHECKBOX, RADIO, utrecht_class


def _inputs(html: str, soort: str) -> list[str]:
    import re

    return re.findall(rf'<input type="{soort}"[^>]*>', html)


@pytest.mark.parametrize(
    ("widget", "klasse"),
    [
        (forms.CheckboxSelectMultiple(), CHECKBOX),  # a subclass of RadioSelect in Django: must not become a radio
        (forms.CheckboxInput(), CHECKBOX),
        (forms.RadioSelect(), RADIO),
        (forms.Select(), "utrecht-select utrecht-select--html-select"),
        (forms.Textarea(), "utrecht-textarea utrecht-textarea--html-textarea"),
        (forms.TextInput(), "utrecht-textbox utrecht-textbox--html-input"),
    ],
)
def test_one_place_decides_the_class_of_every_widget(widget, klasse):
    assert utrecht_class(widget) == klasse


def test_public_form_multiple_choice_is_checkboxes_and_single_choice_radios(kaart):
    html = str(HulpvraagForm(gemeente=kaart["oss"]))
    vinkjes = _inputs(html, "checkbox")
    assert vinkjes and all("utrecht-checkbox--html-input" in i and "utrecht-radio-button" not in i for i in vinkjes)
    assert any('name="onderwerpen"' in i for i in vinkjes)
    rondjes = _inputs(html, "radio")
    assert rondjes and all("utrecht-radio-button--html-input" in i for i in rondjes)
    zoek = str(ZoekForm(gemeente=kaart["oss"]))
    assert all("utrecht-checkbox--html-input" in i for i in _inputs(zoek, "checkbox"))
    wijzer = str(VraagwijzerForm(stap="wie", titel="Voor wie?", opties=[("ouder", "Voor mijn kind")]))
    assert "utrecht-radio-button--html-input" in wijzer and "required" in wijzer


def test_staff_forms_draw_choices_the_same_way(db):
    html = str(RegistreerForm())
    vinkjes = _inputs(html, "checkbox")
    assert vinkjes and all(CHECKBOX in i for i in vinkjes)


def test_vraagwijzer_page_uses_the_shared_widgets(client, kaart):
    html = client.get("/sociale-kaart/vraagwijzer/").content.decode()
    rondjes = _inputs(html, "radio")
    assert rondjes and all("utrecht-radio-button--html-input" in i for i in rondjes)
