"""The Django admin ("beheer") is the functioneel beheerder's tool for reference data and users.

Access is decided by the policy (REFERENTIEDATA), not by Django's per-model permission flags. Case content
(jeugdigen) is never registered here. The access log is registered read-only, for superusers only.
"""

from functools import update_wrapper

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
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

    def admin_view(self, view, cacheable=False):
        wrapped = super().admin_view(view, cacheable)

        def guarded(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), reverse("accounts:login"))
            # A logged-in user without the right gets a plain 403, not a login loop.
            if request.user.is_authenticated and request.user.is_verified() and not self.has_permission(request):
                raise PermissionDenied
            return wrapped(request, *args, **kwargs)

        return update_wrapper(guarded, view)

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
