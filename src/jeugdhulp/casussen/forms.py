"""Forms for the casus steps. Dates use the browser's date picker; every widget gets the Utrecht classes."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jeugdhulp.casussen.models import (
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
from jeugdhulp.core.validators import validate_bsn, validate_not_future
from jeugdhulp.web.forms import UtrechtFormMixin

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class GesprekForm(UtrechtFormMixin, forms.ModelForm):
    """A conversation; the date may not lie in the future (the model's validator, shown next to the field)."""

    class Meta:
        model = Gesprek
        fields = ["datum", "deelnemers", "samenvatting"]
        widgets = {"datum": DATUM, "samenvatting": forms.Textarea(attrs={"rows": 3})}


class VerslagForm(UtrechtFormMixin, forms.ModelForm):
    """Sharing is a button ("Opslaan en delen"), not a box to tick; the family's agreement starts unticked."""

    basis_versie = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

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


class JeugdigeAanvullenForm(UtrechtFormMixin, forms.Form):
    """What vraagverheldering could do without: the BSN (needed for an aanvraag) and the exact birth date."""

    bsn = forms.CharField(label=_("BSN van de jeugdige"), max_length=9, validators=[validate_bsn], required=False)
    geboortedatum = forms.DateField(
        label=_("Geboortedatum"),
        required=False,
        widget=DATUM,
        help_text=_("Vervangt het geschatte geboortejaar."),
        validators=[validate_not_future],
    )

    def clean(self):
        d = super().clean()
        if not d.get("bsn") and not d.get("geboortedatum") and not self.errors:
            raise forms.ValidationError(_("Vul het BSN of de geboortedatum in."))
        return d


class PersoonKeuze(forms.ChoiceField):
    """Someone around the casus, chosen from a grouped list (gezin, netwerk, professionals, CJG team).

    The value is "soort|naam"; ``cleaned_data`` holds (soort, naam).
    """

    def __init__(self, *args, keuzes=(), leeg=None, **kwargs):
        super().__init__(*args, choices=[("", leeg or "—"), *keuzes], **kwargs)

    def clean(self, value):
        value = super().clean(value)
        soort, _streep, naam = value.partition("|")
        return (soort, naam) if value else ("", "")


class RegieForm(UtrechtFormMixin, forms.Form):
    versie = forms.IntegerField(widget=forms.HiddenInput)
    regievorm = forms.ChoiceField(label=_("Regie"), choices=Regievorm.choices)
    regisseur = PersoonKeuze(label=_("Regisseur"), required=False, leeg=_("Nog niemand (bij zelfregie)"))

    def __init__(self, *args, personen=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regisseur"].choices = [("", _("Nog niemand (bij zelfregie)")), *personen]


class PlanForm(UtrechtFormMixin, forms.Form):
    """Goals, dates and one leefgebied (ik wil / ik kan / ik heb nodig) in one go; another leefgebied: save again."""

    versie = forms.IntegerField(widget=forms.HiddenInput)
    doelen = forms.CharField(label=_("Doelen"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    datum_overleg = forms.DateField(label=_("Datum samenwerkoverleg"), required=False, widget=DATUM)
    evaluatiedatum = forms.DateField(label=_("Evaluatiedatum"), required=False, widget=DATUM)
    leefgebied = forms.ChoiceField(
        label=_("Leefgebied"), choices=[("", _("— kies om toe te voegen —")), *Leefgebied.choices], required=False
    )
    wil = forms.CharField(label=_("Ik wil"), max_length=500, required=False)
    kan = forms.CharField(label=_("Ik kan"), max_length=500, required=False)
    nodig = forms.CharField(label=_("Ik heb nodig"), max_length=500, required=False)

    def clean(self):
        d = super().clean()
        if d.get("leefgebied") and not d.get("wil"):
            self.add_error("wil", _("Schrijf op wat het gezin of de jeugdige wil."))
        if d.get("wil") and not d.get("leefgebied"):
            self.add_error("leefgebied", _("Kies het leefgebied."))
        return d

    def leefgebied_rij(self) -> dict | None:
        d = self.cleaned_data
        return {k: d[k] for k in ("leefgebied", "wil", "kan", "nodig")} if d.get("leefgebied") else None


class DeelnemerForm(UtrechtFormMixin, forms.ModelForm):
    class Meta:
        model = Deelnemer
        fields = ["naam", "soort", "organisatie"]
        labels = {"naam": _("Naam deelnemer"), "soort": _("Soort deelnemer")}


class ActieForm(UtrechtFormMixin, forms.Form):
    """Who does it is chosen from the people around the casus; whether that is network or professional follows."""

    omschrijving = forms.CharField(label=_("Actie"), max_length=300)
    eigenaar = PersoonKeuze(label=_("Wie doet het"))
    deadline = forms.DateField(label=_("Wanneer klaar"), widget=DATUM)

    def __init__(self, *args, personen=(), huidige_deadline: dt.date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["eigenaar"].choices = [("", "—"), *personen]
        self.huidige_deadline = huidige_deadline  # an overdue action may keep its date when it is changed

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline < timezone.localdate() and deadline != self.huidige_deadline:
            raise forms.ValidationError(_("Deze datum ligt in het verleden. Kies vandaag of een latere datum."))
        return deadline


class SignaalForm(UtrechtFormMixin, forms.ModelForm):
    class Meta:
        model = Veiligheidssignaal
        fields = ["soort", "datum", "toelichting", "mandaat"]
        labels = {"soort": _("Soort signaal of actie")}
        widgets = {"datum": DATUM, "toelichting": forms.Textarea(attrs={"rows": 2})}


class AfsluitenForm(UtrechtFormMixin, forms.Form):
    """Closing: the waakvlam dates start filled in, visibly (after 3 months and a year); a second button closes without.

    With open actions the worker must say they continue: they stay on the casus and on the werkvoorraad.
    """

    reden = forms.ChoiceField(
        label=_("Reden van afsluiten"), choices=RedenAfsluiting.choices, initial=RedenAfsluiting.VOLGENS_PLAN
    )
    toelichting = forms.CharField(label=_("Wat is er bereikt"), widget=forms.Textarea(attrs={"rows": 3}))
    waakvlam_1 = forms.DateField(label=_("Waakvlam: eerste contact"), required=False, widget=DATUM)
    waakvlam_2 = forms.DateField(label=_("Waakvlam: tweede contact"), required=False, widget=DATUM)
    waakvlam_3 = forms.DateField(label=_("Waakvlam: derde contact"), required=False, widget=DATUM)
    open_acties = forms.BooleanField(label=_("De open acties lopen door na het afsluiten"), required=False)

    WAAKVLAM = ("waakvlam_1", "waakvlam_2", "waakvlam_3")

    def __init__(self, *args, open_acties: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.aantal_open = open_acties
        if not open_acties:
            del self.fields["open_acties"]
        else:
            self.fields["open_acties"].help_text = _(
                "Er staan nog %(n)s acties open. Ze blijven zichtbaar en op de werkvoorraad tot ze gedaan zijn."
            ) % {"n": open_acties}

    @property
    def met_waakvlam(self) -> bool:
        return self.data.get("verder") != "zonder_waakvlam"

    def clean(self):
        """Every problem at once, each at its field: no date is ever made up for an empty waakvlam."""
        d = super().clean()
        if self.met_waakvlam:
            data = [(k, d.get(k)) for k in self.WAAKVLAM if d.get(k)]
            if not data and not any(k in self.errors for k in self.WAAKVLAM):
                self.add_error(
                    "waakvlam_1",
                    _("Vul minstens één datum in voor de waakvlam, of kies ‘Afsluiten zonder waakvlam’."),
                )
            for k, datum in data:
                if datum <= timezone.localdate():
                    self.add_error(k, _("Plan een waakvlamcontact na vandaag."))
        if self.aantal_open and not d.get("open_acties"):
            fout = _("Er staan nog %(n)s acties open. Rond ze af, of vink aan dat ze doorlopen.")
            self.add_error("open_acties", fout % {"n": self.aantal_open})
        return d


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
