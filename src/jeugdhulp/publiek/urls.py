from django.urls import path

from jeugdhulp.publiek import views

app_name = "publiek"
urlpatterns = [path("", views.home, name="home")]
