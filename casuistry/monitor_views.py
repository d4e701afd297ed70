"""`/monitor/`: what the chain learns from outcomes and bezwaren. Every table also as CSV."""

import csv
import re
from urllib.parse import urlencode

from django import forms
from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from casuistry.choices import Regeling
from casuistry.models.bezwaar import Stage
from casuistry.permissions import BEZWAAR_PERMISSION
from casuistry.selectors.stats import MonitorFilters, jurist_worklist, monitor_tables, table_by_key, theme_choices
from casuistry.selectors.visibility import monitor_scopes, own_casus


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
    """Each table for the user's own organisation, with the regional or national figure beside it."""
    form = MonitorFilterForm(request.GET or None)
    filters = form.filters()
    scopes = monitor_scopes(request.user)
    compare_key = request.GET.get("vergelijk", "regio" if "regio" in scopes else "landelijk")
    compare = scopes.get(compare_key) if compare_key != "eigen" else None
    own_tables = _with_csv(monitor_tables(filters, scopes["eigen"].casus), filters, "eigen")
    compared = _with_csv(monitor_tables(filters, compare.casus), filters, compare.key) if compare else []
    context = {
        "form": form,
        "tables": own_tables,
        "pairs": list(zip(own_tables, compared or [None] * len(own_tables), strict=True)),
        "own_scope": scopes["eigen"],
        "compare_scope": compare,
        "compare_choices": [s for s in scopes.values() if s.key != "eigen"],
    }
    return render(request, "casuistry/monitor.html", context)


def _with_csv(tables, filters, scope_key: str):
    query = [*filters.as_query(), *([("bereik", scope_key)] if scope_key != "eigen" else [])]
    for table in tables:
        table.csv_url = reverse("monitor_csv", args=[table.key]) + (f"?{urlencode(query)}" if query else "")
    return tables


def monitor_csv(request, key: str):
    scope = monitor_scopes(request.user).get(request.GET.get("bereik", "eigen"))
    if scope is None:
        raise Http404("Onbekend bereik.")
    table = table_by_key(MonitorFilterForm(request.GET or None).filters(), key, scope.casus)
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
    casus = jurist_worklist(own_casus(request.user), stage=stage if stage in Stage.values else "", thema=thema)
    context = {"casus_list": casus, "stages": Stage.choices, "stage": stage, "themes": theme_choices(), "thema": thema}
    return render(request, "casuistry/werklijst.html", context)
