from django.urls import path

from jeugdhulp.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.ToegangslogZoeken.as_view(), name="zoeken"),
    path("jeugdige/<int:pk>/", views.ToegangslogJeugdige.as_view(), name="jeugdige"),
]
