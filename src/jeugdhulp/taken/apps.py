from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TakenConfig(AppConfig):
    name = "jeugdhulp.taken"
    label = "taken"
    verbose_name = _("Achtergrondtaken")
