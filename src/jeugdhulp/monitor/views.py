"""Aggregate figures for policy users. Never a name, BSN or dossier: counts with small cells suppressed."""

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import render

from jeugdhulp.monitor.onthulling import onderdruk, totaal_tekst
from jeugdhulp.organisatie.models import Gemeente
from jeugdhulp.permissions import policy
from jeugdhulp.toewijzingen.models import Toewijzing


def _in_zorg(jaar: int) -> Q:
    begin, eind = dt.date(jaar, 1, 1), dt.date(jaar, 12, 31)
    return Q(ingangsdatum__lte=eind) & (Q(einddatum__isnull=True) | Q(einddatum__gte=begin))


def cijfers(request):
    if not request.user.is_authenticated or not policy.mag(request.user, policy.Resource.CIJFERS):
        raise PermissionDenied
    jaren = sorted(
        {d.year for d in Toewijzing.objects.dates("ingangsdatum", "year")} | {dt.date.today().year},
        reverse=True,
    )
    try:
        jaar = int(request.GET.get("jaar", jaren[0]))
    except ValueError:
        jaar = jaren[0]
    toewijzingen = Toewijzing.objects.filter(_in_zorg(jaar))
    per_gemeente = {
        row["gemeente_id"]: row["n"]
        for row in toewijzingen.values("gemeente_id").annotate(n=Count("jeugdige_id", distinct=True))
    }
    gemeenten = list(Gemeente.objects.order_by("naam"))
    tabel_gemeente = onderdruk([(g.naam, per_gemeente.get(g.pk, 0)) for g in gemeenten])
    eigen = request.user.gemeente or Gemeente.objects.filter(cbs_code="0828").first()
    per_wijk = list(
        toewijzingen.filter(gemeente=eigen)
        .values("jeugdige__wijk__naam")
        .annotate(n=Count("jeugdige_id", distinct=True))
        .order_by("jeugdige__wijk__naam")
    )
    tabel_wijk = onderdruk([(row["jeugdige__wijk__naam"] or "Onbekend", row["n"]) for row in per_wijk])
    context = {
        "jaar": jaar,
        "jaren": jaren,
        "tabel_gemeente": tabel_gemeente,
        "totaal_regio": totaal_tekst(sum(per_gemeente.values())),
        "eigen": eigen,
        "tabel_wijk": tabel_wijk,
        "totaal_eigen": totaal_tekst(sum(row["n"] for row in per_wijk)),
    }
    return render(request, "monitor/cijfers.html", context)
