from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "jeugdhulp.web"
    verbose_name = "Medewerkersportaal"
