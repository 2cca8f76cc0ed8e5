from django.apps import AppConfig


class MonitorConfig(AppConfig):
    name = "jeugdhulp.monitor"
    verbose_name = "Monitor"
