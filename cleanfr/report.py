"""A self-contained HTML report of the edits (``cleanfr report INPUT... -o report.html``).

One file, no network: the text of each document with every edit highlighted by category (removals struck
through, insertions underlined), suggestions drawn apart from applied edits (dashed, not applied), a tooltip
on hover or keyboard focus with rule, category, confidence and message, a summary table with a bar chart,
a list of documents to navigate, keys ``n``/``p`` for the next/previous edit, and category filters.

>>> from cleanfr import fix
>>> from cleanfr.stats import Stats
>>> r = fix("Ã©tÃ© Ã  Paris")
>>> html = render_report([("a.txt", "Ã©tÃ© Ã  Paris", r.edits)], Stats(), "démo")
>>> '<del>Ã©tÃ©</del><ins>été</ins>' in html
True
"""

from __future__ import annotations

import codecs
import html
import re
from typing import Sequence

from . import tables
from .edits import Edit
from .stats import Stats

__all__ = ["render_report", "render_document", "html_bytes"]

_VISIBLE = {" ": "␣", "\u00a0": "⍽", "\u202f": "⍽", "\t": "⇥", "\u00ad": "-"}
_HUES = (210, 30, 140, 280, 0, 90, 180, 320, 55, 250, 110, 350)


def _css_name(category: str) -> str:
    return "c-" + re.sub(r"[^a-z0-9-]", "-", category.lower())


def _shown(s: str) -> str:
    """Escaped text of an edit side, with invisible characters made visible (a removed space must show)."""
    if s and not s.strip(" \u00a0\u202f\t\u00ad\r\n"):
        s = "".join(_VISIBLE.get(c, c) for c in s)
    else:
        s = s.replace("\u00ad", "-")
    return html.escape(s.replace("\r\n", "↵\n").replace("\r", "↵\n"), quote=False)


def _tip(e: Edit) -> str:
    state = "appliquée" if e.applied else "suggérée (non appliquée)"
    return f"{e.rule} · {e.category} · confiance {e.confidence:.2f} · {state}\n{e.message}"


def render_document(text: str, edits: Sequence[Edit], prefix: str = "e-") -> str:
    """The text as HTML with one ``<span class="ed …">`` per edit (an edit overlapping an earlier one is left out).

    Each edit has the id ``{prefix}{n}``: ``report.html#d0-e3`` opens the report on that edit, its detail shown.
    """
    out: list[str] = []
    pos = 0
    for number, e in enumerate(sorted(edits, key=lambda x: (x.start, x.end, not x.applied))):
        if e.start < pos:
            continue
        out.append(html.escape(text[pos : e.start], quote=False))
        kind = "ap" if e.applied else "sg"
        parts = (f"<del>{_shown(e.original)}</del>" if e.original else "") + (
            f"<ins>{_shown(e.replacement)}</ins>" if e.replacement else ""
        )
        out.append(
            f'<span id="{prefix}{number}" class="ed {kind} {_css_name(e.category)}" tabindex="0" data-rule="{html.escape(e.rule)}" '
            f'data-cat="{html.escape(e.category)}" data-conf="{e.confidence:.2f}" '
            f'data-tip="{html.escape(_tip(e))}">{parts}</span>'
        )
        pos = max(pos, e.end)
    out.append(html.escape(text[pos:], quote=False))
    return "".join(out)


def _summary(stats: Stats, docs: Sequence[tuple[str, str, Sequence[Edit]]]) -> str:
    rows = stats.categories()
    if not stats.counts:  # reports built without corpus-wide stats count what they show
        shown = Stats()
        for _, _, edits in docs:
            shown.add_edits(edits)
        rows = shown.categories()
    top = max([r["applied"] + r["suggested"] for r in rows] + [1])
    lines = []
    for r in rows:
        a, s = r["applied"], r["suggested"]
        lines.append(
            f'<tr><td><label><input type="checkbox" checked data-filter="{_css_name(r["category"])}"> '
            f'<span class="swatch {_css_name(r["category"])}"></span>{html.escape(r["category"])}</label></td>'
            f'<td class="num">{a}</td><td class="num">{s}</td><td class="num">{r["per_10k_words"]:.2f}</td>'
            f'<td class="chart"><span class="bar ap {_css_name(r["category"])}" style="width:{100 * a / top:.1f}%"></span>'
            f'<span class="bar sg {_css_name(r["category"])}" style="width:{100 * s / top:.1f}%"></span></td></tr>'
        )
    if not lines:
        lines.append('<tr><td colspan="5">Aucune modification.</td></tr>')
    return (
        '<table class="summary"><thead><tr><th>catégorie</th><th>appliquées</th><th>suggérées</th>'
        "<th>pour 10 000 mots</th><th>répartition</th></tr></thead><tbody>" + "".join(lines) + "</tbody></table>"
    )


def _category_css(categories: Sequence[str]) -> str:
    return "".join(f".{_css_name(c)}{{--h:{_HUES[i % len(_HUES)]}}}" for i, c in enumerate(sorted(set(categories))))


def _asset(name: str) -> str:
    return tables.text(name)


def render_report(docs: Sequence[tuple[str, str, Sequence[Edit]]], stats: Stats, title: str) -> str:
    """The whole report page for ``docs`` (label, original text, edits) and corpus-wide ``stats``."""
    categories = [c for c, _, _ in stats.counts] + [e.category for _, _, edits in docs for e in edits]
    nav, articles = [], []
    for i, (label, text, edits) in enumerate(docs):
        applied = sum(1 for e in edits if e.applied)
        suggested = len(edits) - applied
        count = f"{applied}" + (f" + {suggested} ?" if suggested else "")
        nav.append(
            f'<li><a href="#doc-{i}">{html.escape(label)}</a> <span class="count" title="appliquées + suggérées">'
            f"{count}</span></li>"
        )
        articles.append(
            f'<article class="doc" id="doc-{i}"><h2>{html.escape(label)}</h2>'
            f'<p class="meta">{applied} modification(s) appliquée(s), {suggested} suggérée(s)</p>'
            f'<pre class="text">{render_document(text, edits, f"d{i}-e")}</pre></article>'
        )
    header = (
        f"{stats.documents or len(docs)} document(s), {stats.words} mots — "
        f"{stats.applied or sum(e.applied for _, _, ed in docs for e in ed)} modification(s) appliquée(s), "
        f"{stats.suggested or sum(not e.applied for _, _, ed in docs for e in ed)} suggérée(s)"
    )
    return f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<style>{_asset("report.css")}{_category_css(categories)}</style></head>
<body>
<header><h1>{html.escape(title)}</h1><p>{html.escape(header)}</p>
<p class="legend"><span class="ed ap demo"><del>supprimé</del><ins>inséré</ins></span> appliquée ·
<span class="ed sg demo"><del>texte</del><ins>suggestion</ins></span> suggérée (non appliquée) ·
survol ou Tab : détail · touches <kbd>n</kbd>/<kbd>p</kbd> : modification suivante/précédente ·
<label>vue <select id="view"><option value="both">les deux</option><option value="out">texte corrigé</option>
<option value="in">texte d’origine</option></select></label></p></header>
<div class="layout"><nav><h2>Documents</h2><ol id="docs">{"".join(nav)}</ol></nav>
<main><section id="summary"><h2>Résumé</h2>{_summary(stats, docs)}</section>
{"".join(articles)}</main></div>
<div id="tip" role="tooltip" hidden></div>
<script>{_asset("report.js")}</script>
</body></html>
"""


def html_bytes(page: str) -> bytes:
    """The report as UTF-8; a lone surrogate (a truncated emoji in a record, an undecodable byte kept by
    ``surrogateescape``) is shown as U+FFFD, since HTML has no way to hold it.

    >>> html_bytes("<p>tweet \\ud83d</p>")
    b'<p>tweet \\xef\\xbf\\xbd</p>'
    """
    return page.encode("utf-8", "cleanfr-html")


def _replace_unencodable(exc: UnicodeError) -> tuple[bytes, int]:
    """U+FFFD for each character UTF-8 cannot encode (a lone surrogate of a truncated emoji)."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    return "\ufffd".encode() * (exc.end - exc.start), exc.end


codecs.register_error("cleanfr-html", _replace_unencodable)
