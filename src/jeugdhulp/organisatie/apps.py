from django.apps import AppConfig


class OrganisatieConfig(AppConfig):
    name = "jeugdhulp.organisatie"
    verbose_name = "Organisatie"
