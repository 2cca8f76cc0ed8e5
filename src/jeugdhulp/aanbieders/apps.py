from django.apps import AppConfig


class AanbiedersConfig(AppConfig):
    name = "jeugdhulp.aanbieders"
    verbose_name = "Aanbieders en producten"
