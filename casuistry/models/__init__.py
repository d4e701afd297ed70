from .bezwaar import BezwaarGrond, BezwaarRecord, KostenPost, MkbaRegel, Scenario, Stage
from .embeddings import Aspect, CasusEmbedding
from .pages import CasusIndexPage, CasusPage, CasusRelation, CasusTag
from .taxonomy import Regime, Thema

__all__ = [
    "Aspect",
    "BezwaarGrond",
    "BezwaarRecord",
    "CasusEmbedding",
    "CasusIndexPage",
    "CasusPage",
    "CasusRelation",
    "CasusTag",
    "KostenPost",
    "MkbaRegel",
    "Scenario",
    "Stage",
    "Regime",
    "Thema",
]
