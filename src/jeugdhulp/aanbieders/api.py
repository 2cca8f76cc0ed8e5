from rest_framework import serializers, viewsets

from jeugdhulp.aanbieders.models import Aanbieder, Product
from jeugdhulp.permissions import policy
from jeugdhulp.permissions.drf import PolicyViewSetMixin


class AanbiederSerializer(serializers.ModelSerializer):
    class Meta:
        model = Aanbieder
        fields = ["id", "agb_code", "naam", "plaats"]


class ProductSerializer(serializers.ModelSerializer):
    class Meta:
        model = Product
        fields = ["id", "categorie", "code", "omschrijving", "eenheid", "frequentie", "uitvoeringsvariant"]


class AanbiederViewSet(PolicyViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """Aanbieders (youth-care providers) with their AGB code. Reference data, no personal data."""

    resource = policy.Resource.REFERENTIEDATA
    serializer_class = AanbiederSerializer
    queryset = Aanbieder.objects.order_by("naam")


class ProductViewSet(PolicyViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """The regional product list: productcategorie (JZ020), code, eenheid (WJ756) and frequentie (WMO757)."""

    resource = policy.Resource.REFERENTIEDATA
    serializer_class = ProductSerializer
    queryset = Product.objects.order_by("categorie", "code")
