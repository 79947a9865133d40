"""cleanfr keeps py3langid's model restricted to the European languages and its automaton in blocks
(``cleanfr.lexicon.language._identifier``): it must answer exactly as py3langid's own identifier does."""

from __future__ import annotations

import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from cleanfr import tables
from cleanfr.lexicon import language

SAMPLES = [
    "This cmdlet gets the processes that are running on the local computer.",
    "Sin embargo el gobierno no ha decidido todavía la fecha.",
    "Gallia est omnis divisa in partes tres, quarum unam incolunt Belgae.",
    "Dost lidí na náměstí čekalo na prezidenta a jeho ženu.",
    "il eft venu dans la cliambre de fon pere , & lui dit qu'il feroit",
    "La Commission européenne a présenté mardi un plan de relance pour l'économie.",
    "ÉTAT D'URGENCE DÉCRÉTÉ À PARIS",
    "日本語のテキストと English words 🙂",
    "",
    " ",
    "\x00\x01\x02",
]


@pytest.fixture(scope="module")
def stock() -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(language.EUROPEAN))
    return identifier


@pytest.mark.parametrize("text", SAMPLES)
def test_identifier_ranks_as_py3langid(stock: LanguageIdentifier, text: str) -> None:
    assert language._identifier().rank(text) == stock.rank(text)
    assert language._identifier().rank(text.encode("utf-8")) == stock.rank(text.encode("utf-8"))


def test_identifier_ranks_real_lines_as_py3langid(stock: LanguageIdentifier) -> None:
    lines = tables.text("rule_examples.toml").splitlines() + tables.text("gender/english_loans.txt").splitlines()
    assert len(lines) > 1000
    for line in lines:
        assert language._identifier().rank(line) == stock.rank(line), line


def test_only_the_european_columns_are_kept() -> None:
    identifier = language._identifier()
    assert sorted(identifier.nb_classes) == sorted(language.EUROPEAN)
    assert identifier.nb_ptc.shape[1] == len(language.EUROPEAN) and identifier.nb_ptc.flags["C_CONTIGUOUS"]
    assert len(identifier.tk_nextmove) == 0  # the blocks stand for py3langid's rows
