"""Forms of the jeugdconsulent's answers to a verzoek: toewijzen, afwijzen, in onderzoek."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from jeugdhulp import codelijsten
from jeugdhulp.aanbieders.models import Product
from jeugdhulp.berichten.omvang import fout as omvang_fout
from jeugdhulp.core.validators import validate_postcode
from jeugdhulp.toewijzingen.models import Toewijzing
from jeugdhulp.web.forms import UtrechtFormMixin

VERLENGEN, WIJZIGEN = "verlengen", "wijzigen"
DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ToewijzenForm(UtrechtFormMixin, forms.Form):
    product = forms.ModelChoiceField(Product.objects.all(), label=_("Product"))
    # ISO in the value whatever the language: a date input shows nothing for "20-12-2026"
    ingangsdatum = forms.DateField(label=_("Ingangsdatum"), widget=DATUM)
    einddatum = forms.DateField(label=_("Einddatum"), required=False, widget=DATUM)
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

    # Only shown when a toewijzing for the same product at this aanbieder runs in the asked period: a second one
    # beside it would be refused (TR302, OP259). The valid answers change the running one.
    keuze = forms.ChoiceField(
        label=_("Wat doet u met de lopende toewijzing?"),
        choices=[
            ("", "—"),
            (VERLENGEN, _("Verlengen tot de nieuwe einddatum")),
            (WIJZIGEN, _("Stoppen en een nieuwe maken")),
        ],
        help_text=_(
            "Verlengen: dezelfde toewijzing loopt door tot de gevraagde einddatum (alleen bij dezelfde omvang). "
            "Stoppen en een nieuwe maken: de lopende stopt de dag vóór de gevraagde ingangsdatum, de nieuwe begint "
            "op die datum."
        ),
        required=False,
    )

    def __init__(self, *args, adres_nodig: bool = False, verzoek=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.adres_nodig, self.verzoek = adres_nodig, verzoek
        if not adres_nodig:
            for naam in ("straatnaam", "huisnummer", "postcode", "plaatsnaam"):
                del self.fields[naam]
        # Before a POST: the running toewijzing the VOT as asked would collide with, so the page offers the choice.
        self.botsing = None if self.is_bound else self._botsing(self.initial)

    def _botsing(self, data):
        if self.verzoek is None or not data.get("product") or not data.get("ingangsdatum"):
            return None
        v = self.verzoek
        return lopende_botsing(v.jeugdige, v.aanbieder, data["product"], data["ingangsdatum"], data.get("einddatum"))

    def clean(self):
        data = super().clean()
        if data.get("einddatum") and data.get("ingangsdatum") and data["einddatum"] < data["ingangsdatum"]:
            raise ValidationError(_("De einddatum ligt voor de ingangsdatum."))
        omvang = [data.get("volume"), data.get("eenheid"), data.get("frequentie")]
        if any(omvang) and not all(omvang):
            raise ValidationError(_("Vul volume, eenheid en frequentie allemaal in, of geen van drieën."))
        if te_veel := omvang_fout(*omvang):
            self.add_error("volume", te_veel)
        if self.adres_nodig:
            for naam in ("straatnaam", "huisnummer", "postcode", "plaatsnaam"):
                if not data.get(naam):
                    self.add_error(naam, _("Vul dit in: de jeugdige heeft nog geen adres."))
        self.botsing = self._botsing(data)
        if self.botsing is not None:
            self._controleer_keuze(data, self.botsing)
        return data

    def _controleer_keuze(self, data, lopend) -> None:
        keuze = data.get("keuze")
        if keuze == VERLENGEN:
            if not kan_verlengen(lopend, data):
                self.add_error(
                    "keuze",
                    _(
                        "Verlengen kan alleen met dezelfde omvang en frequentie (niet 'in totaal'), en een einddatum "
                        "na die van de lopende toewijzing (OP380). Kies: stoppen en een nieuwe maken."
                    ),
                )
        elif keuze == WIJZIGEN:
            if data["ingangsdatum"] <= lopend.ingangsdatum:
                self.add_error(
                    "ingangsdatum",
                    _("Wijzigen kan vanaf een dag na de start van de lopende toewijzing (%(d)s).")
                    % {"d": formats.date_format(lopend.ingangsdatum, "j F Y")},
                )
        else:
            self.add_error(
                "keuze",
                _(
                    "Toewijzing %(nummer)s voor dit product bij deze aanbieder loopt al in deze periode. Een tweede "
                    "ernaast kan niet (TR302). Kies: verlengen, of stoppen en een nieuwe maken."
                )
                % {"nummer": lopend.toewijzingnummer},
            )


def lopende_botsing(jeugdige, aanbieder, product, van: dt.date, tot: dt.date | None):
    """The toewijzing of this jeugdige at this aanbieder for the same product that overlaps [van, tot]: a second one
    beside it would be refused (TR302, OP259)."""
    overlap = Q(einddatum__isnull=True) | Q(einddatum__gte=van)
    qs = Toewijzing.objects.filter(jeugdige=jeugdige, aanbieder=aanbieder, product=product)
    if tot is not None:
        qs = qs.filter(ingangsdatum__lte=tot)
    return qs.filter(overlap).exclude(reden_wijziging="13").order_by("-ingangsdatum", "-pk").first()


def kan_verlengen(lopend, data) -> bool:
    """OP380: extending moves the einddatum when volume and frequentie stay the same, the frequentie is not 'in
    totaal' (6), and the toewijzing has not ended yet."""
    return (
        (lopend.volume, lopend.eenheid, lopend.frequentie)
        == (data.get("volume"), data.get("eenheid") or "", data.get("frequentie") or "")
        and lopend.frequentie != "6"
        and lopend.einddatum is not None
        and lopend.einddatum >= timezone.localdate()
        and data.get("einddatum") is not None
        and data["einddatum"] > lopend.einddatum
    )


class AfwijzenForm(UtrechtFormMixin, forms.Form):
    # No reason chosen beforehand: an empty first option, so a reason is always a choice someone made
    reden = forms.ChoiceField(
        label=_("Reden van afwijzen"),
        choices=[("", _("— kies een reden —")), *codelijsten.REDEN_AFWIJZING_VERZOEK.choices],
    )

    def clean_reden(self):
        reden = self.cleaned_data["reden"]
        if reden == "8":
            raise ValidationError(_("Afwijzen om woonplaatsbeginsel kan hier nog niet (de gemeente moet erbij)."))
        return reden
