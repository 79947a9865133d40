"""Mojibake repair through ftfy: what it fixes, and French typography it must leave alone."""

from __future__ import annotations

import pytest

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

    from cleanfr.rules.unicode import _NEEDS_FTFY_WITHOUT_BADNESS, _SUSPECT

    chars = [chr(c) if isinstance(c, int) else c for c in (*ftfy.chardata.LIGATURES, *ftfy.chardata.WIDTH_MAP)]
    missing = [c for c in chars if not (_SUSPECT.match(c) and _NEEDS_FTFY_WITHOUT_BADNESS.match(c))]
    assert missing == []
