"""Closed classes of French words (elided forms, subject pronouns, determiners…) and the word lists of the rules.

A closed class is written once, in ``cleanfr/data/lexicon/closed_classes.toml``, and every rule that asks about it
reads it through :func:`closed_class`. A list that belongs to one rule family's logic (the glue analysis'
prefixes, the elision table) lives in that family's file under ``cleanfr/data/words/`` or
``cleanfr/data/phrases/``, read with :func:`word_lists`. Both are read through :mod:`cleanfr.tables` at first use, once per process: the rule modules
are imported on start-up, their lists are not.

>>> "qu" in closed_class("elided_forms") and "quelqu" in closed_class("elided_forms")
True
>>> "anti" in word_lists("words/glue.toml")["prefixes"]
True
"""

from __future__ import annotations

from functools import lru_cache

from .. import tables

__all__ = ["CLOSED_CLASSES", "closed_class", "word_lists"]

#: The file of the closed classes (a path for :mod:`cleanfr.tables`).
CLOSED_CLASSES = "lexicon/closed_classes.toml"


@lru_cache(maxsize=None)
def word_lists(path: str, table: str | None = None) -> dict[str, frozenset[str]]:
    """The word lists of the TOML file ``cleanfr/data/<path>`` (or of its table ``[table]``), name → words.

    Every list must hold distinct words without blanks (a blank would make one entry of two words that no
    token ever equals; a word given twice is a slip of the hand); a nested table is read by naming it. The
    dict is shared by every caller: read it, never change it.
    """
    where = f"cleanfr/data/{path}" + (f" [{table}]" if table else "")
    data = tables.toml(path) if table is None else tables.toml(path).get(table)
    if not isinstance(data, dict):
        raise tables.TableError(f"{where}: no such table")
    found: dict[str, frozenset[str]] = {}
    for name, words in data.items():
        if isinstance(words, dict):
            continue  # a table of lists, read by its own name
        if not isinstance(words, list) or not all(isinstance(w, str) and w and w.split() == [w] for w in words):
            raise tables.TableError(f"{where}: {name}: a list of words without blanks expected")
        if len(set(words)) != len(words):
            twice = sorted({w for w in words if words.count(w) > 1})
            raise tables.TableError(f"{where}: {name}: listed twice: {', '.join(twice)}")
        found[name] = frozenset(words)
    return found


def closed_class(name: str) -> frozenset[str]:
    """The words of the closed class ``name`` of ``closed_classes.toml`` (``KeyError`` for an unknown class).

    >>> sorted(closed_class("subject_pronouns"))
    ['elle', 'elles', 'il', 'ils', 'je', 'nous', 'on', 'tu', 'vous']
    """
    return word_lists(CLOSED_CLASSES)[name]
