"""Which language a span of text is written in: py3langid's naive Bayes model, restricted to the languages
that meet French in cleanfr's inputs.

The model (langid.py by Marco Lui and Timothy Baldwin, BSD; the ``py3langid`` fork by Adrien Barbaresi) ships
inside the wheel: nothing is downloaded at run time. Loading it costs about half a second, so it is loaded
lazily, once per process, by the first rule that asks; a call then costs some 15 µs for a sentence.
Callers gate by the lexicon first (:func:`cleanfr.lexicon.french`) and ask the model only about spans whose
words are mostly not French forms.

Only what :data:`EUROPEAN` needs is kept, and compactly (:func:`_identifier`): 12 MB instead of py3langid's 80.

>>> identify("This cmdlet gets the processes that are running on the local computer.")[0]
'en'
>>> identify("Cette applet de commande obtient les processus en cours d'exécution.")[0]
'fr'
"""

from __future__ import annotations

from array import array
from collections import Counter
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
#: py3langid's automaton reads the UTF-8 bytes of a text through a row of 256 next states per state (38,000
#: distinct rows, 37 MB). Cut into blocks of ``2 ** _BITS`` bytes, the rows share most of their blocks: each
#: distinct block is kept once, and a row becomes the offsets of its blocks (6 MB in all).
_BITS = 4
_BLOCK = 1 << _BITS
_LOW = _BLOCK - 1

__all__ = ["EUROPEAN", "LANGUAGES", "foreign_language", "identify"]


def _blocks(rows: Any) -> tuple[array, array]:
    """The distinct blocks of ``rows`` (py3langid's next states, 256 per row, a NumPy array) one after another,
    and for each block of each row the offset of its copy among them."""
    import numpy as np

    data = np.ascontiguousarray(rows, dtype=np.uint32).data.cast("B")
    size = _BLOCK * 4
    offsets: dict[bytes, int] = {}
    index = array(
        "I",
        (offsets.setdefault(data[at : at + size].tobytes(), len(offsets) << _BITS) for at in range(0, len(data), size)),
    )
    blocks = array("I")
    blocks.frombytes(b"".join(offsets))
    return blocks, index


def _as_array(values: Any, typecode: str) -> array:
    """A NumPy array of integers as a stdlib ``array`` (indexed from Python, it gives plain ints, fast)."""
    import numpy as np

    out = array(typecode)
    out.frombytes(np.ascontiguousarray(values, dtype=typecode).tobytes())  # NumPy knows the same C type codes
    return out


def _model() -> tuple[Any, Any, list[str], array, array, array, array]:
    """py3langid's model restricted to :data:`EUROPEAN`: ``(ptc, pc, classes, blocks, index, base, output)``.

    Its file (npz in LZMA, no pickle) is read as ``py3langid.modelio.load_model`` reads it, but one array at a
    time, each reduced before the next is read (``load_model`` holds all of them, and a second copy of the 37 MB
    automaton: loading took 100 MB above what is kept).
    """
    import lzma
    import shutil
    import tempfile

    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    with tempfile.TemporaryFile(suffix=".npz") as tmp:
        with lzma.open(MODEL_DIR / MODEL_FILE) as src:
            shutil.copyfileobj(src, tmp, length=1 << 20)
        tmp.seek(0)
        with np.load(tmp) as data:  # NumPy's default: no pickled object is ever loaded
            classes = data["classes"].tolist()
            keep = [i for i, language in enumerate(classes) if language in EUROPEAN]  # set_languages' selection
            ptc = np.ascontiguousarray(data["ptc"][:, keep])
            pc = data["pc"][keep]
            blocks, index = _blocks(data["nextmove"])
            # a state's first block in ``index``: its row's, py3langid's ``_rowbase`` (row << 8) in blocks
            base = _as_array(data["nextmove_row"].astype(np.uint32) << (8 - _BITS), "I")
            output = _as_array(data["out_feat"], "i")
    return ptc, pc, [classes[i] for i in keep], blocks, index, base, output


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """py3langid's model restricted to :data:`EUROPEAN`, probabilities normalised (loaded once).

    As ``LanguageIdentifier.from_model_file(...).set_languages(EUROPEAN)`` but without what the restriction
    leaves unused (the other languages' columns of the model, 27 MB) and with the automaton in blocks
    (:func:`_blocks`): the same scores, a fourth of the memory (:func:`_model`).
    """
    from py3langid.langid import LanguageIdentifier

    class Identifier(LanguageIdentifier):
        """py3langid's identifier (its scoring, normalisation and ranking) over the automaton in blocks."""

        __slots__ = ("_blocks", "_index")

        def _raw_score(self, text: bytes) -> Any:
            """py3langid's ``visit_counts`` (the same features counted in the same order) through the blocks,
            scored by py3langid."""
            blocks, index, base, output = self._blocks, self._index, self._rowbase, self.tk_output
            state = 0
            found: list[int] = []
            append = found.append
            for byte in text:
                state = blocks[index[base[state] + (byte >> _BITS)] + (byte & _LOW)]
                feature = output[state]
                if feature >= 0:
                    append(feature)
            if found:
                return self._sparse_score(Counter(found), self.nb_ptc)
            return super()._raw_score(b"")  # no feature: py3langid's neutral scores

    ptc, pc, classes, blocks, index, base, output = _model()
    # py3langid's own rows of next states (``tk_nextmove``, ``tk_row``) stay empty: the blocks stand for them.
    identifier = Identifier(ptc, pc, classes, array("I"), output, norm_probs=True, tk_row=())
    identifier._blocks = blocks
    identifier._index = index
    identifier._rowbase = base
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
