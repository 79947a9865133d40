"""The example lines of the shipped line patterns, shared by the tests that feed them to the matcher
(``tests/conftest.py`` puts this folder on ``sys.path``)."""

from __future__ import annotations

from cleanfr import tables


def shipped_line_examples() -> list[str]:
    """Every example line (positive and negative) of ``boilerplate.toml`` and ``embeds.toml``."""
    found = []
    for table in ("boilerplate.toml", "embeds.toml"):
        for entries in tables.toml(table).values():
            for entry in entries if isinstance(entries, list) else [entries]:
                if isinstance(entry, dict):
                    found += [*entry.get("positive", ()), *entry.get("negative", ())]
    return found
