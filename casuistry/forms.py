"""The Wagtail editor form of a casus, with the anonymisation gate on every save and publish."""

from __future__ import annotations

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm

from casuistry.permissions import BEZWAAR_PERMISSION
from casuistry.services.anonymisation.gate import LABEL_NAMES, PAGE_TEXT_FIELDS, pseudonymise_text, scan_texts

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

    def clean(self):
        cleaned = super().clean()
        texts = {name: cleaned.get(name) or "" for name in PAGE_TEXT_FIELDS if name in self.fields}
        findings = scan_texts(texts)
        self.pending_dismissals: list[dict] = []
        if cleaned.get("pseudonimiseer") and findings:
            for name in {f.field for f in findings}:
                cleaned[name], _ = pseudonymise_text(texts[name])
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
                    self.add_error(found.field, "Geef een reden waarom deze melding onterecht is.")
                    continue
                self.pending_dismissals.append(
                    {"key": found.key, "field": found.field, "label": found.label, "reason": reason or ACKNOWLEDGED}
                )
                continue
            if found.blocking:
                self.add_error(
                    found.field,
                    f"Mogelijke persoonsgegevens ({LABEL_NAMES[found.label]}, {found.label}). Pseudonimiseer of "
                    "markeer de melding als onterecht in het paneel Anonimisering.",
                )
        dismissed = resolved | {d["key"] for d in self.pending_dismissals}
        self.anonymisation_findings = [f for f in findings if f.key not in dismissed]
        return cleaned

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
