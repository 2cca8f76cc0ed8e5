from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class BesluitenConfig(AppConfig):
    name = "jeugdhulp.besluiten"
    verbose_name = _("Aanvragen en besluiten")

    def ready(self) -> None:
        from jeugdhulp.besluiten.brief import ensure_briefteksten

        # After every migrate (and flush): the letter texts exist in Beheer for the functioneel beheerder to edit.
        post_migrate.connect(ensure_briefteksten, sender=self, dispatch_uid="besluiten_briefteksten")
