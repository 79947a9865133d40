"""The rules and their registry: one package per pass, one module per rule family.

The pipeline runs the passes in :data:`PASSES` order; a pass that needs an engine has it in its package
(``blocks/`` plans whole-line removals together, ``phrases/`` scans every phrase table with one
automaton), the others are single modules (``unicode``, ``typography``) or plain rules read one after the
other (``words/``). Helper modules shared inside a package start with ``_``; a rule module never imports
another rule module.

A rule finds problems in a :class:`~cleanfr.document.Document` and yields :class:`~cleanfr.edits.Edit`
objects (offsets in the document's text). It states a confidence; the pipeline decides whether an edit
is applied or only suggested, so rules never look at the user's threshold.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, ClassVar, Iterable, Iterator

from .. import tables
from ..calibration import Calibration
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
    #: Where the rule runs within its pass (lower first; then module path, then definition order). It
    #: matters where rules build one result together (the block plan: boilerplate, then embeds, then
    #: duplicates, which compare lines as the earlier rules leave them).
    order: ClassVar[int] = 100
    #: Made of the user's configuration data (``user-calque``): nothing to do without a configuration.
    needs_config: ClassVar[bool] = False
    #: Whether a finding can rest on text paragraphs away from it (a paragraph and its copy further down):
    #: such a rule reads the whole text when the pipeline checks a round's changes, the others read the
    #: changed paragraphs and their neighbours (:meth:`cleanfr.pipeline.Pipeline.fix`).
    reads_whole_text: ClassVar[bool] = False

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
    """Rule classes defined in the given ``cleanfr.rules`` modules (``"words.glued"``), in definition order."""
    import importlib

    for name in module_names:
        module = importlib.import_module(f"{__name__}.{name}")
        for obj in vars(module).values():
            if (
                isinstance(obj, type)
                and issubclass(obj, Rule)
                and obj is not Rule
                and obj.__module__ == module.__name__
            ):
                if getattr(obj, "id", None):
                    yield obj


def rule_modules() -> list[str]:
    """Every rule module of ``cleanfr.rules`` and its pass packages (``"words.glued"``): a rule family is
    enabled by adding its module. Helper modules (``_…``) are left out."""
    import pkgutil

    found = []

    def broken(name: str) -> None:
        raise  # the ImportError of a pass package: its rules must not disappear silently

    for m in pkgutil.walk_packages(__path__, prefix=f"{__name__}.", onerror=broken):
        name = m.name[len(__name__) + 1 :]
        parts = name.split(".")
        if not any(p.startswith("_") for p in parts) and not m.ispkg:
            found.append(name)
    return sorted(found)


@lru_cache(maxsize=1)
def all_rules() -> tuple[type[Rule], ...]:
    """Every rule class, by pass, then :attr:`Rule.order`, then module path and definition order: the registry
    the command, the docs and the pipeline read."""
    classes = list(iter_rule_classes(rule_modules()))
    classes.sort(key=lambda c: (PASSES.index(c.pass_name), c.order))
    return tuple(classes)


@dataclass(frozen=True)
class Example:
    """A text a rule repairs (``fixed``: the expected output) or reports (``reports``: the reported word)."""

    text: str
    fixed: str | None = None
    reports: str | None = None


@dataclass(frozen=True)
class RuleExamples:
    """What a rule does and what it leaves alone, from ``cleanfr/data/rule_examples.toml``."""

    examples: tuple[Example, ...]
    counter: tuple[str, ...]


def rule_examples(rule_id: str) -> RuleExamples:
    """The examples and counter-examples of a rule (empty for a rule the table does not list)."""
    entry = tables.toml("rule_examples.toml").get(rule_id, {})
    try:
        examples = tuple(Example(**e) for e in entry.get("examples", ()))
    except TypeError as error:  # a misspelt field
        raise tables.TableError(f"cleanfr/data/rule_examples.toml: [{rule_id}]: {error}") from None
    return RuleExamples(examples, tuple(entry.get("counter", ())))


def rule_status(rule_id: str) -> str:
    """``stable`` when at least one grade of the rule is applied on measured precision (judged on real text,
    :mod:`cleanfr.calibration`); ``preview`` when its applied edits rest on stated confidence alone, or when
    it only suggests."""
    grades = Calibration.load().for_rule(rule_id)
    return "stable" if any(g.status == "apply" for g in grades) else "preview"
