"""Following a thema: in-app notifications, the daily digest (who gets what) and the feed per thema."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from base import roles
from casuistry.models import Thema
from notifications.models import Follow, Notification
from notifications.services import follow, send_digests
from organisations.models import Membership, Organisation
from tests.factories import create_casus

pytestmark = pytest.mark.django_db(transaction=True)  # notifications are made after the commit


@pytest.fixture
def organisations(db):
    return {
        "A": Organisation.objects.create(code="GM0001", name="Eén", region="Waardenland"),
        "C": Organisation.objects.create(code="SD0003", name="Drie", region="Noorderkwartier"),
    }


@pytest.fixture
def thema(db):
    return Thema.objects.create(name="Giften en leningen")


def reader(make_user, organisation, name, *, email=True):
    user = make_user(roles.CONSULENT, username=name)
    user.email = f"{name}@example.org" if email else ""
    user.save()
    Membership.objects.create(user=user, organisation=organisation)
    return user


def publish(title, organisatie, deelniveau, regeling="Participatiewet"):
    return create_casus(
        title=title, thema="Giften en leningen", organisatie=organisatie, deelniveau=deelniveau, regeling=regeling
    )


def test_followers_who_may_see_a_published_casus_are_notified_once(make_user, organisations, thema):
    own, other = reader(make_user, organisations["A"], "anna"), reader(make_user, organisations["C"], "chris")
    bystander = reader(make_user, organisations["A"], "bert")  # follows nothing
    for user in (own, other):
        follow(user=user, thema=thema)
    secret = publish("Alleen voor Eén", "GM0001", "organisatie")
    shared = publish("Voor iedereen", "GM0001", "landelijk")
    assert set(Notification.objects.filter(user=own).values_list("page_id", flat=True)) == {secret.pk, shared.pk}
    assert list(Notification.objects.filter(user=other).values_list("page_id", flat=True)) == [shared.pk]
    assert not Notification.objects.filter(user=bystander).exists()
    shared.save_revision().publish()  # publishing again notifies nobody twice
    assert Notification.objects.filter(user=own).count() == 2


def test_a_follow_for_one_regeling_ignores_the_others(make_user, organisations, thema):
    user = reader(make_user, organisations["A"], "anna")
    follow(user=user, thema=thema, regeling="IOAW")
    publish("Participatiewet-casus", "GM0001", "organisatie")
    ioaw = publish("IOAW-casus", "GM0001", "organisatie", regeling="IOAW")
    assert list(Notification.objects.filter(user=user).values_list("page_id", flat=True)) == [ioaw.pk]


def test_the_daily_digest_sends_each_reader_their_own_items_once(make_user, organisations, thema):
    own, other = reader(make_user, organisations["A"], "anna"), reader(make_user, organisations["C"], "chris")
    silent = reader(make_user, organisations["A"], "geenmail", email=False)
    for user in (own, other, silent):
        follow(user=user, thema=thema)
    publish("Alleen voor Eén", "GM0001", "organisatie")
    publish("Voor iedereen", "GM0001", "landelijk")
    call_command("verstuur_meldingen")
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert set(by_recipient) == {"anna@example.org", "chris@example.org"}
    assert "Alleen voor Eén" in by_recipient["anna@example.org"].body
    assert "Voor iedereen" in by_recipient["anna@example.org"].body
    assert "Alleen voor Eén" not in by_recipient["chris@example.org"].body
    assert "Giften en leningen" in by_recipient["chris@example.org"].body
    mail.outbox.clear()
    assert send_digests() == 0 and mail.outbox == []  # nothing new: no second mail


def test_a_casus_that_became_invisible_is_left_out_of_the_digest_and_the_list(client, make_user, organisations, thema):
    other = reader(make_user, organisations["C"], "chris")
    follow(user=other, thema=thema)
    casus = publish("Eerst gedeeld", "GM0001", "landelijk")
    type(casus).objects.filter(pk=casus.pk).update(deelniveau="organisatie")
    assert send_digests() == 0
    client.force_login(other)
    assert "Eerst gedeeld" not in client.get(reverse("notifications:meldingen")).content.decode()


def test_the_meldingen_page_follows_lists_and_marks_read(client, make_user, organisations, thema):
    user = reader(make_user, organisations["A"], "anna")
    client.force_login(user)
    response = client.post(reverse("notifications:volgen"), {"thema": thema.pk, "regeling": ""})
    assert response.status_code == 302 and Follow.objects.filter(user=user, thema=thema).exists()
    assert client.post(reverse("notifications:volgen"), {"thema": 999999}).status_code == 302
    publish("Nieuw precedent", "GM0001", "organisatie")
    home = client.get("/").content.decode()
    assert 'class="utrecht-badge-counter">1<' in home
    page = client.get(reverse("notifications:meldingen")).content.decode()
    assert "Nieuw precedent" in page and "nieuw</span>" in page
    assert Notification.objects.get(user=user).read_at is not None
    client.post(reverse("notifications:ontvolgen", args=[Follow.objects.get(user=user).pk]))
    assert not Follow.objects.filter(user=user).exists()


def test_the_casus_index_offers_to_follow_the_chosen_thema(client, make_user, organisations, thema):
    client.force_login(reader(make_user, organisations["A"], "anna"))
    assert "Volg het thema" not in client.get("/casus/").content.decode()
    page = client.get("/casus/", {"thema": thema.slug}).content.decode()
    assert f'name="thema" value="{thema.pk}"' in page and "Volg het thema Giften en leningen" in page


def test_the_atom_feed_per_thema_needs_a_login_and_shows_only_visible_casus(client, make_user, organisations, thema):
    publish("Alleen voor Eén", "GM0001", "organisatie")
    publish("Voor iedereen", "GM0001", "landelijk")
    url = reverse("notifications:thema_feed", args=[thema.slug])
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(reader(make_user, organisations["C"], "chris"))
    feed = client.get(url)
    assert feed["Content-Type"].startswith("application/atom+xml")
    body = feed.content.decode()
    assert "Voor iedereen" in body and "Alleen voor Eén" not in body
    assert client.get(reverse("notifications:thema_feed", args=["bestaat-niet"])).status_code == 404
