"""The user's own rules, from the configuration's data files (``calques`` and ``boilerplate``).

They are rules like the others (listed by ``cleanfr rules``, selectable, ignorable); without a
configuration that gives them entries they find nothing and the pipeline leaves them out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Sequence

import regex

from ..document import Document
from ..edits import Edit
from ..tokens import WordMatcher
from . import Rule

if TYPE_CHECKING:
    from ..config import Config

#: The user's boilerplate patterns name whole lines; their removal is as sure as the user is.
USER_BOILERPLATE_CONFIDENCE = 0.95
_LINE = regex.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


class UserCalque(Rule):
    """Calques from the user's ``calques`` file (whole words, case of the first letter kept).

    With ``prendre place<TAB>avoir lieu``: « La réunion va prendre place demain » → « … avoir lieu demain ».
    """

    id = "user-calque"
    category = "calque"
    pass_name = "phrases"
    description = "calques listed in the configuration's calques file"
    needs_config = True

    def __init__(self, entries: Sequence[tuple[str, str, float]] = ()) -> None:
        self.table = {wrong.lower(): (right, conf) for wrong, right, conf in entries}
        # one automaton over the lower-cased text (an alternation of 100,000 entries took minutes per text)
        self.matcher = WordMatcher(self.table) if self.table else None

    @classmethod
    def from_config(cls, config: Config) -> Rule | None:
        return cls(config.calques) if config.calques else None

    def find(self, doc: Document) -> Iterable[Edit]:
        if self.matcher is None:
            return
        text = doc.text
        lowered = text.lower()
        if len(lowered) != len(text):  # a character whose lower case is longer (İ): offsets must stay the same
            lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        found = [(start, -end, wrong) for start, end, wrong in self.matcher.occurrences(lowered)]
        # leftmost, then longest, never overlapping: as a regular expression's alternation of the entries
        # sorted longest first would read them
        found.sort()
        reached = 0
        for start, neg_end, wrong in found:
            end = -neg_end
            if start < reached:
                continue
            reached = end
            original = text[start:end]
            right, conf = self.table[wrong]
            if original[:1].isupper():
                right = right[:1].upper() + right[1:]
            yield self.edit(doc, start, end, right, conf, f"calque (liste de l’utilisateur) : « {original} » → « {right} »")


class UserBoilerplate(Rule):
    """Whole lines matching a pattern of the user's ``boilerplate`` file are removed, line break included.

    With ``Lire aussi :.*``: the line « Lire aussi : notre dossier » disappears.
    """

    id = "user-boilerplate"
    category = "boilerplate"
    pass_name = "blocks"
    description = "lines matching the configuration's boilerplate patterns"
    needs_config = True

    def __init__(self, patterns: Sequence[str] = ()) -> None:
        # Each pattern is tried on its own: joined into one alternation, their numbered backreferences
        # (\\1) would point at one another's groups.
        self.patterns = [regex.compile(p) for p in patterns]

    @classmethod
    def from_config(cls, config: Config) -> Rule | None:
        return cls(config.boilerplate) if config.boilerplate else None

    def find(self, doc: Document) -> Iterable[Edit]:
        if not self.patterns:
            return
        for m in _LINE.finditer(doc.text):
            line = m.group().rstrip("\r\n").strip()
            if line and any(p.fullmatch(line) for p in self.patterns):
                yield self.edit(doc, m.start(), m.end(), "", USER_BOILERPLATE_CONFIDENCE, "ligne parasite (motif de l’utilisateur)")
