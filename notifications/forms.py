from django import forms

from casuistry.choices import Regeling
from casuistry.models import Thema

SELECT = "utrecht-select utrecht-select--html-select"


class FollowForm(forms.Form):
    thema = forms.ModelChoiceField(
        label="Thema",
        queryset=Thema.objects.order_by("name"),
        empty_label="Kies een thema",
        widget=forms.Select(attrs={"class": SELECT}),
    )
    regeling = forms.ChoiceField(
        label="Alleen voor regeling",
        required=False,
        choices=[("", "Alle regelingen"), *Regeling.choices],
        widget=forms.Select(attrs={"class": SELECT}),
    )
