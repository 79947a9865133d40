"""The lexicon, the token helpers, and the examples of the protected-words table."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleanfr.document import Document
from cleanfr.lexicon import doc_vocabulary, french
from cleanfr.tokens import WORD, is_isolated, protected_spans, protected_words

LEX = french()


@pytest.mark.parametrize(
    "word",
    ["cousaient", "énonceront", "branla", "instrumentaires", "malignement", "délégants", "récognitif",
     "épuiserons", "additionnel", "officielle", "Ukraine", "aujourd’hui", "aujourd'hui", "dune", "lace"],
)
def test_full_forms_are_words(word: str) -> None:
    assert LEX.is_word(word)


@pytest.mark.parametrize(
    "word", ["quil", "jai", "lUkraine", "additionnelplus", "officiellequi", "Lavrovau", "cousaientt"]
)
def test_damaged_tokens_are_not_words(word: str) -> None:
    assert not LEX.is_word(word)


def test_zipf_is_case_insensitive_and_zero_when_unknown() -> None:
    assert LEX.zipf("Paris") == LEX.zipf("paris") > 4
    assert LEX.zipf("xqzwv") == 0.0
    assert LEX.zipf("aujourd’hui") == LEX.zipf("aujourd'hui") > 4


def test_french_is_cached() -> None:
    assert french() is LEX


def test_doc_vocabulary_keeps_case_and_is_memoised() -> None:
    doc = Document("Lavrov parle. lavrov ? Sergueï Lavrovau sommet du G20.")
    vocab = doc_vocabulary(doc)
    assert vocab["Lavrov"] == 1 and vocab["lavrov"] == 1 and vocab["G"] == 1
    assert doc_vocabulary(doc) is vocab


_VOCABULARY_PIECES = ["l’Ukraine", "nord-ouest", "e\u0301te\u0301", "G20", "12h30", "50 %", "«mot»", "mot,", "mot",
                      "🙂", "\u00ad", "x²y", "мир", "Ω", "_", "\u200b", "️", "͂", "᾽", "\n", "\u00a0", "(a)"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_VOCABULARY_PIECES), st.text(max_size=5)), max_size=30),
       st.sampled_from([" ", ""]))
def test_doc_vocabulary_is_the_count_of_the_word_regex(pieces: list[str], sep: str) -> None:
    """The blanked split (most documents) and the split of each chunk (the others) both count the words of
    the word regex, in the order of their first occurrence."""
    from collections import Counter

    from cleanfr.lexicon.vocabulary import _chunks, _words_of_chunks

    text = sep.join(pieces)
    expected = list(Counter(WORD.findall(text)).items())
    assert list(doc_vocabulary(Document(text)).items()) == expected
    assert list(_words_of_chunks(_chunks(text)).items()) == expected


def test_blanked_characters_are_no_word_characters() -> None:
    from cleanfr.lexicon.vocabulary import _BREAKS

    assert not [c for c in _BREAKS if WORD.match(c) or c.isalpha() or c.isspace()]


def test_word_regex_splits_on_apostrophes_and_hyphens() -> None:
    words = WORD.findall("l’Ukraine, nord-ouest, e\u0301te\u0301")
    assert words == ["l", "Ukraine", "nord", "ouest", "e\u0301te\u0301"]


@pytest.mark.parametrize(
    "text, start, end, expected",
    [("G20", 0, 1, False), ("COVID-19", 0, 5, False), ("a.out", 0, 1, False), ("foo_bar", 0, 3, False),
     ("la fin.", 3, 6, True), ("le - tiret", 0, 2, True), ("rien", 0, 4, True)],
)
def test_is_isolated(text: str, start: int, end: int, expected: bool) -> None:
    assert is_isolated(text, start, end) is expected


@pytest.mark.parametrize(
    "text, protected",
    [
        ("voir https://www.lemonde.fr/a/b.html.", "https://www.lemonde.fr/a/b.html"),
        ("écrire à jean.dupont@exemple.fr demain", "jean.dupont@exemple.fr"),
        ("selon @GlobeEyeNews hier", "@GlobeEyeNews"),
        ("le mot-clé #Ukraine2024 circule", "#Ukraine2024"),
        ("utiliser --help ou -v pour", "--help"),
        ("le fichier /etc/passwd contient", "/etc/passwd"),
        ("voir uname(1) pour", "uname(1)"),
        ("lancer `ls -l` ici", "`ls -l`"),
        ("un iPhone et eBay", "iPhone"),
        ("chez McDonald hier", "McDonald"),
        ("il a dit « the deal of the century » hier", "« the deal of the century »"),
        ("pic.twitter.com/jxOs7NVpnr", "pic.twitter.com/jxOs7NVpnr"),
    ],
)
def test_protected_spans(text: str, protected: str) -> None:
    doc = Document(text)
    spans = [doc.text[s:e] for s, e in protected_spans(doc).spans]
    assert protected in spans


@pytest.mark.parametrize(
    "text",
    ["il a dit « étudieront bien » la doctrine", "L’Ukraine et la Russie", "et/ou", "Il est 10 h. Voilà"],
)
def test_french_prose_is_not_protected(text: str) -> None:
    doc = Document(text)
    prot = protected_spans(doc)
    words = [m.span() for m in WORD.finditer(text)]
    assert not any(prot.overlaps(s, e) for s, e in words if text[s:e] not in ("et", "ou"))


def _protected_rows() -> list[tuple[str, str, str]]:
    from importlib import resources

    rows = []
    for line in resources.files("cleanfr").joinpath("data/protected_words.txt").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(tuple(line.split("\t")))
    return rows


@pytest.mark.parametrize("word, keep, damaged", _protected_rows())
def test_protected_words_table(word: str, keep: str, damaged: str) -> None:
    """Each entry: the word is protected, is no French word itself, and appears in its example."""
    assert word.lower() in protected_words()
    assert word in keep and not LEX.is_word(word)


# --- properties of the word rules together (glued, apostrophe, elision): never raise, idempotent.

from cleanfr.pipeline import Pipeline  # noqa: E402

# The three rules at their stated confidence, through the pipeline: idempotence is the pipeline's job (a glued
# token split in one round, ``de additionnel plus``, is elided in the next: ``d'additionnel plus``).
_WORD_RULES = Pipeline(select=["glued-words", "lost-apostrophe", "missing-elision"], trust="stated")
_PIECES = ["quil", "LUkraine", "de", "une", "le", "avion", "héros", "Lavrov", "Lavrovau", "additionnelplus", "si",
           "il", "G20", "--help", "https://x.fr/a", "@handle", "«", "»", "’", "'", "-", "\n", "\r\n", "\u00a0",
           "\u202f", "\x00", "\udcff", "e\u0301", "مرحبا", "🙂", ".", ",", " ", "  ", "Jai", "na", "sespère"]


def _run(text: str) -> str:
    return _WORD_RULES.fix(text).text


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=4)), max_size=30))
def test_word_rules_never_raise_and_are_idempotent(pieces: list[str]) -> None:
    text = " ".join(pieces)
    once = _run(text)
    assert _run(once) == once
    assert once.count("\n") == text.count("\n") and once.count("\r") == text.count("\r")


def test_nothing_imports_wordfreq_at_run_time() -> None:
    """wordfreq (a 57 MB install) is a build dependency: its data ships as tables (issue 16, item 20)."""
    import subprocess
    import sys

    code = ("import sys, cleanfr\n"
            "text = open('README.md', encoding='utf-8').read()\n"
            "cleanfr.fix(text); cleanfr.fix('Ã©tÃ© Été lUkraine officiellequi PowerShell 2,0 Łódź l’État')\n"
            "assert 'wordfreq' not in sys.modules, 'wordfreq imported'")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=str(__import__('pathlib').Path(__file__).parent.parent))
