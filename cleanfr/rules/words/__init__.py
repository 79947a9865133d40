"""The word pass: one word at a time, against the lexicon (:mod:`cleanfr.lexicon`) and the document's own words.

Glued words, lost apostrophes and elisions, stripped accents, stray capitals, OCR misreadings and hyphens.
The rules of the pass read the same text and never predict one another: when one rule's repair gives
another something to do, the pipeline's next round finds it (:mod:`cleanfr.pipeline`). Analyses two rules
share live in the helper modules of the package (``_glue``, ``_ocr_repairs``).
"""
