"""The open HSDS API: anonymous, HSDS 3.0 valid (vendored schemas), paginated, and 4xx JSON on bad requests."""

import uuid

import pytest

from jeugdhulp.socialekaart.hsds_schema import validator
from jeugdhulp.socialekaart.models import Dienst

PAGINA_VELDEN = {"total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"}


def _geldig(naam, data):
    fouten = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator(naam).iter_errors(data)]
    assert fouten == []


def test_service_detail_is_valid_hsds(client, kaart):
    response = client.get(f"/api/hsds/services/{kaart['hulp_pesten'].pk}")
    assert response.status_code == 200
    data = response.json()
    _geldig("service", data)
    assert data["organization"]["name"] == "Centrum Jeugd en Gezin Oss"
    assert data["attributes"][0]["taxonomy_term"]["code"] == "pesten"
    assert data["service_at_locations"][0]["location"]["addresses"][0]["postal_code"] == "5341 GM"
    assert data["x_referral_required"] == "vrij"


def test_every_service_and_nested_object_validates(client, kaart):
    for dienst in Dienst.objects.all():
        _geldig("service", client.get(f"/api/hsds/services/{dienst.pk}").json())


def test_wait_and_service_area_are_published(client, kaart):
    data = client.get(f"/api/hsds/services/{kaart['behandeling'].pk}").json()
    _geldig("service", data)
    assert data["x_wait_weeks"] == 6 and "6 weken" in data["wait_time"]
    assert data["service_areas"][0]["extent"] == "WK082810"


def test_lists_are_hsds_pages_of_valid_objects(client, kaart):
    for pad, schema in (("services", "service"), ("organizations", "organization"), ("taxonomies", "taxonomy"),
                        ("taxonomy_terms", "taxonomy_term")):  # fmt: skip
        data = client.get(f"/api/hsds/{pad}").json()
        assert set(data) == PAGINA_VELDEN
        assert data["contents"], pad
        for item in data["contents"]:
            _geldig(schema, item)
    data = client.get(f"/api/hsds/organizations/{kaart['cjg'].pk}").json()
    _geldig("organization", data)
    _geldig("taxonomy", client.get(f"/api/hsds/taxonomies/{kaart['pesten'].taxonomie_id}").json())


def test_pagination_and_search(client, kaart):
    eerste = client.get("/api/hsds/services?per_page=2").json()
    assert (eerste["size"], eerste["first_page"], eerste["last_page"]) == (2, True, False)
    assert eerste["total_items"] == Dienst.objects.actief().count()
    laatste = client.get(f"/api/hsds/services?per_page=2&page={eerste['total_pages']}").json()
    assert laatste["last_page"] and not laatste["first_page"]
    voorbij = client.get("/api/hsds/services?page=99").json()
    assert voorbij["empty"] and voorbij["contents"] == []
    gezocht = client.get("/api/hsds/services?search=gepest").json()
    assert gezocht["contents"][0]["name"] == "Hulp bij pesten"
    per_term = client.get(f"/api/hsds/services?taxonomy_term_id={kaart['pesten'].pk}").json()
    assert {s["name"] for s in per_term["contents"]} == {"Hulp bij pesten", "Bellen met de Kindertelefoon"}


@pytest.mark.parametrize(
    ("pad", "status"),
    [
        ("/api/hsds/services/niet-een-uuid", 404),
        (f"/api/hsds/services/{uuid.uuid4()}", 404),
        (f"/api/hsds/organizations/{uuid.uuid4()}", 404),
        ("/api/hsds/taxonomies/123", 404),
        ("/api/hsds/services?page=abc", 400),
        ("/api/hsds/services?page=0", 400),
        ("/api/hsds/services?per_page=1000", 400),
        ("/api/hsds/services?taxonomy_term_id=x", 400),
        ("/api/hsds/services?modified_after=gisteren", 400),
        ("/api/hsds/services?onbekend=1", 400),
    ],
)
def test_bad_requests_get_json_4xx(client, kaart, pad, status):
    response = client.get(pad)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    assert "detail" in response.json()


def test_read_only_and_anonymous_even_for_a_half_logged_in_user(client, wereld, kaart):
    assert client.post("/api/hsds/services", {}).status_code == 405
    client.force_login(wereld["users"]["cjg_medewerker"])  # password done, no TOTP: the staff API would refuse
    assert client.get("/api/hsds/services").status_code == 200


def test_documented_in_openapi(client):
    from django.urls import reverse

    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    assert {"/api/hsds/services", "/api/hsds/services/{id}", "/api/hsds/organizations", "/api/hsds/taxonomies"} <= set(
        schema["paths"]
    )
    assert reverse("hsds:services") == "/api/hsds/services"
