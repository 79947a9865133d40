"""The user's own calques, from the configuration's ``calques`` file.

A rule like the others (listed by ``cleanfr rules``, selectable, ignorable); without a configuration that
gives it entries it finds nothing and the pipeline leaves it out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Sequence

from ...document import Document
from ...edits import Edit
from ...tokens import WordMatcher
from .. import Rule

if TYPE_CHECKING:
    from ...config import Config


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
            yield self.edit(
                doc, start, end, right, conf, f"calque (liste de l’utilisateur) : « {original} » → « {right} »"
            )
