"""The Wagtail editor form of a casus, with the anonymisation gate on every save and publish."""

from __future__ import annotations

from django import forms
from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminPageForm

from casuistry.permissions import BEZWAAR_PERMISSION
from casuistry.services.anonymisation.admin_forms import gate_form
from casuistry.services.anonymisation.gate import LABEL_NAMES, pseudonymise_text, scan_texts
from casuistry.services.anonymisation.gated_fields import gated_fields
from organisations.selectors import organisation_of

ACKNOWLEDGED = "waarschuwing gezien"
DISMISSED_ACTION = "casuistry.anonimisering_onterecht"




class CasusPageForm(WagtailAdminPageForm):
    pseudonimiseer = forms.BooleanField(
        required=False,
        label="Vervang alle gevonden persoonsgegevens door plaatsaanduidingen ([PERSOON-1], [DATUM] …)",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        if "bezwaar" in self.fields and not (user and user.has_perm(BEZWAAR_PERMISSION)):
            # Bezwaar data belongs to Jurist and Beheerder; others see the value but cannot change it.
            self.fields["bezwaar"].disabled = True
            self.fields["bezwaar"].help_text = "Alleen juristen en beheerders leggen de uitkomst van bezwaar vast."
        self._own_organisation_only(user)

    def _own_organisation_only(self, user):
        """A casus belongs to the editor's organisation; only a superuser chooses another one."""
        if "organisation" not in self.fields or user is None or user.is_superuser:
            return
        own = organisation_of(user)
        field = self.fields["organisation"]
        field.queryset = field.queryset.filter(pk=own.pk) if own else field.queryset.none()
        if own and not self.instance.organisation_id:
            self.initial["organisation"] = own.pk
        field.required = own is not None
        field.help_text = "Een casus hoort bij de organisatie van wie hem vastlegt."

    def clean(self):
        cleaned = super().clean()
        texts = self._gated_texts(cleaned)
        findings = scan_texts(texts)
        self.pending_dismissals: list[dict] = []
        if cleaned.get("pseudonimiseer") and findings:
            if any(f.field == "external_id" and f.blocking for f in findings):
                self.add_error("external_id", "Mogelijke persoonsgegevens in het kenmerk; kies een ander kenmerk.")
            self._pseudonymise(cleaned, texts, {f.field for f in findings})
            self.anonymisation_findings = []
            return cleaned
        resolved = {d["key"] for d in (self.instance.anonymisation_dismissals or [])}
        chosen = set(self.data.getlist("anonimisering_onterecht"))
        for found in findings:
            if found.key in resolved:
                continue
            if found.key in chosen:
                reason = self.data.get(f"anonimisering_reden_{found.key}", "").strip()
                if found.blocking and not reason:
                    self.add_error(self._error_field(found.field), "Geef een reden waarom deze melding onterecht is.")
                    continue
                # The reason is free text too: it reaches the audit log, so it is pseudonymised.
                reason = pseudonymise_text(reason)[0] if reason else ACKNOWLEDGED
                self.pending_dismissals.append(
                    {"key": found.key, "field": found.field, "label": found.label, "reason": reason}
                )
                continue
            if found.blocking:
                self.add_error(
                    self._error_field(found.field),
                    f"Mogelijke persoonsgegevens ({LABEL_NAMES[found.label]}, {found.label}). Pseudonimiseer of "
                    "markeer de melding als onterecht in het paneel Anonimisering.",
                )
        dismissed = resolved | {d["key"] for d in self.pending_dismissals}
        self.anonymisation_findings = [f for f in findings if f.key not in dismissed]
        return cleaned

    def is_valid(self):
        # The precedent links' explanations are free text too; the inline forms are clean only now.
        valid = super().is_valid()
        relations = self.formsets.get("relations")
        for child in relations.forms if relations is not None else []:
            if getattr(child, "cleaned_data", None) and not child.cleaned_data.get("DELETE"):
                gate_form(child)
        return valid and not any(child.errors for fs in self.formsets.values() for child in fs.forms)

    def _gated_texts(self, cleaned) -> dict[str, str]:
        """The casus' text fields, its tags and its slug (Wagtail fills it from the title as typed)."""
        texts = {name: cleaned.get(name) or "" for name in gated_fields(self._meta.model) if name in self.fields}
        if "tags" in self.fields:
            texts["tags"] = "\n".join(getattr(tag, "name", str(tag)) for tag in cleaned.get("tags") or [])
        if cleaned.get("slug"):
            texts["slug"] = cleaned["slug"].replace("-", " ")
        return texts

    def _pseudonymise(self, cleaned, texts: dict[str, str], fields: set[str]) -> None:
        for name in fields - {"tags", "slug", "external_id"}:
            cleaned[name], _ = pseudonymise_text(texts[name])
        if "tags" in fields:
            cleaned["tags"] = [pseudonymise_text(getattr(t, "name", str(t)))[0] for t in cleaned.get("tags") or []]
        if "slug" in fields or "title" in fields:
            cleaned["slug"] = slugify(cleaned.get("title") or "") or slugify(self.instance.external_id or "casus")

    def _error_field(self, field: str) -> str | None:
        return field if field in self.fields else None

    def save(self, commit=True):
        page = super().save(commit=False)
        pending = getattr(self, "pending_dismissals", [])
        if pending:
            page.anonymisation_dismissals = [*(page.anonymisation_dismissals or []), *pending]
            if page.pk:
                log_dismissals(page, pending, user=self.for_user)
            else:
                page._pending_anonymisation_log = pending  # a new page: logged by after_create_page
        if commit:
            page.save()
        return page


def log_dismissals(page, dismissals: list[dict], *, user) -> None:
    """Who marked which finding as wrong or seen, when and why. The fragment itself is never logged."""
    from wagtail.log_actions import log

    for dismissal in dismissals:
        data = {"veld": dismissal["field"], "soort": dismissal["label"], "reden": dismissal["reason"]}
        log(instance=page, action=DISMISSED_ACTION, user=user, data=data)
