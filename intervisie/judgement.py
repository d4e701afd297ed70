"""The "Wat zou jij besluiten?" component, shared by intervisie sessions and leerpad practice.

One closed drietrapstoets judgement (the questions in ``choices.JUDGEMENT_QUESTIONS``), the form that
asks it (render with ``intervisie/includes/oordeel_form.html``), and how answers spread per question.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django import forms

from casuistry.choices import Uitkomst, Verwijtbaarheid
from intervisie.agreement import pairwise_agreement, pairwise_label, percent
from intervisie.choices import JUDGEMENT_QUESTIONS, Bewustheid, ContextWeging, ImpactWeging

TEXTAREA = "utrecht-textarea utrecht-textarea--html-textarea kb-wide"


def _required(label: str) -> dict:
    return {
        "required": f"Kies een antwoord bij '{label}'.",
        "invalid_choice": f"Kies een geldig antwoord bij '{label}'.",
    }


class DrietrapstoetsJudgementForm(forms.Form):
    """An independent drietrapstoets judgement and the outcome one would choose.

    Render with ``{% include "intervisie/includes/oordeel_form.html" with form=form %}``.
    ``cleaned_data`` holds the choice values and the raw ``toelichting``: the caller's service must
    pseudonymise the toelichting before storing it.
    """

    use_required_attribute = False  # the server validates, with Dutch messages

    # Groups for the template: (legend, explanation, field names).
    STEPS = (
        (
            "Stap 1. Bewust of onbewust",
            "Kon de persoon weten wat er verwacht werd, en handelde hij of zij bewust?",
            ("bewustheid", "verwijtbaarheid"),
        ),
        (
            "Stap 2. Context en perspectief",
            "Welke omstandigheden en mogelijkheden had de persoon; wat mocht redelijkerwijs verwacht worden?",
            ("context_weging",),
        ),
        (
            "Stap 3. Maatschappelijke impact",
            "Wat kost een sanctie nu en later, en wat gebeurt er als we niets doen?",
            ("impact_weging",),
        ),
        ("Uw besluit", "Welke uitkomst zou u kiezen?", ("uitkomst", "toelichting")),
    )

    bewustheid = forms.ChoiceField(
        label="Handelde de persoon bewust?",
        choices=Bewustheid.choices,
        widget=forms.RadioSelect,
        error_messages=_required("Bewust of onbewust"),
    )
    verwijtbaarheid = forms.ChoiceField(
        label="Hoe verwijtbaar is het?",
        choices=Verwijtbaarheid.choices,
        widget=forms.RadioSelect,
        error_messages=_required("Verwijtbaarheid"),
    )
    context_weging = forms.ChoiceField(
        label="Hoe zwaar wegen de omstandigheden?",
        choices=ContextWeging.choices,
        widget=forms.RadioSelect,
        error_messages=_required("Context en perspectief"),
    )
    impact_weging = forms.ChoiceField(
        label="Wat weegt maatschappelijk zwaarder?",
        choices=ImpactWeging.choices,
        widget=forms.RadioSelect,
        error_messages=_required("Maatschappelijke impact"),
    )
    uitkomst = forms.ChoiceField(
        label="Uitkomst",
        choices=Uitkomst.choices,
        widget=forms.RadioSelect,
        error_messages=_required("Uitkomst"),
    )
    toelichting = forms.CharField(
        label="Toelichting (optioneel)",
        help_text="Waarom kiest u dit? Gebruik geen namen; wat er toch in staat, vervangen we vóór het opslaan.",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "class": TEXTAREA}),
        error_messages={"max_length": "De toelichting is te lang (maximaal 2000 tekens)."},
    )

    def steps(self):
        return [(legend, help_text, [self[name] for name in names]) for legend, help_text, names in self.STEPS]


@dataclass
class OptionCount:
    value: str
    label: str
    count: int
    share: float
    is_mode: bool = False
    is_actual: bool = False
    is_mine: bool = False

    @property
    def percent(self) -> int:
        return round(self.share * 100)


@dataclass
class QuestionResult:
    name: str
    label: str
    options: list[OptionCount]
    n: int
    agreement: float | None
    actual_label: str = ""
    mine_label: str = ""

    @property
    def agreement_percent(self) -> str:
        return percent(self.agreement)

    @property
    def agreement_label(self) -> str:
        return pairwise_label(self.agreement)

    @property
    def mode(self) -> OptionCount | None:
        return next((o for o in self.options if o.is_mode), None)


@dataclass
class SessionResults:
    session: Any  # an intervisie Session, or None for leerpad practice
    n_answers: int
    n_participants: int
    questions: list[QuestionResult]
    toelichtingen: list[str] = field(default_factory=list)

    @property
    def headline(self) -> QuestionResult:
        return next(q for q in self.questions if q.name == "uitkomst")

    @property
    def mean_agreement(self) -> float | None:
        values = [q.agreement for q in self.questions if q.agreement is not None]
        return sum(values) / len(values) if values else None

    @property
    def mean_agreement_percent(self) -> str:
        return percent(self.mean_agreement)

    @property
    def most_divergent(self) -> QuestionResult | None:
        scored = [q for q in self.questions if q.agreement is not None]
        return min(scored, key=lambda q: q.agreement) if scored else None


def question_results(answers, *, mine, casus) -> list[QuestionResult]:
    """Per judgement question: how the answers spread, agreement, and the casus' actual outcome.

    ``answers`` are objects with the JUDGEMENT_QUESTIONS fields (intervisie judgements, leerpad
    practice answers); ``mine`` is the viewer's own answer or None.
    """
    questions = []
    for name, label, choices in JUDGEMENT_QUESTIONS:
        counts = Counter(getattr(a, name) for a in answers)
        n = sum(counts.values())
        top = max(counts.values(), default=0)
        actual = (getattr(casus, name, "") or "") if casus is not None else ""
        options = [
            OptionCount(
                value=value,
                label=choice_label,
                count=counts.get(value, 0),
                share=(counts.get(value, 0) / n) if n else 0.0,
                is_mode=bool(top) and counts.get(value, 0) == top,
                is_actual=bool(actual) and value == actual,
                is_mine=mine is not None and getattr(mine, name) == value,
            )
            for value, choice_label in choices.choices
        ]
        questions.append(
            QuestionResult(
                name=name,
                label=label,
                options=options,
                n=n,
                agreement=pairwise_agreement(counts),
                actual_label=choices(actual).label if actual in choices.values else "",
                mine_label=choices(getattr(mine, name)).label if mine is not None else "",
            )
        )
    return questions
