from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from jeugdhulp.aanbieders.api import AanbiederViewSet, ProductViewSet
from jeugdhulp.audit.api import ToegangslogViewSet
from jeugdhulp.berichten.api import BerichtViewSet
from jeugdhulp.jeugdigen.api import JeugdigeViewSet
from jeugdhulp.monitor.api import BeschikbaarheidView, WachtlijstmeldingViewSet
from jeugdhulp.publiek import views as publiek_views
from jeugdhulp.toewijzingen.api import ToewijzingViewSet

router = DefaultRouter()
router.register("jeugdigen", JeugdigeViewSet, basename="jeugdige")
router.register("toewijzingen", ToewijzingViewSet, basename="toewijzing")
router.register("toegangslog", ToegangslogViewSet, basename="toegangslog")
router.register("aanbieders", AanbiederViewSet, basename="aanbieder")
router.register("producten", ProductViewSet, basename="product")
router.register("berichten", BerichtViewSet, basename="bericht")
router.register("wachtlijstmeldingen", WachtlijstmeldingViewSet, basename="wachtlijstmelding")

urlpatterns = [
    path("medewerkers/", include("jeugdhulp.accounts.urls")),
    path("medewerkers/", include("jeugdhulp.web.urls")),
    path("medewerkers/jeugdigen/", include("jeugdhulp.jeugdigen.urls")),
    path("medewerkers/cijfers/", include("jeugdhulp.monitor.urls")),
    path("medewerkers/toegangslog/", include("jeugdhulp.audit.urls")),
    path("medewerkers/berichten/", include("jeugdhulp.berichten.urls")),
    path("medewerkers/hulpvragen/", include("jeugdhulp.hulpvragen.urls")),
    path("medewerkers/casussen/", include("jeugdhulp.casussen.urls")),
    path("medewerkers/besluiten/", include("jeugdhulp.besluiten.urls")),
    path("medewerkers/redactie/", include("jeugdhulp.publiek.redactie_urls")),
    path("medewerkers/achtergrondtaken/", include("jeugdhulp.taken.urls")),
    path("beheer/", admin.site.urls),
    path("api/v1/beschikbaarheid/", BeschikbaarheidView.as_view(), name="beschikbaarheid"),  # open data
    path("api/v1/", include(router.urls)),
    path("api/hsds/", include("jeugdhulp.socialekaart.urls")),  # open data: anonymous, read-only
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("favicon.ico", publiek_views.favicon),  # browsers ask for it on every site, whatever the page links
]
# The public site: Dutch without a prefix, English under /en/ and Polish under /pl/. Staff URLs have no prefix.
urlpatterns += i18n_patterns(path("", include("jeugdhulp.publiek.urls")), prefix_default_language=False)
