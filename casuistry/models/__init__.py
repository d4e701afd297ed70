from .embeddings import Aspect, CasusEmbedding
from .pages import CasusIndexPage, CasusPage, CasusRelation, CasusTag
from .taxonomy import Thema

__all__ = ["Aspect", "CasusEmbedding", "CasusIndexPage", "CasusPage", "CasusRelation", "CasusTag", "Thema"]
