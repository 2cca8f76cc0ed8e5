"""Forms of the jeugdconsulent's answers to a verzoek: toewijzen, afwijzen, in onderzoek."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from jeugdhulp import codelijsten
from jeugdhulp.aanbieders.models import Product
from jeugdhulp.core.validators import validate_postcode
from jeugdhulp.web.forms import UtrechtFormMixin


class ToewijzenForm(UtrechtFormMixin, forms.Form):
    product = forms.ModelChoiceField(Product.objects.all(), label=_("Product"))
    ingangsdatum = forms.DateField(label=_("Ingangsdatum"), widget=forms.DateInput(attrs={"type": "date"}))
    einddatum = forms.DateField(label=_("Einddatum"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    volume = forms.IntegerField(label=_("Volume"), min_value=1, required=False)
    eenheid = forms.ChoiceField(label=_("Eenheid"), choices=[("", "—"), *codelijsten.EENHEID.choices], required=False)
    frequentie = forms.ChoiceField(
        label=_("Frequentie"), choices=[("", "—"), *codelijsten.FREQUENTIE.choices], required=False
    )
    # Only asked when the jeugdige has no address yet (a VOT carries none; a JW301 needs one)
    straatnaam = forms.CharField(label=_("Straat"), max_length=24, required=False)
    huisnummer = forms.IntegerField(label=_("Huisnummer"), min_value=1, required=False)
    postcode = forms.CharField(label=_("Postcode"), max_length=6, required=False, validators=[validate_postcode])
    plaatsnaam = forms.CharField(label=_("Plaats"), max_length=80, required=False)

    def __init__(self, *args, adres_nodig: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.adres_nodig = adres_nodig
        if not adres_nodig:
            for naam in ("straatnaam", "huisnummer", "postcode", "plaatsnaam"):
                del self.fields[naam]

    def clean(self):
        data = super().clean()
        if data.get("einddatum") and data.get("ingangsdatum") and data["einddatum"] < data["ingangsdatum"]:
            raise ValidationError(_("De einddatum ligt voor de ingangsdatum."))
        omvang = [data.get("volume"), data.get("eenheid"), data.get("frequentie")]
        if any(omvang) and not all(omvang):
            raise ValidationError(_("Vul volume, eenheid en frequentie allemaal in, of geen van drieën."))
        if self.adres_nodig:
            for naam in ("straatnaam", "huisnummer", "postcode", "plaatsnaam"):
                if not data.get(naam):
                    self.add_error(naam, _("Vul dit in: de jeugdige heeft nog geen adres."))
        return data


class AfwijzenForm(UtrechtFormMixin, forms.Form):
    reden = forms.ChoiceField(label=_("Reden van afwijzen"), choices=codelijsten.REDEN_AFWIJZING_VERZOEK.choices)

    def clean_reden(self):
        reden = self.cleaned_data["reden"]
        if reden == "8":
            raise ValidationError(_("Afwijzen om woonplaatsbeginsel kan hier nog niet (de gemeente moet erbij)."))
        return reden
