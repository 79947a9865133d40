"""Social-media embeds flattened to plain text: tweet credit lines, links, widget lines, stray tweets.

When a scraper flattens an embedded tweet, its blockquote becomes ordinary lines: the tweet text
(often ending with a ``pic.twitter.com/…`` or ``t.co/…`` link) and a credit line
``— Name (@handle) 19 novembre 2024``; alert tweets open with a line such as ``RUPTURE:``. Other
platforms leave call-to-action and credit lines (``Voir cette publication sur Instagram``,
``A post shared by …``, ``Watch on YouTube``, ``♬ original sound - …``).

The *chrome* (credit lines, links, widget lines) always goes. The tweet's text goes with it only
when the embed is stray — nothing in the prose before it introduces it and the document is not a
live blog made of tweets; a tweet the article introduces (``…, comme en attestent quelques
tweets :``) keeps its words. Patterns and word lists live in ``cleanfr/data/embeds.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ... import tables
from . import BlockRule, Cut, PlanState, Proposal
from ._lines import Line, LineMatcher, Segmentation, block_keys, preview, word_count

#: Stated confidences. A stray tweet body: with an alert line (``RUPTURE:``); with tweet marks (links,
#: hashtags, handles, emoji); short plain prose; long plain prose (likely the article's own text).
STRAY_WITH_ALERT = 0.92
STRAY_WITH_MARKS = 0.88
STRAY_SHORT_PROSE = 0.82
STRAY_LONG_PROSE = 0.6
#: A credit line ``— Name (@handle) date``, and one without a date.
CREDIT = 0.95
UNDATED_CREDIT = 0.85
#: A ``pic.twitter.com`` link, a ``t.co`` link, a line of links only.
PICTURE_LINK = 0.95
SHORT_LINK = 0.9
LINK_LINE = 0.95
#: A line made of a widget's text (``Voir cette publication sur Instagram``).
WIDGET_LINE = 0.9

#: A tweet holds at most 280 characters (140 before 2017); links and spaces give some slack.
TWEET_MAX = 300
#: How many lines above a tweet's last line an alert line (``RUPTURE:``) may stand.
ALERT_REACH = 3
#: A document whose non-blank lines are this much embed (and with several embeds) is a live blog.
LIVE_BLOG_SHARE = 0.3
LIVE_BLOG_MIN_EMBEDS = 3
#: ... or that has this many time-stamped or live-marked lines.
LIVE_MARKERS = 2

_SP = "[ \\t\\u00a0\\u202f]"


@dataclass(frozen=True)
class CtaPattern:
    id: str
    platform: str
    regex: str
    positive: tuple[str, ...]
    negative: tuple[str, ...]


@lru_cache(maxsize=1)
def cta_patterns() -> tuple[CtaPattern, ...]:
    """Widget lines of ``embeds.toml``, in file order."""
    return tuple(
        CtaPattern(e["id"], e["platform"], e["regex"], tuple(e["positive"]), tuple(e["negative"]))
        for e in tables.toml("embeds.toml")["cta"]
    )


def line_patterns() -> list[tuple[str, str, bool]]:
    """Widget-line patterns keyed ``embed:<entry>`` for the shared line matcher."""
    return [(f"embed:{i}", p.regex, False) for i, p in enumerate(cta_patterns())]


def match_cta(line: str) -> CtaPattern | None:
    """The widget pattern ``line`` is entirely made of, if any.

    >>> match_cta("Voir cette publication sur Instagram").platform
    'instagram'
    """
    key = _cta_matcher().match(line)
    return None if key is None else cta_patterns()[int(key.split(":")[1])]


@lru_cache(maxsize=1)
def _cta_matcher() -> LineMatcher:
    """The widget patterns alone (the block pass reads them with every block rule's, in one matcher)."""
    return LineMatcher(line_patterns())


@lru_cache(maxsize=1)
def _credit_regex() -> re.Pattern[str]:
    """``[lead] — Name (@handle) date``: the credit line a tweet embed leaves (anchored: used on whole lines)."""
    months = tables.toml("embeds.toml")["months"]
    fr = "|".join(months["fr"])
    en = "|".join(months["en"])
    es = "|".join(months["es"])
    day = r"\d{1,2}(?:er|st|nd|rd|th)?"
    date = (
        rf"(?:{day}\s+(?:{fr}|{en})\s+\d{{4}}"  # 19 novembre 2024, 19 November 2024
        rf"|(?:{en}|{fr})\s+{day},?\s+\d{{4}}"  # November 19, 2024 / Octobre 27, 2012
        rf"|{day}\s+de\s+(?:{es})\s+de\s+\d{{4}})"  # 19 de noviembre de 2024
    )
    return re.compile(
        rf"\A(?=[^\n]*\(@)(?P<lead>.*?)(?P<credit>{_SP}*(?P<dash>[—–―-]{{1,2}}|&mdash;)?{_SP}*"
        rf"(?P<name>[^()\n—–―]{{0,80}}?){_SP}*\(@(?P<handle>\w{{1,15}})\){_SP}*(?P<date>{date})?"
        rf"(?:{_SP}*(?:https?://t\.co/[A-Za-z0-9]{{1,10}}|pic\.(?:twitter|x)\.com/[A-Za-z0-9]{{1,10}}))*)[{_SP[1:-1]}.]*",
        re.IGNORECASE,
    )


@dataclass(frozen=True)
class Credit:
    """A credit line (or the credit part at the end of a tweet line)."""

    line: int
    start: int  # offset of the credit part in the text (the whole line when not inline)
    end: int
    inline: bool
    dated: bool


def parse_credit(line: Line) -> Credit | None:
    """The credit on ``line``, if it is one.

    >>> c = parse_credit(Line(0, 0, 47, 47, "– Actualités Globe Eye (@GlobeEyeNews) 19 novembre 2024"))
    >>> (c.inline, c.dated)
    (False, True)
    """
    text = line.text
    if "(@" not in text or len(text) > 700:
        return None
    m = _credit_regex().fullmatch(text)
    if m is None:
        return None
    lead, dash, date = m.group("lead"), m.group("dash"), m.group("date")
    if lead.strip():
        # Tweet text and credit on one line: be strict, the dash and the date must both be there.
        if not (dash and date):
            return None
        return Credit(line.index, line.start + m.start("credit"), line.start + m.end(), True, True)
    if not dash and not date:
        return None
    if not dash and word_count(m.group("name")) > 6:
        return None
    return Credit(line.index, line.start, line.end, False, bool(date))


@lru_cache(maxsize=1)
def _alert_regex() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(tables.toml("embeds.toml")["alert"]["words"], key=len, reverse=True))
    return re.compile(
        rf"\A{_SP}*(?:[^\w\s]{{1,3}}{_SP}*)?(?:{words}){_SP}*[:!.]*{_SP}*(?:[^\w\s]{{1,3}})?{_SP}*", re.IGNORECASE
    )


def is_alert(text: str) -> bool:
    """A line made only of an alert word, as alert tweets begin.

    >>> is_alert("RUPTURE:"), is_alert("Rupture de contrat")
    (True, False)
    """
    return len(text) < 40 and _alert_regex().fullmatch(text) is not None


@lru_cache(maxsize=1)
def _introduction_regex() -> re.Pattern[str]:
    return re.compile(tables.toml("embeds.toml")["introduction"]["regex"], re.IGNORECASE)


_ENDS_WITH_COLON = re.compile(r"[:：]\s*[»”\"]?\s*$")


def introduces(paragraph: str) -> bool:
    """Whether a paragraph announces or discusses what follows it: it ends with a colon, or it
    speaks of posts (« tweet », « a écrit », « sur son compte », « a réagi »…).

    >>> introduces("Il l'a dit sans détour, comme en attestent quelques tweets :")
    True
    >>> introduces("Les troupes ont intercepté cinq missiles. Le bilan reste inconnu.")
    False
    """
    return bool(_ENDS_WITH_COLON.search(paragraph)) or _introduction_regex().search(paragraph) is not None


@lru_cache(maxsize=1)
def _live_blog_regex() -> re.Pattern[str]:
    return re.compile(tables.toml("embeds.toml")["live_blog"]["regex"], re.IGNORECASE)


def is_live_blog(texts: list[str], alive: list[int], embeds: int, embed_lines: int) -> bool:
    """A document made of tweets, or a timed live blog quoting several: its tweets are its content."""
    if embeds < LIVE_BLOG_MIN_EMBEDS:
        return False
    if embed_lines >= LIVE_BLOG_SHARE * len(alive):
        return True
    live = _live_blog_regex()
    return sum(1 for li in alive if live.match(texts[li])) >= LIVE_MARKERS


#: Tweet links: their identifiers are at most ten letters or digits, so a link glued to the next word
#: does not swallow it.
_LINK = re.compile(
    r"(?:https?://)?pic\.(?:twitter|x)\.com/[A-Za-z0-9]{1,10}|https?://t\.co/[A-Za-z0-9]{1,10}|(?<![\w./])t\.co/[A-Za-z0-9]{6,10}"
)
_TWEET_MARK = re.compile(r"(?:^|\s)[#@]\w|https?://|pic\.(?:twitter|x)\.com/|[\U0001F300-\U0001FAFF\u2600-\u27BF]")
_SHINGLE = 6


def _strip_links(text: str) -> str:
    if "t.co" not in text and "pic." not in text:
        return text.strip()  # every link holds one of them: the regex, slow to search, has nothing to find
    return _LINK.sub("", text).strip()


def _quotes(context: str, body: str) -> bool:
    """Whether the paragraph before the embed quotes its text (six words in a row in common)."""
    body_words = fold_words(body)
    if len(body_words) < _SHINGLE:
        return False
    shingles = {tuple(body_words[i : i + _SHINGLE]) for i in range(len(body_words) - _SHINGLE + 1)}
    ctx = fold_words(context)
    return any(tuple(ctx[i : i + _SHINGLE]) in shingles for i in range(len(ctx) - _SHINGLE + 1))


def fold_words(text: str) -> list[str]:
    return [w for w in block_keys(text.split()) if w]


@dataclass
class Embed:
    credit: Credit
    body: list[int]  # line indices of the tweet text (and its alert line), top to bottom
    alert: bool
    introduced: bool = False


@dataclass
class Analysis:
    """The embeds of a document, found once and shared by the embed rules (each proposes its part)."""

    credits: dict[int, Credit]
    embeds: list[Embed]
    #: Widget lines (call to action, post URL) that no earlier rule removes: line index → pattern.
    widgets: dict[int, CtaPattern]
    #: Lines the embed rules remove whole: stray tweet bodies, credit lines on their own, widget lines.
    removed: set[int]
    #: Non-blank lines no earlier rule removed when the analysis ran.
    alive: list[int]


def analyse(state: PlanState) -> Analysis:
    """Find embeds (credit lines, their bodies, whether the prose introduces them) and widget lines."""
    return state.memo("embeds.analysis", _analyse)


def _analyse(state: PlanState) -> Analysis:
    seg = state.seg
    text = seg.text
    texts = seg.texts
    alive = state.surviving_units()
    if not alive:
        return Analysis({}, [], {}, set(), alive)
    credits: dict[int, Credit] = {}
    if "(@" in text:
        for li in alive:
            if "(@" in texts[li]:
                c = parse_credit(seg.line(li))
                if c is not None:
                    credits[li] = c
    pos = dict(zip(alive, range(len(alive)))) if credits else {}  # read only around embeds
    cta = {li: p for li, p in widgets_of(state.kinds).items() if li not in credits and li not in state.removed}
    embeds = [_embed(c, alive, pos, texts, credits, cta) for c in credits.values()]
    embed_lines = sum(len(e.body) + (0 if e.credit.inline else 1) for e in embeds)
    live_blog = is_live_blog(texts, alive, len(embeds), embed_lines)
    _decide_introductions(embeds, alive, pos, texts, cta, live_blog)
    removed: set[int] = set(cta)
    for e in embeds:
        if not e.introduced and e.body:
            removed.update(e.body)
        if not e.credit.inline:
            removed.add(e.credit.line)
    return Analysis(credits, embeds, cta, removed, alive)


def _stray_lines(analysis: Analysis) -> set[int]:
    return {li for e in analysis.embeds if not e.introduced and e.body for li in e.body}


def widgets_of(kinds: dict[int, str]) -> dict[int, CtaPattern]:
    """The widget lines among the shared matcher's findings."""
    out = {}
    for li, key in kinds.items():
        family, _, entry = key.partition(":")
        if family == "embed":
            out[li] = cta_patterns()[int(entry)]
    return out


def _embed(
    c: Credit,
    alive: list[int],
    pos: dict[int, int],
    texts: list[str],
    credits: dict[int, Credit],
    cta: dict[int, CtaPattern],
) -> Embed:
    """The tweet text above a credit line: the line just before, plus an alert line or a
    continuation with tweet marks, within a tweet's length."""
    if c.inline:
        return Embed(c, [c.line], False)
    k = pos[c.line]

    def usable(j: int) -> bool:
        return j >= 0 and alive[j] not in credits and alive[j] not in cta

    if not usable(k - 1):
        return Embed(c, [], False)
    first = texts[alive[k - 1]]
    if alive[k - 1] != c.line - 1 and not _TWEET_MARK.search(first):
        # A blank line between the credit and plain prose: the tweet's own text is gone (removed by an
        # earlier round, or never pasted) and the prose above belongs to the article.
        return Embed(c, [], False)
    if len(_strip_links(first)) > TWEET_MAX or (
        _ENDS_WITH_COLON.search(first) and word_count(first) > 8 and not is_alert(first)
    ):
        return Embed(c, [], False)
    body = [alive[k - 1]]
    size = len(_strip_links(first))
    # An alert line a few lines up, with only tweet-sized text between.
    for d in range(2, ALERT_REACH + 2):
        j = k - d
        if not usable(j):
            break
        t = texts[alive[j]]
        if is_alert(t):
            return Embed(c, [alive[i] for i in range(j, k)], True)
        size += len(_strip_links(t))
        if size > TWEET_MAX:
            break
    # A tweet written on several lines: continuation lines carry tweet marks.
    size = len(_strip_links(first))
    j = k - 2
    while usable(j):
        t = texts[alive[j]]
        size += len(_strip_links(t)) + 1
        if size > TWEET_MAX or not _TWEET_MARK.search(t) or _ENDS_WITH_COLON.search(t) or introduces(t):
            break
        body.insert(0, alive[j])
        j -= 1
    return Embed(c, body, False)


def _decide_introductions(
    embeds: list[Embed],
    alive: list[int],
    pos: dict[int, int],
    texts: list[str],
    cta: dict[int, CtaPattern],
    live_blog: bool,
) -> None:
    """Mark each embed as introduced by the prose (keeps its text) or stray (goes whole)."""
    by_credit_line = {e.credit.line: e for e in embeds}
    for e in sorted(embeds, key=lambda e: pos[e.credit.line]):
        if live_blog or not e.body:
            e.introduced = True
            continue
        top = pos[e.body[0]]
        j = top - 1
        while j >= 0 and alive[j] in cta:
            j -= 1
        if j < 0:
            e.introduced = False
            continue
        prev = alive[j]
        if prev in by_credit_line:  # a series of embeds shares the fate of the first one
            e.introduced = by_credit_line[prev].introduced
            continue
        context = texts[prev]
        body_text = " ".join(texts[li] for li in e.body)
        e.introduced = introduces(context) or _quotes(context, body_text)


def _stray_confidence(e: Embed, texts: list[str]) -> float:
    """Sure when the embed shows itself (alert line, links, hashtags); doubtful for plain prose."""
    if e.alert:
        return STRAY_WITH_ALERT
    body = " ".join(texts[li] for li in e.body)
    if _TWEET_MARK.search(body):
        return STRAY_WITH_MARKS
    return STRAY_SHORT_PROSE if len(body) <= 200 else STRAY_LONG_PROSE


def _lines_with_links(seg: Segmentation) -> list[int]:
    """The lines holding ``t.co`` or ``pic.`` (every :data:`_LINK` does), top to bottom: found with str.find over
    the whole text, not by reading each line.

    >>> _lines_with_links(Segmentation("a pic.twitter.com/x t.co\\nb\\nc https://t.co/abc https://t.co/d"))
    [0, 2]
    """
    text = seg.text
    places = []
    for needle in ("t.co", "pic."):
        at = text.find(needle)
        while at >= 0:
            places.append(at)
            at = text.find(needle, at + 1)
    found: list[int] = []
    line = seen = 0
    for at in sorted(places):
        line += text.count("\n", seen, at)
        seen = at
        if not found or found[-1] != line:
            found.append(line)
    return found


def _propose_links(state: PlanState, line: Line, credit: Credit | None) -> None:
    """Cut ``pic.twitter.com``/``t.co`` links out of a kept line; a line of links only goes whole."""
    text = line.text
    matches = list(_LINK.finditer(text))
    if not matches:
        return
    if not _LINK.sub("", text).strip() and credit is None:
        state.remove(
            Proposal(
                EmbedLink.id, "embed", LINK_LINE, f"lien de tweet isolé supprimé : « {preview(text)} »", line=line.index
            )
        )
        return
    for m in matches:
        s, t = m.start(), m.end()
        while s > 0 and text[s - 1] in " \t\u00a0\u202f":
            s -= 1
        if s == 0:  # a link opening the line takes the space after it instead
            while t < len(text) and text[t] in " \t\u00a0\u202f":
                t += 1
        if credit is not None and credit.inline:
            if line.start + s >= credit.start:  # a link after the credit goes with it
                continue
            t = min(t, credit.start - line.start)
        conf = PICTURE_LINK if "pic." in m.group() else SHORT_LINK
        state.cuts.append(
            Proposal(
                EmbedLink.id,
                "embed",
                conf,
                f"lien de tweet supprimé : « {m.group()} »",
                line=line.index,
                cut=Cut(line.start + s, line.start + t),
            )
        )


class StrayEmbed(BlockRule):
    """Remove a stray tweet pasted as text — alert line, body — when the prose does not introduce it.

    Example: between two paragraphs, ``RUPTURE:`` / ``Une vidéo montre l’Ukraine lançant 6 missiles
    …`` / ``La Russie affirme avoir abattu cinq des six missiles. pic.twitter.com/jxOs7NVpnr`` /
    ``– Actualités Globe Eye (@GlobeEyeNews) 19 novembre 2024`` all go. After ``…, comme en
    attestent quelques tweets :`` the tweet's text stays and only its credit line and links go.
    """

    id = "embed-stray"
    category = "embed"
    description = "tweet intégré sans lien avec le texte (alerte, texte, lien, signature)"
    order = 20

    def propose(self, state: PlanState) -> None:
        texts = state.seg.texts
        for e in analyse(state).embeds:
            if not e.introduced and e.body:
                conf = _stray_confidence(e, texts)
                words = " / ".join(preview(texts[li], 40) for li in e.body)
                for li in e.body:
                    state.remove(
                        Proposal(
                            self.id,
                            "embed",
                            conf,
                            f"publication intégrée hors du texte supprimée : « {words} »",
                            line=li,
                        )
                    )


class EmbedCredit(BlockRule):
    """Remove the credit line of a tweet embed: ``— Name (@handle) date`` (French, English or
    Spanish date, dash, en dash or hyphen).

    Example: ``— Jean-Bernard Cadier (@jbcadier) 18 Février 2015`` under a tweet is removed;
    ``sur son compte @Handle, il a écrit`` inside a sentence stays.
    """

    id = "embed-credit"
    category = "embed"
    description = "signature de tweet « — Nom (@compte) date »"
    order = 20

    def propose(self, state: PlanState) -> None:
        analysis = analyse(state)
        text, texts = state.seg.text, state.seg.texts
        stray = _stray_lines(analysis)
        for e in analysis.embeds:
            c = e.credit
            if c.inline:
                if c.line not in stray:
                    message = f"signature de tweet supprimée : « {preview(text[c.start : c.end])} »"
                    state.cuts.append(Proposal(self.id, "embed", CREDIT, message, line=c.line, cut=Cut(c.start, c.end)))
            else:
                conf = CREDIT if c.dated else UNDATED_CREDIT
                state.remove(
                    Proposal(
                        self.id,
                        "embed",
                        conf,
                        f"signature de tweet supprimée : « {preview(texts[c.line])} »",
                        line=c.line,
                    )
                )


class EmbedLink(BlockRule):
    """Remove the ``pic.twitter.com/…`` and ``t.co/…`` links a flattened tweet leaves.

    Example: ``Les signes sont bons pic.twitter.com/jN6TxXUvPw`` → ``Les signes sont bons``.
    """

    id = "embed-link"
    category = "embed"
    description = "liens pic.twitter.com et t.co laissés par un tweet intégré"
    order = 20

    def propose(self, state: PlanState) -> None:
        seg = state.seg
        if "t.co" not in seg.text and "pic." not in seg.text:
            return
        analysis = analyse(state)
        alive = set(analysis.alive)
        for li in _lines_with_links(seg):
            if li in alive and li not in analysis.removed:
                _propose_links(state, seg.line(li), analysis.credits.get(li))


class EmbedWidgetLine(BlockRule):
    """Remove the lines embed widgets leave: ``Voir cette publication sur Instagram``, ``A post
    shared by …``, ``Watch on YouTube``, ``♬ original sound - …``, a lone post URL.

    Example: ``Voir l'image sur Twitter`` alone on its line is removed; the same words inside a
    sentence stay.
    """

    id = "embed-widget"
    category = "embed"
    description = "lignes de widget de réseau social (appel à l’action, crédit, lien de publication)"
    order = 20

    @classmethod
    def line_patterns(cls) -> list[tuple[str, str, bool]]:
        return line_patterns()

    def propose(self, state: PlanState) -> None:
        self._remove(state, analyse(state).widgets)

    def propose_lines(self, state: PlanState, found: dict[int, str]) -> None:
        self._remove(state, widgets_of(found))

    def _remove(self, state: PlanState, widgets: dict[int, CtaPattern]) -> None:
        for li, p in widgets.items():
            message = f"ligne de widget {p.platform} supprimée : « {preview(state.seg.texts[li])} »"
            state.remove(Proposal(self.id, "embed", WIDGET_LINE, message, line=li))
