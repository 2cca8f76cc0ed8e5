from django.urls import path

from jeugdhulp.hulpvragen import views

app_name = "hulpvragen"
urlpatterns = [
    path("", views.Wachtrij.as_view(), name="wachtrij"),
    path("nieuw/", views.Registreren.as_view(), name="registreren"),
    path("<int:pk>/", views.Detail.as_view(), name="detail"),
    path("<int:pk>/contact/", views.ContactOpgenomen.as_view(), name="contact"),
    path("<int:pk>/licht/", views.LichtAfhandelen.as_view(), name="licht"),
    path("<int:pk>/vraagverheldering/", views.NaarVraagverheldering.as_view(), name="vraagverheldering"),
    path("<int:pk>/intrekken/", views.Intrekken.as_view(), name="intrekken"),
]
