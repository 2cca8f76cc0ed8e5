from django.urls import path

from jeugdhulp.accounts import views

app_name = "accounts"
urlpatterns = [
    path("inloggen/", views.login_view, name="login"),
    path("inloggen/code/", views.verify_view, name="verify"),
    path("inloggen/instellen/", views.setup_view, name="setup"),
    path("uitloggen/", views.logout_view, name="logout"),
    path("activeren/<uidb64>/<token>/", views.activeren_view, name="activeren"),
]
