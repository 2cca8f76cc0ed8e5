from django.urls import path

from jeugdhulp.taken import views

app_name = "taken"
urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("<uuid:taak_id>/opnieuw/", views.opnieuw, name="opnieuw"),
    path("voorkeur/", views.voorkeur, name="voorkeur"),
]
