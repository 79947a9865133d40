"""OCR confusions in old French print: ``eft`` → ``est`` (long s read f), ``rnonde`` → ``monde``, ``cliambre`` → ``chambre``.

Only a token that is not a French word is touched, and only when one or two substitutions from the
confusion table (``cleanfr/data/ocr_confusions.tsv``) turn it into a clearly more frequent word, with no
close rival. Names (capitalised tokens), words the document uses as they are elsewhere, old spellings the
table cannot reach (``enfans``, ``pouvoient``) and protected spans stay.
"""

from __future__ import annotations

from typing import Iterable

from ...document import Document
from ...edits import Edit
from ...lexicon import doc_unknown_words, doc_vocabulary
from ...tokens import english_context, is_isolated, locate, protected_spans, protected_words
from .. import Rule
from ._ocr_repairs import best_repair

#: Stated confidence of a repair by the confusion model (judged 0.86 on real OCR: a suggestion).
CONFUSION = 0.85

#: Candidate repairs grow with the token; a token longer than any French word is a blob, not a misread word.
MAX_OCR_LENGTH = 35


class OcrConfusion(Rule):
    """Repair a non-word made by a classic OCR confusion of old print.

    Example: ``il eft venu`` → ``il est venu`` (long s read as f); ``le rnonde`` → ``le monde``;
    ``la cliambre`` → ``la chambre``. ``enfans``, ``Karachev``, ``dune``, ``lace`` stay.
    """

    id = "ocr-confusion"
    category = "ocr"
    pass_name = "words"
    # A token written often is repaired only once the document writes its repair too: a round's repairs can
    # bring that word, and a token paragraphs away is repaired next round, so a later round's check has this
    # rule read the whole text (found by a soak of damaged documents: « crltiques »).
    reads_whole_text = True
    description = "confusion de caractères d’OCR (f/s long, rn/m, li/h, u/n…) dans un non-mot"

    def find(self, doc: Document) -> Iterable[Edit]:
        text = doc.text
        vocab = doc_vocabulary(doc)
        guard = protected_spans(doc)
        skip = protected_words()
        repairs: dict[str, tuple[str, str]] = {}
        for token in doc_unknown_words(doc):  # a lower-case token is a word when its own spelling is a form
            if not 3 <= len(token) <= MAX_OCR_LENGTH or not token.islower() or token in skip:
                continue
            repair = best_repair(token)
            if repair is None:
                continue
            # The repaired word must not be one the document avoids: a token written often while its
            # "repair" never appears is more likely a real word of the text (a name, a term).
            if vocab[token] > 2 and not vocab.get(repair[0]):
                continue
            repairs[token] = repair
        for i, token in locate(text, repairs):
            cand, steps = repairs[token]
            end = i + len(token)
            if guard.overlaps(i, end) or not is_isolated(text, i, end) or english_context(text, i, end):
                continue
            if text[max(0, i - 2) : i] in ("- ", "-\n") or text[end : end + 1] == "-":
                continue  # a fragment of a word hyphenated at a line break (``heu- reux``)
            yield self.edit(doc, i, end, cand, CONFUSION, f"confusion d’OCR ({steps}) : « {token} » → « {cand} »")
