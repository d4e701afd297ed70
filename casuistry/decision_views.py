"""`/besluit-voorbereiden/`: find precedents for a draft situation, without storing the draft.

The text arrives by POST (never in a URL or access log), is pseudonymised before anything else
happens, and is only stored when the consulent chooses "opslaan als concept-casus".
"""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from articles.models import KennisartikelPage
from casuistry.choices import CirkelFase, Regeling, Uitkomst, Verplichting
from casuistry.models import CasusIndexPage, Thema
from casuistry.search import search_casus
from casuistry.services.anonymisation import pseudonymise
from casuistry.services.anonymisation.gate import LABEL_NAMES
from casuistry.services.drafts import DraftNotAllowed, save_concept_casus

MAX_DRAFT = 8000
SUGGESTIONS = 5
METHOD_ARTICLES = ("drietrapstoets", "omgekeerde-toets")


class DraftForm(forms.Form):
    situatie = forms.CharField(
        label="Beschrijf de situatie",
        help_text="Gebruik geen namen of nummers; wat er toch in staat, vervangen we vóór het zoeken.",
        max_length=MAX_DRAFT,
        min_length=20,
        widget=forms.Textarea(attrs={"rows": 8, "class": "utrecht-textarea utrecht-textarea--html-textarea"}),
        error_messages={
            "required": "Beschrijf de situatie om vergelijkbare casus te vinden.",
            "min_length": "Beschrijf de situatie in minstens 20 tekens.",
            "max_length": "De beschrijving is te lang (maximaal 8000 tekens).",
        },
    )
    thema = forms.ModelChoiceField(
        label="Alleen binnen thema (optioneel)",
        queryset=Thema.objects.all(),
        required=False,
        to_field_name="slug",
        empty_label="Alle thema's",
    )


class ConceptForm(forms.Form):
    situatie = forms.CharField(widget=forms.HiddenInput, max_length=MAX_DRAFT)
    title = forms.CharField(label="Titel van de concept-casus", max_length=200, min_length=3)
    thema = forms.ModelChoiceField(label="Thema", queryset=Thema.objects.all())
    regeling = forms.ChoiceField(label="Regeling", choices=Regeling.choices)
    verplichting = forms.ChoiceField(label="Verplichting", choices=Verplichting.choices)
    cirkel_fase = forms.ChoiceField(label="Fase", choices=CirkelFase.choices, initial=CirkelFase.CONTROLE)
    uitkomst = forms.ChoiceField(label="Voorgenomen uitkomst", choices=Uitkomst.choices)
    bewust_onbewust = forms.CharField(label="1. Bewust of onbewust", widget=forms.Textarea(attrs={"rows": 3}))
    context_perspectief = forms.CharField(label="2. Context en perspectief", widget=forms.Textarea(attrs={"rows": 3}))
    maatschappelijke_impact = forms.CharField(
        label="3. Maatschappelijke impact", widget=forms.Textarea(attrs={"rows": 3})
    )


@never_cache
@sensitive_post_parameters("situatie", "bewust_onbewust", "context_perspectief", "maatschappelijke_impact")
def besluit_voorbereiden(request):
    if request.method == "POST" and request.POST.get("actie") == "opslaan":
        return _save_concept(request)
    return suggestions_page(request, request.POST if request.method == "POST" else None)


def suggestions_page(request, data):
    """The page with its form bound to ``data`` (a draft posted here, or a long text from a search box)."""
    form = DraftForm(data)
    context = {"form": form, "can_save": _can_save(request.user)}
    if data is not None and form.is_valid():
        context.update(_suggestions(form.cleaned_data, request.user))
        context["concept_form"] = ConceptForm(
            initial={"situatie": context["anonymised"], "thema": form.cleaned_data.get("thema")}
        )
    return render(request, "casuistry/besluit_voorbereiden.html", context)


def _suggestions(data: dict, user) -> dict:
    scrubbed = pseudonymise(data["situatie"])  # before anything else happens with the text
    filters = {"thema": [data["thema"].slug]} if data.get("thema") else {}
    result = search_casus(query=scrubbed.text, filters=filters, per_page=SUGGESTIONS, viewer=user)
    themes = {hit.casus.thema_id for hit in result.hits}
    articles = list(KennisartikelPage.objects.live().filter(themas__in=themes).distinct()[:4])
    articles += [a for a in KennisartikelPage.objects.live().filter(slug__in=METHOD_ARTICLES) if a not in articles]
    replaced = ", ".join(f"{n}× {LABEL_NAMES[label]}" for label, n in sorted(scrubbed.counts.items()))
    return {"anonymised": scrubbed.text, "replaced": replaced, "result": result, "articles": articles}


def _can_save(user) -> bool:
    index = CasusIndexPage.objects.first()
    return bool(index and index.permissions_for_user(user).can_add_subpage())


def _save_concept(request):
    form = ConceptForm(request.POST)
    if not form.is_valid():
        messages.error(request, "De concept-casus is niet opgeslagen: " + _form_errors(form))
        return redirect("besluit_voorbereiden")
    data = form.cleaned_data
    try:
        page = save_concept_casus(user=request.user, samenvatting=data.pop("situatie"), **data)
    except DraftNotAllowed as exc:
        messages.error(request, str(exc))
        return redirect("besluit_voorbereiden")
    messages.success(request, "Concept-casus opgeslagen. Werk hem verder uit in de beheeromgeving.")
    return redirect(f"/admin/pages/{page.pk}/edit/")


def _form_errors(form) -> str:
    return "; ".join(f"{form.fields[name].label}: {' '.join(errors)}" for name, errors in form.errors.items())
