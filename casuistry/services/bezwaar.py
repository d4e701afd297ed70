"""Writes around bezwaar records: keep the casus' interchange field `bezwaar` equal to its latest outcome."""

from casuistry.models import BezwaarRecord, CasusPage
from casuistry.models.bezwaar import STAGE_ORDER


def latest_decided_outcome(casus_id: int) -> str | None:
    """The outcome of the furthest decided stage; None when no stage is decided yet."""
    decided = [r for r in BezwaarRecord.objects.filter(casus_id=casus_id).exclude(outcome="")]
    if not decided:
        return None
    latest = max(decided, key=lambda r: (STAGE_ORDER.get(r.stage, 0), r.periode or "", r.created_at))
    return latest.outcome


def sync_casus_bezwaar(casus_id: int) -> None:
    """Records are the detail; the casus field follows them. Without decided records it is left alone,
    so an imported value survives until a jurist records the procedure."""
    outcome = latest_decided_outcome(casus_id)
    if outcome is not None:
        CasusPage.objects.filter(pk=casus_id).exclude(bezwaar=outcome).update(bezwaar=outcome)
