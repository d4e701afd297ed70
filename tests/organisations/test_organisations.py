"""Organisations: `koppel_organisatie`, the admin inside one organisation, and import ownership."""

import json

import pytest
from django.core.management import CommandError, call_command

from base import roles
from casuistry.models import CasusPage
from casuistry.services.import_export import ImportRejected, import_casus
from organisations.models import Membership, Organisation
from tests.factories import casus_record, jsonl

pytestmark = pytest.mark.django_db


def test_koppel_organisatie_creates_the_organisation_and_links_the_user(make_user, capsys):
    user = make_user(roles.CONSULENT, username="anna")
    call_command("koppel_organisatie", "anna", "GM0034", "--naam", "Gemeente Almere", "--regio", "Flevoland")
    organisation = Organisation.objects.get(code="GM0034")
    assert (organisation.name, organisation.region) == ("Gemeente Almere", "Flevoland")
    assert Membership.objects.get(user=user).organisation == organisation
    assert "aangemaakt" in capsys.readouterr().out
    other = Organisation.objects.create(code="GM0035", name="Gemeente Twee", region="Flevoland")
    call_command("koppel_organisatie", "anna", "GM0035")  # existing organisation: no name needed
    assert Membership.objects.get(user=user).organisation == other  # one organisation per user


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["niemand", "GM0034", "--naam", "Gemeente X"], "Gebruiker 'niemand' bestaat niet."),
        (["anna", "GM0099"], "Organisatie GM0099 bestaat nog niet: geef ook een naam (--naam)."),
        (["anna", "gm-34", "--naam", "X"], "code: Gebruik twee hoofdletters"),
    ],
)
def test_koppel_organisatie_errors_are_dutch_and_write_nothing(make_user, args, message):
    make_user(roles.CONSULENT, username="anna")
    with pytest.raises(CommandError, match=message.split(":")[0]) as raised:
        call_command("koppel_organisatie", *args)
    assert message in str(raised.value)
    assert not Organisation.objects.exists() and not Membership.objects.exists()


@pytest.fixture
def two_organisations(db):
    return (
        Organisation.objects.create(code="GM0001", name="Eén", region="R"),
        Organisation.objects.create(code="GM0002", name="Twee", region="R"),
    )


def test_a_beheerder_lists_and_edits_only_users_of_their_own_organisation(client, make_user, two_organisations):
    own, other = two_organisations
    beheerder = make_user(roles.BEHEERDER, username="beheerder1")
    colleague = make_user(roles.CONSULENT, username="collega1")
    stranger = make_user(roles.CONSULENT, username="vreemde2")
    for user, organisation in ((beheerder, own), (colleague, own), (stranger, other)):
        Membership.objects.create(user=user, organisation=organisation)
    client.force_login(beheerder)
    listing = client.get("/admin/users/").content.decode()
    assert "collega1" in listing and "vreemde2" not in listing
    assert client.get(f"/admin/users/edit/{colleague.pk}/").status_code == 200
    assert client.get(f"/admin/users/edit/{stranger.pk}/").status_code == 404
    assert client.get(f"/admin/users/delete/{stranger.pk}/").status_code == 404
    response = client.post(
        "/admin/users/new/",
        {
            "username": "nieuwkomer",
            "email": "nieuwkomer@example.org",
            "first_name": "Nieuw",
            "last_name": "Komer",
            "password1": "een-lang-wachtwoord-42",
            "password2": "een-lang-wachtwoord-42",
        },
    )
    assert response.status_code == 302
    assert Membership.objects.get(user__username="nieuwkomer").organisation == own


def test_import_assigns_the_given_organisation_and_validates_codes(two_organisations):
    own, _ = two_organisations
    import_casus(lines=jsonl([casus_record(external_id="V1-1")]), organisation="GM0001")  # a v1 record
    casus = CasusPage.objects.get(external_id="V1-1")
    assert (casus.organisation, casus.deelniveau) == (own, "organisatie")
    with pytest.raises(ImportRejected) as unknown:
        import_casus(lines=jsonl([casus_record(external_id="V1-2", organisatie="GM0777")]))
    assert [str(e) for e in unknown.value.errors] == ["regel 1: organisatie: onbekende organisatiecode"]
    with pytest.raises(ImportRejected) as missing:
        import_casus(lines=jsonl([casus_record(external_id="V1-3")]))
    assert [str(e) for e in missing.value.errors] == ["regel 1: organisatie: ontbreekt; geef --organisatie CODE"]
    with pytest.raises(ImportRejected) as bad:
        import_casus(lines=jsonl([casus_record(external_id="V1-4", organisatie="GM0001", deelniveau="wereld")]))
    assert "regel 1: deelniveau" in str(bad.value.errors[0])
    assert not CasusPage.objects.filter(external_id__in=["V1-2", "V1-3", "V1-4"]).exists()


def test_import_command_takes_organisatie_and_rejects_an_unknown_code(tmp_path, two_organisations):
    path = tmp_path / "casus.jsonl"
    path.write_text(json.dumps(casus_record(external_id="CMD-1", deelniveau="regio")) + "\n", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_casus", str(path), "--organisatie", "GM0404")
    call_command("import_casus", str(path), "--organisatie", "GM0002")
    casus = CasusPage.objects.get(external_id="CMD-1")
    assert (casus.organisation.code, casus.deelniveau) == ("GM0002", "regio")


def test_a_member_writes_only_their_own_organisations_casus(two_organisations, make_user):
    own, other = two_organisations
    redacteur = make_user(roles.REDACTEUR, username="redacteur1")
    Membership.objects.create(user=redacteur, organisation=own)
    import_casus(lines=jsonl([casus_record(external_id="EIGEN-1")]), user=redacteur)
    assert CasusPage.objects.get(external_id="EIGEN-1").organisation == own
    import_casus(lines=jsonl([casus_record(external_id="ANDER-1", organisatie="GM0002")]))  # the operator
    with pytest.raises(ImportRejected) as foreign:
        import_casus(lines=jsonl([casus_record(external_id="X-1", organisatie="GM0002")]), user=redacteur)
    assert "u legt alleen casus van uw eigen organisatie vast" in str(foreign.value.errors[0])
    with pytest.raises(ImportRejected) as taken:
        import_casus(lines=jsonl([casus_record(external_id="ANDER-1", title="Overgenomen")]), user=redacteur)
    assert "dit kenmerk hoort bij een andere organisatie" in str(taken.value.errors[0])
    assert CasusPage.objects.get(external_id="ANDER-1").organisation == other


def test_an_editor_cannot_open_another_organisations_casus_in_the_admin(client, two_organisations, make_user):
    own, other = two_organisations
    import_casus(lines=jsonl([casus_record(external_id="A-1", organisatie="GM0001")]))
    import_casus(lines=jsonl([casus_record(external_id="B-1", organisatie="GM0002", deelniveau="landelijk")]))
    redacteur = make_user(roles.REDACTEUR, username="redacteur1")
    Membership.objects.create(user=redacteur, organisation=own)
    client.force_login(redacteur)
    mine, theirs = CasusPage.objects.get(external_id="A-1"), CasusPage.objects.get(external_id="B-1")
    assert client.get(f"/admin/pages/{mine.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{theirs.pk}/edit/").status_code == 404
    assert client.get(f"/admin/pages/{theirs.pk}/delete/").status_code == 404
    explorer = client.get(f"/admin/pages/{mine.get_parent().pk}/").content.decode()
    assert mine.title in explorer and f"/admin/pages/{theirs.pk}/edit/" not in explorer


def test_reimporting_a_v1_file_with_its_organisation_changes_nothing(two_organisations):
    lines = jsonl([casus_record(external_id="HER-1")])
    assert import_casus(lines=lines, organisation="GM0001").created == 1
    again = import_casus(lines=lines, organisation="GM0001")
    assert (again.unchanged, again.updated) == (1, 0)
    moved = import_casus(lines=lines, organisation="GM0002")  # another owner is a change
    assert moved.updated == 1 and CasusPage.objects.get(external_id="HER-1").organisation.code == "GM0002"


def test_without_organisations_a_beheerder_manages_every_user_as_before(client, make_user):
    beheerder = make_user(roles.BEHEERDER, username="beheerder1")
    other = make_user(roles.CONSULENT, username="collega1")
    client.force_login(beheerder)
    assert "collega1" in client.get("/admin/users/").content.decode()
    assert client.get(f"/admin/users/edit/{other.pk}/").status_code == 200
    Organisation.objects.create(code="GM0001", name="Eén", region="")
    assert client.get(f"/admin/users/edit/{other.pk}/").status_code == 404  # now: only after linking
