from django import template
from django.db.models import Q
from django.utils import timezone

from jeugdhulp.taken.models import Herinnering, Voorkeur

register = template.Library()


@register.inclusion_tag("taken/_herinneringen.html", takes_context=True)
def herinneringen(context):
    """The werkvoorraad's reminder block: the deadlines the scheduled job flagged for this user that are still open
    (still a row of the werkvoorraad, or a VOT/VOW or 18-year date not yet passed), and the mail choice."""
    user = context["user"]
    open_sleutels = [f"{r.soort}|{r.url}|{r.datum.isoformat()}" for r in context.get("rijen", [])]
    andere = Q(sleutel__startswith="verzoek|") | Q(sleutel__startswith="18|")
    lijst = Herinnering.objects.filter(gebruiker=user).filter(
        Q(sleutel__in=open_sleutels) | (andere & Q(datum__gte=timezone.localdate()))
    )
    voorkeur = Voorkeur.objects.filter(gebruiker=user).first()
    return {
        "herinneringen": lijst[:30],
        "vandaag": timezone.localdate(),
        "per_mail": bool(voorkeur and voorkeur.herinneringen_per_mail),
        "heeft_email": bool(user.email),
        "csrf_token": context.get("csrf_token"),
    }
