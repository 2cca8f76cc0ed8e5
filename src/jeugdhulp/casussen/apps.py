from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasussenConfig(AppConfig):
    name = "jeugdhulp.casussen"
    verbose_name = _("Casussen")

    def ready(self) -> None:
        from jeugdhulp.casussen import signals  # noqa: F401 — connects the toekomstplan receiver
