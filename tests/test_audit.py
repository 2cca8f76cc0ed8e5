"""The access log: every read of a jeugdige's data is written; nobody can change or delete an entry."""

from django.db import DatabaseError, connection, transaction
from django.urls import reverse

import pytest

from jeugdhulp.accounts.roles import Rol
from jeugdhulp.audit import log
from jeugdhulp.audit.models import Actie, AppendOnlyError, Toegangslogregel
from tests.conftest import login_verified


def test_dossier_read_is_logged_with_who_role_what_and_where(client, wereld):
    user = wereld["users"][Rol.CJG_MEDEWERKER]
    login_verified(client, user)
    client.get(reverse("jeugdigen:dossier", args=[wereld["eigen"].pk]), REMOTE_ADDR="10.1.2.3")
    regel = Toegangslogregel.objects.get(actie=Actie.BEKEKEN)
    assert (regel.gebruiker_id, regel.gebruikersnaam, regel.rol) == (user.pk, "cjg", "cjg_medewerker")
    assert (regel.jeugdige_id, regel.jeugdige_bsn, regel.onderwerp) == (
        wereld["eigen"].pk,
        wereld["eigen"].bsn,
        "dossier",
    )
    assert regel.ip_adres == "10.1.2.3"
    assert regel.pad == reverse("jeugdigen:dossier", args=[wereld["eigen"].pk])


def test_list_and_api_reads_are_logged_per_person(client, wereld):
    login_verified(client, wereld["users"][Rol.JEUGDCONSULENT])
    client.get(reverse("jeugdigen:lijst"))
    assert set(Toegangslogregel.objects.values_list("jeugdige_id", flat=True)) == {
        wereld["eigen"].pk,
        wereld["ander_team"].pk,
    }
    before = Toegangslogregel.objects.count()
    client.get(reverse("jeugdige-detail", args=[wereld["ander_team"].pk]))
    assert Toegangslogregel.objects.count() == before + 1
    assert Toegangslogregel.objects.first().onderwerp == "api:jeugdige"


def test_denied_read_writes_no_person_entry(client, wereld):
    login_verified(client, wereld["users"][Rol.CJG_MEDEWERKER])
    response = client.get(reverse("jeugdigen:dossier", args=[wereld["andere_gemeente"].pk]))
    assert response.status_code == 404
    assert not Toegangslogregel.objects.filter(jeugdige=wereld["andere_gemeente"]).exists()


def test_auditor_reading_a_trail_is_itself_logged(client, wereld):
    login_verified(client, wereld["users"][Rol.AUDITOR])
    response = client.get(reverse("audit:jeugdige", args=[wereld["eigen"].pk]))
    assert response.status_code == 200
    assert Toegangslogregel.objects.filter(actie=Actie.LOG_BEKEKEN, jeugdige=wereld["eigen"]).count() == 1


def test_auditor_search_filters_by_bsn(client, wereld):
    log.schrijf(None, Actie.BEKEKEN, wereld["eigen"], gebruiker=wereld["users"][Rol.CJG_MEDEWERKER])
    log.schrijf(None, Actie.BEKEKEN, wereld["ander_team"], gebruiker=wereld["users"][Rol.JEUGDCONSULENT])
    login_verified(client, wereld["users"][Rol.AUDITOR])
    page = client.get(reverse("audit:zoeken"), {"bsn": wereld["eigen"].bsn}).content.decode()
    assert wereld["eigen"].bsn in page
    assert wereld["ander_team"].bsn not in page


@pytest.fixture
def regel(wereld):
    return log.schrijf(None, Actie.BEKEKEN, wereld["eigen"], gebruiker=wereld["users"][Rol.CJG_MEDEWERKER])


def test_orm_cannot_change_or_delete(regel):
    regel.reden = "achteraf verzonnen"
    with pytest.raises(AppendOnlyError):
        regel.save()
    with pytest.raises(AppendOnlyError):
        regel.delete()
    with pytest.raises(AppendOnlyError):
        Toegangslogregel.objects.filter(pk=regel.pk).update(reden="x")
    with pytest.raises(AppendOnlyError):
        Toegangslogregel.objects.all().delete()
    assert Toegangslogregel.objects.get(pk=regel.pk).reden == ""


def test_database_refuses_update_underneath_the_orm(regel):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_toegangslogregel SET reden = 'x' WHERE id = %s", [regel.pk])
    assert Toegangslogregel.objects.get(pk=regel.pk).reden == ""


def test_admin_cannot_change_or_delete_even_as_superuser(client, regel, wereld):
    superuser = wereld["users"][Rol.FUNCTIONEEL_BEHEERDER]
    superuser.is_superuser = True
    superuser.save()
    login_verified(client, superuser)
    change = reverse("admin:audit_toegangslogregel_change", args=[regel.pk])
    delete = reverse("admin:audit_toegangslogregel_delete", args=[regel.pk])
    assert client.get(change).status_code == 200  # view only
    client.post(change, {"reden": "gewijzigd"})
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert client.get(reverse("admin:audit_toegangslogregel_add")).status_code == 403
    regel.refresh_from_db()
    assert regel.reden == ""
    assert Toegangslogregel.objects.filter(pk=regel.pk).exists()


def test_api_offers_no_way_to_change_the_log(client, regel, wereld):
    login_verified(client, wereld["users"][Rol.AUDITOR])
    url = reverse("toegangslog-detail", args=[regel.pk])
    assert client.delete(url).status_code in (403, 405)
    assert client.patch(url, {"reden": "x"}, content_type="application/json").status_code in (403, 405)
    assert Toegangslogregel.objects.get(pk=regel.pk).reden == ""


def test_a_scoped_404_on_a_dossier_is_logged_as_denied(client, wereld):
    login_verified(client, wereld["users"][Rol.CJG_MEDEWERKER])
    pad = reverse("jeugdigen:dossier", args=[wereld["andere_gemeente"].pk])
    assert client.get(pad).status_code == 404
    regel = Toegangslogregel.objects.get(actie=Actie.GEWEIGERD)
    assert (regel.gebruikersnaam, regel.pad, regel.jeugdige_id) == ("cjg", pad, None)
    assert regel.get_actie_display() == "toegang geweigerd"
    assert regel.onderwerp == f"jeugdige pk={wereld['andere_gemeente'].pk} (HTTP 404)"  # which object was probed


def test_a_403_on_person_level_pages_and_the_api_is_logged_as_denied(client, wereld):
    login_verified(client, wereld["users"][Rol.BELEIDSMEDEWERKER])
    assert client.get(reverse("jeugdigen:lijst")).status_code == 403
    assert client.get(reverse("jeugdige-detail", args=[wereld["eigen"].pk])).status_code == 403
    login_verified(client, wereld["users"][Rol.AANBIEDER_MEDEWERKER])
    assert client.get(reverse("jeugdige-detail", args=[wereld["ander_team"].pk])).status_code == 404
    weigeringen = Toegangslogregel.objects.filter(actie=Actie.GEWEIGERD).order_by("pk")
    assert [(r.gebruikersnaam, r.onderwerp) for r in weigeringen] == [
        ("beleid", "jeugdige (HTTP 403)"),
        ("beleid", f"jeugdige pk={wereld['eigen'].pk} (HTTP 403)"),
        ("aanbieder", f"jeugdige pk={wereld['ander_team'].pk} (HTTP 404)"),
    ]


def test_a_403_on_non_personal_pages_is_not_noise_in_the_log(client, wereld):
    login_verified(client, wereld["users"][Rol.CJG_MEDEWERKER])
    assert client.get("/beheer/").status_code == 403
    assert not Toegangslogregel.objects.filter(actie=Actie.GEWEIGERD).exists()


def test_the_auditor_sees_roles_actions_and_steps_in_dutch(client, wereld):
    cjg = wereld["users"][Rol.CJG_MEDEWERKER]
    log.schrijf(None, Actie.GEWIJZIGD, wereld["eigen"], onderwerp="casus 3: verslag", gebruiker=cjg)
    login_verified(client, wereld["users"][Rol.AUDITOR])
    page = client.get(reverse("audit:jeugdige", args=[wereld["eigen"].pk])).content.decode()
    assert "CJG-medewerker" in page and "cjg_medewerker" not in page
    assert "gewijzigd" in page
