"""The anonymisation gate in the Wagtail admin, for every model that declares ``gated_fields``.

A direct identifier in a gated field (or in a gated field of an inline child, such as a step of a
leerpad or a phase of a method) blocks saving with a Dutch message naming the field and the kind of
data, never the value; PLACE and EMPLOYER do not block. The casus editor (casuistry.forms) adds
pseudonymising and dismissals on top.
"""

from __future__ import annotations

from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from .gate import LABEL_NAMES, scan_texts
from .gated_fields import field_text, gated_fields


def gate_form(form) -> None:
    """Field errors on the form for every blocking finding in its gated fields."""
    names = [name for name in gated_fields(form._meta.model) if name in form.fields]
    texts = {name: field_text(form.cleaned_data.get(name)) for name in names}
    for found in scan_texts({name: text for name, text in texts.items() if text}):
        if found.blocking and found.field not in form.errors:
            form.add_error(
                found.field,
                f"Mogelijke persoonsgegevens ({LABEL_NAMES[found.label]}). Vervang ze door de huisstijl "
                "(mevrouw F., meneer K.) of door een omschrijving zonder naam of nummer.",
            )


class GateMixin:
    """Gate the form and its inline children once all of them are cleaned (ClusterForm cleans the
    children after the form itself)."""

    def is_valid(self):
        valid = super().is_valid()
        gate_form(self)
        for formset in getattr(self, "formsets", {}).values():
            for child in formset.forms:
                if getattr(child, "cleaned_data", None) and not child.cleaned_data.get("DELETE"):
                    gate_form(child)
        children_ok = all(not child.errors for fs in getattr(self, "formsets", {}).values() for child in fs.forms)
        return valid and not self.errors and children_ok


class GatedAdminModelForm(GateMixin, WagtailAdminModelForm):
    """base_form_class of snippets with gated fields."""


class GatedPageForm(GateMixin, WagtailAdminPageForm):
    """base_form_class of pages with gated fields (the casus page has its own, richer form)."""
