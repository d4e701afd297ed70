from .methods import Method, MethodPhase
from .pages import WerkafspraakPage, WerkafsprakenIndexPage
from .sessions import Judgement, PhaseNote, Session, Werkafspraak

__all__ = [
    "Judgement",
    "Method",
    "MethodPhase",
    "PhaseNote",
    "Session",
    "Werkafspraak",
    "WerkafspraakPage",
    "WerkafsprakenIndexPage",
]
