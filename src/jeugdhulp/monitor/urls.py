from django.contrib.auth.decorators import login_required
from django.urls import path

from jeugdhulp.monitor import cbs_views, views

app_name = "monitor"
# Logged out, every page leads to the login page and back (next=); logged in without the right, ``vereis`` gives 403.
urlpatterns = [
    path("", login_required(views.cijfers), name="cijfers"),
    path("wachttijden/", login_required(views.wachttijden_view), name="wachttijden"),
    path("inzet/", login_required(views.inzet_view), name="inzet"),
    path("financien/", login_required(views.financien_view), name="financien"),
    path("budget/", login_required(views.budget), name="budget"),
    path("rapportage/", login_required(views.rapportage), name="rapportage"),
    path("wachtlijsten/", login_required(views.wachtlijsten), name="wachtlijsten"),
    path("wachtlijsten/melden/", login_required(views.melden), name="melden"),
    path("cbs/", login_required(cbs_views.cbs_aanlevering), name="cbs"),
]
