"""Every casus's jeugdige gets a toekomstplan row with the 18-/18+ trigger dates stored, whoever creates the casus."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from jeugdhulp.casussen.models import Casus


@receiver(post_save, sender=Casus, dispatch_uid="toekomstplan_bij_casus")
def toekomstplan_bij_casus(sender, instance: Casus, created: bool, raw: bool = False, **kwargs) -> None:
    if created and not raw and instance.jeugdige.geboortedatum:
        from jeugdhulp.casussen.services import toekomstplan_voor

        toekomstplan_voor(instance)
