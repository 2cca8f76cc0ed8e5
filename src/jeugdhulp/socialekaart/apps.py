from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SocialekaartConfig(AppConfig):
    name = "jeugdhulp.socialekaart"
    verbose_name = _("Sociale kaart")

    def ready(self):
        from jeugdhulp.socialekaart import signals  # noqa: F401 — keeps the search column current
