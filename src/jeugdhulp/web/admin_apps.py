from django.contrib.admin.apps import AdminConfig


class BeheerAdminConfig(AdminConfig):
    """Django's admin, with the functioneel beheerder's site (see admin_site.BeheerSite)."""

    default_site = "jeugdhulp.web.admin_site.BeheerSite"
