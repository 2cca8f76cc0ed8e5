"""A received VOT (JW315) becomes a hulpvraag in the CJG's intake queue, without the iJw inbox knowing about it."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from jeugdhulp.berichten.models import Verzoek


@receiver(post_save, sender=Verzoek, dispatch_uid="hulpvraag_uit_vot")
def vot_in_de_intake(sender, instance: Verzoek, created: bool, raw: bool = False, **kwargs) -> None:
    if created and not raw and instance.berichtsoort == "JW315":
        from jeugdhulp.hulpvragen.services import uit_verzoek

        uit_verzoek(instance)
