"""The document's own words: its vocabulary as written (case kept), counted once per document.

Rules use it to recognise names seen intact elsewhere in the same text (``Lavrov`` makes ``Lavrovau`` split as
``Lavrov au``).
"""

from __future__ import annotations

from collections import Counter
from itertools import compress
from operator import not_

from ..document import Document
from ..tokens import WORD, split_slices
from .forms import french

__all__ = ["doc_unknown_words", "doc_vocabulary"]


def _chunks(text: str) -> Counter:
    """``Counter(text.split())`` without holding the whole split at once (same counts, same order)."""
    counts: Counter = Counter()
    for tokens in split_slices(text):
        counts.update(tokens)
    return counts


#: After this many documents (vocabularies) in a process, the lexicon answers from one set of forms
#: (:meth:`Lexicon.use_form_set`): loading the whole table costs about 0.2 s, worth it for a corpus, not for
#: one short text.
FULL_TABLE_AFTER = 20
_documents = 0


def _vocabulary(doc: Document) -> Counter:
    global _documents
    if _documents < FULL_TABLE_AFTER:
        _documents += 1
        if _documents == FULL_TABLE_AFTER:
            french().use_form_set()
    text = doc.text
    if len(text) <= _BLANKED_UP_TO:
        # The punctuation, digits and symbols around and inside words made blanks first (a ``str.replace``
        # each, in C): most documents are then words and blanks only, and their counted split is the
        # vocabulary, without a Python step per distinct chunk (twice as fast on 5 kB of news). The blanked
        # characters are no word characters, so the words and their order are the same.
        for char in _BREAKS:
            text = text.replace(char, " ")
        chunks = _chunks(text)
        if all(map(str.isalpha, chunks)):
            return chunks
    else:  # a big text is not copied (its split is bounded by split_slices)
        chunks = _chunks(text)
    return _words_of_chunks(chunks)


def _words_of_chunks(chunks: Counter) -> Counter:
    """The words of the blank-separated chunks (with their counts), in the order of the text."""
    # Counting blank-separated chunks first, then splitting each distinct chunk, is twice as fast as
    # running the word regex over the whole text: most chunks repeat. Counts are added with dict get/set
    # (Counter's += goes through a Python __missing__ for every new word); insertion order is the same.
    vocab: Counter = Counter()
    get = vocab.get
    find = WORD.findall
    for chunk, n in chunks.items():
        if chunk.isalpha():  # most chunks are one plain word
            vocab[chunk] = get(chunk, 0) + n
            continue
        core = chunk.strip(_NOT_WORD)
        if core.isalpha():  # a word with punctuation around it (``mot,``, ``«mot``): the word regex's one word
            vocab[core] = get(core, 0) + n
        else:
            for word in find(chunk):
                vocab[word] = get(word, 0) + n
    return vocab


#: Punctuation that often clings to a word, none of it a letter or a mark: stripped, it leaves what the word
#: regex would find when the rest is letters only.
_NOT_WORD = ",.;:!?()[]«»\"“”‘’'…-–—*/"
#: Characters made blanks before a document's split: that punctuation, digits, the symbols of news text and
#: the marks OCR and the web leave between words (none a letter or a mark). One left out only sends its
#: document the slower way.
_BREAKS = _NOT_WORD + "0123456789%°€$£&@#_=+|<>{}~^`\\§•·¬↑′″©®™¦²³¹½×„´\u00ad\u200b\u200e\u200f\u1fbd\u1fbf"
#: Texts up to this many characters are blanked (a copy of the text); a longer one is split as it is.
_BLANKED_UP_TO = 1 << 20


def doc_vocabulary(doc: Document) -> Counter:
    """Word tokens of ``doc`` as written (case kept), with their counts; computed once per document.

    >>> doc_vocabulary(Document("Lavrov a dit. Sergueï Lavrovau sommet."))["Lavrov"]
    1
    """
    return doc.memo("lexicon.vocabulary", _vocabulary)


def doc_unknown_words(doc: Document) -> dict[str, int]:
    """The words of :func:`doc_vocabulary` that are not French forms (``french().is_word`` rejects them), with
    their counts, in the vocabulary's order; computed once per document.

    Several rules of the word pass look only at these (a lost apostrophe, a glue or an OCR confusion makes
    a non-word): one lookup per word here, in C once the form set is loaded, instead of one per word in each
    rule. A token of the vocabulary holds no apostrophe, so ``is_word`` is ``has_form`` of its lower case.

    >>> doc_unknown_words(Document("Le chat quil voit, le chat."))
    {'quil': 1}
    """
    return doc.memo("lexicon.unknown", _unknown)


def _unknown(doc: Document) -> dict[str, int]:
    vocab = doc_vocabulary(doc)
    # All in C: the (word, count) pairs picked by one membership test each, straight into the dict.
    return dict(compress(vocab.items(), map(not_, map(french().has_form, map(str.lower, vocab)))))
