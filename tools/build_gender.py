"""Build ``cleanfr/data/gender/nouns.tsv``: the gender of French singular nouns, from Dicollecte's hunspell dictionary.

The Dicollecte dictionary (MPL-2.0, Debian package ``hunspell-fr``) tags every entry with its part of
speech and gender (``doctrine/S.() po:nom is:fem``); its suffix rules carry number and gender of each
derived form (``SFX F. 0 e/… is:fem is:sg``). This script expands the suffix rules of every entry, then
writes, for each form that is a singular (or invariable) common noun, one line::

    form <TAB> gender <TAB> other

``gender`` is ``m``, ``f`` or ``e`` (epicene, double gender or homographs of different genders:
``après-midi``, ``livre``, ``manche``, ``poste``, ``tour`` — never corrected); ``other`` lists the other
parts of speech the same spelling has: ``v`` verb form (``porte``), ``a`` adjective (``rouge``), ``w``
any other word class (``la``), empty when the spelling is only a noun.

It also writes ``verbs.tsv`` (the paradigms of the calque tables' verbs), ``adjectives.tsv`` (masculine
and feminine singular of adjectives whose feminine differs: ``actif	active``) and
``adjectives_epicene.txt`` (adjectives with one form for both genders that are no noun: ``stratégique``).

Usage: ``python tools/build_gender.py [/usr/share/hunspell/fr]`` (needs ``apt-get install hunspell-fr``).
Example output line: ``doctrine	f	``.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "cleanfr" / "data" / "gender" / "nouns.tsv"
VERBS = OUT.with_name("verbs.tsv")
ADJECTIVES = OUT.with_name("adjectives.tsv")
EPICENE = OUT.with_name("adjectives_epicene.txt")
CALQUES = ROOT / "cleanfr" / "data" / "calques"


#: Prefix flags with a rule that adds nothing and continues with suffix flags (``PFX Um 0 0/S. .``: the
#: unit nouns, ``litre/Um() po:nom is:mas``, whose bare forms come only through it), by flag.
null_prefix_suffixes: dict[str, list[str]] = defaultdict(list)


def parse_aff(path: Path) -> dict[str, list[tuple[str, str, re.Pattern[str], str]]]:
    """Suffix rules by flag: (strip, add, condition, morphology)."""
    rules: dict[str, list[tuple[str, str, re.Pattern[str], str]]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 5 and parts[0] == "PFX" and parts[2] == "0" and parts[3].startswith("0/"):
            null_prefix_suffixes[parts[1]] += split_flags(parts[3][2:])
            continue
        if len(parts) < 5 or parts[0] != "SFX":
            continue
        flag, strip, add, cond = parts[1], parts[2], parts[3], parts[4]
        add = add.split("/", 1)[0]
        rules[flag].append(
            ("" if strip == "0" else strip, "" if add == "0" else add, re.compile(f"(?:{cond})$"), " ".join(parts[5:]))
        )
    return rules


def split_flags(flags: str) -> list[str]:
    """``FLAG long``: every flag is two characters."""
    return [flags[i : i + 2] for i in range(0, len(flags), 2)]


def expand(dic: Path, aff: Path) -> dict[str, set[tuple[str, str, str]]]:
    """Every form with its analyses (part of speech, gender, number)."""
    sfx = parse_aff(aff)
    forms: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    lines = dic.read_text(encoding="utf-8").splitlines()[1:]
    for line in lines:
        head, _, morph = line.partition(" ")
        word, _, flags = head.partition("/")
        if not word or " " in word:
            continue
        flag_list = split_flags(flags)
        flag_list += [f for flag in flag_list for f in null_prefix_suffixes.get(flag, ())]
        derived: list[tuple[str, str]] = []
        if "()" not in flag_list:
            derived.append((word, ""))
        for flag in flag_list:
            for strip, add, cond, rmorph in sfx.get(flag, ()):
                if cond.search(word) and word.endswith(strip):
                    derived.append((word[: len(word) - len(strip)] + add, rmorph))
        if "po:adj" in morph.split():
            _record_feminine(word, morph, derived)
        for form, rmorph in derived:
            tags = f"{morph} {rmorph}".split()
            pos = _pos(tags)
            gender = next((t[3:] for t in tags if t in ("is:mas", "is:fem", "is:epi")), "")
            number = next((t[3:] for t in tags if t in ("is:sg", "is:pl", "is:inv")), "")
            for p in pos:
                forms[form].add((p, gender, number))
            if "verb" in pos and word in _verb_lemmas:
                verb_forms[word].add((form, " ".join(_verb_tags(tags))))
    return forms


#: Masculine singular → feminine singular of adjectives (``actif`` → ``active``); ambiguous ones dropped.
adjective_feminines: dict[str, str] = {}
_ambiguous_adjectives: set[str] = set()


def _record_feminine(word: str, morph: str, derived: list[tuple[str, str]]) -> None:
    masc = [f for f, m in derived if "is:fem" not in m and "is:pl" not in m and "is:fem" not in morph]
    fem = [f for f, m in derived if "is:fem" in m and "is:pl" not in m]
    if len(masc) >= 1 and len(fem) == 1:
        for m in masc:
            if adjective_feminines.get(m, fem[0]) != fem[0] or m in _ambiguous_adjectives:
                _ambiguous_adjectives.add(m)
                adjective_feminines.pop(m, None)
            else:
                adjective_feminines[m] = fem[0]


#: Lemmas whose full paradigm ``verbs.tsv`` must hold (filled by :func:`main` from the calque tables).
_verb_lemmas: set[str] = set()
verb_forms: dict[str, set[tuple[str, str]]] = defaultdict(set)


def _verb_tags(tags: list[str]) -> list[str]:
    """Tense, person, gender and number of a verb form, e.g. ``ipre 3sg`` or ``ppas mas sg``."""
    out = []
    for t in tags:
        if t in _VERB_TAGS or t in _NEUTRAL_TAGS and t != "po:mg":
            out.append(t[3:])
        elif t in ("is:mas", "is:fem", "is:sg", "is:pl", "is:epi", "is:inv"):
            out.append(t[3:])
    return sorted(set(out))


_VERB_TAGS = {"po:infi", "po:ppre", "po:ppas", "po:ipre", "po:iimp", "po:ipsi", "po:ifut", "po:cond", "po:spre", "po:simp", "po:impe"}
#: Person and grammar-group tags that accompany another part of speech.
_NEUTRAL_TAGS = {"po:mg", "po:1sg", "po:2sg", "po:3sg", "po:1pl", "po:2pl", "po:3pl", "po:3pe", "po:1isg", "po:1jsg"}


def _pos(tags: list[str]) -> set[str]:
    out = set()
    for t in tags:
        if t == "po:nom":
            out.add("nom")
        elif t == "po:adj":
            out.add("adj")
        elif t.startswith("po:v") or t in _VERB_TAGS:
            out.add("verb")
        elif t.startswith("po:") and t not in _NEUTRAL_TAGS:
            out.add("other")
    return out or {"other"}


def build(forms: dict[str, set[tuple[str, str, str]]]) -> list[str]:
    rows = []
    for form in sorted(forms):
        analyses = forms[form]
        nouns = [(g, n) for p, g, n in analyses if p == "nom"]
        if not nouns or not form.isalpha() and "-" not in form:
            continue
        if not form[0].islower():
            continue
        singular = [g for g, n in nouns if n != "pl"]
        if not singular:
            continue
        genders = set(singular)
        if genders == {"mas"}:
            gender = "m"
        elif genders == {"fem"}:
            gender = "f"
        else:  # epicene, double gender, homographs of both genders, or no gender given
            gender = "e"
        pos = {p for p, _, _ in analyses}
        other = ("v" if "verb" in pos else "") + ("a" if "adj" in pos else "") + ("w" if "other" in pos else "")
        rows.append(f"{form}\t{gender}\t{other}")
    return rows


def table_lemmas() -> set[str]:
    """Verb lemmas written ``<lemma>`` in the calque tables, plus the auxiliaries."""
    import tomllib

    lemmas = {"avoir", "être"}
    for path in sorted(CALQUES.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for entry in data.get("entry", []):
            for text in [entry["pattern"], *entry.get("replace", [])]:
                lemmas.update(re.findall(r"<([^<>]+)>", text))
    return lemmas


def adjective_rows(forms: dict[str, set[tuple[str, str, str]]], feminine: dict[str, str]) -> list[str]:
    """``masculine<TAB>feminine`` singular adjectives and participles whose feminine differs."""
    return [f"{m}\t{f}" for m, f in sorted(feminine.items()) if m != f and m[0].islower()]


def epicene_rows(forms: dict[str, set[tuple[str, str, str]]]) -> list[str]:
    """Singular adjectives with one form for both genders that no other table holds (``stratégique``,
    ``obligatoire``, ``rapide`` is a noun too and is in ``nouns.tsv``)."""
    feminines = set(adjective_feminines.values())
    rows = []
    for form in sorted(forms):
        analyses = forms[form]
        epicene = any(p == "adj" and g == "epi" and n in ("sg", "inv", "") for p, g, n in analyses)
        if not epicene or not form.isalpha() or not form[0].islower() or any(p == "nom" for p, _, _ in analyses):
            continue
        if form not in adjective_feminines and form not in feminines:
            rows.append(form)
    return rows


def main(argv: list[str]) -> None:
    base = Path(argv[1]) if len(argv) > 1 else Path("/usr/share/hunspell/fr")
    _verb_lemmas.update(table_lemmas())
    forms = expand(base.with_suffix(".dic"), base.with_suffix(".aff"))
    rows = build(forms)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    header = "# Generated by tools/build_gender.py from Dicollecte hunspell-fr (MPL-2.0); see LICENSE.txt\n"
    OUT.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} noun forms written to {OUT}")
    verb_rows = [f"{lemma}\t{form}\t{tags}" for lemma in sorted(verb_forms) for form, tags in sorted(verb_forms[lemma])]
    VERBS.write_text(header + "\n".join(verb_rows) + "\n", encoding="utf-8")
    print(f"{len(verb_rows)} verb forms of {len(verb_forms)} lemmas written to {VERBS}")
    adj = adjective_rows(forms, adjective_feminines)
    ADJECTIVES.write_text(header + "\n".join(adj) + "\n", encoding="utf-8")
    print(f"{len(adj)} adjective feminines written to {ADJECTIVES}")
    epicene = epicene_rows(forms)
    EPICENE.write_text(header + "\n".join(epicene) + "\n", encoding="utf-8")
    print(f"{len(epicene)} epicene adjectives written to {EPICENE}")


if __name__ == "__main__":
    main(sys.argv)
