"""Reads: the legal regime a precedent was decided under, and the notice when that regime has passed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from casuistry.models import Regime


@dataclass(frozen=True)
class RegimeNotice:
    regime: Regime  # the casus' regime
    current: Regime  # the regime in force today
    article_url: str  # the kennisartikel about what changed, or ""


def current_regime(today: date | None = None) -> Regime | None:
    today = today or timezone.localdate()
    return Regime.objects.filter(starts_on__lte=today).select_related("article").order_by("-starts_on").first()


def regime_notice(casus, current: Regime | None = None) -> RegimeNotice | None:
    """A notice when the casus was decided under a regime that has been replaced since."""
    current = current or current_regime()
    regime = casus.regime
    if regime is None or current is None or regime.starts_on >= current.starts_on:
        return None
    article = current.article
    url = article.url if article is not None and article.live else ""
    return RegimeNotice(regime, current, url or "")


def regime_choices() -> list[tuple[str, str]]:
    return list(Regime.objects.order_by("starts_on").values_list("slug", "name"))
