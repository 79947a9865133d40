"""Rule families. Each module defines small :class:`Rule` subclasses; the pipeline orders them.

A rule finds problems in a :class:`~cleanfr.document.Document` and yields :class:`~cleanfr.edits.Edit`
objects (offsets in the document's text). It states a confidence; the pipeline decides whether an edit
is applied or only suggested, so rules never look at the user's threshold.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, ClassVar, Iterable, Iterator

from ..document import Document
from ..edits import Edit

if TYPE_CHECKING:
    from ..config import Config

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
    #: Made of the user's configuration data (``user-calque``): nothing to do without a configuration.
    needs_config: ClassVar[bool] = False

    def find(self, doc: Document) -> Iterable[Edit]:  # pragma: no cover - interface
        raise NotImplementedError

    @classmethod
    def from_config(cls, config: Config) -> Rule | None:
        """This rule for a configuration; ``None`` when the configuration gives it nothing to do."""
        return cls()

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


def rule_modules() -> list[str]:
    """Every module of ``cleanfr.rules``: a rule family is enabled by adding its module."""
    import pkgutil

    return sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))


@lru_cache(maxsize=1)
def all_rules() -> tuple[type[Rule], ...]:
    """Every rule class, in pass order then definition order: the registry the command, docs and pipeline read."""
    classes = list(iter_rule_classes(rule_modules()))
    classes.sort(key=lambda c: PASSES.index(c.pass_name))
    return tuple(classes)
