"""Intervisie sessions, the independent judgements of participants, and the session record."""

from django.conf import settings
from django.db import models

from casuistry.choices import Uitkomst, Verwijtbaarheid
from intervisie.choices import Bewustheid, ContextWeging, ImpactWeging, SessionStatus


class Session(models.Model):
    """One planned case discussion: a method, a trainer, participants and one inbreng."""
    gated_fields = ("title", "location", "inbreng", "conclusions")

    title = models.CharField("titel", max_length=200)
    starts_at = models.DateTimeField("datum en tijd")
    location = models.CharField("locatie of vergaderlink", max_length=200, blank=True)
    method = models.ForeignKey(
        "intervisie.Method", verbose_name="methode", on_delete=models.PROTECT, related_name="sessions"
    )
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="trainer",
        on_delete=models.PROTECT,
        related_name="intervisie_led",
    )
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name="deelnemers", related_name="intervisie_sessions", blank=True
    )
    casus = models.ForeignKey(
        "casuistry.CasusPage",
        verbose_name="casus",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="intervisie_sessions",
    )
    # A new inbreng, stored only after pseudonymisation (services.sessions).
    inbreng = models.TextField("nieuwe inbreng (geanonimiseerd)", blank=True)
    thema = models.ForeignKey(
        "casuistry.Thema", verbose_name="thema", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField("status", max_length=16, choices=SessionStatus.choices, default=SessionStatus.PLANNED)
    opened_at = models.DateTimeField("oordelen geopend op", null=True, blank=True)
    revealed_at = models.DateTimeField("onthuld op", null=True, blank=True)
    closed_at = models.DateTimeField("afgesloten op", null=True, blank=True)
    conclusions = models.TextField("conclusies", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-starts_at", "-pk"]
        verbose_name = "intervisiesessie"
        verbose_name_plural = "intervisiesessies"

    def __str__(self):
        return self.title

    @property
    def situation(self) -> str:
        """The situation participants judge: the casus summary or the new inbreng."""
        if self.casus_id:
            return self.casus.samenvatting
        return self.inbreng

    @property
    def is_revealed(self) -> bool:
        return self.status in (SessionStatus.REVEALED, SessionStatus.CLOSED)

    @property
    def is_running(self) -> bool:
        return self.status in (SessionStatus.OPEN, SessionStatus.REVEALED)


class Judgement(models.Model):
    """'Wat zou jij besluiten?': one participant's independent drietrapstoets judgement."""
    gated_fields = ("toelichting",)

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="judgements")
    participant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="intervisie_judgements"
    )
    bewustheid = models.CharField("bewust of onbewust", max_length=16, choices=Bewustheid.choices)
    verwijtbaarheid = models.CharField("verwijtbaarheid", max_length=16, choices=Verwijtbaarheid.choices)
    context_weging = models.CharField("context en perspectief", max_length=16, choices=ContextWeging.choices)
    impact_weging = models.CharField("maatschappelijke impact", max_length=24, choices=ImpactWeging.choices)
    uitkomst = models.CharField("uitkomst", max_length=40, choices=Uitkomst.choices)
    toelichting = models.TextField("toelichting (geanonimiseerd)", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "oordeel"
        verbose_name_plural = "oordelen"
        constraints = [
            models.UniqueConstraint(fields=["session", "participant"], name="intervisie_one_judgement_per_participant")
        ]

    def __str__(self):
        return f"Oordeel in sessie {self.session_id}"


class PhaseNote(models.Model):
    """Notes of one phase of a session; the phase title is copied so later method edits don't rewrite history."""
    gated_fields = ("text",)
    ungated_fields = {"phase_title": "copied from the (gated) title of the method's phase"}

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="phase_notes")
    position = models.PositiveSmallIntegerField("volgorde")
    phase_title = models.CharField("fase", max_length=120)
    text = models.TextField("aantekeningen", blank=True)

    class Meta:
        ordering = ["position"]
        verbose_name = "aantekening per fase"
        verbose_name_plural = "aantekeningen per fase"
        constraints = [models.UniqueConstraint(fields=["session", "position"], name="intervisie_one_note_per_phase")]

    def __str__(self):
        return self.phase_title


class Werkafspraak(models.Model):
    """An agreed norm from a session; proposed for the kennisbank it becomes a draft WerkafspraakPage."""
    gated_fields = ("title", "text", "rationale")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="werkafspraken")
    title = models.CharField("werkafspraak (kort)", max_length=200)
    text = models.TextField("afspraak")
    rationale = models.TextField("waarom", blank=True)
    page = models.OneToOneField(
        "intervisie.WerkafspraakPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="origin",
        verbose_name="pagina in de kennisbank",
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    proposed_at = models.DateTimeField("voorgesteld op", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "werkafspraak"
        verbose_name_plural = "werkafspraken"

    def __str__(self):
        return self.title

    @property
    def status(self) -> str:
        if self.page_id and self.page.live:
            return "gepubliceerd"
        if self.page_id:
            return "voorgesteld"
        return "afgesproken"

    @property
    def status_label(self) -> str:
        return {
            "gepubliceerd": "Gepubliceerd in de kennisbank",
            "voorgesteld": "Voorgesteld, wacht op een redacteur",
            "afgesproken": "Afgesproken in de sessie",
        }[self.status]
