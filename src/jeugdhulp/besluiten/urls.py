from django.urls import path

from jeugdhulp.besluiten import views

app_name = "besluiten"
urlpatterns = [
    path("", views.AanvraagLijst.as_view(), name="lijst"),
    path("casus/<int:pk>/aanvraag/", views.AanvraagIndienen.as_view(), name="indienen"),
    path("casus/<int:pk>/evaluatie/", views.EvaluatieToevoegen.as_view(), name="evaluatie"),
    path("aanvraag/<int:pk>/", views.AanvraagDetail.as_view(), name="aanvraag"),
    path("aanvraag/<int:pk>/opschorten/", views.Opschorten.as_view(), name="opschorten"),
    path("aanvraag/<int:pk>/hervatten/", views.Hervatten.as_view(), name="hervatten"),
    path("aanvraag/<int:pk>/verdagen/", views.Verdagen.as_view(), name="verdagen"),
    path("aanvraag/<int:pk>/pgb/", views.PgbBeoordelen.as_view(), name="pgb"),
    path("aanvraag/<int:pk>/beschikken/", views.Beschikken.as_view(), name="beschikken"),
    path("aanvraag/<int:pk>/beschikking.pdf", views.BeschikkingPdf.as_view(), name="beschikking_pdf"),
    path("aanvraag/<int:pk>/toewijzen/", views.Toewijzen.as_view(), name="toewijzen"),
    path("aanvraag/<int:pk>/bezwaar/", views.BezwaarRegistreren.as_view(), name="bezwaar_registreren"),
    path("bezwaar/<int:pk>/", views.BezwaarDetail.as_view(), name="bezwaar"),
    path("bezwaar/<int:pk>/verdagen/", views.BezwaarVerdagen.as_view(), name="bezwaar_verdagen"),
    path("bezwaar/<int:pk>/beslissen/", views.BezwaarBeslissen.as_view(), name="bezwaar_beslissen"),
]
