from django.urls import path

from jeugdhulp.monitor import views

app_name = "monitor"
urlpatterns = [
    path("", views.cijfers, name="cijfers"),
    path("wachttijden/", views.wachttijden_view, name="wachttijden"),
    path("inzet/", views.inzet_view, name="inzet"),
    path("financien/", views.financien_view, name="financien"),
    path("budget/", views.budget, name="budget"),
    path("wachtlijsten/", views.wachtlijsten, name="wachtlijsten"),
    path("wachtlijsten/melden/", views.melden, name="melden"),
]
