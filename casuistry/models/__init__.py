from .pages import CasusIndexPage, CasusPage, CasusRelation, CasusTag
from .taxonomy import Thema

__all__ = ["CasusIndexPage", "CasusPage", "CasusRelation", "CasusTag", "Thema"]
