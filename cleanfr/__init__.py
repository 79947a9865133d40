"""cleanfr — repair French text damaged by scrapers, OCR and machine translation, with an exact edit log.

>>> import cleanfr
>>> cleanfr.fix("Ã©tÃ© Ã  Paris").text
'été à Paris'
"""

from .edits import Edit, apply, undo
from .pipeline import Pipeline, Result, SelectionError, fix

__version__ = "0.1.0"
__all__ = ["Edit", "Pipeline", "Result", "SelectionError", "apply", "fix", "undo", "__version__"]
