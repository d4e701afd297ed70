"""Forms of intervisie sessions. The judgement form is in :mod:`intervisie.judgement`."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone

from casuistry.models import Thema
from casuistry.selectors.visibility import visible_casus
from intervisie.judgement import TEXTAREA
from intervisie.models import Method
from organisations.selectors import organisation_of

INPUT = "utrecht-textbox utrecht-textbox--html-input"
SELECT = "utrecht-select utrecht-select--html-select"


class ParticipantChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, user):
        full = user.get_full_name()
        return f"{full} ({user.username})" if full else user.username


def colleagues_of(user):
    """Active users a trainer may invite: those of the trainer's own organisation (everyone without one)."""
    users = get_user_model().objects.filter(is_active=True)
    organisation = organisation_of(user)
    return users.filter(membership__organisation=organisation) if organisation is not None else users


class SessionForm(forms.Form):
    use_required_attribute = False  # the server validates, with Dutch messages
    title = forms.CharField(
        label="Titel",
        max_length=200,
        widget=forms.TextInput(attrs={"class": INPUT}),
        error_messages={"required": "Geef de sessie een titel."},
    )
    starts_at = forms.DateTimeField(
        label="Datum en begintijd",
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local", "class": INPUT}, format="%Y-%m-%dT%H:%M"),
        error_messages={"required": "Kies een datum en begintijd.", "invalid": "Vul een geldige datum en tijd in."},
    )
    location = forms.CharField(
        label="Locatie of vergaderlink (optioneel)",
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"class": INPUT}),
    )
    method = forms.ModelChoiceField(
        label="Methode",
        queryset=Method.objects.all(),
        empty_label="Kies een methode",
        widget=forms.Select(attrs={"class": SELECT}),
        error_messages={"required": "Kies een methode.", "invalid_choice": "Kies een methode uit de lijst."},
    )
    participants = ParticipantChoiceField(
        label="Deelnemers",
        queryset=get_user_model().objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Kies minstens twee deelnemers.",
            "invalid_choice": "Kies deelnemers uit de lijst.",
        },
    )
    casus = forms.TypedChoiceField(
        label="Bestaande casus",
        required=False,
        coerce=int,
        empty_value=None,
        widget=forms.Select(attrs={"class": SELECT}),
        error_messages={"invalid_choice": "Kies een casus uit de lijst."},
    )
    inbreng = forms.CharField(
        label="Of: nieuwe inbreng",
        help_text=(
            "Beschrijf de situatie zonder namen, adressen of nummers. Wat er toch in staat, vervangen wij vóór "
            "het opslaan; de oorspronkelijke tekst wordt nergens bewaard."
        ),
        required=False,
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 6, "class": TEXTAREA}),
        error_messages={"max_length": "De inbreng is te lang (maximaal 8000 tekens)."},
    )
    thema = forms.ModelChoiceField(
        label="Thema van de nieuwe inbreng",
        queryset=Thema.objects.all(),
        required=False,
        empty_label="Kies een thema",
        widget=forms.Select(attrs={"class": SELECT}),
        help_text="Bij een bestaande casus nemen we het thema van de casus over.",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["participants"].queryset = colleagues_of(user).order_by("first_name", "last_name", "username")
        groups: dict[str, list] = {}
        for pk, title, thema in (
            visible_casus(user).order_by("thema__name", "title").values_list("pk", "title", "thema__name")
        ):
            groups.setdefault(thema, []).append((pk, title))
        self.fields["casus"].choices = [("", "Geen: ik schrijf een nieuwe inbreng"), *groups.items()]
        if not self.is_bound and "starts_at" not in self.initial:
            self.initial["starts_at"] = (timezone.localtime() + timedelta(days=7)).replace(
                hour=13, minute=30, second=0, microsecond=0
            )

    def clean_participants(self):
        participants = self.cleaned_data["participants"]
        if len(participants) < 2:
            raise forms.ValidationError("Kies minstens twee deelnemers: een leerdialoog vergelijkt oordelen.")
        return participants

    def clean(self):
        data = super().clean()
        casus_pk, inbreng = data.get("casus"), (data.get("inbreng") or "").strip()
        if casus_pk and inbreng:
            self.add_error("inbreng", "Kies een bestaande casus óf schrijf een nieuwe inbreng, niet allebei.")
        elif not casus_pk and not inbreng and "inbreng" not in self.errors:
            self.add_error("casus", "Kies een bestaande casus of schrijf een nieuwe inbreng.")
        elif not casus_pk and inbreng:
            if len(inbreng) < 40:
                self.add_error("inbreng", "Beschrijf de nieuwe inbreng in minstens 40 tekens.")
            if not data.get("thema"):
                self.add_error("thema", "Kies het thema van de nieuwe inbreng.")
        data["casus_page"] = visible_casus(self.user).filter(pk=casus_pk).first() if casus_pk else None
        return data


class RecordForm(forms.Form):
    """Notes per phase (fields ``fase_<position>``) and the conclusions."""

    use_required_attribute = False  # the server validates, with Dutch messages

    conclusions = forms.CharField(
        label="Conclusies",
        required=False,
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 4, "class": TEXTAREA}),
        help_text="Wat neemt het team mee? Schrijf over het besluit, niet over de collega.",
    )

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        existing = {note.position: note.text for note in session.phase_notes.all()}
        self.phase_fields = []
        for position, phase in enumerate(session.method.phases.all(), start=1):
            name = f"fase_{position}"
            self.fields[name] = forms.CharField(
                label=f"{position}. {phase.title}",
                required=False,
                max_length=8000,
                initial=existing.get(position, ""),
                widget=forms.Textarea(attrs={"rows": 3, "class": TEXTAREA}),
            )
            self.phase_fields.append(name)
        self.fields["conclusions"].initial = session.conclusions
        self.order_fields([*self.phase_fields, "conclusions"])

    def notes(self) -> dict[int, str]:
        return {int(name.split("_")[1]): self.cleaned_data.get(name, "") for name in self.phase_fields}


class WerkafspraakForm(forms.Form):
    use_required_attribute = False  # the server validates, with Dutch messages
    title = forms.CharField(
        label="Werkafspraak in het kort",
        max_length=200,
        widget=forms.TextInput(attrs={"class": INPUT}),
        error_messages={"required": "Geef de werkafspraak een korte titel."},
    )
    text = forms.CharField(
        label="De afspraak",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3, "class": TEXTAREA}),
        error_messages={"required": "Beschrijf de afspraak."},
        help_text="Bijvoorbeeld: bij een eenmalige gift onder de grens voor een waarschuwing kiezen wij ...",
    )
    rationale = forms.CharField(
        label="Waarom (optioneel)",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3, "class": TEXTAREA}),
    )
