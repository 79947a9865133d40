"""Rule families. Each module defines small :class:`Rule` subclasses; the pipeline orders them.

A rule finds problems in a :class:`~cleanfr.document.Document` and yields :class:`~cleanfr.edits.Edit`
objects (offsets in the document's text). It states a confidence; the pipeline decides whether an edit
is applied or only suggested, so rules never look at the user's threshold.
"""

from __future__ import annotations

from typing import ClassVar, Iterable, Iterator

from ..document import Document
from ..edits import Edit

PASSES = ("unicode", "blocks", "words", "phrases", "typography")


class Rule:
    """Base class: subclasses set the class attributes and implement :meth:`find`.

    The docstring of a subclass is its documentation in ``cleanfr rules ID``.
    """

    id: ClassVar[str]
    category: ClassVar[str]
    pass_name: ClassVar[str]
    description: ClassVar[str]
    default_enabled: ClassVar[bool] = True

    def find(self, doc: Document) -> Iterable[Edit]:  # pragma: no cover - interface
        raise NotImplementedError

    def edit(self, doc: Document, start: int, end: int, replacement: str, confidence: float, message: str) -> Edit:
        """Build an edit of this rule over ``doc.text[start:end]``."""
        return Edit(start, end, doc.text[start:end], replacement, self.id, self.category, confidence, message)


def iter_rule_classes(module_names: Iterable[str]) -> Iterator[type[Rule]]:
    """Rule classes defined in the given ``cleanfr.rules`` modules, in definition order."""
    import importlib

    for name in module_names:
        module = importlib.import_module(f"{__name__}.{name}")
        for obj in vars(module).values():
            if isinstance(obj, type) and issubclass(obj, Rule) and obj is not Rule and obj.__module__ == module.__name__:
                if getattr(obj, "id", None):
                    yield obj
