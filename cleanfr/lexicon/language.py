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

__all__ = ["LANGUAGES", "identify"]


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """The model, restricted to :data:`LANGUAGES`, with probabilities normalised (loaded once)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier


def identify(text: str) -> tuple[str, float]:
    """The most probable language of ``text`` among :data:`LANGUAGES`, and its probability (0 to 1).

    The probability is only meaningful for a span of several words: a word or two can look like anything.
    """
    language, probability = _identifier().classify(text)
    return str(language), float(probability)
