from django.apps import AppConfig


class ToewijzingenConfig(AppConfig):
    name = "jeugdhulp.toewijzingen"
    verbose_name = "Toewijzingen"
