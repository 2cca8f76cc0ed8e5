from django.contrib import admin

from jeugdhulp.audit.models import Toegangslogregel


@admin.register(Toegangslogregel)
class ToegangslogregelAdmin(admin.ModelAdmin):
    """Read-only, even for superusers: nobody adds, changes or deletes access-log entries here."""

    list_display = ["tijdstip", "gebruikersnaam", "rol", "actie", "jeugdige_bsn", "onderwerp", "ip_adres"]
    list_filter = ["actie", "rol"]
    search_fields = ["gebruikersnaam", "jeugdige_bsn"]
    actions = None

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
