"""Social-media embeds: chrome always goes, stray embeds go whole, introduced tweets keep their words."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cleanfr
from cleanfr import tables
from cleanfr.edits import undo
from cleanfr.rules.blocks._lines import Line, Segmentation, first_chars
from cleanfr.rules.blocks.embeds import (
    _LINK,
    _lines_with_links,
    _strip_links,
    cta_patterns,
    introduces,
    is_alert,
    match_cta,
    parse_credit,
)

SELECT = ["embed"]
TABLE = tables.toml("embeds.toml")

P1 = "Ni l’état-major ni le ministère de la Défense n’ont souhaité commenter les missiles utilisés, affirmant qu’il s’agissait d’informations classifiées."
P2 = "La première réaction de la Russie à cette attaque s’est produite à Rio de Janeiro, où se trouve le ministre russe des Affaires étrangères."


def _line(text: str) -> Line:
    return Line(0, 0, len(text), len(text), text)


@pytest.mark.parametrize("pattern", cta_patterns(), ids=lambda p: p.id)
def test_every_widget_pattern_has_working_examples(pattern) -> None:
    assert pattern.positive and pattern.negative
    chars = first_chars(pattern.regex)
    for line in pattern.positive:
        found = match_cta(line)
        assert found is not None and found.id == pattern.id, line
        assert chars is None or line[0].lower() in chars
    for line in pattern.negative:
        found = match_cta(line)
        assert found is None or found.id != pattern.id, line


def test_alert_and_introduction_examples() -> None:
    for line in TABLE["alert"]["positive"]:
        assert is_alert(line), line
    for line in TABLE["alert"]["negative"]:
        assert not is_alert(line), line
    for line in TABLE["introduction"]["positive"]:
        assert introduces(line), line
    for line in TABLE["introduction"]["negative"]:
        assert not introduces(line), line
    live = re.compile(TABLE["live_blog"]["regex"], re.IGNORECASE)
    for line in TABLE["live_blog"]["positive"]:
        assert live.match(line), line
    for line in TABLE["live_blog"]["negative"]:
        assert not live.match(line), line


@pytest.mark.parametrize(
    "line",
    [
        "— Jean-Bernard Cadier (@jbcadier) 18 Février 2015",
        "— Nicolas Sarkozy (@NicolasSarkozy) 15 Mai 2015",
        "— Frédéric Lefebvre (@FLefebvre_UMP) November 4, 2013",
        "— jsh bartlet (@jshbartlet) Octobre 27, 2012",
        "– Actualités Globe Eye (@GlobeEyeNews) 19 novembre 2024",
        "- Pedro Sánchez (@sanchezcastejon) 19 de noviembre de 2024",
        "— 𝙹𝚘𝚊𝚌𝚑𝚒𝚖 🇫🇷 (@joachim) 25 décembre 2018",
        "— مــريــم آل ثــانــي (@ALThani_M) 15 juillet 2018",
    ],
)
def test_credit_lines_in_every_date_style(line: str) -> None:
    credit = parse_credit(_line(line))
    assert credit is not None and not credit.inline


@pytest.mark.parametrize(
    "line",
    [
        "Il a réagi sur son compte (@Handle) dans la soirée.",
        "Le porte-parole (@porteparole) a confirmé.",
        "Jean Dupont (@jdupont)",
    ],
)
def test_prose_with_a_handle_is_not_a_credit(line: str) -> None:
    assert parse_credit(_line(line)) is None


def test_stray_alert_tweet_goes_whole() -> None:
    text = (
        f"{P1}\n\nRUPTURE:\n\nUne vidéo montre l’Ukraine lançant 6 missiles sur la Russie.\n\n"
        "La Russie affirme avoir abattu cinq des six missiles. pic.twitter.com/jxOs7NVpnr\n\n"
        f"– Actualités Globe Eye (@GlobeEyeNews) 19 novembre 2024\n\n{P2}\n"
    )
    result = cleanfr.fix(text, select=SELECT)
    assert result.text == f"{P1}\n\n{P2}\n"
    assert all(e.category == "embed" and e.applied for e in result.edits)
    assert undo(result.text, result.edits) == text


def test_stray_tweet_with_link_goes() -> None:
    text = (
        f"{P1}\n"
        "Arnaud Montebourg auditeur attentif à la conférence sur l'exception culturelle. pic.twitter.com/rRK1A5MkQI\n"
        f"— Jean-Bernard Cadier (@jbcadier) 18 Février 2015\n{P2}\n"
    )
    assert cleanfr.fix(text, select=SELECT).text == f"{P1}\n{P2}\n"


def test_introduced_tweets_keep_their_text() -> None:
    intro = "L’essayiste affirme que Churchill s’est inspiré d’un discours de Clemenceau, comme en attestent quelques tweets:"
    t1 = "Les érudits se souviendront du fameux discours de #Churchill 1940 1/2"
    t2 = "2/2...je me battrai dans les rues etc. reprend un discours de Clémenceau https://t.co/AbCdEf1234"
    text = (
        f"{intro}\n{t1}\n— Paul-Marie Coûteaux (@pmcouteaux) 2 mai 2017\n"
        f"{t2}\n— Paul-Marie Coûteaux (@pmcouteaux) 2 mai 2017\n{P2}\n"
    )
    result = cleanfr.fix(text, select=SELECT)
    assert result.text == f"{intro}\n{t1}\n{t2.replace(' https://t.co/AbCdEf1234', '')}\n{P2}\n"


def test_live_blog_keeps_tweets_and_loses_chrome() -> None:
    tweets = [f"#Direct Le ministre annonce la mesure numéro {i} #conferencedepresse" for i in range(4)]
    text = "Ce qu’il fallait retenir de la conférence.\n" + "".join(
        f"{t}\n— Le Gorafi (@le_gorafi) 25 avril 2019\n" for t in tweets
    )
    result = cleanfr.fix(text, select=SELECT)
    assert result.text == "Ce qu’il fallait retenir de la conférence.\n" + "".join(f"{t}\n" for t in tweets)


def test_quoted_tweet_keeps_its_text() -> None:
    quote = "Victoire contre l'extrême droite en #Suède. Et notre allié suédois progresse et atteint 10% !"
    text = (
        f"« Victoire contre l'extrême droite en #Suède. Et notre allié suédois progresse », s’est félicité le dirigeant.\n"
        f"{quote}\n— Jean-Luc Mélenchon (@JLMelenchon) 9 septembre 2018\n{P2}\n"
    )
    result = cleanfr.fix(text, select=SELECT)
    assert quote in result.text and "@JLMelenchon" not in result.text


def test_inline_credit_is_cut_from_the_tweet_line() -> None:
    intro = "Sur Twitter, il a réagi en ces termes :"
    text = f"{intro}\nJe voterai la motion de censure. — Christian Estrosi (@cestrosi) March 19, 2013\n{P2}\n"
    result = cleanfr.fix(text, select=SELECT)
    assert result.text == f"{intro}\nJe voterai la motion de censure.\n{P2}\n"


@pytest.mark.parametrize(
    "text",
    [
        "Il l’a écrit sur X, a-t-il précisé.\n",
        "Sur son compte @Handle, le ministre a publié un long message.\n",
        "Le tweet (@Handle) a été supprimé dans la nuit.\n",
        "Voir l’image sur Twitter a choqué de nombreux internautes.\n",
    ],
)
def test_prose_about_accounts_and_posts_stays(text: str) -> None:
    assert cleanfr.fix(text, select=SELECT).edits == []


def test_widget_lines_of_other_platforms() -> None:
    text = (
        f"{P1}\nVoir cette publication sur Instagram\nUne publication partagée par NASA (@nasa) le 3 mars 2019 à 10h12 PST\n"
        f"Watch on YouTube\n@scout2015 Scramble up ur name #foryoupage ♬ original sound - Scout & Suki\n{P2}\n"
    )
    assert cleanfr.fix(text, select=SELECT).text == f"{P1}\n{P2}\n"


def test_links_in_prose_are_cut_and_result_is_idempotent() -> None:
    text = f"{P1} pic.twitter.com/AbCdEf12\r\n\r\npic.twitter.com/Mxm6e24J4d\r\n\r\n{P2}\r\n"
    once = cleanfr.fix(text, select=SELECT).text
    assert once == f"{P1}\r\n\r\n{P2}\r\n"
    assert cleanfr.fix(once, select=SELECT).edits == []


def test_prose_above_a_credit_whose_tweet_is_gone_stays() -> None:
    """With the credit line kept (embed-credit ignored), the second round sees the article's paragraph right
    above the credit, a blank line between: it is not the tweet's text (it was removed by the first round)."""
    from cleanfr.pipeline import Pipeline

    text = (
        "Le conflit s'étend à de nouvelles régions du pays, selon les autorités.\n\n"
        "RUPTURE:\nUne vidéo montre l’Ukraine lançant 6 missiles sur la région de Briansk.\n"
        "– Actualités Globe Eye (@GlobeEyeNews) 19 novembre 2024\n\n"
        "La Russie affirme avoir abattu cinq des six missiles.\n"
    )
    out = Pipeline(ignore=["embed-credit"], trust="stated").fix(text).text
    assert out.startswith("Le conflit s'étend") and "Une vidéo" not in out


#: Pieces of text around tweet links: links, near misses (case, a space, no identifier), words, line breaks.
_LINK_PIECES = st.sampled_from(
    ["pic.twitter.com/jxOs7NVpnr", "https://t.co/AbC123", "t.co/abcdefg", "pic.x.com/a", "http://", "PIC.TWITTER.COM/x",
     "t.co", "pic.", "t. co/abcdef", "https://t.co/", "/t.co/abcdefg", "mot", " ", "\n", "\r\n", "\u00a0", "."]
)  # fmt: skip


@given(st.lists(_LINK_PIECES, max_size=12).map("".join))
def test_link_gates_never_hide_a_link(text: str) -> None:
    """The substring tests that spare the slow link regex: the lines holding ``t.co`` or ``pic.``, found over the
    whole text, are those a line by line test finds, and every line with a link is among them."""
    seg = Segmentation(text)
    holding = [li for li, line in enumerate(seg.texts) if "t.co" in line or "pic." in line]
    assert _lines_with_links(seg) == holding
    assert all(li in holding for li, line in enumerate(seg.texts) if _LINK.search(line))
    for line in seg.texts:
        assert _strip_links(line) == _LINK.sub("", line).strip()
