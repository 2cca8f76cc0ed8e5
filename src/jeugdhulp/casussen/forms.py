"""Forms for the casus steps. Dates use the browser's date picker; every widget gets the Utrecht classes."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from jeugdhulp.casussen.models import (
    Actie,
    Deelnemer,
    Gesprek,
    KortVerslag,
    Leefgebied,
    Na18,
    RedenAfsluiting,
    Regievorm,
    ToekomstLeefgebied,
    Veiligheidssignaal,
    Woonvorm,
)
from jeugdhulp.web.forms import UtrechtFormMixin

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class GesprekForm(UtrechtFormMixin, forms.ModelForm):
    class Meta:
        model = Gesprek
        fields = ["datum", "deelnemers", "samenvatting"]
        widgets = {"datum": DATUM, "samenvatting": forms.Textarea(attrs={"rows": 3})}


class VerslagForm(UtrechtFormMixin, forms.ModelForm):
    basis_versie = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    delen = forms.BooleanField(label=_("Verslag nu delen met het gezin"), required=False)

    class Meta:
        model = KortVerslag
        fields = [
            "vraag",
            "wat_gaat_goed",
            "afspraken",
            "reactie_gezin",
            "gezin_eens",
            "akkoord_ouders",
            "akkoord_jeugdige",
        ]
        widgets = {
            f: forms.Textarea(attrs={"rows": 3}) for f in ("vraag", "wat_gaat_goed", "afspraken", "reactie_gezin")
        }


class RegieForm(UtrechtFormMixin, forms.Form):
    versie = forms.IntegerField(widget=forms.HiddenInput)
    regievorm = forms.ChoiceField(label=_("Regie"), choices=Regievorm.choices)
    regisseur = forms.CharField(label=_("Naam regisseur"), max_length=200, required=False)


class PlanForm(UtrechtFormMixin, forms.Form):
    versie = forms.IntegerField(widget=forms.HiddenInput)
    doelen = forms.CharField(label=_("Doelen"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    datum_overleg = forms.DateField(label=_("Datum samenwerkoverleg"), required=False, widget=DATUM)
    evaluatiedatum = forms.DateField(label=_("Evaluatiedatum"), required=False, widget=DATUM)


class LeefgebiedForm(UtrechtFormMixin, forms.Form):
    leefgebied = forms.ChoiceField(label=_("Leefgebied"), choices=Leefgebied.choices)
    wil = forms.CharField(label=_("Ik wil"), max_length=500)
    kan = forms.CharField(label=_("Ik kan"), max_length=500, required=False)
    nodig = forms.CharField(label=_("Ik heb nodig"), max_length=500, required=False)


class DeelnemerForm(UtrechtFormMixin, forms.ModelForm):
    class Meta:
        model = Deelnemer
        fields = ["naam", "soort", "organisatie"]
        labels = {"naam": _("Naam deelnemer"), "soort": _("Soort deelnemer")}


class ActieForm(UtrechtFormMixin, forms.ModelForm):
    class Meta:
        model = Actie
        fields = ["omschrijving", "eigenaar_soort", "eigenaar", "deadline"]
        labels = {"omschrijving": _("Actie"), "eigenaar_soort": _("Wie doet het"), "eigenaar": _("Naam uitvoerder")}
        widgets = {"deadline": DATUM}


class SignaalForm(UtrechtFormMixin, forms.ModelForm):
    class Meta:
        model = Veiligheidssignaal
        fields = ["soort", "datum", "toelichting", "mandaat"]
        labels = {"soort": _("Soort signaal of actie")}
        widgets = {"datum": DATUM, "toelichting": forms.Textarea(attrs={"rows": 2})}


class AfsluitenForm(UtrechtFormMixin, forms.Form):
    reden = forms.ChoiceField(label=_("Reden van afsluiten"), choices=RedenAfsluiting.choices)
    toelichting = forms.CharField(label=_("Wat is er bereikt"), widget=forms.Textarea(attrs={"rows": 3}))
    waakvlam_1 = forms.DateField(label=_("Waakvlam: eerste contact"), required=False, widget=DATUM)
    waakvlam_2 = forms.DateField(label=_("Waakvlam: tweede contact"), required=False, widget=DATUM)
    waakvlam_3 = forms.DateField(label=_("Waakvlam: derde contact"), required=False, widget=DATUM)


class WaakvlamForm(UtrechtFormMixin, forms.Form):
    verslag = forms.CharField(label=_("Hoe gaat het?"), widget=forms.Textarea(attrs={"rows": 2}))


class WoonvormForm(UtrechtFormMixin, forms.Form):
    woonvorm = forms.ChoiceField(
        label=_("Waar woont de jongere nu"),
        choices=Woonvorm.choices,
        help_text=_("Bij pleegzorg of een gezinshuis loopt de hulp standaard door tot 21 jaar."),
    )


class ToekomstdoelForm(UtrechtFormMixin, forms.Form):
    leefgebied = forms.ChoiceField(label=_("Leefgebied toekomstplan"), choices=ToekomstLeefgebied.choices)
    eigen_doel = forms.CharField(
        label=_("Doel van de jongere, in eigen woorden"), widget=forms.Textarea(attrs={"rows": 2})
    )
    netwerk_doet = forms.CharField(
        label=_("Wat doet het netwerk (wie)"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    formeel_doet = forms.CharField(
        label=_("Wat doet formele hulp (wie)"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class OvergangscheckForm(UtrechtFormMixin, forms.Form):
    na_18 = forms.MultipleChoiceField(
        label=_("Wat loopt door na 18"), choices=Na18.choices, widget=forms.CheckboxSelectMultiple
    )
    toelichting = forms.CharField(
        label=_("Toelichting overgang naar 18+"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Bij verlengde jeugdhulp: waarom is die nodig?"),
    )
