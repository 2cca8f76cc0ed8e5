from django.urls import path

from jeugdhulp.monitor import views

app_name = "monitor"
urlpatterns = [path("", views.cijfers, name="cijfers")]
