from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jeugdhulp.monitor.models import BUDGETLIJNEN
from jeugdhulp.web.forms import UtrechtFormMixin


class BudgetForm(UtrechtFormMixin, forms.Form):
    jaar = forms.IntegerField(label=_("Jaar"), min_value=2015, max_value=2100)
    categorie = forms.ChoiceField(label=_("Productcategorie"), choices=BUDGETLIJNEN)
    bedrag_euro = forms.IntegerField(label=_("Budget in euro"), min_value=0)


class LokaleFactuurForm(UtrechtFormMixin, forms.Form):
    factuurdatum = forms.DateField(
        label=_("Factuurdatum"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    leverancier = forms.CharField(label=_("Leverancier"), max_length=100)
    omschrijving = forms.CharField(
        label=_("Omschrijving"), max_length=200, help_text=_("Bijvoorbeeld: lichte ondersteuning CJG, 1e kwartaal.")
    )
    bedrag_euro = forms.DecimalField(label=_("Bedrag in euro"), min_value=0, decimal_places=2, max_digits=12)

    def clean_factuurdatum(self):
        datum = self.cleaned_data["factuurdatum"]
        if datum > timezone.localdate():
            raise forms.ValidationError(_("Een factuurdatum kan niet in de toekomst liggen."))
        return datum


def _aantal(label, **kwargs) -> forms.IntegerField:
    # A text box with a numeric keyboard, not <input type=number>: a browser drops the comma of "6,5" there and
    # sends 65. Here the server sees what was typed and says so next to the field.
    return forms.IntegerField(
        label=label, min_value=0, widget=forms.TextInput(attrs={"inputmode": "numeric"}), **kwargs
    )


class MeldingForm(UtrechtFormMixin, forms.Form):
    product = forms.ChoiceField(label=_("Product"))
    peildatum = forms.DateField(label=_("Peildatum"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    wacht_op_intake = _aantal(_("Aangemeld en wacht op intake"))
    wacht_op_behandeling = _aantal(_("Na intake, wacht op behandeling"))
    verwachte_wachttijd_weken = _aantal(_("Verwachte wachttijd (weken)"), help_text=_("In hele weken."))
    intakecapaciteit = _aantal(_("Intakes per maand"))
    gestart = _aantal(_("Gestart sinds de vorige melding"), required=False)
    gerealiseerde_wachttijd_weken = forms.DecimalField(
        label=_("Gemiddelde wachttijd van wie startte (weken)"),
        min_value=0,
        required=False,
        decimal_places=1,
        localize=True,  # "6,5" as a Dutch reader types it
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )

    def __init__(self, *args, producten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].choices = [(code, f"{code} {p.omschrijving}") for code, p in sorted(producten.items())]
        self.fields["peildatum"].initial = timezone.localdate()

    def als_rij(self) -> dict:
        d = dict(self.cleaned_data)
        d["peildatum"] = d["peildatum"].isoformat()
        return d
