"""The CBS Beleidsinformatie Jeugd export page: choose a half year, see how many records, download the file.

Unlike the dashboards this is person-level data (BSN, birth date, postcode): only roles with
``CBS_AANLEVERING``/``EXPORTEREN`` get it, for their own gemeente, and every download is written to the access log
(one row per jeugdige in the file, plus one row for the file itself).
"""

from collections import Counter

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from jeugdhulp.audit import log
from jeugdhulp.audit.models import Actie
from jeugdhulp.jeugdigen.models import Jeugdige
from jeugdhulp.monitor import cbs
from jeugdhulp.permissions import policy
from jeugdhulp.permissions.views import vereis


def cbs_aanlevering(request):
    vereis(request, policy.Resource.CBS_AANLEVERING, policy.Actie.EXPORTEREN)
    gemeente = request.user.gemeente
    if gemeente is None:  # the rule scopes to the own gemeente; without one there is nothing to deliver
        raise PermissionDenied
    vandaag = timezone.localdate()
    keuzes = cbs.Periode.keuzes(vandaag)
    tekst = request.GET.get("periode", "")
    fout = ""
    try:
        periode = cbs.Periode.uit_tekst(tekst, vandaag) if tekst else cbs.Periode.laatst_afgesloten(vandaag)
    except cbs.OngeldigePeriode:
        periode = None
        fout = _(
            "Deze periode kennen we niet: “%(tekst)s”. Kies een half jaar uit de lijst, bijvoorbeeld %(voorbeeld)s. "
            "Een half jaar schrijft u als jaar, streepje, 1 (januari tot en met juni) of 2 (juli tot en met december)."
        ) % {"tekst": tekst[:20], "voorbeeld": cbs.Periode.laatst_afgesloten(vandaag)}
    context = {"gemeente": gemeente, "keuzes": keuzes, "periode": periode, "fout": fout}
    if periode is None:
        return render(request, "monitor/cbs.html", context, status=400)

    trajecten = cbs.trajecten(gemeente, periode)
    rijen = cbs.records(gemeente, periode, trajecten)
    if request.GET.get("download"):
        onderwerp = f"CBS-aanlevering {periode}"
        log.schrijf_lijst(
            request, Jeugdige.objects.filter(pk__in={t.jeugdige for t in trajecten}), onderwerp, Actie.GEEXPORTEERD
        )
        log.schrijf(
            request,
            Actie.GEEXPORTEERD,
            onderwerp=onderwerp,
            reden=_("CBS Beleidsinformatie Jeugd %(periode)s: %(n)s trajecten") % {"periode": periode, "n": len(rijen)},
        )
        response = HttpResponse(cbs.als_csv(rijen), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{cbs.bestandsnaam(gemeente, periode)}"'
        return response

    # The page itself shows counts only (no person), so it needs no access-log entry.
    per_vorm = Counter(r.hulpvorm for r in rijen)
    context.update(
        {
            "aantal_trajecten": len(rijen),
            "aantal_jeugdigen": len({t.jeugdige for t in trajecten}),
            "per_hulpvorm": [(code, label, per_vorm[code]) for code, label in cbs.HULPVORMEN.items()],
            "met_crisis": sum(r.gestart_met_crisis == "J" for r in rijen),
            "lopend": sum(not r.datum_einde for r in rijen),
            "zonder_postcode": sum(not r.postcode for r in rijen),
        }
    )
    return render(request, "monitor/cbs.html", context)
