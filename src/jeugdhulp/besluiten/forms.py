"""Forms of the aanvraag (CJG), the backoffice's decisions, the pgb checklist, bezwaar and evaluation."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from jeugdhulp import codelijsten
from jeugdhulp.aanbieders.models import Aanbieder, Product
from jeugdhulp.berichten import omvang
from jeugdhulp.besluiten.models import Beschikking, Bezwaar, Evaluatie, PgbBeoordeling, Vorm
from jeugdhulp.web.forms import UtrechtFormMixin

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AanvraagForm(UtrechtFormMixin, forms.Form):
    # A select, not radio buttons: the shared field template labels one control, and a radio group needs a fieldset.
    vorm = forms.ChoiceField(label=_("Zorg in natura of pgb"), choices=Vorm.choices, initial=Vorm.ZIN)
    ontvangen_op = forms.DateField(label=_("Datum aanvraag"), widget=DATUM)
    product = forms.ModelChoiceField(Product.objects.order_by("code"), label=_("Product"))
    aanbieder = forms.ModelChoiceField(
        Aanbieder.objects.order_by("naam"), label=_("Aanbieder (bij zorg in natura)"), required=False
    )
    volume = forms.IntegerField(label=_("Omvang"), min_value=1, required=False)
    eenheid = forms.ChoiceField(label=_("Eenheid"), choices=[("", "—"), *codelijsten.EENHEID.choices], required=False)
    frequentie = forms.ChoiceField(label=_("Per"), choices=[("", "—"), *codelijsten.FREQUENTIE.choices], required=False)
    ingangsdatum = forms.DateField(label=_("Vanaf"), widget=DATUM)
    einddatum = forms.DateField(label=_("Tot en met"), widget=DATUM)
    toelichting = forms.CharField(label=_("Waarom deze hulp"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def clean(self):
        data = super().clean()
        if data.get("vorm") == Vorm.ZIN and not data.get("aanbieder"):
            self.add_error("aanbieder", _("Kies bij zorg in natura de aanbieder."))
        if te_veel := omvang.fout(data.get("volume"), data.get("eenheid") or "", data.get("frequentie") or ""):
            self.add_error("volume", te_veel)
        return data

    def producten(self) -> list[dict]:
        d = self.cleaned_data
        velden = ("product", "aanbieder", "volume", "eenheid", "frequentie", "ingangsdatum", "einddatum")
        rij = {k: d.get(k) for k in velden}
        rij["eenheid"], rij["frequentie"] = rij["eenheid"] or "", rij["frequentie"] or ""
        return [rij]


class OpschortenForm(UtrechtFormMixin, forms.Form):
    dag = forms.DateField(label=_("Informatie opgevraagd op"), widget=DATUM)
    reden = forms.CharField(label=_("Welke informatie ontbreekt"), max_length=500)


class HervattenForm(UtrechtFormMixin, forms.Form):
    dag = forms.DateField(label=_("Informatie ontvangen op"), widget=DATUM)


class VerdagenForm(UtrechtFormMixin, forms.Form):
    tot = forms.DateField(label=_("Nieuwe uiterste datum"), widget=DATUM)
    reden = forms.CharField(label=_("Waarom later"), max_length=500)


class BeschikkenForm(UtrechtFormMixin, forms.Form):
    besluit = forms.ChoiceField(label=_("Besluit"), choices=Beschikking.Besluit.choices)
    motivering = forms.CharField(label=_("Motivering"), widget=forms.Textarea(attrs={"rows": 4}))
    datum = forms.DateField(label=_("Datum besluit"), widget=DATUM)


class ToewijzenForm(UtrechtFormMixin, forms.Form):
    regie_tijdens_wachten = forms.CharField(label=_("Wie heeft de regie tijdens het wachten"), max_length=200)
    overbruggingszorg = forms.CharField(
        label=_("Overbruggingszorg tijdens het wachten"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Laat leeg als er geen overbruggingszorg is."),
    )


class PgbForm(UtrechtFormMixin, forms.ModelForm):
    class Meta:
        model = PgbBeoordeling
        fields = [
            "kan_beheren",
            "waarom_geen_zin",
            "kwaliteit_geborgd",
            "budgetplan_compleet",
            "tariefsoort",
            "weigeringsgronden",
        ]
        widgets = {
            "waarom_geen_zin": forms.Textarea(attrs={"rows": 2}),
            "weigeringsgronden": forms.Textarea(attrs={"rows": 2}),
        }


class BezwaarForm(UtrechtFormMixin, forms.ModelForm):
    class Meta:
        model = Bezwaar
        fields = ["ontvangen_op", "gronden", "adviescommissie"]
        widgets = {"ontvangen_op": DATUM, "gronden": forms.Textarea(attrs={"rows": 3})}


class BezwaarVerdagenForm(UtrechtFormMixin, forms.Form):
    reden = forms.CharField(label=_("Waarom verdagen"), max_length=500)


class BezwaarBeslissenForm(UtrechtFormMixin, forms.Form):
    uitkomst = forms.ChoiceField(label=_("Uitkomst"), choices=Bezwaar.Uitkomst.choices)
    toelichting = forms.CharField(label=_("Toelichting op de beslissing"), widget=forms.Textarea(attrs={"rows": 3}))
    dag = forms.DateField(label=_("Datum beslissing"), widget=DATUM)


class EvaluatieForm(UtrechtFormMixin, forms.ModelForm):
    class Meta:
        model = Evaluatie
        fields = ["toewijzing", "datum", "deelnemers", "uitkomst", "toelichting", "volgende_evaluatie"]
        labels = {"deelnemers": _("Wie waren er bij (jeugdige, CJG, aanbieder)")}
        widgets = {"datum": DATUM, "volgende_evaluatie": DATUM, "toelichting": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, toewijzingen=None, **kwargs):
        super().__init__(*args, **kwargs)
        if toewijzingen is not None:
            self.fields["toewijzing"].queryset = toewijzingen
