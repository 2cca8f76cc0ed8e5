from django.apps import AppConfig


class PubliekConfig(AppConfig):
    name = "jeugdhulp.publiek"
    verbose_name = "Publieke website CJG"
