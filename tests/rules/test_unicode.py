"""Mojibake repair through ftfy: what it fixes, and French typography it must leave alone."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleanfr


@pytest.mark.parametrize(
    "damaged, repaired",
    [
        ("Ã©tÃ© Ã  Paris", "été à Paris"),
        ("lâ€™Ã©tÃ© dernier", "l’été dernier"),
        ("Ã§a commence", "ça commence"),
        ("Le prÃ©sident a dÃ©clarÃ©", "Le président a déclaré"),
        ("\ufb01n de la partie", "fin de la partie"),
        ("Ã‰tat de droit", "État de droit"),
        # fullwidth forms and the ideographic space, narrowed wherever they stand (not only near mojibake)
        ("le score\u3000: ５－２", "le score : 5-2"),
        # decomposed accents composed (NFC), wherever they stand
        ("Il e\u0301tait la\u0300.", "Il était là."),
    ],
)
def test_repairs_mojibake(damaged: str, repaired: str) -> None:
    result = cleanfr.fix(damaged, select=["unicode"])
    assert result.text == repaired
    assert all(e.category == "unicode" and e.applied for e in result.edits)


@pytest.mark.parametrize(
    "clean",
    [
        "L’Ukraine a dit « non »\u00a0!",
        "Il l'a dit\u202f: «\u00a0jamais\u00a0».",
        "São Paulo, Århus, Ærø et Łódź.",
        "Mañana, São João et «\u00a0Ñandú\u00a0» — Ærø.",
        "Le prix\u00a0: 12\u00a0€ — « c’est cher ».",
        "ligne1\r\nligne2\r\n",
        "x\udc80y",  # a byte kept by surrogateescape
        "שָׁלוֹם et « oui »",  # combining marks with no composed form stay
        "un \x1b[1mgras\x1b[0m mot",  # terminal escapes stay: removing one could join two undecodable bytes
    ],
)
def test_leaves_clean_typography_alone(clean: str) -> None:
    assert cleanfr.fix(clean, select=["unicode"]).edits == []


def test_one_edit_per_damaged_word_with_ftfy_message() -> None:
    result = cleanfr.fix("Ã©tÃ© et hiver Ã  Paris", select=["unicode"])
    assert [e.original for e in result.edits] == ["Ã©tÃ©", "Ã "]
    assert all("ftfy" in e.message for e in result.edits)


@pytest.mark.parametrize("lead", ["\ufeff", "\u200b"])
def test_invisible_mark_at_line_start_does_not_change_the_repair(lead: str) -> None:
    for text in ("Ã©tÃ© Ã  Paris", "Ã  Paris\nÃ§a"):
        assert cleanfr.fix(lead + text, select=["unicode"]).text == lead + cleanfr.fix(text, select=["unicode"]).text


def test_long_line_is_repaired_window_by_window() -> None:
    # OCR documents and flattened pages are one line each: the line is repaired in windows cut at
    # spaces (a whole-line diff took minutes), with the same result as sentence by sentence.
    line = ("Le prÃ©sident a dÃ©clarÃ© que tout va bien, selon lâ€™agence. " * 500).rstrip()
    result = cleanfr.fix(line, select=["unicode"])
    assert result.text == ("Le président a déclaré que tout va bien, selon l’agence. " * 500).rstrip()
    assert cleanfr.apply(line, result.edits) == result.text


def test_ideographic_space_is_narrowed_the_same_near_mojibake_or_not() -> None:
    """ftfy narrows every ideographic space of a window it repairs: the gate opens on each of them, so a
    second run finds nothing left (idempotence)."""
    text = "lâ€™Ã©tÃ©\u3000av-\noir\u3000av-\noir"
    once = cleanfr.fix(text).text
    assert "\u3000" not in once
    assert cleanfr.fix(once).applied == []


def test_every_character_ftfy_changes_alone_opens_a_window() -> None:
    """ftfy's ligature and width tables are in the gate: a character it would change must be repaired
    wherever it stands, not only when mojibake nearby opens a window (idempotence)."""
    import ftfy.chardata

    from cleanfr.rules._mojibake import _NEEDS_FTFY_WITHOUT_BADNESS, _SUSPECT

    chars = [chr(c) if isinstance(c, int) else c for c in (*ftfy.chardata.LIGATURES, *ftfy.chardata.WIDTH_MAP)]
    missing = [c for c in chars if not (_SUSPECT.match(c) and _NEEDS_FTFY_WITHOUT_BADNESS.match(c))]
    assert missing == []


# --- ftfy's own test cases ------------------------------------------------------------------------

FTFY_CASES = Path(__file__).resolve().parent.parent / "data" / "ftfy_cases" / "test_cases.json"
#: What cleanfr keeps and ftfy's defaults change: curly quotes and apostrophes (’ ‘ “ ” „ ʼ) and the no-break
#: spaces. The expected texts are compared with these folded.
_KEPT = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"',
                       "\u00a0": " ", "\u202f": " "})


def ftfy_cases() -> list[dict]:
    """The cases ftfy itself passes (``"expect": "pass"``), from its source distribution (Apache-2.0)."""
    return [case for case in json.loads(FTFY_CASES.read_text(encoding="utf-8")) if case["expect"] == "pass"]


def passes(case: dict) -> bool:
    got = cleanfr.fix(case["original"], select=["unicode"], trust="stated").text.translate(_KEPT)
    return got in (case["fixed"].translate(_KEPT), case.get("fixed-encoding", case["fixed"]).translate(_KEPT))


def test_passes_ftfy_own_test_cases() -> None:
    """ftfy's real-world cases (tweets, web pages, language selectors: Windows-1250/1251/1252, MacRoman,
    codepage 437, double encodings, text that must stay as it is): the gate opens wherever ftfy's own
    badness heuristic would repair, so cleanfr passes nearly all the 151 that ftfy passes."""
    cases = ftfy_cases()
    assert len(cases) == 151
    failed = [case["label"] for case in cases if not passes(case)]
    assert len(cases) - len(failed) >= 148, failed


@pytest.mark.parametrize("case", ftfy_cases(), ids=lambda case: case["label"][:60])
def test_ftfy_case_keeps_french_typography(case: dict) -> None:
    """Whatever it repairs, the pass keeps every ’ « » and no-break space that ftfy's own repair keeps (ftfy's
    repair with cleanfr's settings), and its log is exact."""
    import ftfy

    from cleanfr.rules._mojibake import ftfy_config

    original = case["original"]
    result = cleanfr.fix(original, select=["unicode"], trust="stated")
    assert cleanfr.apply(original, result.edits) == result.text
    reference = ftfy.fix_text(original, config=ftfy_config())
    for kept in "’«»\u00a0\u202f":
        assert result.text.count(kept) >= min(reference.count(kept), original.count(kept)), kept


def test_badness_prefilter_matches_wherever_ftfy_heuristic_does() -> None:
    """Every match of ftfy's badness heuristic on a string of up to three French or ASCII characters is
    matched by the cheap prefilter that opens the gate (any other character opens it by itself)."""
    import itertools
    import re

    from ftfy.badness import BADNESS_RE

    from cleanfr.rules._mojibake import _BADNESS_PREFILTER, _FRENCH

    badness = re.compile(BADNESS_RE.pattern, BADNESS_RE.flags | re.MULTILINE)
    french = "".join(c for c in map(chr, range(0x80, 0x2100)) if re.fullmatch(f"[{_FRENCH}]", c))
    alphabet = french + "aZx0_ \n.,?!-('\""  # one character of each ASCII class the heuristic tells apart
    missed = set()
    for size in (2, 3):
        for chars in itertools.product(alphabet, repeat=size):
            s = "".join(chars)
            for m in badness.finditer(s):
                if not _BADNESS_PREFILTER.search(m.group()):
                    missed.add(m.group())
    assert not missed, sorted(missed)[:20]
    # Characters that are neither French nor ASCII open the gate alone.
    assert all(_BADNESS_PREFILTER.match(c) for c in "ĂĹŘГВ─╨√≈βāÃÂØÙ\x81\ufffd")


_ENCODINGS = ("cp1252", "latin-1", "cp1250", "cp1251", "cp437", "mac_roman", "iso-8859-2")
_WORDS = ("été", "à", "Liège", "l’hôpital", "« œuvre »", "Čeština", "garçon", "naïve", "€", "—", "Kyiv", "Ελλάδα", "приятности")


def _misread(word: str, encoding: str, twice: bool) -> str:
    data = word.encode("utf-8")
    text = data.decode(encoding, "replace")
    return _misread(text, "cp1252", False) if twice else text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.builds(_misread, st.sampled_from(_WORDS), st.sampled_from(_ENCODINGS), st.booleans()),
                          st.sampled_from((" ", "\n", "\u00a0", ", "))), max_size=12).map("".join))
def test_repairs_of_every_encoding_are_exact_and_idempotent(text: str) -> None:
    result = cleanfr.fix(text)
    assert cleanfr.apply(text, result.edits) == result.text
    assert cleanfr.fix(result.text).applied == []


def test_lone_letter_of_another_script_is_only_suggested() -> None:
    """``in IÎ°`` (an OCR reading of « in-18° » in an 1818 newspaper) decodes to a lone Greek letter inside a
    Latin word: suggested, not applied; Greek words decoded from mojibake are still repaired."""
    from cleanfr.pipeline import Pipeline

    pipe = Pipeline(select=["mojibake"])
    lone = pipe.fix("LEBRUN, 2 vol. in IÎ°. — Mémoires sur la vie")
    assert lone.text == "LEBRUN, 2 vol. in IÎ°. — Mémoires sur la vie"
    assert [(e.replacement, e.applied) for e in lone.edits] == [("ΰ", False)]
    assert pipe.fix("Le mot Î±Î²Î³ est grec.").text == "Le mot αβγ est grec."


def _plain(alternatives: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(alternatives))


#: Characters of every class of the suspect patterns, around them, and plain text.
_PAIR_ALPHABET = "ß-àéïñüÀÁÄÉÍÏÑÜÝŒœ«»°·‘“”•€\u00a0ÎÂÃôõ\u0080\u00bf\u2013\u2122Ă─aZ .,\n\u0301\u0132\ufb01\uff21"


@settings(max_examples=500)
@given(st.text(alphabet=_PAIR_ALPHABET, max_size=40))
def test_patterns_led_by_one_class_match_as_their_alternations(text: str) -> None:
    """The gate and the prefilter, written to start with one character class (re's fast loop), find what the
    alternations they stand for find, at the same places."""
    import regex

    from cleanfr.rules._mojibake import (
        _BADNESS_PREFILTER,
        _FRENCH_PAIRS,
        _LEAD_AND_CONTINUATION,
        _LEAD_AND_CONTINUATION_PAIR,
        _LIGATURE_PAIR,
        _NORMALISED,
        _NOT_FRENCH,
        _PAIRS,
        _SUSPECT,
    )

    gate = _plain(["".join(p) for p in (_LIGATURE_PAIR, _LEAD_AND_CONTINUATION_PAIR, *_FRENCH_PAIRS)])
    prefilter = _plain([_NOT_FRENCH, *("".join(p) for p in (_LIGATURE_PAIR, *_FRENCH_PAIRS))])
    assert [m.span() for m in _PAIRS.finditer(text)] == [m.span() for m in gate.finditer(text)]
    assert [m.span() for m in _BADNESS_PREFILTER.finditer(text)] == [m.span() for m in prefilter.finditer(text)]
    suspect = regex.compile(_LEAD_AND_CONTINUATION + "|\u00c3|" + _NORMALISED)
    assert [m.span() for m in _SUSPECT.finditer(text)] == [m.span() for m in suspect.finditer(text)]


#: Text made of plain French runs and characters of the suspect patterns' classes, so that the gate's windows are
#: now apart, now touching, now one long run.
_WINDOWED_TEXT = st.lists(
    st.one_of(st.sampled_from(["le texte ", "é", "a", " ", "\n", "été, ", "xy"]), st.text(_PAIR_ALPHABET, max_size=3)),
    max_size=60,
).map("".join)


@settings(max_examples=800)
@given(_WINDOWED_TEXT)
def test_suspects_read_in_windows_are_those_of_the_whole_text(text: str) -> None:
    """The suspect patterns read only the windows around the gate's flags and find what they find reading the
    whole text, at the same places, in the same order."""
    from cleanfr.rules._mojibake import _scan, _suspects, _windows

    whole = list(_scan(text, 0, len(text)))
    windows = _windows(text)
    if windows is not None:
        assert [span for lo, hi in windows for span in _scan(text, lo, hi)] == whole
    assert list(_suspects(text)) == whole


def test_a_text_flagged_all_over_is_read_whole() -> None:
    from cleanfr.rules._mojibake import _windows

    sparse = ("Ã© " + "x" * 10) * 10
    assert len(_windows(sparse) or ()) == 10  # one window a flag, its neighbours ten characters away
    # More windows than the text's share: one scan of it all costs less.
    assert _windows(("Ã© " + "x" * 10) * 100) is None
