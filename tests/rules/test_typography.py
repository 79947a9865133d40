"""Typography: guillemets, spaces around punctuation, following each document's own conventions."""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import cleanfr

NB = "\u00a0"


def fix(text: str) -> str:
    return cleanfr.fix(text, select=["typography"]).text


@pytest.mark.parametrize(
    "damaged, repaired",
    [
        # A « glued to a word and followed by punctuation closes a quotation.
        ("« ces choses ne sont pas annoncées ». Les missiles parleront d’eux-mêmes« .",
         "« ces choses ne sont pas annoncées ». Les missiles parleront d’eux-mêmes »."),
        ("Il parle de « maltraitance et humiliation« , plusieurs internautes réagissent.",
         "Il parle de « maltraitance et humiliation », plusieurs internautes réagissent."),
        ("pour « monopole« , » destruction de biens » et dommages",
         "pour « monopole », « destruction de biens » et dommages"),
        ("Il dit : »Nous apportons du soin à ces colis » et repart.",
         "Il dit : « Nous apportons du soin à ces colis » et repart."),
        # Lost space after a comma or a full stop, between two words.
        ("Mais à Paris,à Rennes et ailleurs.", "Mais à Paris, à Rennes et ailleurs."),
        ("des circuits courts.Et un plan d’investissement", "des circuits courts. Et un plan d’investissement"),
        ("les droits de l'adoptant.L'obligation de fournir", "les droits de l'adoptant. L'obligation de fournir"),
        # A doubled space between two words of a prose line.
        ("Mais c'est sa capacité  à filtrer du texte qui compte.", "Mais c'est sa capacité à filtrer du texte qui compte."),
    ],
)
def test_repairs(damaged: str, repaired: str) -> None:
    assert fix(damaged) == repaired


def test_space_before_comma_when_document_never_spaces_commas() -> None:
    text = "Il pleut, il vente, il neige, il gèle, il fait nuit, il a démissionné du gouvernement , estimant que tout va mal."
    assert fix(text) == text.replace("gouvernement ,", "gouvernement,")


def test_spaced_commas_kept_in_old_print() -> None:
    text = "Le troisiéme , la Sainte Famille. Jordaens sur bois , de 3 pieds. Poussin sur toile , de 2 pieds, large."
    assert fix(text) == text


def test_missing_high_punctuation_space_follows_document() -> None:
    text = (f"Oui{NB}; non{NB}; peut-être{NB}! Quoi{NB}? Ceci{NB}: cela{NB}; voilà{NB}! Bien{NB}; mal{NB}; "
            "Comment fonctionne-t-elle? On verra bien.")
    assert fix(text) == text.replace("elle?", f"elle{NB}?")
    # Without a clear habit in the document, nothing is imposed.
    mixed = "Oui; non ; peut-être! Quoi ? Comment fonctionne-t-elle? On verra."
    assert fix(mixed) == mixed


def test_missing_guillemet_space_follows_document() -> None:
    text = f"Il dit «{NB}oui{NB}», puis «{NB}non{NB}», puis «{NB}peut-être{NB}», puis «{NB}jamais{NB}» et enfin «Aujourd’hui nous partons{NB}»."
    assert fix(text) == text.replace("«Aujourd", f"«{NB}Aujourd")


@pytest.mark.parametrize(
    "clean",
    [
        "Rendez-vous à 12:30, il coûte 3,5 euros ; voir https://example.com/a,b et www.Site.fr.",
        "Le fichier archive.Z, le module os.path et l'option ro,noload restent tels quels.",
        "Les options mode,propriétaire,estampilles sont indiquées par défaut : ensuite on continue.",
        "Totalement démuni,es et pris,es en étau, les habitants attendent.",
        "Il a dit : « Bonjour »… puis il est parti :-) sans un mot.",
        "-l  Afficher la liste des noms de fichiers en cours de traitement.",
        "SHELL  Cette variable développe le chemin complet vers l’interpréteur.",
        "   ISO 8859-1   Latin-1    ¡  ¢  £  ¤  ¥",
        "if liste; then liste; [ elif liste; then liste; ] fi",
        "Il y a des coupables quelque part ; disait-il à qui voulait l'entendre !",
        "« Il y a des gens qui sont partis. Puis d'autres sont venus,\n« et ils sont restés longtemps. »",
        "Dis nous, dis seulement nous, et ce sera très bien.\r\nLigne suivante.",
    ],
)
def test_leaves_clean_text(clean: str) -> None:
    assert fix(clean) == clean


def test_idempotent() -> None:
    damaged = "pour « monopole« , » destruction » et à Paris,à Rennes. Fin.Début  ici."
    once = fix(damaged)
    assert fix(once) == once


def test_guillemet_after_a_mojibake_lead_is_left_to_the_unicode_pass():
    # "Ã»" is mojibake of "û": turning its » around would change what the Unicode pass sees next time.
    first = cleanfr.fix("Il a dit »Ã» hier.")
    assert not cleanfr.fix(first.text).applied


@pytest.mark.parametrize("text", ["»Ã©»", "A,aB«"])
def test_typography_repairs_are_a_fixed_point(text):
    first = cleanfr.fix(text)
    assert not cleanfr.fix(first.text).applied


@pytest.mark.parametrize(
    "text",
    [
        # dotted code names a document writes again and again (Python docs, judged wrong when spaced)
        "Ces méthodes lèvent queue.Full ou queue.Empty ; une autre lève aussi queue.Full si la file est pleine.",
        "Les objets fractions.Fraction et decimal.Decimal ; voir fractions.Fraction pour les rationnels.",
        # coordinates and tuples
        "La tortue va au point (x,y) puis revient au point de départ.",
    ],
)
def test_space_after_punctuation_keeps_code_names_and_tuples(text: str) -> None:
    assert fix(text) == text


def test_guillemets_on_a_line_of_another_script_stay() -> None:
    """A classical commentary's OCR: Greek on the line, its « » follow no French usage."""
    text = "versor eum aliquo vel alicubi. « 844, Ἔθρεψεν. Οἴ. v. 603 : Οἵας λατρείας ἀντὶ"
    assert fix(text) == text


def _style_counts_sign_by_sign(text: str) -> tuple[dict[str, int], dict[str, int]]:
    """The space styles read sign by sign (the definition ``_style_counts`` counts in C)."""
    from cleanfr.rules.typography import _HIGH_PUNCT, _SPACES

    def style(i: int) -> str:
        return text[i] if 0 <= i < len(text) and text[i] in _SPACES else ""

    high: dict[str, int] = {}
    for m in _HIGH_PUNCT.finditer(text):
        i = m.start()
        s = style(i - 1)
        prev = text[i - 1 - len(s)] if i > len(s) else ""
        if prev.isalpha() or prev in "»)":
            high[s] = high.get(s, 0) + 1
    inner: dict[str, int] = {}
    for i, c in enumerate(text):
        if c == "«" and i + 2 < len(text) and text[i + 1 + (text[i + 1] in _SPACES)].isalnum():
            inner[style(i + 1)] = inner.get(style(i + 1), 0) + 1
        elif c == "»" and i > 1 and text[i - 1 - (text[i - 1] in _SPACES)].isalnum():
            inner[style(i - 1)] = inner.get(style(i - 1), 0) + 1
    return high, inner


@settings(max_examples=400)
@given(st.text(alphabet="a1²Ⅻ;:!?«»() \u00a0\u202f\n.", max_size=60))
def test_space_styles_count_as_sign_by_sign(text: str) -> None:
    from cleanfr.rules.typography import _style_counts

    assert _style_counts(text) == _style_counts_sign_by_sign(text)


#: The class- or alternation-led patterns the typography rules search one literal-led pattern per sign instead.
_ALTERNATIONS = {
    "space-after": re.compile(r"[,.](?=[^\W\d_])"),
    "suspect-guillemet": regex.compile(r"(?<=[\p{L}\p{N}.!?…])«|»(?=\p{L})"),
    "bare-high": regex.compile(r"(?<=\p{L}{2}|»)[;:!?](?=[ \u00a0\u202f]|$)", regex.M),
}


#: Pieces of text around the signs: words of each case, a digit, an underscore, every sign, spaces.
_PIECES = ["ab", "Zé", "x", "1", "_", *";:!?.,«»()", " ", "\u00a0", "\u202f", "\n"]


@pytest.mark.parametrize("name", sorted(_ALTERNATIONS))
@settings(max_examples=300)
@given(text=st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_sign_led_patterns_find_what_their_alternation_finds(name: str, text: str) -> None:
    from cleanfr.rules.typography import GuillemetDirection, MissingSpaceHighPunctuation, SpaceAfterPunctuation
    from cleanfr.tokens import lines_with, merged_matches

    plain = _ALTERNATIONS[name]
    split = {
        "space-after": SpaceAfterPunctuation._PUNCT,
        "suspect-guillemet": GuillemetDirection._SUSPECT,
        "bare-high": MissingSpaceHighPunctuation._BARE_HIGH,
    }[name]
    assert [m.span() for m in merged_matches(split, text)] == [m.span() for m in plain.finditer(text)]
    assert list(lines_with(split, text)) == list(lines_with(plain, text))


#: Commas, letters and every kind of space (a thin space ``\u2009`` is none of the three styles).
_COMMA_PIECES = ["a", "é", ",", " ", "\u00a0", "\u202f", "\u2009", "»", ")", "\n"]


@settings(max_examples=300)
@given(text=st.lists(st.sampled_from(_COMMA_PIECES), max_size=30).map("".join))
def test_spaced_commas_counted_as_the_three_spaces_and_gate_the_rule(text: str) -> None:
    from cleanfr.rules.typography import _SPACED_COMMA, SpaceBeforeComma

    spaced = len(_SPACED_COMMA.findall(text))
    assert spaced == text.count(" ,") + text.count("\u00a0,") + text.count("\u202f,")
    # SpaceBeforeComma reads nothing in a text without one: its pattern cannot match there.
    assert spaced or SpaceBeforeComma._PATTERN.search(text) is None
