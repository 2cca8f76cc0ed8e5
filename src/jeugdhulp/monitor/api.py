"""Monitor API.

- ``/api/v1/wachtlijstmeldingen/``: GET the reports in the user's scope; POST an aanbieder's stand as JSON (one
  object or a list) or as CSV (``Content-Type: text/csv``, or a multipart field ``bestand``). All rows or none:
  400 with one message per faulty row. Staff with a verified session or the aanbieder's koppelsleutel.
- ``/api/v1/beschikbaarheid/``: the beschikbaarheidswijzer, open and read-only (no person-level data): expected
  wait per aanbieder × product for the public site and the sociale kaart.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from knox.auth import TokenAuthentication
from rest_framework import mixins, serializers, viewsets
from rest_framework.authentication import SessionAuthentication
from rest_framework.parsers import BaseParser, JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny, BasePermission
from rest_framework.response import Response
from rest_framework.views import APIView

from jeugdhulp.aanbieders.models import Aanbieder, Product
from jeugdhulp.monitor.beschikbaarheid import indicaties
from jeugdhulp.monitor.models import Wachtlijstmelding
from jeugdhulp.monitor.wachtlijstmeldingen import MeldingFout, lees_csv, verwerk
from jeugdhulp.permissions import policy
from jeugdhulp.permissions.drf import PolicyPermission, is_geverifieerd


class CSVParser(BaseParser):
    media_type = "text/csv"

    def parse(self, stream, media_type=None, parser_context=None):
        return lees_csv(stream.read(2_000_000))


class WachtlijstmeldingSerializer(serializers.ModelSerializer):
    product = serializers.CharField(source="product.code")
    aanbieder = serializers.CharField(source="aanbieder.agb_code", read_only=True)

    class Meta:
        model = Wachtlijstmelding
        fields = ["id", "aanbieder", "product", "peildatum", "wacht_op_intake", "wacht_op_behandeling",
                  "verwachte_wachttijd_weken", "intakecapaciteit", "gestart", "gerealiseerde_wachttijd_weken",
                  "ingediend", "bron"]  # fmt: skip


class MagMelden(BasePermission):
    message = "Alleen medewerkers van een aanbieder kunnen een wachtlijst melden."

    def has_permission(self, request, view) -> bool:
        return is_geverifieerd(request) and policy.mag(
            request.user, policy.Resource.WACHTLIJSTMELDING, policy.Actie.INDIENEN
        )


class WachtlijstmeldingViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):
    resource = policy.Resource.WACHTLIJSTMELDING
    authentication_classes = [TokenAuthentication, SessionAuthentication]
    parser_classes = [JSONParser, CSVParser, MultiPartParser]
    serializer_class = WachtlijstmeldingSerializer
    queryset = Wachtlijstmelding.objects.select_related("aanbieder", "product")

    def get_permissions(self):
        return [MagMelden()] if self.action == "create" else [PolicyPermission()]

    def get_queryset(self):
        return policy.filter_queryset(self.request.user, self.resource, super().get_queryset())

    def create(self, request, *args, **kwargs):
        data = request.data
        bron = "json"
        if "bestand" in getattr(request, "FILES", {}):
            data, bron = lees_csv(request.FILES["bestand"].read(2_000_000)), "csv"
        elif isinstance(data, list) and request.content_type.startswith("text/csv"):
            bron = "csv"
        rijen = data if isinstance(data, list) else [data]
        try:
            meldingen = verwerk(request.user.aanbieder, rijen, door=request.user, bron=bron)
        except MeldingFout as fout:
            return Response({"detail": _("De melding is niet verwerkt."), "fouten": fout.fouten}, status=400)
        return Response(self.get_serializer(meldingen, many=True).data, status=201)


class IndicatieSerializer(serializers.Serializer):
    aanbieder_agb = serializers.CharField()
    aanbieder = serializers.CharField()
    product = serializers.CharField()
    omschrijving = serializers.CharField()
    categorie = serializers.CharField()
    verwachte_wachttijd_weken = serializers.IntegerField()
    bron = serializers.CharField()
    peildatum = serializers.DateField()


class BeschikbaarheidView(APIView):
    """Open data: the expected wait per aanbieder × product (no persons)."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    serializer_class = IndicatieSerializer

    def get(self, request):
        alle = indicaties()
        aanbieders = Aanbieder.objects.in_bulk({a for a, _p in alle})
        producten = Product.objects.in_bulk({p for _a, p in alle})
        rijen = [
            {
                "aanbieder_agb": aanbieders[i.aanbieder_id].agb_code,
                "aanbieder": aanbieders[i.aanbieder_id].naam,
                "product": producten[i.product_id].code,
                "omschrijving": producten[i.product_id].omschrijving,
                "categorie": producten[i.product_id].categorie,
                "verwachte_wachttijd_weken": i.weken,
                "bron": i.bron,
                "peildatum": i.peildatum,
            }
            for i in alle.values()
        ]
        rijen.sort(key=lambda r: (r["aanbieder"], r["product"]))
        return Response(IndicatieSerializer(rijen, many=True).data)
