"""The Django admin ("beheer") is the functioneel beheerder's tool for reference data and users.

Access is decided by the policy (REFERENTIEDATA), not by Django's per-model permission flags. Case content
(jeugdigen) is never registered here. The access log is registered read-only, for superusers only.
"""

from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse

from jeugdhulp.permissions import policy


class BeheerSite(admin.AdminSite):
    site_header = "Jeugdhulp Oss — beheer"
    site_title = "Beheer"
    index_title = "Referentiegegevens en gebruikers"

    def has_permission(self, request) -> bool:
        user = request.user
        if not (user.is_active and user.is_authenticated and user.is_verified()):
            return False
        return mag_referentiedata(request)

    def login(self, request, extra_context=None):
        return redirect(f"{reverse('accounts:login')}?next={request.get_full_path()}")


def mag_referentiedata(request) -> bool:
    return request.user.is_superuser or policy.mag(request.user, policy.Resource.REFERENTIEDATA, policy.Actie.WIJZIGEN)


class _ReferentiedataRechten:
    """Full rights for whoever the policy allows to change reference data."""

    def has_module_permission(self, request):
        return mag_referentiedata(request)

    def has_view_permission(self, request, obj=None):
        return mag_referentiedata(request)

    def has_add_permission(self, request, obj=None):
        return mag_referentiedata(request)

    def has_change_permission(self, request, obj=None):
        return mag_referentiedata(request)

    def has_delete_permission(self, request, obj=None):
        return mag_referentiedata(request)


class ReferentiedataAdmin(_ReferentiedataRechten, admin.ModelAdmin):
    pass


class ReferentiedataInline(_ReferentiedataRechten, admin.TabularInline):
    extra = 0
