"""The text a pass works on, with analyses that several rules share, computed once and lazily.

>>> doc = Document("L’Ukraine a dit qu’il viendra.")
>>> doc.apostrophe
'’'
"""

from __future__ import annotations

from functools import cached_property
from typing import Any, Callable, TypeVar

T = TypeVar("T")

TYPOGRAPHIC_APOSTROPHE = "\u2019"


class Document:
    """One input text as seen by one pass. Rules read it; they never modify it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._memo: dict[str, Any] = {}

    def memo(self, key: str, factory: Callable[["Document"], T]) -> T:
        """Compute ``factory(self)`` once per document and pass; rule families share analyses by key."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = factory(self)
            return value

    @cached_property
    def apostrophe(self) -> str:
        """The apostrophe this document mostly uses (’ or '), so repairs follow its convention."""
        curly = self.text.count(TYPOGRAPHIC_APOSTROPHE)
        straight = self.text.count("'")
        return TYPOGRAPHIC_APOSTROPHE if curly >= straight and curly else "'"
