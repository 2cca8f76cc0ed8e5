from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from jeugdhulp.accounts.models import User
from jeugdhulp.web.admin_site import ReferentiedataAdmin


@admin.register(User)
class UserAdmin(ReferentiedataAdmin, DjangoUserAdmin):
    list_display = [
        "username",
        "first_name",
        "last_name",
        "rol",
        "team",
        "gemeente",
        "aanbieder",
        "is_active",
    ]
    list_filter = ["rol", "is_active", "gemeente"]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Persoon"), {"fields": ("first_name", "last_name", "email")}),
        (_("Rol en bereik"), {"fields": ("rol", "team", "gemeente", "aanbieder", "is_active")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("username", "password1", "password2", "rol", "team", "gemeente", "aanbieder"),
            },
        ),
    )
