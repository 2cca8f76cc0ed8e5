from django.urls import path

from jeugdhulp.casussen import views

app_name = "casussen"
urlpatterns = [
    path("", views.Werkvoorraad.as_view(), name="werkvoorraad"),
    path("<int:pk>/", views.CasusDetail.as_view(), name="detail"),
    path("<int:pk>/status/", views.StatusStap.as_view(), name="status"),
    path("<int:pk>/gesprek/", views.GesprekToevoegen.as_view(), name="gesprek"),
    path("<int:pk>/jeugdige/", views.JeugdigeAanvullen.as_view(), name="jeugdige"),
    path("<int:pk>/verslag/", views.VerslagSchrijven.as_view(), name="verslag"),
    path("<int:pk>/verslag/<int:versie>/pdf/", views.VerslagPdf.as_view(), name="verslag_pdf"),
    path("<int:pk>/regie/", views.RegieWijzigen.as_view(), name="regie"),
    path("<int:pk>/plan/", views.PlanOpslaan.as_view(), name="plan"),
    path("<int:pk>/plan/deelnemer/", views.DeelnemerToevoegen.as_view(), name="deelnemer"),
    path("<int:pk>/plan/actie/", views.ActieToevoegen.as_view(), name="actie"),
    path("actie/<int:pk>/gedaan/", views.ActieGedaan.as_view(), name="actie_gedaan"),
    path("actie/<int:pk>/wijzigen/", views.ActieWijzigen.as_view(), name="actie_wijzigen"),
    path("actie/<int:pk>/verwijderen/", views.ActieVerwijderen.as_view(), name="actie_verwijderen"),
    path("<int:pk>/plan/vaststellen/", views.PlanVaststellen.as_view(), name="vaststellen"),
    path("<int:pk>/signaal/", views.SignaalToevoegen.as_view(), name="signaal"),
    path("<int:pk>/afsluiten/", views.Afsluiten.as_view(), name="afsluiten"),
    path("<int:pk>/tijdlijn/", views.Tijdlijn.as_view(), name="tijdlijn"),
    path("waakvlam/<int:pk>/", views.WaakvlamVastleggen.as_view(), name="waakvlam"),
    path("richting-18/", views.Richting18.as_view(), name="richting18"),
    path("<int:pk>/toekomst/woonvorm/", views.WoonvormVastleggen.as_view(), name="toekomst_woonvorm"),
    path("<int:pk>/toekomst/doel/", views.ToekomstdoelVastleggen.as_view(), name="toekomst_doel"),
    path("<int:pk>/toekomst/vaststellen/", views.ToekomstplanVaststellen.as_view(), name="toekomst_vaststellen"),
    path("<int:pk>/toekomst/bijstellen/", views.ToekomstplanBijstellen.as_view(), name="toekomst_bijstellen"),
    path("<int:pk>/toekomst/overgangscheck/", views.OvergangscheckVastleggen.as_view(), name="overgangscheck"),
]
