from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HulpvragenConfig(AppConfig):
    name = "jeugdhulp.hulpvragen"
    verbose_name = _("Hulpvragen")

    def ready(self) -> None:
        from jeugdhulp.hulpvragen import signals  # noqa: F401 — a VOT lands in the intake queue
