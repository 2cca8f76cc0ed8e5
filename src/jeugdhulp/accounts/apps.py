from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "jeugdhulp.accounts"
    verbose_name = "Gebruikers"
