from django.urls import path

from jeugdhulp.berichten import views

app_name = "berichten"
urlpatterns = [
    path("", views.BerichtLijst.as_view(), name="lijst"),
    path("<int:pk>/", views.BerichtDetail.as_view(), name="detail"),
    path("<int:pk>/opnieuw/", views.OpnieuwVersturen.as_view(), name="opnieuw"),
    path("jeugdige/<int:pk>/", views.BerichtenJeugdige.as_view(), name="jeugdige"),
    path("aanbieder/<int:pk>/", views.BerichtenAanbieder.as_view(), name="aanbieder"),
    path("termijnen/", views.Termijnen.as_view(), name="termijnen"),
    path("verzoeken/", views.VerzoekLijst.as_view(), name="verzoeken"),
    path("verzoeken/<int:pk>/", views.VerzoekDetail.as_view(), name="verzoek"),
]
