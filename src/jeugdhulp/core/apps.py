from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "jeugdhulp.core"
    verbose_name = "Kern"
