from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BesluitenConfig(AppConfig):
    name = "jeugdhulp.besluiten"
    verbose_name = _("Aanvragen en besluiten")
