from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OvergangenConfig(AppConfig):
    name = "jeugdhulp.overgangen"
    verbose_name = _("Overgangen")
