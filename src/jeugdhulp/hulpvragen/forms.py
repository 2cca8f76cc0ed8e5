"""Registering a hulpvraag by phone, inloop or e-mail, and the triage choices."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from jeugdhulp.core.validators import validate_bsn
from jeugdhulp.hulpvragen.models import Kanaal, LichteHulp, Vrager
from jeugdhulp.web.forms import UtrechtFormMixin

ONDERWERPEN = [
    ("opvoeden", _("Opvoeden")),
    ("gedrag", _("Gedrag")),
    ("school", _("School")),
    ("scheiding", _("Scheiding")),
    ("ontwikkeling", _("Ontwikkeling")),
    ("gevoel", _("Gevoelens en stemming")),
    ("veiligheid", _("Veiligheid thuis")),
    ("anders", _("Iets anders")),
]
DATUM = forms.DateInput(attrs={"type": "date"})


class RegistreerForm(UtrechtFormMixin, forms.Form):
    kanaal = forms.ChoiceField(
        label=_("Hoe kwam de vraag binnen?"),
        choices=[c for c in Kanaal.choices if c[0] not in (Kanaal.WEBSITE, Kanaal.IJW)],
        initial=Kanaal.TELEFOON,
    )
    vrager = forms.ChoiceField(label=_("Wie vraagt"), choices=[c for c in Vrager.choices if c[0] != Vrager.VERWIJZER])
    naam = forms.CharField(label=_("Naam van de vrager"), max_length=200)
    telefoon = forms.CharField(label=_("Telefoonnummer"), max_length=30, required=False)
    email = forms.EmailField(label=_("E-mailadres"), required=False)
    leeftijd_kind = forms.IntegerField(label=_("Leeftijd van het kind"), min_value=0, max_value=23, required=False)
    vraag = forms.CharField(label=_("De vraag, in de woorden van de vrager"), widget=forms.Textarea(attrs={"rows": 4}))
    onderwerpen = forms.MultipleChoiceField(
        label=_("Onderwerpen"), choices=ONDERWERPEN, required=False, widget=forms.CheckboxSelectMultiple
    )


class LichtForm(UtrechtFormMixin, forms.Form):
    lichte_hulp = forms.ChoiceField(label=_("Wat heeft het CJG gedaan"), choices=LichteHulp.choices)
    afhandeling = forms.CharField(label=_("Toelichting"), widget=forms.Textarea(attrs={"rows": 3}))


class VraagverhelderingForm(UtrechtFormMixin, forms.Form):
    """Link the jeugdige: an existing one by BSN, or a new one with name and birth date."""

    bsn = forms.CharField(label=_("BSN van de jeugdige"), max_length=9, validators=[validate_bsn])
    voornamen = forms.CharField(
        label=_("Voornaam (als de jeugdige nog niet bekend is)"), max_length=200, required=False
    )
    geslachtsnaam = forms.CharField(label=_("Achternaam"), max_length=200, required=False)
    geboortedatum = forms.DateField(label=_("Geboortedatum"), required=False, widget=DATUM)
    geslacht = forms.ChoiceField(
        label=_("Geslacht"), choices=[("0", _("Onbekend")), ("1", _("Man")), ("2", _("Vrouw"))], required=False
    )

    def nieuwe_gegevens_compleet(self) -> bool:
        d = self.cleaned_data
        return bool(d.get("geslachtsnaam") and d.get("geboortedatum"))

    def eis_nieuwe_gegevens(self) -> None:
        if not self.nieuwe_gegevens_compleet():
            raise ValidationError(_("Deze jeugdige is nog niet bekend: vul achternaam en geboortedatum in."))
