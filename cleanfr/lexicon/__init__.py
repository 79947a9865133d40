"""What cleanfr knows about French words (and the foreign words it meets), one module per kind of knowledge.

- :mod:`.forms` — the full-form lexicon and wordfreq's French frequencies (:func:`french`, :func:`lookup_key`);
- :mod:`.english` — English frequencies and common English/Spanish words French does not use;
- :mod:`.gender` — gender, number and inflection of nouns, adjectives and verbs;
- :mod:`.elision` — elision grammar (h aspiré, elided homographs such as ``na``);
- :mod:`.closed` — closed classes of French words (elided forms, pronouns, determiners) and the rules' word lists;
- :mod:`.vocabulary` — the document's own words, counted once per document.

Every table behind them is read through :mod:`cleanfr.tables`. The names below are the package's API.
"""

from __future__ import annotations

from .closed import closed_class, word_lists
from .elision import HomographContext, elided_homographs, no_elision, takes_elision
from .english import common_english, common_english_words, english_function_words, english_zipf, foreign_words
from .forms import (
    CB_MASK,
    FORM,
    NAME,
    NO_FREQ,
    PERSON,
    PLAIN,
    VERB,
    Lexicon,
    decompress,
    french,
    french_zipf_frequency,
    is_plain,
    is_word,
    lookup_key,
    parse_groups,
    zipf,
)
from .gender import adjective_feminines, conjugate, is_nominal, noun_adjective_forms, nouns, participle, verb_forms
from .vocabulary import doc_unknown_words, doc_vocabulary

__all__ = [
    "CB_MASK",
    "FORM",
    "NAME",
    "NO_FREQ",
    "PERSON",
    "PLAIN",
    "VERB",
    "HomographContext",
    "Lexicon",
    "adjective_feminines",
    "closed_class",
    "common_english",
    "common_english_words",
    "conjugate",
    "decompress",
    "doc_unknown_words",
    "doc_vocabulary",
    "elided_homographs",
    "english_function_words",
    "english_zipf",
    "foreign_words",
    "lookup_key",
    "french",
    "french_zipf_frequency",
    "is_nominal",
    "is_plain",
    "is_word",
    "no_elision",
    "noun_adjective_forms",
    "nouns",
    "parse_groups",
    "participle",
    "takes_elision",
    "verb_forms",
    "word_lists",
    "zipf",
]
