from django.contrib import admin
from django.urls import include, path

from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from jeugdhulp.aanbieders.api import AanbiederViewSet, ProductViewSet
from jeugdhulp.audit.api import ToegangslogViewSet
from jeugdhulp.berichten.api import BerichtViewSet
from jeugdhulp.jeugdigen.api import JeugdigeViewSet
from jeugdhulp.toewijzingen.api import ToewijzingViewSet

router = DefaultRouter()
router.register("jeugdigen", JeugdigeViewSet, basename="jeugdige")
router.register("toewijzingen", ToewijzingViewSet, basename="toewijzing")
router.register("toegangslog", ToegangslogViewSet, basename="toegangslog")
router.register("aanbieders", AanbiederViewSet, basename="aanbieder")
router.register("producten", ProductViewSet, basename="product")
router.register("berichten", BerichtViewSet, basename="bericht")

urlpatterns = [
    path("", include("jeugdhulp.publiek.urls")),
    path("medewerkers/", include("jeugdhulp.accounts.urls")),
    path("medewerkers/", include("jeugdhulp.web.urls")),
    path("medewerkers/jeugdigen/", include("jeugdhulp.jeugdigen.urls")),
    path("medewerkers/cijfers/", include("jeugdhulp.monitor.urls")),
    path("medewerkers/toegangslog/", include("jeugdhulp.audit.urls")),
    path("medewerkers/berichten/", include("jeugdhulp.berichten.urls")),
    path("beheer/", admin.site.urls),
    path("api/v1/", include(router.urls)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("i18n/", include("django.conf.urls.i18n")),
]
