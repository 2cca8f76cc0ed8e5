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


class MeldingForm(UtrechtFormMixin, forms.Form):
    product = forms.ChoiceField(label=_("Product"))
    peildatum = forms.DateField(label=_("Peildatum"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    wacht_op_intake = forms.IntegerField(label=_("Aangemeld en wacht op intake"), min_value=0)
    wacht_op_behandeling = forms.IntegerField(label=_("Na intake, wacht op behandeling"), min_value=0)
    verwachte_wachttijd_weken = forms.IntegerField(label=_("Verwachte wachttijd (weken)"), min_value=0)
    intakecapaciteit = forms.IntegerField(label=_("Intakes per maand"), min_value=0)
    gestart = forms.IntegerField(label=_("Gestart sinds de vorige melding"), min_value=0, required=False)
    gerealiseerde_wachttijd_weken = forms.DecimalField(
        label=_("Gemiddelde wachttijd van wie startte (weken)"), min_value=0, required=False, decimal_places=1
    )

    def __init__(self, *args, producten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].choices = [(code, f"{code} {p.omschrijving}") for code, p in sorted(producten.items())]
        self.fields["peildatum"].initial = timezone.localdate()

    def als_rij(self) -> dict:
        d = dict(self.cleaned_data)
        d["peildatum"] = d["peildatum"].isoformat()
        return d
