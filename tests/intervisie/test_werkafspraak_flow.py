"""A werkafspraak flows from the session record into the kennisbank, linked to its casus and thema."""

import pytest
from django.urls import reverse
from intervisie_helpers import answer

from base import roles
from intervisie.models import Werkafspraak, WerkafspraakPage, WerkafsprakenIndexPage
from intervisie.selectors.sessions import open_werkafspraken_for, pending_proposals
from intervisie.services import sessions as services

pytestmark = pytest.mark.django_db


def test_from_session_to_published_page(client, open_session, participants, trainer, casus, make_user):
    services.record_judgement(session=open_session, user=participants[0], answers=answer())
    services.reveal(session=open_session, user=trainer)

    client.force_login(trainer)
    client.post(
        reverse("intervisie:add_werkafspraak", args=[open_session.pk]),
        {
            "title": "Eenmalige gift: eerst uitleg",
            "text": "Bij een eenmalige kleine gift geven wij uitleg en een waarschuwing.",
            "rationale": "Een boete helpt niet bij onwetendheid.",
        },
    )
    werkafspraak = Werkafspraak.objects.get()
    assert werkafspraak.status == "afgesproken"
    assert list(open_werkafspraken_for(participants[1])) == [werkafspraak]

    client.post(reverse("intervisie:propose", args=[werkafspraak.pk]))
    werkafspraak.refresh_from_db()
    page = werkafspraak.page
    assert werkafspraak.status == "voorgesteld"
    assert not page.live
    assert page.get_parent().specific_class is WerkafsprakenIndexPage
    assert page.casus_id == casus.pk and page.thema_id == casus.thema_id and page.session_id == open_session.pk
    assert page.afspraak == "Bij een eenmalige kleine gift geven wij uitleg en een waarschuwing."
    assert client.get(page.url or "/werkafspraken/eenmalige-gift-eerst-uitleg/").status_code == 404  # draft
    assert "Eenmalige gift" not in client.get("/werkafspraken/").content.decode()

    redacteur = make_user(roles.REDACTEUR, username="redactie")
    client.force_login(redacteur)
    index = client.get(reverse("intervisie:index")).content.decode()
    assert "Voorgestelde werkafspraken ter beoordeling" in index and "Eenmalige gift: eerst uitleg" in index
    assert list(pending_proposals()) == [werkafspraak]

    response = client.post(reverse("intervisie:publish", args=[page.pk]))
    page = WerkafspraakPage.objects.get(pk=page.pk)
    assert page.live
    assert response["Location"] == page.url == "/werkafspraken/eenmalige-gift-eerst-uitleg/"
    assert list(pending_proposals()) == []
    werkafspraak.refresh_from_db()
    assert werkafspraak.status == "gepubliceerd"
    assert list(open_werkafspraken_for(participants[1])) == []

    client.force_login(make_user(roles.NIEUWE_MEDEWERKER, username="nieuwkomer"))
    detail = client.get(page.url).content.decode()
    assert "Bij een eenmalige kleine gift" in detail
    assert casus.url in detail  # linked to the casus it came from
    assert f"/casus/?thema={casus.thema.slug}" in detail  # and to its thema
    listing = client.get(f"/werkafspraken/?thema={casus.thema.slug}").content.decode()
    assert "Eenmalige gift: eerst uitleg" in listing


def test_proposing_twice_is_refused(open_session, participants, trainer):
    from intervisie.services.errors import IntervisieError
    from intervisie.services.werkafspraken import propose_werkafspraak

    services.record_judgement(session=open_session, user=participants[0], answers=answer())
    services.reveal(session=open_session, user=trainer)
    werkafspraak = services.add_werkafspraak(session=open_session, user=trainer, title="A", text="Afspraak A.")
    propose_werkafspraak(werkafspraak=werkafspraak, user=trainer)
    with pytest.raises(IntervisieError, match="al voorgesteld"):
        propose_werkafspraak(werkafspraak=werkafspraak, user=trainer)


def test_werkafspraken_index_is_recreated_when_missing(open_session, participants, trainer):
    from intervisie.services.werkafspraken import propose_werkafspraak

    WerkafsprakenIndexPage.objects.all().delete()
    services.record_judgement(session=open_session, user=participants[0], answers=answer())
    services.reveal(session=open_session, user=trainer)
    werkafspraak = services.add_werkafspraak(session=open_session, user=trainer, title="B", text="Afspraak B.")
    page = propose_werkafspraak(werkafspraak=werkafspraak, user=trainer)
    assert page.get_parent().url_path == "/home/werkafspraken/"
