"""Integrations with data-processing frameworks, each an optional extra (``pip install 'cleanfr[datatrove]'``).

Importing this package imports no framework: import the submodule you need, e.g.
``from cleanfr.integrations.datatrove import CleanfrFormatter``.
"""
