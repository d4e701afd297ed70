"""Thin views of leerpaden (`/leerpaden/<pad>/...`); the path pages themselves are Wagtail pages.

Forms in, services for writes, selectors for reads. Free text arrives only by POST, is marked sensitive
and is pseudonymised by the service before it is stored.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from intervisie.forms import DrietrapstoetsJudgementForm
from intervisie.models import LeerpadPage, StapSoort
from intervisie.selectors import leerpaden as selectors
from intervisie.services import leerpaden as services

SENSITIVE = ("antwoord", "toelichting")


def _leerpad(pad: int) -> LeerpadPage:
    return get_object_or_404(selectors.live_paths(), pk=pad)


def step_url(leerpad: LeerpadPage, nummer: int) -> str:
    return reverse("leerpaden:stap", kwargs={"pad": leerpad.pk, "nummer": nummer})


def _after_completion(request, leerpad: LeerpadPage, nummer: int):
    """After completing step `nummer`: the next open step after it, else the first open one, else the path."""
    progress = selectors.path_progress(leerpad, request.user)
    if progress.is_completed:
        messages.success(request, f"Gefeliciteerd: u hebt het leerpad '{leerpad.title}' afgerond.")
        return redirect(leerpad.url)
    later = next((s for s in progress.stappen if s.nummer > nummer and not s.is_done), progress.volgende)
    return redirect(step_url(leerpad, later.nummer))


@never_cache
def verder(request, pad: int):
    """Resume: go to the first step that is not completed yet (or the path page when all are done)."""
    leerpad = _leerpad(pad)
    progress = selectors.path_progress(leerpad, request.user)
    if progress.volgende is None:
        return redirect(leerpad.url)
    return redirect(step_url(leerpad, progress.volgende.nummer))


@never_cache
@sensitive_post_parameters(*SENSITIVE)
def stap(request, pad: int, nummer: int):
    leerpad = _leerpad(pad)
    huidige = selectors.step_by_number(leerpad, nummer)
    if huidige is None:
        raise Http404("Deze stap bestaat niet.")
    form = DrietrapstoetsJudgementForm()
    reflectie_fout = ""
    if request.method == "POST":
        try:
            if huidige.soort == StapSoort.OEFENEN:
                form = DrietrapstoetsJudgementForm(request.POST)
                if form.is_valid():
                    services.answer_practice(user=request.user, stap=huidige, judgement=form.cleaned_data)
                    messages.success(request, "Uw antwoord is opgeslagen. Vergelijk het met wat er besloten is.")
                    return redirect(step_url(leerpad, nummer) + "#werkelijk-kop")
            elif huidige.soort == StapSoort.REFLECTIE:
                services.answer_reflection(user=request.user, stap=huidige, antwoord=request.POST.get("antwoord", ""))
                return _after_completion(request, leerpad, nummer)
            else:
                services.complete_step(user=request.user, stap=huidige)
                return _after_completion(request, leerpad, nummer)
        except services.LeerpadError as exc:
            if huidige.soort == StapSoort.REFLECTIE:
                reflectie_fout = str(exc)
            else:
                form.add_error(None, str(exc))
    else:
        services.open_step(user=request.user, stap=huidige)

    progress = selectors.path_progress(leerpad, request.user)
    mine = selectors.own_step_progress(huidige, request.user)
    volgende = progress.stappen[nummer] if nummer < progress.n_total else None
    context = {
        "page": leerpad,
        "leerpad": leerpad,
        "progress": progress,
        "stap": huidige,
        "nummer": nummer,
        "mine": mine,
        "is_done": bool(mine and mine.completed_at),
        "volgende": volgende,
        "form": form,
        "action": step_url(leerpad, nummer),
        "results": selectors.practice_results(huidige, request.user) if huidige.soort == StapSoort.OEFENEN else None,
        "reflectie_fout": reflectie_fout,
        "antwoord": request.POST.get("antwoord", "") if request.method == "POST" else "",
        "soorten": StapSoort,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "intervisie/leerpaden/stap.html", context, status=status)


@never_cache
def overzicht(request, pad: int):
    if not selectors.can_view_overview(request.user):
        raise PermissionDenied("Alleen trainers zien de voortgang van alle deelnemers.")
    leerpad = _leerpad(pad)
    return render(
        request,
        "intervisie/leerpaden/overzicht.html",
        {"page": leerpad, "leerpad": leerpad, "overview": selectors.path_overview(leerpad)},
    )
