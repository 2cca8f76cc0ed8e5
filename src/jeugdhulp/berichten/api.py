"""``/api/v1/berichten/``: GET lists the messages in the user's scope (metadata only); POST receives one iJw
message as the raw XML body and answers with our retour XML (JW3xx retour or JW325).

POST is for an aanbieder: its staff with a verified (2FA) session (DRF's SessionAuthentication enforces CSRF, so
a browser can never be tricked into posting), or its message hub with a koppelsleutel (``Authorization: Token …``,
see ``accounts.koppelingen``). The Afzender must be that aanbieder (403 otherwise, nothing stored).
"""

from __future__ import annotations

from django.http import HttpResponse

from knox.auth import TokenAuthentication
from rest_framework import mixins, serializers, viewsets
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from jeugdhulp.audit import log
from jeugdhulp.berichten.ijw.reader import MAX_BYTES
from jeugdhulp.berichten.inbox import AfzenderGeweigerd, ontvang
from jeugdhulp.berichten.models import Bericht, Status
from jeugdhulp.berichten.outbox import markeer_verzonden
from jeugdhulp.permissions import policy
from jeugdhulp.permissions.drf import PolicyPermission, is_geverifieerd


class BerichtSerializer(serializers.ModelSerializer):
    class Meta:
        model = Bericht
        fields = [
            "id",
            "richting",
            "berichtsoort",
            "afzender",
            "ontvanger",
            "identificatie",
            "dagtekening",
            "status",
            "retourcodes",
            "heenbericht",
            "aangemaakt",
            "antwoord_uiterlijk",
        ]


class MagIndienen(BasePermission):
    message = "Alleen medewerkers van een aanbieder kunnen berichten indienen."

    def has_permission(self, request, view) -> bool:
        return is_geverifieerd(request) and policy.mag(request.user, policy.Resource.BERICHT, policy.Actie.INDIENEN)


class BerichtViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    resource = policy.Resource.BERICHT
    authentication_classes = [TokenAuthentication, SessionAuthentication]  # 401 + WWW-Authenticate for hubs
    serializer_class = BerichtSerializer
    queryset = Bericht.objects.defer("inhoud").select_related("jeugdige")

    def get_permissions(self):
        return [MagIndienen()] if self.action == "create" else [PolicyPermission()]

    def get_queryset(self):
        return policy.filter_queryset(self.request.user, self.resource, super().get_queryset())

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        jeugdigen = {b.jeugdige_id: b.jeugdige for b in page or () if b.jeugdige_id}
        if jeugdigen:
            log.schrijf_lijst(self.request, jeugdigen.values(), onderwerp="lijst")
        return page

    def create(self, request, *args, **kwargs):
        data = request._request.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            return Response({"detail": "Bericht groter dan 25 MB (OP179)."}, status=413)
        try:
            bericht = ontvang(data, bron=f"api:{request.user.get_username()}", aanbieder=request.user.aanbieder)
        except AfzenderGeweigerd as exc:
            return Response({"detail": str(exc)}, status=403)
        retour = bericht.retour
        if retour is None:
            return Response(
                {"id": bericht.pk, "status": bericht.status, "detail": bericht.melding or "Geen retour mogelijk."},
                status=422,
            )
        antwoord = RetourAntwoord(retour)
        antwoord["X-Bericht-Id"] = str(bericht.pk)
        # A plain str: the status field may hold the enum member, which WSGI servers (wsgiref: runserver) refuse.
        antwoord["X-Bericht-Status"] = Status(bericht.status).value
        return antwoord


class RetourAntwoord(HttpResponse):
    """The retour as the response body; it counts as delivered only once the server has written the whole body.

    A WSGI server iterates the response and writes each chunk to the socket; only after the last chunk was written
    does it ask for the next one, and only then is the retour marked verzonden. If the connection breaks first (or
    the response is never sent), the retour stays in the outbox and ``jeugdhulp ijw verzend`` delivers it.
    """

    def __init__(self, retour: Bericht):
        super().__init__(retour.bytes, content_type="application/xml; charset=utf-8")
        self.retour = retour

    def __iter__(self):
        yield from super().__iter__()
        retour = self.retour
        retour.refresh_from_db(fields=["status"])
        if retour.status == Status.KLAAR:  # not delivered another way in the meantime
            markeer_verzonden(retour)
