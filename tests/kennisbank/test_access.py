import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page

from base import roles
from casuistry.models import CasusIndexPage
from tests.factories import BegripFactory, KennisartikelPageFactory, create_casus

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_urls():
    casus = create_casus(external_id="ACC-1")
    article = KennisartikelPageFactory(title="Drietrapstoets", slug="drietrapstoets")
    BegripFactory(term="Inlichtingenplicht", definition="Alles melden wat ertoe doet.")
    return [
        "/",
        "/casus/",
        "/casus/?q=giften",
        casus.url,
        "/zoeken/?q=boete",
        "/kennis/",
        article.url,
        "/begrippen/",
        "/begrippen/inlichtingenplicht/",
    ]


def test_every_page_requires_a_login(client, site_urls):
    for url in site_urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/login/?next="), url


def test_logged_in_staff_can_read_every_page(client, site_urls, make_user):
    client.force_login(make_user(roles.NIEUWE_MEDEWERKER))
    for url in site_urls:
        assert client.get(url).status_code == 200, url


def test_admin_requires_its_own_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_login_page_and_health_are_open_and_health_reveals_nothing(client):
    assert client.get("/accounts/login/").status_code == 200
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_login_with_a_wrong_password_says_so_in_dutch(client, make_user):
    make_user(roles.CONSULENT, username="marieke")
    response = client.post("/accounts/login/", {"username": "marieke", "password": "fout"})
    assert "Gebruikersnaam of wachtwoord is onjuist" in response.content.decode()


def test_the_six_roles_exist_with_exact_names():
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "Consulent",
        "Redacteur",
        "Jurist",
        "Trainer",
        "Nieuwe medewerker",
        "Beheerder",
    }


def permissions(user, page):
    return page.permissions_for_user(user)


def test_consulent_drafts_casus_but_cannot_publish(make_user):
    user = make_user(roles.CONSULENT)
    index = CasusIndexPage.objects.get()
    casus = create_casus()

    assert user.has_perm("wagtailadmin.access_admin")
    assert permissions(user, index).can_add_subpage()
    assert not permissions(user, casus).can_publish()
    assert not permissions(user, Page.objects.get(slug="kennis")).can_add_subpage()


def test_redacteur_publishes_casus_articles_and_curates_themes_and_begrippen(make_user):
    user = make_user(roles.REDACTEUR)
    casus = create_casus()

    assert permissions(user, casus).can_publish()
    assert permissions(user, Page.objects.get(slug="kennis")).can_add_subpage()
    assert user.has_perm("casuistry.change_thema") and user.has_perm("glossary.add_begrip")
    assert not user.has_perm("auth.change_user")


def test_jurist_edits_casus_but_does_not_publish(make_user):
    user = make_user(roles.JURIST)
    casus = create_casus()

    assert permissions(user, casus).can_edit()
    assert not permissions(user, casus).can_publish()
    assert not user.has_perm("casuistry.change_thema")


def test_nieuwe_medewerker_reads_only(make_user):
    user = make_user(roles.NIEUWE_MEDEWERKER)
    casus = create_casus()

    assert not user.has_perm("wagtailadmin.access_admin")
    assert not permissions(user, casus).can_edit()


def test_beheerder_manages_users_and_all_pages(make_user):
    user = make_user(roles.BEHEERDER)
    casus = create_casus()

    assert user.has_perm("auth.add_user") and user.has_perm("auth.change_user")
    assert permissions(user, casus).can_publish()


def test_consulent_cannot_publish_through_the_admin(client, make_user):
    user = make_user(roles.CONSULENT)
    client.force_login(user)
    index = CasusIndexPage.objects.get()

    response = client.get(f"/admin/pages/add/casuistry/casuspage/{index.pk}/")

    assert response.status_code == 200
    assert 'name="action-publish"' not in response.content.decode()
