"""The word pass: one word at a time, against the lexicon (:mod:`cleanfr.lexicon`) and the document's own words.

Glued words, lost apostrophes and elisions, stripped accents, stray capitals, OCR misreadings and hyphens.
The rules of the pass read the same text; when one rule's repair gives another something to do, the
pipeline's next round finds it (:mod:`cleanfr.pipeline`). A few verdicts still read the text as a sibling
will leave it, so that a token is judged once and the same way in every round (a word joined across a
line-break hyphen for the elision rule, names confirmed once glued tokens are split for the glue
analysis). Analyses two rules share live in the helper modules of the package (``_glue``,
``_ocr_repairs``), never in another rule's module.
"""
