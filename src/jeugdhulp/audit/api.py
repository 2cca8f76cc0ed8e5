from rest_framework import serializers, viewsets

from jeugdhulp.audit.models import Toegangslogregel
from jeugdhulp.permissions import policy
from jeugdhulp.permissions.drf import PolicyViewSetMixin


class ToegangslogregelSerializer(serializers.ModelSerializer):
    class Meta:
        model = Toegangslogregel
        fields = [
            "id",
            "tijdstip",
            "gebruikersnaam",
            "rol",
            "jeugdige_bsn",
            "actie",
            "onderwerp",
            "ip_adres",
            "reden",
        ]


class ToegangslogViewSet(PolicyViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """The access log, for auditors. Read-only: there is no endpoint to change or delete an entry."""

    resource = policy.Resource.TOEGANGSLOG
    serializer_class = ToegangslogregelSerializer
    queryset = Toegangslogregel.objects.all()
