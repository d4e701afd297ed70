"""`/monitor/`: what the chain learns from outcomes and bezwaren. Every table also as CSV."""

import csv
import re

from django import forms
from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from casuistry.choices import Regeling
from casuistry.models.bezwaar import Stage
from casuistry.permissions import BEZWAAR_PERMISSION
from casuistry.selectors.stats import MonitorFilters, jurist_worklist, monitor_tables, table_by_key, theme_choices


class MonitorFilterForm(forms.Form):
    van = forms.IntegerField(label="Vanaf jaar", required=False, min_value=2000, max_value=2100)
    tot = forms.IntegerField(label="Tot en met jaar", required=False, min_value=2000, max_value=2100)
    thema = forms.MultipleChoiceField(label="Thema", required=False, widget=forms.CheckboxSelectMultiple)
    regeling = forms.MultipleChoiceField(
        label="Regeling", required=False, choices=Regeling.choices, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thema"].choices = theme_choices()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("van") and cleaned.get("tot") and cleaned["van"] > cleaned["tot"]:
            raise forms.ValidationError("'Vanaf jaar' ligt na 'Tot en met jaar'.")
        return cleaned

    def filters(self) -> MonitorFilters:
        if not self.is_valid():
            return MonitorFilters()
        data = self.cleaned_data
        return MonitorFilters(data.get("van"), data.get("tot"), data.get("thema") or [], data.get("regeling") or [])


def monitor(request):
    form = MonitorFilterForm(request.GET or None)
    filters = form.filters()
    query = request.GET.urlencode()
    tables = monitor_tables(filters)
    for table in tables:
        table.csv_url = reverse("monitor_csv", args=[table.key]) + (f"?{query}" if query else "")
    return render(request, "casuistry/monitor.html", {"form": form, "tables": tables})


def monitor_csv(request, key: str):
    table = table_by_key(MonitorFilterForm(request.GET or None).filters(), key)
    if table is None:
        raise Http404("Onbekende tabel.")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="monitor-{key}.csv"'
    writer = csv.writer(response)
    writer.writerow(spreadsheet_safe(["label", *[c.key for c in table.columns]]))
    for row in table.rows:
        writer.writerow(spreadsheet_safe([row["label"], *[row.get(c.key, "") for c in table.columns]]))
    return response


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"^-?\d+(?:[.,]\d+)?$")


def spreadsheet_safe(cells: list) -> list:
    """A text cell that a spreadsheet would run as a formula (= + - @, tab) gets a leading quote.

    Numbers stay numbers, negative ones included: a label named ``=HYPERLINK(…)`` is shown, not run.
    """
    return [
        f"'{cell}" if isinstance(cell, str) and cell.startswith(FORMULA_START) and not NUMBER.match(cell) else cell
        for cell in cells
    ]


@permission_required(BEZWAAR_PERMISSION, raise_exception=True)
def werklijst(request):
    """The jurist's worklist (Jurist and Beheerder: the roles that record bezwaar data)."""
    stage = request.GET.get("fase", "")
    thema = request.GET.get("thema", "")[:100]
    casus = jurist_worklist(stage=stage if stage in Stage.values else "", thema=thema)
    context = {"casus_list": casus, "stages": Stage.choices, "stage": stage, "themes": theme_choices(), "thema": thema}
    return render(request, "casuistry/werklijst.html", context)
