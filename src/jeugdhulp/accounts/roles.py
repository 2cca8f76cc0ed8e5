"""The staff roles and the scope each needs. No model imports, so the policy can load early."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Rol(models.TextChoices):
    CJG_MEDEWERKER = "cjg_medewerker", _("CJG-medewerker")
    JEUGDCONSULENT = "jeugdconsulent", _("Jeugdconsulent (backoffice)")
    BELEIDSMEDEWERKER = "beleidsmedewerker", _("Beleidsmedewerker")
    AANBIEDER_MEDEWERKER = "aanbieder_medewerker", _("Medewerker aanbieder")
    FUNCTIONEEL_BEHEERDER = "functioneel_beheerder", _("Functioneel beheerder")
    AUDITOR = "auditor", _("Auditor")
    REDACTEUR = "redacteur", _("Redacteur website en sociale kaart")


# Which scope each role needs; enforced in User.clean() and by a database constraint.
SCOPE_PER_ROL = {
    Rol.CJG_MEDEWERKER: "team",
    Rol.JEUGDCONSULENT: "gemeente",
    Rol.BELEIDSMEDEWERKER: "gemeente",
    Rol.AANBIEDER_MEDEWERKER: "aanbieder",
    Rol.FUNCTIONEEL_BEHEERDER: None,
    Rol.AUDITOR: None,
    Rol.REDACTEUR: None,
}
