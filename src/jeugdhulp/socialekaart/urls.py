"""The open HSDS API, mounted at /api/hsds/ (outside the staff prefixes: anonymous by design)."""

from django.urls import path

from jeugdhulp.socialekaart import api

app_name = "hsds"
urlpatterns = [
    path("", api.HsdsRoot.as_view(), name="root"),
    path("services", api.ServiceList.as_view(), name="services"),
    path("services/<str:id>", api.ServiceDetail.as_view(), name="service"),
    path("organizations", api.OrganizationList.as_view(), name="organizations"),
    path("organizations/<str:id>", api.OrganizationDetail.as_view(), name="organization"),
    path("taxonomies", api.TaxonomyList.as_view(), name="taxonomies"),
    path("taxonomies/<str:id>", api.TaxonomyDetail.as_view(), name="taxonomy"),
    path("taxonomy_terms", api.TaxonomyTermList.as_view(), name="taxonomy_terms"),
]
