"""Leerpaden: ordering, progress and resume, hidden outcomes, permissions, the trainer overview, the demo."""

import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from base import roles
from leerpaden import selectors, services
from leerpaden.models import LeerpadPage, LeerpadStap, LeerpadVoortgang, StapSoort, StapVoortgang
from tests.factories import KennisartikelPageFactory, create_casus

pytestmark = pytest.mark.django_db

JUDGEMENT = {
    "bewustheid": "onbewust",
    "verwijtbaarheid": "verminderd",
    "context_weging": "enigszins",
    "impact_weging": "sanctie schaadt",
    "uitkomst": "waarschuwing",
    "toelichting": "",
}
CASUS_REDENERING = "Zij wist niet dat een betaling door haar tante gemeld moest worden."


@pytest.fixture
def artikel(db):
    page = KennisartikelPageFactory(
        title="De drietrapstoets",
        slug="drietrapstoets-test",
        intro="Drie vragen voor een sanctie.",
        body=[("paragraph", "<p>Bewust of onbewust, context, impact.</p>")],
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def oefencasus(db):
    page = create_casus(
        external_id="LP-1",
        title="Tante betaalde de energierekening",
        thema="Giften en leningen",
        uitkomst="waarschuwing",
        drietrapstoets={
            "bewust_onbewust": CASUS_REDENERING,
            "context_perspectief": "Zij had schulden en weinig overzicht.",
            "maatschappelijke_impact": "Een boete vergroot de schulden.",
        },
    )
    type(page).objects.filter(pk=page.pk).update(verwijtbaarheid="verminderd")
    page.refresh_from_db()
    return page


@pytest.fixture
def leerpad(artikel, oefencasus):
    index = services.leerpaden_index()
    page = LeerpadPage(title="Korte kennismaking", slug="korte-kennismaking", intro="Een kort leerpad om te testen.")
    page.stappen = [
        LeerpadStap(soort=StapSoort.LEZEN, titel="Lees de drietrapstoets", artikel=artikel, minuten=10, sort_order=0),
        LeerpadStap(
            soort=StapSoort.OEFENEN, titel="Wat zou jij besluiten?", casus=oefencasus, minuten=15, sort_order=1
        ),
        LeerpadStap(
            soort=StapSoort.REFLECTIE, titel="Terugblik", vraag="Wat nam u mee uit deze casus?", minuten=5, sort_order=2
        ),
    ]
    index.add_child(instance=page)
    page.save_revision().publish()
    return LeerpadPage.objects.get(pk=page.pk)


@pytest.fixture
def nieuw(make_user):
    return make_user(roles.NIEUWE_MEDEWERKER, username="nieuw_a")


@pytest.fixture
def trainer(make_user):
    return make_user(roles.TRAINER, username="trainer_lp")


def stap_url(leerpad, nummer):
    return leerpad.url + leerpad.reverse_subpage("stap", kwargs={"nummer": nummer})


def route_url(leerpad, name):
    return leerpad.url + leerpad.reverse_subpage(name)


def step(leerpad, nummer):
    return selectors.step_by_number(leerpad, nummer)


# --- ordering -------------------------------------------------------------------------------------


def test_steps_keep_their_order_and_the_path_adds_up_the_time(leerpad):
    progress = selectors.path_progress(leerpad, AnonymousUser())
    assert [s.stap.titel for s in progress.stappen] == ["Lees de drietrapstoets", "Wat zou jij besluiten?", "Terugblik"]
    assert [s.nummer for s in progress.stappen] == [1, 2, 3]
    assert progress.minuten == 30 == leerpad.minuten
    assert selectors.step_by_number(leerpad, 4) is None and selectors.step_by_number(leerpad, 0) is None


def test_reordering_in_the_admin_changes_the_step_numbers(leerpad):
    eerste, tweede, derde = (step(leerpad, n) for n in (1, 2, 3))
    LeerpadStap.objects.filter(pk=derde.pk).update(sort_order=-1)
    assert [step(leerpad, n).pk for n in (1, 2, 3)] == [derde.pk, eerste.pk, tweede.pk]


def test_a_step_needs_the_content_of_its_kind():
    with pytest.raises(ValidationError) as error:
        LeerpadStap(soort=StapSoort.OEFENEN, titel="Oefenen zonder casus").clean()
    assert "Kies de casus" in str(error.value)
    with pytest.raises(ValidationError):
        LeerpadStap(soort=StapSoort.REFLECTIE, titel="Zonder vraag", vraag=" ").clean()
    with pytest.raises(ValidationError):
        LeerpadStap(soort=StapSoort.LEZEN, titel="Zonder artikel").clean()


def test_the_index_page_exists_at_leerpaden_and_is_idempotent(db):
    first = services.leerpaden_index()
    assert first.url_path == "/home/leerpaden/" and first.live
    assert services.leerpaden_index().pk == first.pk


# --- progress -------------------------------------------------------------------------------------


def test_a_new_hire_goes_from_the_first_step_to_completion(client, leerpad, nieuw):
    client.force_login(nieuw)
    response = client.get(route_url(leerpad, "verder"))
    assert response.url == stap_url(leerpad, 1)
    assert "Drie vragen voor een sanctie." in client.get(stap_url(leerpad, 1)).content.decode()
    voortgang = LeerpadVoortgang.objects.get(user=nieuw, leerpad=leerpad)
    assert voortgang.completed_at is None and voortgang.laatste_stap == step(leerpad, 1)

    response = client.post(stap_url(leerpad, 1))
    assert response.url == stap_url(leerpad, 2)
    response = client.post(stap_url(leerpad, 2), JUDGEMENT)
    assert response.status_code == 302
    response = client.post(stap_url(leerpad, 3), {"antwoord": "Dat een kleine gift zelden bewust verzwegen wordt."})
    assert response.url == leerpad.url
    progress = selectors.path_progress(leerpad, nieuw)
    assert progress.is_completed and progress.n_done == 3 and progress.volgende is None
    assert LeerpadVoortgang.objects.get(user=nieuw, leerpad=leerpad).completed_at is not None
    page = client.get(leerpad.url).content.decode()
    assert "U hebt dit leerpad afgerond." in page


def test_progress_survives_logging_out_and_in_and_resumes_at_the_next_step(client, leerpad, nieuw):
    client.force_login(nieuw)
    client.get(stap_url(leerpad, 1))
    client.post(stap_url(leerpad, 1))
    client.get(stap_url(leerpad, 2))  # opened, not answered
    client.logout()
    client.login(username="nieuw_a", password="geheim-wachtwoord")
    progress = selectors.path_progress(leerpad, nieuw)
    assert [s.status for s in progress.stappen] == ["afgerond", "gestart", "open"]
    assert progress.volgende.nummer == 2 and progress.percent == 33
    assert client.get(route_url(leerpad, "verder")).url == stap_url(leerpad, 2)
    page = client.get(leerpad.url).content.decode()
    assert "Volgende stap" in page and "Verder met stap 2" in page


def test_completing_a_later_step_first_resumes_at_the_earliest_open_step(leerpad, nieuw):
    services.answer_reflection(user=nieuw, stap=step(leerpad, 3), antwoord="Een eerste gedachte over de casus.")
    progress = selectors.path_progress(leerpad, nieuw)
    assert progress.volgende.nummer == 1 and not progress.is_completed


def test_reflection_answers_are_pseudonymised_and_validated(leerpad, nieuw):
    with pytest.raises(services.LeerpadError, match="minstens tien tekens"):
        services.answer_reflection(user=nieuw, stap=step(leerpad, 3), antwoord="kort")
    services.answer_reflection(
        user=nieuw, stap=step(leerpad, 3), antwoord="Mevrouw Jansen vertelde Piet de Vries over de gift van familie."
    )
    antwoord = StapVoortgang.objects.get(user=nieuw, stap=step(leerpad, 3)).antwoord
    assert "Jansen" not in antwoord and "Piet de Vries" not in antwoord and "gift van familie" in antwoord


def test_an_incomplete_practice_answer_gets_a_dutch_message(client, leerpad, nieuw):
    client.force_login(nieuw)
    response = client.post(stap_url(leerpad, 2), {"bewustheid": "onbewust"})
    assert response.status_code == 400
    assert "Kies een antwoord bij" in response.content.decode()
    assert not StapVoortgang.objects.filter(user=nieuw, completed_at__isnull=False).exists()


# --- hidden outcome -------------------------------------------------------------------------------


def test_the_outcome_is_hidden_until_the_learner_answered(client, leerpad, nieuw, make_user):
    other = make_user(roles.CONSULENT, username="collega_lp")
    services.answer_practice(user=other, stap=step(leerpad, 2), judgement={**JUDGEMENT, "uitkomst": "boete"})
    client.force_login(nieuw)
    before = client.get(stap_url(leerpad, 2)).content.decode()
    assert "Wat zou jij besluiten?" in before and "Tante betaalde de energierekening" in before
    assert "Wat er in de casus besloten is" not in before
    assert CASUS_REDENERING not in before
    assert "Hoe collega" not in before and oefencasus_url(leerpad) not in before
    assert selectors.practice_results(step(leerpad, 2), nieuw) is None

    client.post(stap_url(leerpad, 2), JUDGEMENT)
    after = client.get(stap_url(leerpad, 2)).content.decode()
    assert "Wat er in de casus besloten is" in after and CASUS_REDENERING in after
    assert "Hoe collega" in after and "collega_lp" not in after  # a distribution, no names
    results = selectors.practice_results(step(leerpad, 2), nieuw)
    assert results.n_answers == 2
    uitkomst = results.headline
    assert {o.value: o.count for o in uitkomst.options if o.count} == {"waarschuwing": 1, "boete": 1}
    assert next(o for o in uitkomst.options if o.value == "waarschuwing").is_actual


def oefencasus_url(leerpad):
    return step(leerpad, 2).casus.url


def test_a_practice_answer_counts_once(leerpad, nieuw):
    services.answer_practice(user=nieuw, stap=step(leerpad, 2), judgement=JUDGEMENT)
    with pytest.raises(services.LeerpadError, match="al beantwoord"):
        services.answer_practice(user=nieuw, stap=step(leerpad, 2), judgement={**JUDGEMENT, "uitkomst": "boete"})
    assert StapVoortgang.objects.get(user=nieuw, stap=step(leerpad, 2)).uitkomst == "waarschuwing"


# --- permissions ----------------------------------------------------------------------------------


def test_a_new_hire_sees_only_their_own_progress(client, leerpad, nieuw, make_user):
    other = make_user(roles.NIEUWE_MEDEWERKER, username="andere_nieuwe")
    services.answer_reflection(user=other, stap=step(leerpad, 3), antwoord="Geheime gedachte van een collega.")
    services.complete_step(user=other, stap=step(leerpad, 1))
    client.force_login(nieuw)
    assert client.get(route_url(leerpad, "overzicht")).status_code == 403
    page = client.get(leerpad.url).content.decode()
    assert "0 van 3 stappen afgerond" in page and "andere_nieuwe" not in page
    assert "Voortgang van alle deelnemers" not in page
    reflectie = client.get(stap_url(leerpad, 3)).content.decode()
    assert "Geheime gedachte van een collega." not in reflectie
    assert selectors.path_progress(leerpad, nieuw).n_done == 0


def test_trainers_see_everyones_progress(client, leerpad, nieuw, trainer):
    services.complete_step(user=nieuw, stap=step(leerpad, 1))
    client.force_login(trainer)
    response = client.get(route_url(leerpad, "overzicht"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "nieuw_a" in page and "1 van 3 (33%)" in page
    assert "Voortgang van alle deelnemers" in client.get(leerpad.url).content.decode()


def test_anonymous_visitors_must_log_in(client, leerpad):
    response = client.get(stap_url(leerpad, 1))
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_trainers_and_redacteuren_may_build_paths_in_the_admin(leerpad, trainer, make_user, nieuw):
    index = services.leerpaden_index()
    redacteur = make_user(roles.REDACTEUR, username="redacteur_lp")
    for user in (trainer, redacteur):
        assert index.permissions_for_user(user).can_add_subpage()
        assert leerpad.permissions_for_user(user).can_publish()
    assert not index.permissions_for_user(nieuw).can_add_subpage()


def test_a_trainer_opens_the_admin_form_for_a_new_path(client, trainer):
    index = services.leerpaden_index()
    client.force_login(trainer)
    response = client.get(f"/admin/pages/add/leerpaden/leerpadpage/{index.pk}/")
    assert response.status_code == 200
    assert "Stappen (in volgorde)" in response.content.decode()


def test_a_trainer_builds_and_publishes_a_path_in_the_admin(client, trainer, oefencasus):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    index = services.leerpaden_index()
    client.force_login(trainer)
    data = nested_form_data(
        {
            "title": "Door de trainer gemaakt",
            "slug": "door-de-trainer-gemaakt",
            "intro": "Een leerpad uit het beheer.",
            "doelgroep": "",
            "stappen": inline_formset(
                [
                    {
                        "soort": "oefenen",
                        "titel": "Oefen",
                        "uitleg": "",
                        "casus": oefencasus.pk,
                        "vraag": "",
                        "minuten": 15,
                        "artikel": "",
                    },
                    {
                        "soort": "reflectie",
                        "titel": "Terugblik",
                        "uitleg": "",
                        "casus": "",
                        "vraag": "Wat leerde u?",
                        "minuten": 5,
                        "artikel": "",
                    },
                ]
            ),
            "action-publish": "publish",
        }
    )
    response = client.post(f"/admin/pages/add/leerpaden/leerpadpage/{index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = LeerpadPage.objects.get(slug="door-de-trainer-gemaakt")
    assert page.live and [s.titel for s in selectors.steps_of(page)] == ["Oefen", "Terugblik"]
    assert page.minuten == 20


# --- trainer overview -----------------------------------------------------------------------------


def test_trainer_overview_figures(leerpad, make_user, oefencasus):
    a, b, c = (make_user(roles.NIEUWE_MEDEWERKER, username=f"leerling{n}") for n in (1, 2, 3))
    eerste, oefenen, reflectie = (step(leerpad, n) for n in (1, 2, 3))
    # a: everything, practice matches the casus
    services.complete_step(user=a, stap=eerste)
    services.answer_practice(user=a, stap=oefenen, judgement=JUDGEMENT)
    services.answer_reflection(user=a, stap=reflectie, antwoord="Een kleine gift is zelden bewust.")
    # b: two steps, practice differs (boete, volledig verwijtbaar)
    services.complete_step(user=b, stap=eerste)
    services.answer_practice(
        user=b, stap=oefenen, judgement={**JUDGEMENT, "uitkomst": "boete", "verwijtbaarheid": "volledig"}
    )
    # c: only opened the first step
    services.open_step(user=c, stap=eerste)

    overview = selectors.path_overview(leerpad)
    assert overview.n_started == 3 and overview.n_completed == 1 and overview.n_steps == 3
    rows = {r.naam: r for r in overview.learners}
    assert (rows["leerling1"].percent, rows["leerling2"].percent, rows["leerling3"].percent) == (100, 67, 0)
    assert rows["leerling2"].volgende == "3. Terugblik" and rows["leerling3"].volgende == "1. Lees de drietrapstoets"
    assert overview.mean_percent == 56
    [row] = overview.practice
    assert row.n == 2 and row.matches == 1 and row.match_percent == "50%" and row.verwijtbaar_percent == "50%"
    assert row.actual_label == "Waarschuwing" and dict(row.outcomes) == {"Waarschuwing": 1, "Boete": 1}
    assert row.is_signal and overview.signals == [row]


def test_practice_rows_are_sorted_with_the_largest_difference_first(leerpad, make_user, oefencasus):
    tweede_casus = create_casus(external_id="LP-2", title="Bijbaan niet opgegeven", uitkomst="boete")
    extra = LeerpadStap.objects.create(
        leerpad=leerpad, soort=StapSoort.OEFENEN, titel="Bijbaan", casus=tweede_casus, sort_order=10
    )
    for n in range(3):
        user = make_user(roles.NIEUWE_MEDEWERKER, username=f"sorteer{n}")
        services.answer_practice(user=user, stap=step(leerpad, 2), judgement=JUDGEMENT)  # all match
        services.answer_practice(user=user, stap=extra, judgement=JUDGEMENT)  # none match (boete)
    overview = selectors.path_overview(leerpad)
    assert [r.stap.pk for r in overview.practice] == [extra.pk, step(leerpad, 2).pk]
    assert [r.match_percent for r in overview.practice] == ["0%", "100%"]
    assert overview.signals == [overview.practice[0]]


# --- home page and demo ---------------------------------------------------------------------------


def test_a_new_hires_home_page_shows_their_paths_first(client, leerpad, nieuw, make_user):
    client.force_login(nieuw)
    page = client.get("/").content.decode()
    assert "Uw leerpaden" in page and "Korte kennismaking" in page
    assert page.index("Uw leerpaden") < page.index("Recent toegevoegde casus")
    client.force_login(make_user(roles.CONSULENT, username="consulent_lp"))
    assert "Uw leerpaden" not in client.get("/").content.decode()


def test_the_navigation_has_leerpaden(client, leerpad, nieuw):
    client.force_login(nieuw)
    page = client.get("/leerpaden/").content.decode()
    assert 'href="/leerpaden/" aria-current="page">Leerpaden' in page
    assert "Korte kennismaking" in page and "Begin met Korte kennismaking" in page


def test_demo_has_two_paths_with_practice_and_the_new_hire_halfway():
    call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())
    call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())  # idempotent
    titles = set(LeerpadPage.objects.live().values_list("title", flat=True))
    assert {"Sociaal handhaven in tien casussen", "De drietrapstoets in de praktijk"} <= titles
    assert LeerpadPage.objects.count() == 2
    tien = LeerpadPage.objects.get(slug="sociaal-handhaven-in-tien-casussen")
    casus_ids = set(tien.stappen.exclude(casus=None).values_list("casus_id", flat=True))
    assert len(casus_ids) == 10
    for page in LeerpadPage.objects.all():
        assert page.stappen.filter(soort=StapSoort.OEFENEN).exists()
        assert page.stappen.filter(soort=StapSoort.LEZEN).exclude(artikel=None).exists()
    from django.contrib.auth import get_user_model

    nieuw = get_user_model().objects.get(username="nieuw")
    drietrap = LeerpadPage.objects.get(slug="de-drietrapstoets-in-de-praktijk")
    progress = selectors.path_progress(drietrap, nieuw)
    assert progress.is_started and not progress.is_completed
    assert 0 < progress.n_done < progress.n_total and progress.volgende.nummer == progress.n_done + 1
    overview = selectors.path_overview(drietrap)
    assert overview.n_started >= 3 and overview.n_completed >= 1 and overview.signals


# --- routes ---------------------------------------------------------------------------------------


def test_steps_route_below_the_paths_own_address(client, leerpad, nieuw):
    client.force_login(nieuw)
    assert stap_url(leerpad, 2) == f"{leerpad.url}stap/2/"
    assert route_url(leerpad, "verder") == f"{leerpad.url}verder/"
    assert client.get(stap_url(leerpad, 2)).status_code == 200
    assert client.get(f"{leerpad.url}stap/9/").status_code == 404
    assert client.get(f"{leerpad.url}stap/geen-nummer/").status_code == 404


def test_old_numeric_addresses_redirect_to_the_path_routes(client, leerpad, nieuw):
    client.force_login(nieuw)
    old_step = client.get(reverse("leerpaden:legacy_stap", kwargs={"pad": leerpad.pk, "nummer": 2}))
    assert old_step.status_code == 301 and old_step.url == stap_url(leerpad, 2)
    for name in ("verder", "overzicht"):
        old = client.get(reverse(f"leerpaden:legacy_{name}", kwargs={"pad": leerpad.pk}))
        assert old.status_code == 301 and old.url == route_url(leerpad, name)
    assert client.get(reverse("leerpaden:legacy_verder", kwargs={"pad": 999999})).status_code == 404
