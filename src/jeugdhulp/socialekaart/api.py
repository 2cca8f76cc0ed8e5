"""The open HSDS 3.0 API of the sociale kaart (``/api/hsds/``): anonymous, read-only, paginated as HSDS specifies.

Objects follow the HSDS 3.0 schemas (validated in the tests against the vendored copies in ``hsds_schema/``).
Empty values are left out rather than sent as null, because HSDS types them as strings. Oss-specific facts that
HSDS has no field for are extension properties prefixed ``x_`` (referral needed, expected wait in weeks).
"""

from __future__ import annotations

import math
import uuid

from django.db.models import Prefetch, Q
from django.http import Http404
from django.utils.dateparse import parse_datetime

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from jeugdhulp.socialekaart import search
from jeugdhulp.socialekaart.models import (
    Dienst,
    DienstLocatie,
    Organisatie,
    Taxonomie,
    Term,
)

HSDS_VERSIE = "3.0"
PER_PAGINA = 20
MAX_PER_PAGINA = 100


class HsdsSerializer(serializers.Serializer):
    """Leaves out empty values: HSDS types optional fields as strings or numbers, not null."""

    def to_representation(self, instance):
        data = super().to_representation(instance)
        return {k: v for k, v in data.items() if v not in (None, "")}


def _tijd(t) -> str:
    return f"{t:%H:%M}" if t else ""


class HsdsTaxonomySerializer(HsdsSerializer):
    id = serializers.UUIDField()
    name = serializers.CharField(source="naam")
    description = serializers.CharField(source="omschrijving")
    uri = serializers.URLField()
    version = serializers.CharField(source="versie")


class HsdsTaxonomyTermSerializer(HsdsSerializer):
    id = serializers.UUIDField()
    code = serializers.CharField()
    name = serializers.CharField(source="naam")
    description = serializers.CharField(source="omschrijving")
    parent_id = serializers.UUIDField(source="bovenliggend_id", allow_null=True)
    taxonomy = serializers.CharField(source="taxonomie.naam")
    taxonomy_id = serializers.UUIDField(source="taxonomie_id")
    language = serializers.SerializerMethodField()

    def get_language(self, obj) -> str:
        return "nl"


class HsdsPhoneSerializer(HsdsSerializer):
    id = serializers.UUIDField()
    number = serializers.CharField(source="nummer")
    type = serializers.CharField()
    description = serializers.CharField(source="omschrijving")


class HsdsScheduleSerializer(HsdsSerializer):
    id = serializers.UUIDField()
    service_id = serializers.UUIDField(allow_null=True, source="dienst_id")
    location_id = serializers.UUIDField(allow_null=True, source="locatie_id")
    freq = serializers.SerializerMethodField()
    wkst = serializers.SerializerMethodField()
    byday = serializers.CharField(source="dagen")
    opens_at = serializers.SerializerMethodField()
    closes_at = serializers.SerializerMethodField()
    description = serializers.CharField(source="omschrijving")
    attending_type = serializers.SerializerMethodField()

    def get_freq(self, obj) -> str:
        return "WEEKLY"

    def get_wkst(self, obj) -> str:
        return "MO"

    def get_opens_at(self, obj) -> str:
        return _tijd(obj.open_van)

    def get_closes_at(self, obj) -> str:
        return _tijd(obj.open_tot)

    def get_attending_type(self, obj) -> str:
        return "in_person"


class HsdsAddressSerializer(HsdsSerializer):
    id = serializers.SerializerMethodField()
    location_id = serializers.UUIDField(source="id")
    address_1 = serializers.CharField(source="straat")
    city = serializers.CharField(source="plaats")
    state_province = serializers.SerializerMethodField()
    postal_code = serializers.CharField(source="postcode")
    country = serializers.SerializerMethodField()
    address_type = serializers.SerializerMethodField()

    def get_id(self, obj) -> str:
        return str(uuid.uuid5(obj.id, "address"))  # one address per location: a stable derived id

    def get_state_province(self, obj) -> str:
        return "Noord-Brabant"

    def get_country(self, obj) -> str:
        return "NL"

    def get_address_type(self, obj) -> str:
        return "physical"


class HsdsLocationSerializer(HsdsSerializer):
    id = serializers.UUIDField()
    location_type = serializers.CharField(source="type")
    organization_id = serializers.UUIDField(source="organisatie_id")
    name = serializers.CharField(source="naam")
    description = serializers.CharField(source="omschrijving")
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)
    addresses = serializers.SerializerMethodField()
    schedules = HsdsScheduleSerializer(source="openingstijden", many=True)
    phones = HsdsPhoneSerializer(source="telefoonnummers", many=True)

    def get_addresses(self, obj) -> list[dict]:
        return [HsdsAddressSerializer(obj).data] if obj.type == "physical" and obj.straat and obj.plaats else []


class HsdsServiceAtLocationSerializer(HsdsSerializer):
    id = serializers.UUIDField()
    service_id = serializers.UUIDField(source="dienst_id")
    location_id = serializers.UUIDField(source="locatie_id")
    description = serializers.CharField(source="omschrijving")
    location = HsdsLocationSerializer(source="locatie")


class HsdsServiceAreaSerializer(HsdsSerializer):
    id = serializers.UUIDField()
    service_id = serializers.UUIDField(source="dienst_id")
    name = serializers.CharField(source="wijk.naam")
    description = serializers.SerializerMethodField()
    extent_type = serializers.SerializerMethodField()
    extent = serializers.CharField(source="wijk.code")

    def get_description(self, obj) -> str:
        return f"Wijk {obj.wijk.naam} ({obj.wijk.kern or obj.wijk.gemeente.naam})"

    def get_extent_type(self, obj) -> str:
        return "cbs_wijkcode"


class HsdsContactSerializer(HsdsSerializer):
    id = serializers.UUIDField()
    organization_id = serializers.UUIDField(source="organisatie_id", allow_null=True)
    service_id = serializers.UUIDField(source="dienst_id", allow_null=True)
    name = serializers.CharField(source="naam")
    title = serializers.CharField(source="functie")
    email = serializers.EmailField()
    phones = HsdsPhoneSerializer(source="telefoonnummers", many=True)


class HsdsAttributeSerializer(HsdsSerializer):
    """A service's topic: an HSDS attribute linking the service to a taxonomy term."""

    id = serializers.SerializerMethodField()
    link_id = serializers.SerializerMethodField()
    link_type = serializers.SerializerMethodField()
    link_entity = serializers.SerializerMethodField()
    taxonomy_term_id = serializers.UUIDField(source="id")
    taxonomy_term = HsdsTaxonomyTermSerializer(source="*")

    def get_id(self, obj) -> str:
        return str(uuid.uuid5(self.context["dienst"].id, str(obj.id)))

    def get_link_id(self, obj) -> str:
        return str(self.context["dienst"].id)

    def get_link_type(self, obj) -> str:
        return "topic"

    def get_link_entity(self, obj) -> str:
        return "service"


class HsdsOrganizationListSerializer(HsdsSerializer):
    id = serializers.UUIDField()
    name = serializers.CharField(source="naam")
    alternate_name = serializers.CharField(source="alternatieve_naam")
    description = serializers.CharField(source="omschrijving")
    email = serializers.EmailField()
    website = serializers.URLField()
    x_kind = serializers.CharField(source="soort", help_text="cjg, aanbieder, vindplaats or voorziening")
    x_vindplaats = serializers.CharField(source="vindplaats", help_text="kind of vindplaats, e.g. basisschool")


class HsdsOrganizationSerializer(HsdsOrganizationListSerializer):
    phones = HsdsPhoneSerializer(source="telefoonnummers", many=True)
    contacts = HsdsContactSerializer(source="contactpersonen", many=True)
    locations = HsdsLocationSerializer(source="locaties", many=True)


class HsdsServiceListSerializer(HsdsSerializer):
    id = serializers.UUIDField()
    organization_id = serializers.UUIDField(source="organisatie_id")
    name = serializers.CharField(source="naam")
    alternate_name = serializers.CharField(source="alternatieve_naam")
    description = serializers.CharField(source="omschrijving")
    url = serializers.URLField()
    email = serializers.EmailField()
    status = serializers.CharField()
    application_process = serializers.CharField(source="aanmelden")
    fees_description = serializers.CharField(source="kosten")
    eligibility_description = serializers.CharField(source="doelgroep")
    minimum_age = serializers.IntegerField(source="min_leeftijd", allow_null=True)
    maximum_age = serializers.IntegerField(source="max_leeftijd", allow_null=True)
    assured_date = serializers.DateField(source="laatst_gecontroleerd", allow_null=True)
    assurer_email = serializers.EmailField(source="gecontroleerd_door")
    last_modified = serializers.DateTimeField(source="gewijzigd")
    wait_time = serializers.SerializerMethodField()
    x_referral_required = serializers.CharField(source="toegang", help_text="vrij, verwijzing or beschikking")
    x_wait_weeks = serializers.IntegerField(source="wachttijd_weken", allow_null=True)
    x_wait_source = serializers.CharField(source="wachttijd_bron")
    x_wait_measured = serializers.DateField(source="wachttijd_peildatum", allow_null=True)

    def get_wait_time(self, obj) -> str:
        if obj.wachttijd_weken is None:
            return ""
        return f"ongeveer {obj.wachttijd_weken} weken (gemeten op {obj.wachttijd_peildatum:%Y-%m-%d})"


class HsdsServiceSerializer(HsdsServiceListSerializer):
    organization = HsdsOrganizationListSerializer(source="organisatie")
    phones = HsdsPhoneSerializer(source="telefoonnummers", many=True)
    schedules = HsdsScheduleSerializer(source="openingstijden", many=True)
    service_areas = HsdsServiceAreaSerializer(source="werkgebieden", many=True)
    service_at_locations = HsdsServiceAtLocationSerializer(source="dienstlocaties", many=True)
    contacts = HsdsContactSerializer(source="contactpersonen", many=True)
    attributes = serializers.SerializerMethodField()

    @extend_schema(responses=HsdsAttributeSerializer(many=True))
    def get_attributes(self, obj) -> list[dict]:
        return HsdsAttributeSerializer(obj.termen.all(), many=True, context={"dienst": obj}).data


def _pagina_serializer(naam: str, item):
    return inline_serializer(
        naam,
        fields={
            "total_items": serializers.IntegerField(),
            "total_pages": serializers.IntegerField(),
            "page_number": serializers.IntegerField(),
            "size": serializers.IntegerField(),
            "first_page": serializers.BooleanField(),
            "last_page": serializers.BooleanField(),
            "empty": serializers.BooleanField(),
            "contents": item(many=True),
        },
    )


FOUT = inline_serializer("HsdsError", fields={"detail": serializers.CharField()})
PAGINA_PARAMS = [
    OpenApiParameter("page", OpenApiTypes.INT, description="Page number, from 1."),
    OpenApiParameter("per_page", OpenApiTypes.INT, description=f"Items per page, 1 to {MAX_PER_PAGINA}."),
    OpenApiParameter("search", OpenApiTypes.STR, description="Free text (Dutch, stemmed: 'gepest' finds 'pesten')."),
]


class HsdsView(APIView):
    """Open to everyone: no session, no CSRF, no policy (the sociale kaart holds no personal data)."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    toegestaan: frozenset[str] = frozenset({"page", "per_page", "search", "format"})

    def parameters(self, request) -> dict:
        onbekend = sorted(set(request.query_params) - self.toegestaan)
        if onbekend:
            raise ValidationError({"detail": f"Unknown parameter(s): {', '.join(onbekend)}."})
        return request.query_params

    def pagineer(self, request, qs, serializer_class, **context) -> Response:
        params = self.parameters(request)
        page = _geheel(params, "page", 1, 1, 10**6)
        per_page = _geheel(params, "per_page", PER_PAGINA, 1, MAX_PER_PAGINA)
        totaal = qs.count()
        pagina_s = max(1, math.ceil(totaal / per_page))
        rijen = list(qs[(page - 1) * per_page : page * per_page])
        return Response(
            {
                "total_items": totaal,
                "total_pages": pagina_s,
                "page_number": page,
                "size": len(rijen),
                "first_page": page == 1,
                "last_page": page >= pagina_s,
                "empty": not rijen,
                "contents": serializer_class(rijen, many=True, context=context).data,
            }
        )


def _geheel(params, naam: str, standaard: int, laagste: int, hoogste: int) -> int:
    waarde = params.get(naam)
    if waarde is None:
        return standaard
    try:
        getal = int(waarde)
    except ValueError:
        raise ValidationError({"detail": f"'{naam}' must be a whole number."}) from None
    if not laagste <= getal <= hoogste:
        raise ValidationError({"detail": f"'{naam}' must be between {laagste} and {hoogste}."})
    return getal


def _uuid(waarde: str, naam: str, *, niet_gevonden: bool = False) -> uuid.UUID:
    try:
        return uuid.UUID(waarde)
    except (ValueError, AttributeError, TypeError):
        if niet_gevonden:
            raise Http404 from None
        raise ValidationError({"detail": f"'{naam}' must be a UUID."}) from None


def diensten_volledig():
    return Dienst.objects.select_related("organisatie").prefetch_related(
        "telefoonnummers",
        "openingstijden",
        "werkgebieden__wijk__gemeente",
        Prefetch(
            "dienstlocaties",
            queryset=DienstLocatie.objects.select_related("locatie").prefetch_related(
                "locatie__openingstijden", "locatie__telefoonnummers"
            ),
        ),
        "contactpersonen__telefoonnummers",
        "termen__taxonomie",
    )


class HsdsRoot(HsdsView):
    @extend_schema(
        operation_id="hsds_root",
        tags=["HSDS"],
        responses=inline_serializer(
            "HsdsRoot",
            fields={
                "version": serializers.CharField(),
                "profile": serializers.URLField(),
                "openapi_url": serializers.URLField(),
            },
        ),
    )
    def get(self, request):
        self.parameters(request)
        return Response(
            {
                "version": HSDS_VERSIE,
                "profile": "https://docs.openreferral.org/en/latest/",
                "openapi_url": request.build_absolute_uri("/api/schema/"),
            }
        )


# No docstrings on the two bases below: drf-spectacular would publish them as the endpoints' descriptions.
class HsdsLijst(HsdsView):
    # A paginated HSDS list: the subclass gives the rows (basis) and may narrow them by free text (zoek).
    serializer_class: type[serializers.Serializer]
    zoekvelden: tuple[str, ...] = ("naam",)

    def basis(self, params):
        raise NotImplementedError

    def zoek(self, qs, tekst: str):
        q = Q()
        for veld in self.zoekvelden:
            q |= Q(**{f"{veld}__icontains": tekst.strip()})
        return qs.filter(q)

    def get(self, request):
        params = self.parameters(request)
        qs = self.basis(params)
        tekst = params.get("search", "")[:200]
        if tekst.strip():
            qs = self.zoek(qs, tekst)
        return self.pagineer(request, qs, self.serializer_class)


class HsdsDetail(HsdsView):
    # One HSDS object by its UUID; an unknown or malformed id is a 404 in JSON.
    serializer_class: type[serializers.Serializer]

    def basis(self):
        raise NotImplementedError

    def get(self, request, id: str):
        self.parameters(request)
        obj = self.basis().filter(pk=_uuid(id, "id", niet_gevonden=True)).first()
        if obj is None:
            raise Http404
        return Response(self.serializer_class(obj).data)


@extend_schema_view(
    get=extend_schema(
        operation_id="hsds_services_list",
        tags=["HSDS"],
        parameters=[
            *PAGINA_PARAMS,
            OpenApiParameter("taxonomy_term_id", OpenApiTypes.UUID, description="Only services with this term."),
            OpenApiParameter(
                "taxonomy_id", OpenApiTypes.UUID, description="Only services with a term of this taxonomy."
            ),
            OpenApiParameter("organization_id", OpenApiTypes.UUID, description="Only services of this organization."),
            OpenApiParameter("modified_after", OpenApiTypes.DATETIME, description="Only services changed since."),
        ],
        responses={200: _pagina_serializer("HsdsServicePage", HsdsServiceListSerializer), 400: FOUT},
    )
)
class ServiceList(HsdsLijst):
    toegestaan = HsdsView.toegestaan | {"taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after"}
    serializer_class = HsdsServiceListSerializer

    def basis(self, params):
        qs = Dienst.objects.actief()
        if "taxonomy_term_id" in params:
            qs = qs.filter(termen__id=_uuid(params["taxonomy_term_id"], "taxonomy_term_id"))
        if "taxonomy_id" in params:
            qs = qs.filter(termen__taxonomie_id=_uuid(params["taxonomy_id"], "taxonomy_id")).distinct()
        if "organization_id" in params:
            qs = qs.filter(organisatie_id=_uuid(params["organization_id"], "organization_id"))
        if "modified_after" in params:
            moment = parse_datetime(params["modified_after"]) if len(params["modified_after"]) < 40 else None
            if moment is None:
                raise ValidationError({"detail": "'modified_after' must be an ISO 8601 date-time."})
            qs = qs.filter(gewijzigd__gte=moment)
        return qs.order_by("naam", "id")

    def zoek(self, qs, tekst: str):
        return search.zoek(qs, search.Zoekvraag(tekst=tekst)).diensten  # stemmed and ranked


@extend_schema_view(
    get=extend_schema(
        operation_id="hsds_services_retrieve", tags=["HSDS"], responses={200: HsdsServiceSerializer, 404: FOUT}
    )
)
class ServiceDetail(HsdsDetail):
    serializer_class = HsdsServiceSerializer

    def basis(self):
        return diensten_volledig()


@extend_schema_view(
    get=extend_schema(
        operation_id="hsds_organizations_list",
        tags=["HSDS"],
        parameters=PAGINA_PARAMS,
        responses={200: _pagina_serializer("HsdsOrganizationPage", HsdsOrganizationListSerializer), 400: FOUT},
    )
)
class OrganizationList(HsdsLijst):
    serializer_class = HsdsOrganizationListSerializer
    zoekvelden = ("naam", "alternatieve_naam")

    def basis(self, params):
        return Organisatie.objects.order_by("naam", "id")


@extend_schema_view(
    get=extend_schema(
        operation_id="hsds_organizations_retrieve",
        tags=["HSDS"],
        responses={200: HsdsOrganizationSerializer, 404: FOUT},
    )
)
class OrganizationDetail(HsdsDetail):
    serializer_class = HsdsOrganizationSerializer

    def basis(self):
        return Organisatie.objects.prefetch_related(
            "telefoonnummers",
            "contactpersonen__telefoonnummers",
            "locaties__openingstijden",
            "locaties__telefoonnummers",
        )


@extend_schema_view(
    get=extend_schema(
        operation_id="hsds_taxonomies_list",
        tags=["HSDS"],
        parameters=PAGINA_PARAMS,
        responses={200: _pagina_serializer("HsdsTaxonomyPage", HsdsTaxonomySerializer), 400: FOUT},
    )
)
class TaxonomyList(HsdsLijst):
    serializer_class = HsdsTaxonomySerializer

    def basis(self, params):
        return Taxonomie.objects.order_by("naam", "id")


@extend_schema_view(
    get=extend_schema(
        operation_id="hsds_taxonomies_retrieve", tags=["HSDS"], responses={200: HsdsTaxonomySerializer, 404: FOUT}
    )
)
class TaxonomyDetail(HsdsDetail):
    serializer_class = HsdsTaxonomySerializer

    def basis(self):
        return Taxonomie.objects.all()


@extend_schema_view(
    get=extend_schema(
        operation_id="hsds_taxonomy_terms_list",
        tags=["HSDS"],
        parameters=[*PAGINA_PARAMS, OpenApiParameter("taxonomy_id", OpenApiTypes.UUID)],
        responses={200: _pagina_serializer("HsdsTaxonomyTermPage", HsdsTaxonomyTermSerializer), 400: FOUT},
    )
)
class TaxonomyTermList(HsdsLijst):
    toegestaan = HsdsView.toegestaan | {"taxonomy_id"}
    serializer_class = HsdsTaxonomyTermSerializer

    def basis(self, params):
        qs = Term.objects.select_related("taxonomie").order_by("taxonomie__naam", "volgorde", "id")
        if "taxonomy_id" in params:
            qs = qs.filter(taxonomie_id=_uuid(params["taxonomy_id"], "taxonomy_id"))
        return qs
