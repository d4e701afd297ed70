"""Thin views of `/intervisie/`: forms in, services for writes, selectors for reads.

Free-text fields arrive only by POST and are marked sensitive, so they never appear in error
reports; services pseudonymise them before storing.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from intervisie.agreement import percent
from intervisie.choices import SessionStatus
from intervisie.forms import RecordForm, SessionForm, WerkafspraakForm
from intervisie.judgement import DrietrapstoetsJudgementForm
from intervisie.models import Method, Session, Werkafspraak, WerkafspraakPage
from intervisie.selectors import sessions as selectors
from intervisie.services import sessions as services
from intervisie.services import werkafspraken as werkafspraak_services
from intervisie.services.errors import IntervisieError

SENSITIVE = ("title", "inbreng", "toelichting", "conclusions", "text", "rationale")


def _session_for(request, pk: int) -> Session:
    return get_object_or_404(selectors.sessions_visible_to(request.user), pk=pk)


def _trainer_session(request, pk: int) -> Session:
    session = _session_for(request, pk)
    if not services.is_trainer_of(session, request.user):
        raise PermissionDenied("Alleen de trainer van deze sessie kan dit doen.")
    return session


def _form_errors(form) -> str:
    parts = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        parts.append(f"{label}: {' '.join(errors)}" if label else " ".join(errors))
    return "; ".join(parts)


@never_cache
def index(request):
    user = request.user
    context = {
        "can_plan": services.can_plan(user),
        "led": selectors.led_by(user) if services.can_plan(user) else [],
        "mine": selectors.sessions_of_participant(user),
        "open_werkafspraken": selectors.open_werkafspraken_for(user),
        "proposals": [w for w in selectors.pending_proposals(user) if werkafspraak_services.can_publish(w.page, user)],
        "statuses": SessionStatus,
    }
    return render(request, "intervisie/index.html", context)


@never_cache
@sensitive_post_parameters(*SENSITIVE)
def plan(request):
    if not services.can_plan(request.user):
        raise PermissionDenied("Alleen trainers plannen intervisiesessies.")
    form = SessionForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            session, scrub = services.plan_session(trainer=request.user, **_session_kwargs(form))
        except IntervisieError as exc:
            form.add_error(None, str(exc))
        else:
            _report_scrub(request, scrub)
            messages.success(request, "De sessie is gepland. Bekijk het voorbereidingspakket.")
            return redirect("intervisie:detail", pk=session.pk)
    return render(request, "intervisie/session_form.html", {"form": form, "session": None})


@never_cache
@sensitive_post_parameters(*SENSITIVE)
def edit(request, pk: int):
    session = _trainer_session(request, pk)
    if session.status != SessionStatus.PLANNED:
        messages.error(request, "Deze sessie is al begonnen; alleen een geplande sessie kunt u wijzigen.")
        return redirect("intervisie:detail", pk=pk)
    initial = {
        "title": session.title,
        "starts_at": session.starts_at,
        "location": session.location,
        "method": session.method,
        "participants": session.participants.all(),
        "casus": session.casus_id,
        "inbreng": session.inbreng,
        "thema": session.thema if not session.casus_id else None,
    }
    form = SessionForm(request.POST or None, initial=initial, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            _, scrub = services.update_session(session=session, user=request.user, **_session_kwargs(form))
        except IntervisieError as exc:
            form.add_error(None, str(exc))
        else:
            _report_scrub(request, scrub)
            messages.success(request, "De sessie is gewijzigd.")
            return redirect("intervisie:detail", pk=pk)
    return render(request, "intervisie/session_form.html", {"form": form, "session": session})


def _session_kwargs(form) -> dict:
    data = form.cleaned_data
    return {
        "title": data["title"],
        "starts_at": data["starts_at"],
        "location": data.get("location", ""),
        "method": data["method"],
        "participants": list(data["participants"]),
        "casus": data.get("casus_page"),
        "inbreng": data.get("inbreng", "") if not data.get("casus_page") else "",
        "thema": data.get("thema"),
    }


def _report_scrub(request, scrub) -> None:
    if scrub.counts:
        messages.warning(request, f"Vóór het opslaan vervangen door een aanduiding: {scrub.summary()}.")


@never_cache
def detail(request, pk: int):
    session = _session_for(request, pk)
    user = request.user
    is_trainer = services.is_trainer_of(session, user)
    is_participant = selectors.is_participant(session, user)
    own = selectors.own_judgement(session, user) if is_participant else None
    n_answers, n_participants = selectors.answer_count(session)
    context = {
        "session": session,
        "statuses": SessionStatus,
        "is_trainer": is_trainer,
        "is_participant": is_participant,
        "own": own,
        "n_answers": n_answers,
        "n_participants": n_participants,
        "agenda": selectors.agenda(session),
        "werkafspraken": session.werkafspraken.select_related("page"),
    }
    if is_trainer:
        answered = selectors.answered_participants(session)
        context["roster"] = [(p, p.pk in answered) for p in session.participants.order_by("first_name", "username")]
    if is_participant and session.status == SessionStatus.OPEN:
        initial = {name: getattr(own, name) for name in DrietrapstoetsJudgementForm.base_fields} if own else None
        context["judgement_form"] = DrietrapstoetsJudgementForm(initial=initial)
    if session.is_revealed:
        context["results"] = selectors.session_results(session, user=user)
    if is_trainer and session.status in (SessionStatus.OPEN, SessionStatus.REVEALED):
        context["record_form"] = RecordForm(session=session)
    if is_trainer and session.is_revealed:
        context["werkafspraak_form"] = WerkafspraakForm()
    return render(request, "intervisie/session_detail.html", context)


@never_cache
def preparation(request, pk: int):
    session = _session_for(request, pk)
    if not (services.is_trainer_of(session, request.user) or services.can_plan(request.user)):
        raise PermissionDenied("Het voorbereidingspakket is voor de trainer.")
    context = {"session": session, "participants": session.participants.order_by("first_name", "username")}
    context.update(selectors.preparation_pack(session, request.user))
    return render(request, "intervisie/preparation.html", context)


@require_POST
@sensitive_post_parameters(*SENSITIVE)
def judge(request, pk: int):
    session = _session_for(request, pk)
    form = DrietrapstoetsJudgementForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Uw oordeel is niet opgeslagen: " + _form_errors(form))
        return redirect("intervisie:detail", pk=pk)
    try:
        services.record_judgement(session=session, user=request.user, answers=form.cleaned_data)
    except IntervisieError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, "Uw oordeel is opgeslagen. Niemand ziet het vóór de onthulling; tot dan kunt u het wijzigen."
        )
    return redirect("intervisie:detail", pk=pk)


def _transition(request, pk: int, action, success: str):
    session = _session_for(request, pk)
    try:
        action(session=session, user=request.user)
    except IntervisieError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, success)
    return redirect("intervisie:detail", pk=pk)


@require_POST
def open_round(request, pk: int):
    return _transition(
        request, pk, services.open_judgements, "De oordeelronde is geopend: deelnemers kunnen nu hun oordeel geven."
    )


@require_POST
def reveal(request, pk: int):
    return _transition(request, pk, services.reveal, "De antwoorden zijn onthuld.")


@require_POST
def close(request, pk: int):
    session = _session_for(request, pk)
    try:
        services.close_session(session=session, user=request.user)
    except IntervisieError as exc:
        messages.error(request, str(exc))
        return redirect("intervisie:detail", pk=pk)
    messages.success(request, "De sessie is afgesloten. Hieronder staat het verslag.")
    return redirect("intervisie:report", pk=pk)


@require_POST
@sensitive_post_parameters(*SENSITIVE)
def save_record(request, pk: int):
    session = _trainer_session(request, pk)
    form = RecordForm(request.POST, session=session)
    if not form.is_valid():
        messages.error(request, "Het verslag is niet opgeslagen: " + _form_errors(form))
        return redirect("intervisie:detail", pk=pk)
    try:
        scrub = services.save_record(
            session=session, user=request.user, notes=form.notes(), conclusions=form.cleaned_data["conclusions"]
        )
    except IntervisieError as exc:
        messages.error(request, str(exc))
    else:
        _report_scrub(request, scrub)
        messages.success(request, "Het verslag is opgeslagen.")
    return redirect(f"{session_url(pk)}#verslag")


def session_url(pk: int) -> str:
    return reverse("intervisie:detail", kwargs={"pk": pk})


@require_POST
@sensitive_post_parameters(*SENSITIVE)
def add_werkafspraak(request, pk: int):
    session = _trainer_session(request, pk)
    form = WerkafspraakForm(request.POST)
    if not form.is_valid():
        messages.error(request, "De werkafspraak is niet opgeslagen: " + _form_errors(form))
        return redirect(f"{session_url(pk)}#werkafspraken")
    try:
        services.add_werkafspraak(session=session, user=request.user, **form.cleaned_data)
    except IntervisieError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "De werkafspraak is vastgelegd.")
    return redirect(f"{session_url(pk)}#werkafspraken")


@require_POST
def propose(request, pk: int):
    werkafspraak = get_object_or_404(Werkafspraak.objects.select_related("session"), pk=pk)
    if not selectors.can_view(werkafspraak.session, request.user):
        raise Http404
    try:
        werkafspraak_services.propose_werkafspraak(werkafspraak=werkafspraak, user=request.user)
    except IntervisieError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Voorgesteld voor de kennisbank. Een redacteur beoordeelt en publiceert de afspraak.")
    return redirect(f"{session_url(werkafspraak.session_id)}#werkafspraken")


@require_POST
def publish(request, pk: int):
    page = get_object_or_404(WerkafspraakPage, pk=pk)
    try:
        page = werkafspraak_services.publish_werkafspraak(page=page, user=request.user)
    except IntervisieError as exc:
        messages.error(request, str(exc))
        return redirect("intervisie:index")
    messages.success(request, "De werkafspraak is gepubliceerd in de kennisbank.")
    return redirect(page.url)


@never_cache
def report(request, pk: int):
    session = _session_for(request, pk)
    if not session.is_revealed:
        messages.info(request, "Het verslag met de antwoorden is beschikbaar na de onthulling.")
        return redirect("intervisie:detail", pk=pk)
    context = {
        "session": session,
        "statuses": SessionStatus,
        "results": selectors.session_results(session, user=request.user),
        "notes": session.phase_notes.all(),
        "werkafspraken": session.werkafspraken.select_related("page"),
        "participants": session.participants.order_by("first_name", "username"),
        "is_trainer": services.is_trainer_of(session, request.user),
    }
    return render(request, "intervisie/report.html", context)


def methods(request):
    return render(
        request,
        "intervisie/method_list.html",
        {
            "methods": Method.objects.prefetch_related("phases"),
            "can_edit": request.user.has_perm("intervisie.add_method"),
        },
    )


def method_detail(request, slug: str):
    method = get_object_or_404(Method, slug=slug)
    return render(
        request,
        "intervisie/method_detail.html",
        {"method": method, "can_edit": request.user.has_perm("intervisie.change_method")},
    )


@never_cache
def trend(request):
    trends = selectors.agreement_trend()
    return render(request, "intervisie/trend.html", {"trends": trends, "percent": percent})
