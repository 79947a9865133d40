"""Glued words (cleanfr/rules/words/glued.py): splits, and tokens that must stay whole."""

from __future__ import annotations

import pytest

import cleanfr
from cleanfr.document import Document
from cleanfr.edits import apply
from cleanfr.rules.words.glued import GluedWords

RULE = GluedWords()


def run(text: str, threshold: float = 0.8) -> str:
    doc = Document(text)
    return apply(text, [e for e in RULE.find(doc) if e.confidence >= threshold])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Le ministre Sergueï Lavrovau sommet du G20. Lavrov a parlé.",
         "Le ministre Sergueï Lavrov au sommet du G20. Lavrov a parlé."),
        ("un financement additionnelplus important", "un financement additionnel plus important"),
        ("aucune réaction officiellequi soit connue", "aucune réaction officielle qui soit connue"),
        ("Il a dit que la situationest grave.", "Il a dit que la situation est grave."),
        # a negation glued to a noun when a verb follows; a plural ending cannot follow a plural
        ("le bailleurne peut se prévaloir de la nullité", "le bailleur ne peut se prévaloir de la nullité"),
        ("si nous avions étéses petits enfants", "si nous avions été ses petits enfants"),
        # aux after a complete plural is no ending; two long rare words; a glue the web often writes
        ("elles sont soumisesaux conditions prévues", "elles sont soumises aux conditions prévues"),
        ("son métier de guetteurabsorbait toutes ses facultés", "son métier de guetteur absorbait toutes ses facultés"),
        ("des daims joueraient surla pelouse verte", "des daims joueraient sur la pelouse verte"),
    ],
)
def test_repairs(text: str, expected: str) -> None:
    assert run(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Karachev, Briansk, Kyiv, ATACMS, le G20 et le COVID-19.",
        "elles cousaient, énonceront, branla, instrumentaires, extrapatrimoniaux",
        "la commande uname et le pilote cciss",
        "Un iPhone, eBay, McDonald et QAnon.",
        "voir https://exemple.fr/additionnelplus et @officiellequi ou #Lavrovau",
        "-b, --blocksize taillebloc",
        "des expressions rationelles étendues",
        "Fabrice Lecamp est venu.",
        "le nord-ouest et un porte-avions",
        "« the backgroundmusic of the century »",
        "ad hoc, de facto, a priori",
        # words in -ne with no verb after them; a hyphenated compound written solid; dialect verb after pour
        "des huîtres et du sauterne, de celui du coin",
        "— Pardine ! que notre mairesse, donc.",
        "elle courut à clochepied jusqu'à la cuisine",
        "quand tu me pourprends ? Non.",
        "Christy Meunot, née Christen Jane Moore à San Diego",  # a name: no part of it confirms itself
    ],
)
def test_hard_negatives(text: str) -> None:
    assert run(text) == text


def test_name_not_confirmed_by_the_document_is_only_suggested() -> None:
    edits = list(RULE.find(Document("Sergueï Lavrovau sommet.")))
    assert all(e.confidence < 0.8 for e in edits)


def test_comma_before_relative_is_only_mentioned() -> None:
    doc = Document("selon Lavrovqui parlait hier. Lavrov a dit non.")
    (edit,) = RULE.find(doc)
    assert edit.replacement == "Lavrov qui" and "Lavrov, qui" in edit.message


def test_idempotent() -> None:
    once = run("un financement additionnelplus important")
    assert run(once) == once


def test_a_leading_byte_order_mark_changes_nothing():
    text = "Ukrainele lele"
    assert cleanfr.fix("\ufeff" + text).text == "\ufeff" + cleanfr.fix(text).text


def test_no_split_that_would_itself_need_an_elision():
    # "Laété" → "La été" would leave work for the elision rule: a second run would change the text.
    for text in ("AAAAAAA;Laété", "leest lelelele"):
        first = cleanfr.fix(text)
        assert not cleanfr.fix(first.text).applied


def test_glue_damaged_document_is_its_own_grade() -> None:
    """Glue is graded by the document: dense in scraped or OCR text, a lone unknown word in clean prose."""
    damaged = "Le ministre officiellequi parlait a dit que le plan additionnelplus tard serait adopté."
    clean = damaged.replace("additionnelplus", "additionnel plus") + " " + " ".join(
        ["Le conseil municipal a voté le budget de la commune pour l'année prochaine."] * 20)
    dense = {e.original: e.confidence for e in cleanfr.fix(damaged, select=["glued-words"]).edits}
    sparse = {e.original: e.confidence for e in cleanfr.fix(clean, select=["glued-words"]).edits}
    assert dense["officiellequi"] == pytest.approx(sparse["officiellequi"] + 0.03)


def test_a_name_before_a_function_word_is_its_own_grade() -> None:
    """Lavrov|au (a function word after a name the document writes whole) is judged apart from
    Lille|bonne (a content word, often the name's own ending)."""
    text = ("Sergueï Lavrov a parlé. Lavrovau sommet a répondu. Lille est loin. La ville de Lillebonne aussi. "
            "officiellequi additionnelplus")
    conf = {e.original: e.confidence for e in cleanfr.fix(text, select=["glued-words"], trust="stated").edits}
    assert "Lavrovau" in conf and ("Lillebonne" not in conf or conf["Lillebonne"] < conf["Lavrovau"])


# --- the glue analysis's shortcuts give the answers of the plain computations.
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from cleanfr.lexicon import french  # noqa: E402
from cleanfr.rules.words import _glue  # noqa: E402

_TOKEN_PIECES = st.sampled_from(["rationelles", "persoune", "officiellequi", "dansle", "Lavrovau", "été", "œuvre",
                                 "\x00", "e\u0301", "Σ", "İ", "ß", "q", "u"])


def _neighbour_zipf_by_slicing(token: str) -> float:
    """The plain computation: every word one letter away, made by slicing, looked up one by one."""
    lex = french()
    low = token.lower()
    span = range(len(low))
    candidates = [low[:i] + low[i + 1 :] for i in span]
    candidates += [low[: i + 1] + low[i:] for i in span]
    candidates += [low[:i] + ch + low[i + 1 :] for i in span for ch in _glue._LETTERS if ch != low[i]]
    return max((lex.zipf(c) for c in candidates if lex.has_form(c)), default=0.0)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_TOKEN_PIECES, st.text(max_size=3)), min_size=1, max_size=4).map("".join))
def test_neighbour_zipf_is_the_plain_computation(token: str) -> None:
    assert _glue._neighbour_zipf(token, french()) == _neighbour_zipf_by_slicing(token)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_TOKEN_PIECES, st.sampled_from(["qui", "de", "es", "La"]), st.text(max_size=3)),
                max_size=4).map("".join))
def test_readings_look_only_at_right_parts_that_are_forms(token: str) -> None:
    """``_readings`` skips a split whose right part is no form (``has_form`` of its lower case): ``is_word``,
    which every reading asks of that part, says the same of an apostrophe-free word."""
    lex = french()
    word = token.replace("'", "").replace("\u2019", "")
    assert lex.is_word(word) == lex.has_form(word.lower())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_TOKEN_PIECES, st.sampled_from(["qui", "mais", "dans", "le", "ment"]), st.text(max_size=3)),
                min_size=1, max_size=4).map("".join),
       st.sampled_from([0.0, 2.9, 3.0, 3.5, 4.5, 6.0]))
def test_neighbour_zipf_is_exact_from_the_floor_up(token: str, floor: float) -> None:
    """With the whole table loaded, a search for frequent neighbours tries fewer spellings: the same value
    when the plain computation reaches ``floor``, some value below ``floor`` when it does not."""
    french().use_form_set()
    plain = _neighbour_zipf_by_slicing(token)
    found = _glue._neighbour_zipf(token, french(), floor)
    assert found == plain if plain >= floor else found < floor


def _derived_plain(token: str) -> bool:
    """The plain computation: every inflection tried in turn."""
    lex = french()
    low = token.lower()
    for end in _glue._INFLECTIONS:
        stem = low[: -len(end)]
        if len(low) <= len(end) + 3 or not low.endswith(end) or not lex.has_form(stem):
            continue
        if end in ("ne", "nes") and stem[-1] != "n" or end in ("es", "s", "x") and stem[-1] in "sx":
            continue
        return True
    return False


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_TOKEN_PIECES, st.sampled_from(["nourrisson", "ne", "s", "es", "ments", "x", "été"]),
                          st.text(max_size=3)), min_size=1, max_size=4).map("".join))
def test_derived_is_the_plain_computation(token: str) -> None:
    assert _glue._derived(token, french()) == _derived_plain(token)
