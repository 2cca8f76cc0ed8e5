from django.urls import path

from jeugdhulp.jeugdigen import views

app_name = "jeugdigen"
urlpatterns = [
    path("", views.JeugdigeLijst.as_view(), name="lijst"),
    path("<int:pk>/", views.JeugdigeDossier.as_view(), name="dossier"),
]
