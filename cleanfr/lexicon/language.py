"""Which language a span of text is written in: py3langid's naive Bayes model, restricted to the languages
that meet French in cleanfr's inputs.

The model (langid.py by Marco Lui and Timothy Baldwin, BSD; the ``py3langid`` fork by Adrien Barbaresi) ships
inside the wheel: nothing is downloaded at run time. Loading it costs about half a second, so it is loaded
lazily, once per process, by the first rule that asks; a call then costs some 15 µs for a sentence.
Callers gate by the lexicon first (:func:`cleanfr.lexicon.french`) and ask the model only about spans whose
words are mostly not French forms.

>>> identify("This cmdlet gets the processes that are running on the local computer.")[0]
'en'
>>> identify("Cette applet de commande obtient les processus en cours d'exécution.")[0]
'fr'
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

#: The languages the model chooses among: French and the source languages of the text cleanfr repairs
#: (machine translation from English or Spanish; German, Italian and Portuguese so that a span in one of
#: them is not forced into English or Spanish).
LANGUAGES = ("fr", "en", "es", "de", "it", "pt")
#: The languages a passage of French text may really be in (quotations, bilingual pages, the Latin of a
#: classical commentary, a Czech or Croatian name list): the model chooses among these for
#: :func:`foreign_language`. Probabilities among :data:`LANGUAGES` are those of the same model renormalised.
EUROPEAN = LANGUAGES + ("la", "nl", "ca", "oc", "ro", "cs", "sk", "pl", "hr", "sl", "hu", "fi", "sv", "da", "no", "tr")
#: A passage is foreign when the model gives French at most 1 minus this probability.
FOREIGN_PROBABILITY = 0.99

__all__ = ["EUROPEAN", "LANGUAGES", "foreign_language", "identify"]


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """The model, restricted to :data:`EUROPEAN`, with probabilities normalised (loaded once)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(EUROPEAN))
    return identifier


def identify(text: str) -> tuple[str, float]:
    """The most probable language of ``text`` among :data:`LANGUAGES`, and its probability (0 to 1).

    The probability is only meaningful for a span of several words: a word or two can look like anything.
    """
    ranked = [(language, p) for language, p in _identifier().rank(text) if language in LANGUAGES]
    total = sum(p for _, p in ranked) or 1.0
    language, probability = max(ranked, key=lambda lp: lp[1])
    return str(language), float(probability / total)


def foreign_language(text: str) -> str | None:
    """The language of ``text`` when the model is sure it is not French (:data:`FOREIGN_PROBABILITY`), else None.

    >>> foreign_language("Gallia est omnis divisa in partes tres, quarum unam incolunt Belgae.")
    'la'
    >>> foreign_language("il eft venu dans la cliambre de fon pere , & lui dit qu'il feroit") is None
    True
    """
    ranked = _identifier().rank(text)
    # French's own probability, not the winner's: close languages (Czech and Slovak) share the rest.
    french = next((p for language, p in ranked if language == "fr"), 0.0)
    return str(ranked[0][0]) if french <= 1.0 - FOREIGN_PROBABILITY else None
