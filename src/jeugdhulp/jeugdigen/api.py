from rest_framework import serializers, viewsets

from jeugdhulp.jeugdigen.models import Contact, Jeugdige, Relatie
from jeugdhulp.permissions import policy
from jeugdhulp.permissions.drf import PolicyViewSetMixin


class RelatieSerializer(serializers.ModelSerializer):
    class Meta:
        model = Relatie
        fields = [
            "soort",
            "gezagsdrager",
            "geslachtsnaam",
            "voorvoegsel",
            "voornamen",
            "voorletters",
            "telefoon",
        ]


class ContactSerializer(serializers.ModelSerializer):
    class Meta:
        model = Contact
        fields = [
            "soort",
            "straatnaam",
            "huisnummer",
            "huisletter",
            "huisnummertoevoeging",
            "postcode",
            "plaatsnaam",
            "telefoon",
        ]


class JeugdigeSerializer(serializers.ModelSerializer):
    gemeente = serializers.SlugRelatedField(slug_field="cbs_code", read_only=True)
    relaties = RelatieSerializer(many=True, read_only=True)
    contacten = ContactSerializer(many=True, read_only=True)

    class Meta:
        model = Jeugdige
        fields = [
            "id", "bsn", "geslachtsnaam", "voorvoegsel", "voornamen", "voorletters", "naamgebruik",
            "geboortedatum", "datumgebruik", "geslacht", "gemeente", "relaties", "contacten",
        ]  # fmt: skip


class JeugdigeViewSet(PolicyViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """Jeugdigen the user may see. Every read is written to the access log."""

    resource = policy.Resource.JEUGDIGE
    serializer_class = JeugdigeSerializer
    queryset = Jeugdige.objects.select_related("gemeente").prefetch_related("relaties", "contacten").order_by("pk")

    def jeugdige_van(self, obj):
        return obj
