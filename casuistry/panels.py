from wagtail.admin.panels import Panel

from casuistry.services.anonymisation.gate import LABEL_NAMES, page_texts, scan_texts


class AnonymisationPanel(Panel):
    """Shows what the anonymisation gate found, highlighted in context, with the ways to resolve it."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "casuistry/panels/anonymisation_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            form = self.form
            if form is not None and form.is_bound and hasattr(form, "anonymisation_findings"):
                findings = form.anonymisation_findings
                texts = {name: form.data.get(name, "") for name in {f.field for f in findings}}
            else:
                texts = page_texts(self.instance)
                resolved = {d["key"] for d in (self.instance.anonymisation_dismissals or [])}
                findings = [f for f in scan_texts(texts) if f.key not in resolved] if self.instance.pk else []
            labels = {name: self.instance._meta.get_field(name).verbose_name for name in texts}
            context["findings"] = [
                {
                    "finding": f,
                    "field_label": labels.get(f.field, f.field),
                    "label_name": LABEL_NAMES[f.label],
                    "context": f.context_html(texts.get(f.field, "")),
                }
                for f in findings
            ]
            context["blocking"] = any(f.blocking for f in findings)
            context["pseudonymise_field"] = form["pseudonimiseer"] if form is not None else None
            return context


class SimilarCasusPanel(Panel):
    """Existing casus that resemble the one being edited: link precedents, avoid duplicates.

    The template reads the suggestions (tag ``similar_casus_for_editor``): panels load with the
    models, and the search imports the models.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "casuistry/panels/similar_casus_panel.html"
