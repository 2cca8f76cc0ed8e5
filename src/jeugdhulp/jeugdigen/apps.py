from django.apps import AppConfig


class JeugdigenConfig(AppConfig):
    name = "jeugdhulp.jeugdigen"
    verbose_name = "Jeugdigen"
