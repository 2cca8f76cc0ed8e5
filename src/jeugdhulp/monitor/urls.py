from django.urls import path

from jeugdhulp.monitor import cbs_views, views

app_name = "monitor"
urlpatterns = [
    path("", views.cijfers, name="cijfers"),
    path("wachttijden/", views.wachttijden_view, name="wachttijden"),
    path("inzet/", views.inzet_view, name="inzet"),
    path("financien/", views.financien_view, name="financien"),
    path("budget/", views.budget, name="budget"),
    path("rapportage/", views.rapportage, name="rapportage"),
    path("wachtlijsten/", views.wachtlijsten, name="wachtlijsten"),
    path("wachtlijsten/melden/", views.melden, name="melden"),
    path("cbs/", cbs_views.cbs_aanlevering, name="cbs"),
]
