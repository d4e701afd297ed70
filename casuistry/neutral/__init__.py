"""Search that does not depend on who a person is: see :func:`neutral_text`."""

from .text import KINDS, ORIGIN_WORDS, NeutralText, neutral_text

__all__ = ["KINDS", "ORIGIN_WORDS", "NeutralText", "neutral_text"]
