"""The functioneel beheerder's page for background work, and a staff user's reminder preference."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jeugdhulp.permissions import policy
from jeugdhulp.permissions.views import vereis
from jeugdhulp.taken import planning, wachtrij
from jeugdhulp.taken.models import Voorkeur


def overzicht(request):
    vereis(request, policy.Resource.ACHTERGRONDTAKEN)
    context = wachtrij.overzicht()
    context["schema"] = planning.SCHEMA
    context["mag_wijzigen"] = policy.mag(request.user, policy.Resource.ACHTERGRONDTAKEN, policy.Actie.WIJZIGEN)
    return render(request, "taken/overzicht.html", context)


@require_POST
def opnieuw(request, taak_id):
    vereis(request, policy.Resource.ACHTERGRONDTAKEN, policy.Actie.WIJZIGEN)
    if wachtrij.opnieuw(taak_id):
        messages.success(request, _("De taak staat weer in de wachtrij."))
    else:
        messages.error(request, _("Deze taak is niet (meer) mislukt."))
    return redirect("taken:overzicht")


@require_POST
def voorkeur(request):
    vereis(request, policy.Resource.CASUS)  # reminders live in the werkvoorraad
    per_mail = request.POST.get("herinneringen_per_mail") == "1"
    Voorkeur.objects.update_or_create(gebruiker=request.user, defaults={"herinneringen_per_mail": per_mail})
    if per_mail and not request.user.email:
        messages.error(request, _("Er staat geen e-mailadres bij uw account. Vraag de beheerder het toe te voegen."))
    elif per_mail:
        messages.success(request, _("U krijgt herinneringen ook per mail (zonder namen of details)."))
    else:
        messages.success(request, _("U krijgt herinneringen alleen in de werkvoorraad."))
    return redirect("casussen:werkvoorraad")
