from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "jeugdhulp.audit"
    verbose_name = "Toegangslog"
