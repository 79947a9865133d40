"""Glued words: two words written without their space (``officiellequi`` → ``officielle qui``).

Candidates come from the document vocabulary: a distinct word that is no French form, has (almost) no
frequency of its own, and splits into a known word (or a name seen intact in the document) and a frequent
word. Structural vetoes keep derivations whole (``extrapatrimoniaux``, ``cousaient``), and names the
document does not confirm are never split (``Karachev`` stays).
"""

from __future__ import annotations

from typing import Iterable

from ..document import Document
from ..edits import Edit
from ..lexicon import Lexicon, doc_vocabulary, english_zipf, french
from ..tokens import code_line, is_isolated, occurrences, protected_spans, protected_words
from . import Rule

#: Productive prefixes: ``extra|patrimoniaux``, ``anti|vaccin``, ``re|lancer`` are derivations, not two words.
_PREFIXES = frozenset(
    "extra super sur sous re ré dé dés co anti inter intra pré post pro contre auto bio éco euro géo hyper hypo "
    "infra méga méta micro macro mini maxi mono multi néo non poly pseudo semi socio supra télé trans ultra vice "
    "archi para péri photo radio psycho narco franco cyber quasi entre bi tri demi mi in im ir il dis mé mal bien "
    "nord sud est ouest grand petit haut bas".split()
)
#: Right-hand parts that are only endings: ``cous|aient``, ``instrument|aires``, ``branl|a``.
_ENDINGS = frozenset(
    "a ai as ait aient ais ant ants ante antes ons ez er é ée ées és ent ment ments aire aires ité ités isme "
    "ismes iste istes able ables ible ibles eur eurs euse euses ette ettes ier iers ière ières age ages ure "
    "ures ion ions ien iens ienne iennes al ale ales aux if ive ives ifs is it ise ises ir ie ies ine ines "
    "eux euse one ones ée ets ot ote ots an ane ans ard arde ards in ins ine ique iques oir "
    "oirs oire oires ois oise oises ais aise aises u us ue ues ".split()
)
#: Small words that may stand on the left of a glue (``dela`` is ``de la``).
_SHORT_LEFT = frozenset("de la le les un une en et au du des ce sa se ne".split())
#: Words of one or two letters that may stand on the right (``Lavrovau``); other short tails are noise (``ss``).
_SHORT_RIGHT = frozenset("au de la le en et un il on y à du ou où je tu".split())
_MIN_LEFT_ZIPF = 2.5
_MIN_RIGHT_ZIPF = 3.5
#: Above this, the glued form is used as a word somewhere (web spellings, English): leave it.
_MAX_TOKEN_ZIPF = 1.0


def _typo(token: str, forms: frozenset[str]) -> bool:
    """Whether one letter removed or doubled gives a French form: a misspelling, not a glue (``rationelles``)."""
    low = token.lower()
    for i in range(len(low)):
        if low[:i] + low[i + 1 :] in forms or low[: i + 1] + low[i:] in forms:
            return True
    return False


def _best_split(token: str, lex: Lexicon, vocab) -> tuple[str, str, float] | None:
    """``(left, right, confidence)`` of the most probable two-word reading of ``token``, or None."""
    name = token[0].isupper()
    found: list[tuple[float, str, str, bool]] = []
    for i in range(2, len(token) - 1):
        left, right = token[:i], token[i:]
        r = right.lower()
        if r in _ENDINGS or not lex.is_word(r) or lex.zipf(r) < _MIN_RIGHT_ZIPF:
            continue
        if len(r) < 3 and r not in _SHORT_RIGHT or english_zipf(r) > lex.zipf(r):
            continue  # équivalent|ss, dark|gray
        # A name confirmed by the document: written intact elsewhere, and no common French word (Le|camp).
        left_is_name = name and len(left) >= 3 and vocab.get(left, 0) > 0 and lex.zipf(left) < 5.0
        if left_is_name:
            score = 3.0 + lex.zipf(r)
        else:
            low = left.lower()
            if low in _PREFIXES or low.endswith("o") and lex.zipf(low) < 4.0:
                continue  # russo|ukrainien, narco|trafic: a combining form
            if len(left) <= 3 and low not in _SHORT_LEFT and lex.zipf(low) < 4.5:
                continue  # ter|tous: short left parts must be common words
            if not lex.is_word(low) or lex.zipf(low) < _MIN_LEFT_ZIPF or english_zipf(low) > lex.zipf(low):
                continue
            score = lex.zipf(low) + lex.zipf(r)
        found.append((score, left, right, left_is_name))
    if not found:
        return None
    found.sort(reverse=True)
    score, left, right, left_is_name = found[0]
    if name and not left_is_name:
        confidence = 0.7  # a capitalised token split without a name from the document: only a suggestion
    elif len(found) > 1 and found[1][0] > score - 1.0:
        confidence = 0.7  # two readings nearly as likely: let a person choose
    elif left_is_name:
        confidence = 0.92
    else:
        # A frequent right-hand word (qui, plus, au…) is the usual glue; rarer pairs may be a rare word
        # or a dialect form (flourit, clochepied): they are only suggested.
        r_zipf, l_zipf = lex.zipf(right), lex.zipf(left)
        confidence = 0.9 if r_zipf >= 5.0 else 0.85 if r_zipf >= 4.0 and l_zipf >= 4.0 else 0.7
    return left, right, confidence


class GluedWords(Rule):
    """Split a token made of two words written without their space.

    Example: ``Sergueï Lavrovau sommet`` → ``Sergueï Lavrov au sommet`` when ``Lavrov`` is written intact
    elsewhere in the document; ``additionnelplus`` → ``additionnel plus``. Left alone: French forms
    (``cousaient``), derivations (``extrapatrimoniaux``), names (``Karachev``, ``Briansk``), acronyms,
    alphanumerics (``G20``, ``COVID-19``), URLs, handles, hashtags, code and compounds with hyphens.
    A comma that a relative clause may want (``Lavrov, qui``) is only mentioned in the message.
    """

    id = "glued-words"
    category = "glued"
    pass_name = "words"
    description = "mots collés (officiellequi → officielle qui, Lavrovau → Lavrov au)"

    def find(self, doc: Document) -> Iterable[Edit]:
        vocab = doc_vocabulary(doc)
        lex = french()
        forms = lex.forms
        protected_list = protected_words()
        candidates = []
        for token, count in vocab.items():
            if len(token) < 5 or count > 1 or token.lower() in forms or token.lower() in protected_list:
                continue
            if not (token.islower() or token[1:].islower()):
                continue  # acronyms, camel case: iPhone, ATACMS
            if lex.zipf(token) >= _MAX_TOKEN_ZIPF or english_zipf(token) >= 3.0:
                continue
            split = _best_split(token, lex, vocab)
            if split and _typo(token, forms):
                continue
            if split:
                candidates.append((token, *split))
        if not candidates:
            return
        text = doc.text
        protected = protected_spans(doc)
        for token, left, right, confidence in candidates:
            for start in occurrences(text, token):
                end = start + len(token)
                if not is_isolated(text, start, end) or protected.overlaps(start, end) or code_line(text, start):
                    continue
                replacement = f"{left} {right}"
                message = f"mots collés : « {token} » → « {replacement} »"
                if left[0].isupper() and right.lower() in ("qui", "que", "dont", "où"):
                    message += f" (une virgule est peut-être attendue : « {left}, {right} »)"
                yield self.edit(doc, start, end, replacement, confidence, message)
