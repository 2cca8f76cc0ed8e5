from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "jeugdhulp.demo"
    verbose_name = "Demo-gemeente"
