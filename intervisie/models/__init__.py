from .leerpaden import LeerpadIndexPage, LeerpadPage, LeerpadStap, LeerpadVoortgang, StapSoort, StapVoortgang
from .methods import Method, MethodPhase
from .pages import WerkafspraakPage, WerkafsprakenIndexPage
from .sessions import Judgement, PhaseNote, Session, Werkafspraak

__all__ = [
    "Judgement",
    "LeerpadIndexPage",
    "LeerpadPage",
    "LeerpadStap",
    "LeerpadVoortgang",
    "Method",
    "MethodPhase",
    "PhaseNote",
    "Session",
    "StapSoort",
    "StapVoortgang",
    "Werkafspraak",
    "WerkafspraakPage",
    "WerkafsprakenIndexPage",
]
