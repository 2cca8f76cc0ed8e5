"""Public URLs (mounted with i18n_patterns: Dutch without prefix, /en/ and /pl/)."""

from django.urls import path

from jeugdhulp.publiek import views

app_name = "publiek"
urlpatterns = [
    path("", views.home, name="home"),
    path("voor/<slug:wie>/", views.doelgroep, name="doelgroep"),
    path("onderwerp/<slug:code>/", views.onderwerp, name="onderwerp"),
    path("contact/", views.contact, name="contact"),
    path("privacy/", views.privacy, name="privacy"),
    path("sociale-kaart/", views.zoeken, name="zoeken"),
    path("sociale-kaart/vraagwijzer/", views.vraagwijzer, name="vraagwijzer"),
    path("sociale-kaart/dienst/<uuid:pk>/", views.dienst, name="dienst"),
    path("sociale-kaart/controleren/<str:token>/", views.controleren, name="controleren"),
    path("hulpvraag/", views.hulpvraag, name="hulpvraag"),
    path("hulpvraag/verstuurd/", views.hulpvraag_verstuurd, name="hulpvraag_verstuurd"),
    path("folder/", views.folder, name="folder"),
    path("folder/wat-kun-je-verwachten-van-het-cjg.pdf", views.folder_pdf, name="folder_pdf"),
    path("professionals/", views.professionals, name="professionals"),
    path("professionals/agenda/", views.agenda, name="agenda"),
]
