"""The user's own boilerplate lines, from the configuration's ``boilerplate`` file.

A rule like the others (listed by ``cleanfr rules``, selectable, ignorable); without a configuration that
gives it patterns it finds nothing and the pipeline leaves it out. Its lines are removed on their own, not
through the shared plan of the block rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Sequence

import regex

from ...document import Document
from ...edits import Edit
from .. import Rule

if TYPE_CHECKING:
    from ...config import Config

#: The user's boilerplate patterns name whole lines; their removal is as sure as the user is.
USER_BOILERPLATE_CONFIDENCE = 0.95
_LINE = regex.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


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
                yield self.edit(
                    doc, m.start(), m.end(), "", USER_BOILERPLATE_CONFIDENCE, "ligne parasite (motif de l’utilisateur)"
                )
