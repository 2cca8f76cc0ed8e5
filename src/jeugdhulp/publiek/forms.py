"""Public forms: the online hulpvraag and the sociale kaart search. Errors are friendly and in plain Dutch."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from jeugdhulp.hulpvragen.models import Contactvoorkeur, Vrager
from jeugdhulp.organisatie.models import Wijk
from jeugdhulp.socialekaart.models import Term
from jeugdhulp.web.forms import UtrechtFormMixin, utrecht_class

MAX_VRAAG = 4000
_HTML = re.compile(r"<\s*/?\s*[a-zA-Z!?]|javascript:", re.IGNORECASE)
_TELEFOON = re.compile(r"^(\+31|0031|0)[1-9][0-9]{8}$")  # Dutch: 10 digits, or +31 and 9
_INTERNATIONAAL = re.compile(r"^\+[1-9][0-9]{7,14}$")  # E.164: + country code, at most 15 digits in all


def geen_html(waarde: str) -> str:
    if _HTML.search(waarde):
        raise forms.ValidationError(_("Gebruik geen codes zoals < en >. Schrijf je vraag in gewone woorden."))
    return waarde


def telefoonnummer(waarde: str) -> str:
    """A Dutch number (10 digits), or a foreign one in international form: "+48 512 345 678", "0032 470 12 34 56"."""
    cijfers = re.sub(r"[\s\-().]", "", waarde)
    if cijfers.startswith("00"):
        cijfers = "+" + cijfers[2:]
    nederlands = not cijfers.startswith("+") or cijfers.startswith("+31")
    if not (_TELEFOON.match(cijfers) if nederlands else _INTERNATIONAAL.match(cijfers)):
        raise forms.ValidationError(
            _(
                "Dit telefoonnummer klopt niet. Schrijf het zo: 0612345678 of 0412-123456 (10 cijfers). "
                "Een buitenlands nummer begint met + en het landnummer, bijvoorbeeld +48 512 345 678."
            )
        )
    return waarde.strip()


class HulpvraagForm(UtrechtFormMixin, forms.Form):
    vraag = forms.CharField(
        label=_("Wat is je vraag?"),
        help_text=_("Schrijf in je eigen woorden waar je hulp bij wilt. Je hoeft niet alles te vertellen."),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=MAX_VRAAG,
        error_messages={
            "required": _("Schrijf hier je vraag. Eén zin is genoeg."),
            "max_length": _("Je vraag is te lang (%(show_value)d tekens). Houd het korter dan %(limit_value)d tekens."),
        },
    )
    vrager = forms.ChoiceField(
        label=_("Wie stelt de vraag?"),
        choices=[
            (Vrager.OUDER, _("Ik ben ouder of verzorger")),
            (Vrager.JEUGDIGE, _("Ik ben een jongere")),
            (Vrager.PROFESSIONAL, _("Ik ben een professional")),
        ],  # fmt: skip
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies wie de vraag stelt.")},
    )
    leeftijd_kind = forms.IntegerField(
        label=_("Hoe oud is het kind of de jongere?"),
        help_text=_("In jaren. Weet je het niet precies? Laat het dan leeg."),
        required=False,
        min_value=0,
        max_value=23,
        error_messages={
            "invalid": _("Vul een leeftijd in cijfers in, bijvoorbeeld 9."),
            "min_value": _("Vul een leeftijd van 0 tot en met 23 jaar in."),
            "max_value": _("Het CJG helpt kinderen en jongeren tot en met 23 jaar."),
        },
    )
    onderwerpen = forms.MultipleChoiceField(
        label=_("Waar gaat je vraag over?"), help_text=_("Niet verplicht."), required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    wijk = forms.ModelChoiceField(
        label=_("Waar woon je?"),
        help_text=_("Dan komt je vraag bij het CJG-team in jouw buurt."),
        queryset=Wijk.objects.none(),
        required=False,
        empty_label=_("Weet ik niet / zeg ik liever niet"),
    )
    naam = forms.CharField(label=_("Je naam"), help_text=_("Niet verplicht."), required=False, max_length=200)
    contactvoorkeur = forms.ChoiceField(
        label=_("Hoe wil je dat we contact opnemen?"),
        choices=[(Contactvoorkeur.TELEFOON, _("Bellen")), (Contactvoorkeur.EMAIL, _("E-mailen"))],
        widget=forms.RadioSelect,
        initial=Contactvoorkeur.TELEFOON,
        error_messages={"required": _("Kies hoe we contact opnemen.")},
    )
    telefoon = forms.CharField(
        label=_("Telefoonnummer"), required=False, max_length=30, widget=forms.TextInput(attrs={"type": "tel"})
    )
    email = forms.EmailField(
        label=_("E-mailadres"),
        required=False,
        max_length=254,
        error_messages={"invalid": _("Dit e-mailadres klopt niet. Het ziet eruit als naam@voorbeeld.nl.")},
    )
    bereikbaar = forms.CharField(
        label=_("Wanneer ben je goed bereikbaar?"),
        help_text=_("Bijvoorbeeld: doordeweeks na 15.00 uur. Niet verplicht."),
        required=False,
        max_length=200,
    )
    toestemming_overleg = forms.BooleanField(
        label=_("Het CJG mag over mijn vraag overleggen met school of huisarts, als dat helpt."), required=False
    )
    bevestiging_email = forms.BooleanField(label=_("Stuur mij een bevestiging per e-mail."), required=False)
    # Honeypot: hidden from people and screen readers; bots fill it in.
    website = forms.CharField(required=False, label=_("Laat dit veld leeg"))

    def __init__(self, *args, gemeente=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["onderwerpen"].choices = [
            (t.code, t.naam_vertaald) for t in Term.objects.filter(taxonomie__code="cjg-onderwerpen")
        ]
        if gemeente is not None:
            self.fields["wijk"].queryset = Wijk.objects.filter(gemeente=gemeente).order_by("naam")
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        self.fields["telefoon"].widget.attrs["autocomplete"] = "tel"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["naam"].widget.attrs["autocomplete"] = "name"

    def clean_vraag(self):
        vraag = geen_html(self.cleaned_data["vraag"].strip())
        if len(vraag) < 5:
            raise forms.ValidationError(_("Schrijf iets meer over je vraag, dan kunnen we je beter helpen."))
        return vraag

    def clean_naam(self):
        return geen_html(self.cleaned_data["naam"].strip())

    def clean_bereikbaar(self):
        return geen_html(self.cleaned_data["bereikbaar"].strip())

    def clean_telefoon(self):
        telefoon = self.cleaned_data["telefoon"].strip()
        return telefoonnummer(telefoon) if telefoon else ""

    def clean(self):
        data = super().clean()
        voorkeur = data.get("contactvoorkeur")
        if voorkeur == Contactvoorkeur.TELEFOON and not data.get("telefoon") and "telefoon" not in self.errors:
            self.add_error("telefoon", _("Vul je telefoonnummer in, dan kunnen we je bellen."))
        if voorkeur == Contactvoorkeur.EMAIL and not data.get("email") and "email" not in self.errors:
            self.add_error("email", _("Vul je e-mailadres in, dan kunnen we je mailen."))
        if data.get("bevestiging_email") and not data.get("email") and "email" not in self.errors:
            self.add_error("email", _("Vul je e-mailadres in als je een bevestiging wilt."))
        return data

    def _post_clean(self):
        super()._post_clean()
        for naam in self.errors:  # screen readers hear the error with the field, then its help text (_veld.html)
            if naam in self.fields:
                attrs = self.fields[naam].widget.attrs
                attrs["aria-invalid"] = "true"
                ids = [f"{self[naam].auto_id}_error"]
                if self.fields[naam].help_text:
                    ids.append(f"{self[naam].auto_id}_helptext")
                attrs["aria-describedby"] = " ".join(ids)

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))


# The vraagwijzer's age groups: from, to (inclusive), label. A service fits when it is for any age in the group.
LEEFTIJDSGROEPEN = {"0-4": (0, 3, _("0 tot 4 jaar")), "4-12": (4, 11, _("4 tot 12 jaar")),
                    "12-18": (12, 17, _("12 tot 18 jaar")), "18-23": (18, 23, _("18 tot 23 jaar"))}  # fmt: skip


class ZoekForm(UtrechtFormMixin, forms.Form):
    """The sociale kaart search; bad values are ignored rather than shown as errors (it is a GET filter)."""

    q = forms.CharField(label=_("Waar zoek je hulp bij?"), required=False, max_length=200)
    leeftijd = forms.IntegerField(label=_("Leeftijd"), required=False, min_value=0, max_value=99)
    leeftijdsgroep = forms.ChoiceField(
        label=_("Leeftijd van het kind of de jongere"), required=False,
        choices=[("", _("Alle leeftijden"))] + [(k, v[2]) for k, v in LEEFTIJDSGROEPEN.items()],
    )  # fmt: skip
    onderwerp = forms.ChoiceField(label=_("Onderwerp"), required=False)
    kern = forms.ChoiceField(label=_("Woonplaats"), required=False)
    zonder_verwijzing = forms.BooleanField(label=_("Alleen zonder verwijzing"), required=False)

    def __init__(self, *args, gemeente=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["onderwerp"].choices = [("", _("Alle onderwerpen"))] + [
            (t.code, t.naam_vertaald) for t in Term.objects.filter(taxonomie__code="cjg-onderwerpen")
        ]
        self.fields["kern"].choices = [("", _("Heel de gemeente"))] + [(k, k) for k in kernen(gemeente)]
        self.fields["leeftijd"].widget.attrs.update({"inputmode": "numeric"})


def kernen(gemeente) -> list[str]:
    """The kernen (villages and the town) of the gemeente, alphabetically."""
    if gemeente is None:
        return []
    return sorted(set(Wijk.objects.filter(gemeente=gemeente).exclude(kern="").values_list("kern", flat=True)))


class VraagwijzerForm(forms.Form):
    """One question of the vraagwijzer: a single choice, drawn like every other radio group (web.forms)."""

    def __init__(self, *args, stap: str, titel: str, opties: list, **kwargs):
        super().__init__(*args, **kwargs)
        widget = forms.RadioSelect(attrs={"required": True})
        widget.attrs["class"] = utrecht_class(widget)
        self.fields[stap] = forms.ChoiceField(label=titel, choices=opties, widget=widget)
