"""Registering a hulpvraag by phone, inloop or e-mail, and the triage choices."""

from __future__ import annotations

import copy

from django import forms
from django.utils.translation import gettext_lazy as _

from jeugdhulp.core.validators import validate_bsn
from jeugdhulp.hulpvragen.models import Contactvoorkeur, Kanaal, LichteHulp, Vrager
from jeugdhulp.publiek.forms import HulpvraagForm, telefoonnummer
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


def zoals_online(naam: str, label: str, help_text: str = "") -> forms.Field:
    """The online form's field (its choices, length and checks), with a label for the worker on the phone."""
    veld = copy.deepcopy(HulpvraagForm.base_fields[naam])
    veld.label, veld.help_text = label, help_text
    return veld


# The online form asks "mag het CJG overleggen" as one box to tick; on the phone "not asked" is an answer too.
OVERLEG = [("unknown", _("Niet gevraagd")), ("true", _("Ja, de beller geeft toestemming")),
           ("false", _("Nee, geen toestemming"))]  # fmt: skip


class RegistreerForm(UtrechtFormMixin, forms.Form):
    field_order = ["kanaal", "vrager", "naam", "contactvoorkeur", "telefoon", "email", "bereikbaar", "vraag",
                   "onderwerpen", "toestemming_overleg", "voornaam_kind", "leeftijd_kind", "bsn"]  # fmt: skip
    kanaal = forms.ChoiceField(
        label=_("Hoe kwam de vraag binnen?"),
        choices=[c for c in Kanaal.choices if c[0] not in (Kanaal.WEBSITE, Kanaal.IJW)],
        initial=Kanaal.TELEFOON,
    )
    vrager = forms.ChoiceField(
        label=_("Wie vraagt"),
        choices=[c for c in Vrager.choices if c[0] != Vrager.VERWIJZER],
        initial=Vrager.OUDER,
    )
    naam = forms.CharField(label=_("Naam van de vrager"), max_length=200)
    telefoon = forms.CharField(label=_("Telefoonnummer"), max_length=30, required=False)
    email = forms.EmailField(label=_("E-mailadres"), required=False)
    contactvoorkeur = zoals_online("contactvoorkeur", _("Hoe wil de beller dat we contact opnemen?"))
    contactvoorkeur.required = False  # not asked: by phone, as it came in
    bereikbaar = zoals_online(
        "bereikbaar", _("Wanneer is de beller goed bereikbaar?"), _("Bijvoorbeeld: doordeweeks na 15.00 uur.")
    )
    toestemming_overleg = forms.NullBooleanField(
        label=_("Mag het CJG overleggen met school of huisarts?"),
        widget=forms.RadioSelect(choices=OVERLEG),
        initial="unknown",  # visibly "niet gevraagd" until the worker asks
        required=False,
        help_text=_("Vraag het de beller. Het staat dan bij de hulpvraag en de casus."),
    )
    leeftijd_kind = forms.IntegerField(
        label=_("Leeftijd van het kind"),
        min_value=0,
        max_value=23,
        required=False,
        error_messages={
            "min_value": _("Vul een leeftijd in van 0 tot en met 23 jaar."),
            "max_value": _("Vul een leeftijd in van 0 tot en met 23 jaar."),
            "invalid": _("Vul een leeftijd in cijfers in, bijvoorbeeld 9."),
        },
    )
    vraag = forms.CharField(label=_("De vraag, in de woorden van de vrager"), widget=forms.Textarea(attrs={"rows": 4}))
    onderwerpen = forms.MultipleChoiceField(
        label=_("Onderwerpen"), choices=ONDERWERPEN, required=False, widget=forms.CheckboxSelectMultiple
    )
    voornaam_kind = forms.CharField(
        label=_("Voornaam van het kind"),
        max_length=200,
        required=False,
        help_text=_("Nodig als u meteen een casus opent."),
    )
    bsn = forms.CharField(
        label=_("BSN van het kind"),
        max_length=9,
        validators=[validate_bsn],
        required=False,
        help_text=_("Niet nodig voor een gesprek; wel voor een aanvraag."),
    )

    def clean_telefoon(self):
        telefoon = self.cleaned_data["telefoon"].strip()
        return telefoonnummer(telefoon) if telefoon else ""

    def clean_contactvoorkeur(self):
        return self.cleaned_data["contactvoorkeur"] or Contactvoorkeur.TELEFOON

    def toestemmingen(self) -> dict:
        """As the online form stores them; nothing when the worker did not ask (shown as "niet gevraagd")."""
        overleg = self.cleaned_data.get("toestemming_overleg")
        return {} if overleg is None else {"overleg_school_huisarts": overleg}


class LichtForm(UtrechtFormMixin, forms.Form):
    lichte_hulp = forms.ChoiceField(label=_("Wat heeft het CJG gedaan"), choices=LichteHulp.choices)
    afhandeling = forms.CharField(label=_("Toelichting"), widget=forms.Textarea(attrs={"rows": 3}))


class JeugdigeVelden(forms.Form):
    """Who the question is about: an existing jeugdige by BSN, or a new one by first name and age or birth date."""

    bsn = forms.CharField(
        label=_("BSN van de jeugdige"),
        max_length=9,
        validators=[validate_bsn],
        required=False,
        help_text=_("Niet nodig voor een gesprek; wel voor een aanvraag. Bekend kind: alleen het BSN is genoeg."),
    )
    voornamen = forms.CharField(label=_("Voornaam van het kind"), max_length=200, required=False)
    geslachtsnaam = forms.CharField(
        label=_("Achternaam van het kind"),
        max_length=200,
        required=False,
        help_text=_("Leeg laten: de achternaam van de ouder die belt."),
    )
    geboortedatum = forms.DateField(label=_("Geboortedatum"), required=False, widget=DATUM)
    geslacht = forms.ChoiceField(
        label=_("Geslacht"), choices=[("0", _("Onbekend")), ("1", _("Jongen")), ("2", _("Meisje"))], required=False
    )

    def __init__(self, *args, leeftijd: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if leeftijd is not None:
            self.fields["geboortedatum"].help_text = _(
                "Leeg laten: we schatten het geboortejaar uit de leeftijd (%(n)s jaar). Later aan te passen."
            ) % {"n": leeftijd}

    def jeugdige_gegevens(self) -> dict:
        d = self.cleaned_data
        return {k: d.get(k) or ("" if k != "geboortedatum" else None) for k in self.JEUGDIGE_VELDEN}

    JEUGDIGE_VELDEN = ("bsn", "voornamen", "geslachtsnaam", "geboortedatum", "geslacht")


class VraagverhelderingForm(UtrechtFormMixin, JeugdigeVelden):
    """Link the jeugdige on the hulpvraag page: every error is shown next to its field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["voornamen"].label = _("Voornaam van het kind (verplicht als het kind nog niet bekend is)")
