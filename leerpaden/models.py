"""Leerpaden: ordered learning paths for new colleagues (`/leerpaden/`), and each learner's progress.

A path's own pages route below it with RoutablePageMixin: ``<path>/verder/`` (resume),
``<path>/stap/<n>/`` (one step) and ``<path>/overzicht/`` (the trainer overview).

A LeerpadPage holds its steps as an InlinePanel of :class:`LeerpadStap` (orderable, stable primary keys,
so progress survives edits of a path). A step is one of four kinds: read a kennisartikel, study a casus,
answer a reflection question, or practise ("Wat zou jij besluiten?" on a casus whose outcome stays hidden
until the learner answered).
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from casuistry.choices import Uitkomst, Verwijtbaarheid
from casuistry.services.anonymisation.admin_forms import GatedPageForm
from casuistry.services.anonymisation.gated_fields import PAGE_GATED_FIELDS, PAGE_UNGATED_FIELDS
from intervisie.choices import Bewustheid, ContextWeging, ImpactWeging
from intervisie.judgement import DrietrapstoetsJudgementForm

SENSITIVE = ("antwoord", "toelichting")


def _reads_and_writes():
    # Selectors and services import these models, so they are imported when a page is served.
    from leerpaden import selectors, services

    return selectors, services


class StapSoort(models.TextChoices):
    LEZEN = "lezen", "Kennisartikel lezen"
    CASUS = "casus", "Casus bestuderen"
    REFLECTIE = "reflectie", "Reflectievraag beantwoorden"
    OEFENEN = "oefenen", "Oefenen: wat zou jij besluiten?"


class LeerpadIndexPage(Page):
    base_form_class = GatedPageForm
    gated_fields = (*PAGE_GATED_FIELDS, "intro")
    ungated_fields = PAGE_UNGATED_FIELDS
    intro = RichTextField("inleiding", blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    template = "leerpaden/index_page.html"
    subpage_types = ["leerpaden.LeerpadPage"]
    parent_page_types = ["base.HomePage"]
    max_count = 1

    class Meta:
        verbose_name = "leerpadenoverzicht"

    def get_context(self, request, *args, **kwargs):
        selectors, _ = _reads_and_writes()
        context = super().get_context(request, *args, **kwargs)
        context["paden"] = selectors.paths_for(request.user)
        context["is_trainer"] = selectors.can_view_overview(request.user)
        return context


class LeerpadPage(RoutablePageMixin, Page):
    """An ordered list of steps with an estimated time, built by trainers and redacteuren."""
    base_form_class = GatedPageForm
    gated_fields = (*PAGE_GATED_FIELDS, "intro", "doelgroep")
    ungated_fields = PAGE_UNGATED_FIELDS

    intro = models.TextField("inleiding", max_length=1000, help_text="Voor wie is dit leerpad en wat leert men?")
    doelgroep = models.CharField(
        "doelgroep", max_length=200, blank=True, help_text="Bijvoorbeeld: nieuwe klantmanagers en handhavers."
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("doelgroep"),
        MultiFieldPanel([InlinePanel("stappen", label="Stap", min_num=1)], heading="Stappen (in volgorde)"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    template = "leerpaden/leerpad_page.html"
    parent_page_types = ["leerpaden.LeerpadIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "leerpad"
        verbose_name_plural = "leerpaden"

    @property
    def minuten(self) -> int:
        return sum(stap.minuten for stap in self.stappen.all())

    def get_context(self, request, *args, **kwargs):
        selectors, _ = _reads_and_writes()
        context = super().get_context(request, *args, **kwargs)
        context["voortgang"] = selectors.path_progress(self, request.user)
        context["is_trainer"] = selectors.can_view_overview(request.user)
        return context

    def step_url(self, nummer: int) -> str:
        return self.url + self.reverse_subpage("stap", kwargs={"nummer": nummer})

    @path("verder/", name="verder")
    @method_decorator(never_cache)
    def verder(self, request):
        """Resume: the first step that is not completed yet (or the path page when all are done)."""
        selectors, _ = _reads_and_writes()
        progress = selectors.path_progress(self, request.user)
        if progress.volgende is None:
            return redirect(self.url)
        return redirect(self.step_url(progress.volgende.nummer))

    @path("stap/<int:nummer>/", name="stap")
    @method_decorator(never_cache)
    @method_decorator(sensitive_post_parameters(*SENSITIVE))
    def stap(self, request, nummer: int):
        """One step: read, study, reflect or practise. Free text arrives by POST and is pseudonymised."""
        selectors, services = _reads_and_writes()
        huidige = selectors.step_by_number(self, nummer, request.user)
        if huidige is None:
            raise Http404("Deze stap bestaat niet.")
        form, reflectie_fout = DrietrapstoetsJudgementForm(), ""
        if request.method == "POST":
            try:
                if huidige.soort == StapSoort.OEFENEN:
                    form = DrietrapstoetsJudgementForm(request.POST)
                    if form.is_valid():
                        services.answer_practice(user=request.user, stap=huidige, judgement=form.cleaned_data)
                        messages.success(request, "Uw antwoord is opgeslagen. Vergelijk het met wat er besloten is.")
                        return redirect(self.step_url(nummer) + "#werkelijk-kop")
                elif huidige.soort == StapSoort.REFLECTIE:
                    antwoord = request.POST.get("antwoord", "")
                    services.answer_reflection(user=request.user, stap=huidige, antwoord=antwoord)
                    return self._after_completion(request, nummer)
                else:
                    services.complete_step(user=request.user, stap=huidige)
                    return self._after_completion(request, nummer)
            except services.LeerpadError as exc:
                if huidige.soort == StapSoort.REFLECTIE:
                    reflectie_fout = str(exc)
                else:
                    form.add_error(None, str(exc))
        else:
            services.open_step(user=request.user, stap=huidige)
        context = selectors.step_context(self, huidige, nummer, request.user)
        context.update(
            form=form,
            action=self.step_url(nummer),
            reflectie_fout=reflectie_fout,
            antwoord=request.POST.get("antwoord", "") if request.method == "POST" else "",
            soorten=StapSoort,
        )
        response = self.render(request, context_overrides=context, template="leerpaden/stap.html")
        response.status_code = 400 if request.method == "POST" else 200
        return response

    @path("overzicht/", name="overzicht")
    @method_decorator(never_cache)
    def overzicht(self, request):
        selectors, _ = _reads_and_writes()
        if not selectors.can_view_overview(request.user):
            raise PermissionDenied("Alleen trainers zien de voortgang van alle deelnemers.")
        context = {"leerpad": self, "overview": selectors.path_overview(self)}
        return self.render(request, context_overrides=context, template="leerpaden/overzicht.html")

    def _after_completion(self, request, nummer: int):
        """After step `nummer`: the next open step after it, else the first open one, else the path."""
        selectors, _ = _reads_and_writes()
        progress = selectors.path_progress(self, request.user)
        if progress.is_completed:
            messages.success(request, f"Gefeliciteerd: u hebt het leerpad '{self.title}' afgerond.")
            return redirect(self.url)
        later = next((s for s in progress.stappen if s.nummer > nummer and not s.is_done), progress.volgende)
        return redirect(self.step_url(later.nummer))


class LeerpadStap(Orderable):
    gated_fields = ("titel", "uitleg", "vraag")
    leerpad = ParentalKey(LeerpadPage, related_name="stappen", on_delete=models.CASCADE)
    soort = models.CharField("soort stap", max_length=16, choices=StapSoort.choices)
    titel = models.CharField("titel", max_length=200)
    uitleg = models.TextField("uitleg", blank=True, help_text="Waar let de deelnemer op bij deze stap?")
    artikel = models.ForeignKey(
        "articles.KennisartikelPage",
        verbose_name="kennisartikel",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Bij 'Kennisartikel lezen'.",
    )
    casus = models.ForeignKey(
        "casuistry.CasusPage",
        verbose_name="casus",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Bij 'Casus bestuderen' en 'Oefenen'. Bij oefenen blijft de uitkomst verborgen tot het antwoord.",
    )
    vraag = models.TextField("reflectievraag", blank=True, help_text="Bij 'Reflectievraag beantwoorden'.")
    minuten = models.PositiveSmallIntegerField("geschatte tijd (minuten)", default=10)

    panels = [
        FieldPanel("soort"),
        FieldPanel("titel"),
        FieldPanel("uitleg"),
        FieldPanel("artikel"),
        FieldPanel("casus"),
        FieldPanel("vraag"),
        FieldPanel("minuten"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "stap"
        verbose_name_plural = "stappen"

    def __str__(self):
        return self.titel

    def clean(self):
        super().clean()
        if self.soort == StapSoort.LEZEN and not self.artikel_id:
            raise ValidationError({"artikel": "Kies het kennisartikel dat gelezen moet worden."})
        if self.soort in (StapSoort.CASUS, StapSoort.OEFENEN) and not self.casus_id:
            raise ValidationError({"casus": "Kies de casus voor deze stap."})
        if self.soort == StapSoort.REFLECTIE and not (self.vraag or "").strip():
            raise ValidationError({"vraag": "Schrijf de reflectievraag."})


class LeerpadVoortgang(models.Model):
    """One learner on one path: when started and completed, and the step seen last (to resume)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="leerpad_voortgang")
    leerpad = models.ForeignKey(LeerpadPage, on_delete=models.CASCADE, related_name="voortgang")
    laatste_stap = models.ForeignKey(LeerpadStap, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    started_at = models.DateTimeField("gestart op", auto_now_add=True)
    completed_at = models.DateTimeField("afgerond op", null=True, blank=True)
    updated_at = models.DateTimeField("laatst actief", auto_now=True)

    class Meta:
        verbose_name = "voortgang op een leerpad"
        verbose_name_plural = "voortgang op leerpaden"
        constraints = [models.UniqueConstraint(fields=["user", "leerpad"], name="leerpad_one_progress_per_user")]

    def __str__(self):
        return f"Voortgang op leerpad {self.leerpad_id}"


class StapVoortgang(models.Model):
    """One learner on one step: opened, completed, and the answer (reflection or practice judgement)."""
    gated_fields = ("antwoord", "toelichting")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="leerpad_stappen")
    stap = models.ForeignKey(LeerpadStap, on_delete=models.CASCADE, related_name="voortgang")
    started_at = models.DateTimeField("geopend op", auto_now_add=True)
    completed_at = models.DateTimeField("afgerond op", null=True, blank=True)
    antwoord = models.TextField("antwoord op de reflectievraag (geanonimiseerd)", blank=True)
    # The practice judgement ("Wat zou jij besluiten?"), the same questions as an intervisie Judgement.
    bewustheid = models.CharField("bewust of onbewust", max_length=16, choices=Bewustheid.choices, blank=True)
    verwijtbaarheid = models.CharField("verwijtbaarheid", max_length=16, choices=Verwijtbaarheid.choices, blank=True)
    context_weging = models.CharField(
        "context en perspectief", max_length=16, choices=ContextWeging.choices, blank=True
    )
    impact_weging = models.CharField("maatschappelijke impact", max_length=24, choices=ImpactWeging.choices, blank=True)
    uitkomst = models.CharField("uitkomst", max_length=40, choices=Uitkomst.choices, blank=True)
    toelichting = models.TextField("toelichting (geanonimiseerd)", blank=True)

    class Meta:
        verbose_name = "voortgang op een stap"
        verbose_name_plural = "voortgang op stappen"
        constraints = [models.UniqueConstraint(fields=["user", "stap"], name="leerpad_one_progress_per_step")]

    def __str__(self):
        return f"Voortgang op stap {self.stap_id}"

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None
