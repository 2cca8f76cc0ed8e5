"""Keep the stored search text current when terms or organisation names change; forget cached search results
whenever a service or its area changes."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from jeugdhulp.socialekaart import search
from jeugdhulp.socialekaart.models import Dienst, Organisatie, Term, Werkgebied


@receiver(m2m_changed, sender=Dienst.termen.through)
def termen_gewijzigd(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse:  # term.diensten.add(...): pk_set holds services (None on clear)
        qs = Dienst.objects.filter(pk__in=pk_set) if pk_set else instance.diensten.all()
    else:
        qs = Dienst.objects.filter(pk=instance.pk)
    search.herindexeer(qs)


@receiver(post_save, sender=Organisatie)
def organisatie_opgeslagen(sender, instance, created, raw=False, **kwargs):
    if not created and not raw:
        search.herindexeer(instance.diensten.all())


@receiver(post_save, sender=Term)
def term_opgeslagen(sender, instance, created, raw=False, **kwargs):
    if not created and not raw:
        search.herindexeer(instance.diensten.all())


@receiver(post_save, sender=Dienst)
@receiver(post_delete, sender=Dienst)
@receiver(post_save, sender=Werkgebied)
@receiver(post_delete, sender=Werkgebied)
def kaart_gewijzigd(sender, **kwargs):
    search.nieuwe_generatie()
