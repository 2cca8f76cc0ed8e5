from rest_framework import serializers, viewsets

from jeugdhulp.permissions import policy
from jeugdhulp.permissions.drf import PolicyViewSetMixin
from jeugdhulp.toewijzingen.models import Toewijzing


class ToewijzingSerializer(serializers.ModelSerializer):
    gemeente = serializers.SlugRelatedField(slug_field="cbs_code", read_only=True)
    aanbieder = serializers.SlugRelatedField(slug_field="agb_code", read_only=True)
    productcategorie = serializers.CharField(source="product.categorie", read_only=True)
    productcode = serializers.CharField(source="product.code", read_only=True)
    bsn = serializers.CharField(source="jeugdige.bsn", read_only=True)

    class Meta:
        model = Toewijzing
        fields = [
            "id", "gemeente", "toewijzingnummer", "bsn", "aanbieder", "productcategorie", "productcode",
            "toewijzingsdatum", "ingangsdatum", "einddatum", "volume", "eenheid", "frequentie", "budget",
            "begindatum_zorg", "einddatum_zorg", "reden_beeindiging",
        ]  # fmt: skip


class ToewijzingViewSet(PolicyViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """Toewijzingen the user may see (an aanbieder sees only its own). Reads are logged."""

    resource = policy.Resource.TOEWIJZING
    serializer_class = ToewijzingSerializer
    queryset = Toewijzing.objects.select_related("gemeente", "aanbieder", "product", "jeugdige").order_by("pk")

    def jeugdige_van(self, obj):
        return obj.jeugdige
