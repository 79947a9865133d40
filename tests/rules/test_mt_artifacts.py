"""MT residue beyond tables: placeholders, repetitions, title case, spaced apostrophes, untranslated spans.

Positive examples (input → expected output) and negative ones (must stay as they are), taken from or modelled
on ../shared/data (dev/mt, dev/web, dev/clean, clean), including the false alarms found while tuning.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cleanfr.pipeline import Pipeline

RULES = ["mt-placeholder", "mt-repetition", "mt-title-case", "mt-spaced-apostrophe", "mt-untranslated-span"]


def pipe(rule: str) -> Pipeline:
    return Pipeline(select=[rule], min_confidence=0.0, trust="stated")


POSITIVES: dict[str, list[tuple[str, str]]] = {
    "mt-placeholder": [
        ("Le fichier {0 } contient { 1} lignes.", "Le fichier {0} contient {1} lignes."),
        ("Affiche un mot en < b >gras</ b > dans le texte.", "Affiche un mot en <b>gras</b> dans le texte."),
        ("Le compteur #NUMBER # est affiché dans la barre.", "Le compteur #NUMBER# est affiché dans la barre."),
        ("Le fichier % s est introuvable dans le dossier.", "Le fichier %s est introuvable dans le dossier."),
        (
            "Les revues « top » de chacun des domaines [ 3 ]. Les auteurs",
            "Les revues « top » de chacun des domaines [3]. Les auteurs",
        ),
    ],
    "mt-repetition": [
        ("il faut de la de la de la de la patience pour ça", "il faut de la patience pour ça"),
        ("Le module te te te te renvoie une erreur.", "Le module te renvoie une erreur."),
    ],
    "mt-title-case": [
        ("Comment Installer Le Module Sur Windows\n", "Comment installer le module sur Windows\n"),
        ("IPC (Communication Entre Processus)\n", "IPC (Communication entre processus)\n"),
    ],
    "mt-spaced-apostrophe": [
        ("Le contenu de l ’ accord est publié.", "Le contenu de l’accord est publié."),
        ("la preservation de l 'environnement commun.", "la preservation de l'environnement commun."),
        ("Il pleut aujourd ' hui et qu ' il vente.", "Il pleut aujourd'hui et qu'il vente."),
        ("territoire d 'outre-mer de la République", "territoire d'outre-mer de la République"),
        # dev/mt and dev/clean: a space after the apostrophe only
        (
            "L’attribut d' applet de commande est défini par la classe.",
            "L’attribut d'applet de commande est défini par la classe.",
        ),
        ("devant le tribunal d' instance du siège social", "devant le tribunal d'instance du siège social"),
    ],
}

NEGATIVES: dict[str, list[str]] = {
    "mt-placeholder": [
        "s = { 0 }",  # a Python set on a code line
        "C'EST NOTRE TROPHÉE !! #FRACRO #WorldCupFinal pic.twitter.com/FXLbLmXHqi",  # two hashtags (news_embeds)
        "Les opérateurs < et > ordonnent d'un point de vue lexicographique.",  # clean/manpages
        "Ainsi, x < y > z est parfaitement légal en Python.",  # dev/clean pydocfr
        "Le groupe représente 52,6 % et 49,5 % des annonces.",  # percentages
        "Il a réussi à 10 % s'il faut en croire la presse.",  # a percentage, then s'
        "Ce champ accepte les raccourcis SPIP {{gras}} {italique}.",  # a template
        "# INTRODUCTION #",  # a closed Markdown heading
        "Le fichier {0} contient {1} lignes.",  # correct
    ],
    "mt-repetition": [
        "Non, non, non, non, je ne viendrai pas.",  # clean/ fiction: commas, on purpose
        "Il riait : ha ha ha ha, sans pouvoir s'arrêter.",
        "C'était très très bien.",
        "Les valeurs 0 0 0 0 remplissent la matrice.",  # numbers of a table
        "A, A, A, A",
        "la la la la",  # a refrain on a line of its own: reported only
        "Nadine Morano Nadine Morano Nadine Morano Nadine Morano a dit",  # a name: reported only
    ],
    "mt-title-case": [
        "Le Secret de La Licorne\n",  # a title of a work (dev/web)
        "Jean Sans Lune (2002)\n",  # dev/clean: a title with a name
        "Premier Consul de la République Française\n",
        "Notes From The Usa\n",  # English (dev/web)
        "LIVRE III : ÉQUIPEMENTS ET AMÉNAGEMENTS\n",  # capitals
        "Jean Jaurès à l'Assemblée, par Jean Veber\n",
        "Suivre Le Figaro sur Google Actu\n",  # dev/web: a name, a lower-case word
        "Oct   Décimal   Hexadécimal   Caractère   Description\n",  # a table header (clean/manpages)
        "Article Annexe Tableau VIII\n",  # dev/clean legal codes
        "System. Management. Automation. Internal. Transactionparameters\n",  # dev/mt identifiers
        "Conservatoire National Supérieur d’Art Dramatique\n",
    ],
    "mt-spaced-apostrophe": [
        "Les codes de conversion 'f', 'd' et 'e' sont acceptés.",  # dev/clean: quoted letters
        "La conversion '!s' appelle str sur le résultat.",  # dev/clean
        "    exec chroot . sh -c 'umount /ancienne_racine'",  # clean/manpages: shell
        "— Est-y qu' madame aurait eu des mots avec lui ?",  # clean/ fiction: popular speech
        "Dans cet exemple, l' Get-Process applet de commande est appelée.",  # dev/mt: before code
        "Si l' if instruction correspond à true, les actions sont exécutées.",  # dev/mt: an English keyword
        "Le contenu de l’accord est publié.",  # correct
    ],
}

REPORTS: dict[str, list[str]] = {
    "mt-placeholder": ["Dans la formule de calcul, x < i > y reste vrai pour tous les indices."],
    "mt-repetition": ["Et puis te te te te", "Nadine Morano Nadine Morano Nadine Morano Nadine Morano a dit"],
    "mt-untranslated-span": [
        "Le module est chargé dans la session. This cmdlet gets the processes that are running on the local "
        "computer. Il renvoie un objet par processus. Les paramètres sont décrits plus bas. La commande "
        "suivante affiche la liste des processus.",
        # dev/mt: a note block the MT left in English
        "Ces alertes ressemblent à ceci sur le site de la documentation.\n\nBloc de note\n\nInformation the "
        "user should notice even if skimming.\n\nLe bloc suivant donne un conseil.\n\nIl est affiché en vert "
        "dans la page.\n\nLe bloc important signale une information essentielle.\n\nLe dernier bloc avertit "
        "des conséquences dangereuses d’une action.\n",
    ],
}

SPAN_NEGATIVES = [
    "Il a dit « The outcome is clear to everyone », puis il est parti. Le reste est connu de tous.",
    "Comme disent les auteurs dans la documentation officielle : Note that items in the sequence are not copied.",
    "↑ Currie, 1998, Possible evidence in gregarious behavior in tyrannosaurids\nLe tyrannosaure vivait en Amérique.",
    "Cochez la case Learn more about Anaconda Cloud et cliquez sur Finish pour terminer l'installation.",
    "Elle est composée de year, week et weekday. Le reste est calculé par la bibliothèque standard.",
    "This cmdlet gets the processes. It returns one object per process. The parameters are described below.",  # English
    "Le module est chargé dans la session courante et il renvoie un objet par processus.",
]


@pytest.mark.parametrize(
    "rule, damaged, repaired", [(rule, d, r) for rule, cases in POSITIVES.items() for d, r in cases]
)
def test_repairs(rule: str, damaged: str, repaired: str) -> None:
    result = pipe(rule).fix(damaged)
    assert result.text == repaired
    assert all(e.rule == rule and e.category == "mt_residue" for e in result.edits)
    assert pipe(rule).fix(result.text).text == result.text  # idempotent


@pytest.mark.parametrize("rule, text", [(rule, t) for rule, texts in NEGATIVES.items() for t in texts])
def test_left_alone(rule: str, text: str) -> None:
    assert pipe(rule).fix(text).text == text


@pytest.mark.parametrize("rule, text", [(rule, t) for rule, texts in REPORTS.items() for t in texts])
def test_reported_only(rule: str, text: str) -> None:
    result = pipe(rule).fix(text)
    assert result.text == text
    assert result.edits and all(e.original == e.replacement and not e.applied for e in result.edits)


def test_untranslated_span_is_the_english_sentence() -> None:
    text = REPORTS["mt-untranslated-span"][0]
    (edit,) = pipe("mt-untranslated-span").fix(text).edits
    assert edit.original == "This cmdlet gets the processes that are running on the local computer."
    assert "anglais" in edit.message


@pytest.mark.parametrize("text", SPAN_NEGATIVES)
def test_untranslated_span_left_alone(text: str) -> None:
    assert not pipe("mt-untranslated-span").fix(text).edits


def test_spanish_span() -> None:
    text = (
        "Le ministre a présenté son projet hier. Sin embargo el gobierno no ha decidido todavía la fecha. "
        "La réforme sera discutée au Parlement. Les syndicats demandent une concertation. Le vote aura lieu en mai."
    )
    (edit,) = pipe("mt-untranslated-span").fix(text).edits
    assert edit.original.startswith("Sin embargo") and "espagnol" in edit.message


def test_apostrophe_character_is_kept() -> None:
    assert pipe("mt-spaced-apostrophe").fix("Il faut qu ’ il vienne demain.").text == "Il faut qu’il vienne demain."
    assert pipe("mt-spaced-apostrophe").fix("Il faut qu ' il vienne demain.").text == "Il faut qu'il vienne demain."


def test_every_rule_documented() -> None:
    from cleanfr.rules import all_rules

    rules = {r.id: r for r in all_rules() if r.id in RULES}
    assert set(rules) == set(RULES)
    for rule in rules.values():
        assert rule.description and rule.__doc__ and "Example" in rule.__doc__ and rule.category == "mt_residue"


@pytest.mark.parametrize("rule", RULES)
def test_clean_prose_is_untouched(rule: str) -> None:
    text = (
        "L’Assemblée a adopté hier le projet de loi relatif à l’accord. Aujourd’hui, le gouvernement "
        "présente la réforme : « Il faut agir vite », a déclaré la ministre. Non, non, ce n’est pas fini.\n"
        "Comment installer le module sur Windows\n"
    )
    assert not pipe(rule).fix(text).edits


@pytest.mark.parametrize("shift", [12, 15, 18, 21, 24])
def test_repetition_across_split_slices(shift: int) -> None:
    """The pass splits a big text in slices (tokens.split_slices); a repetition astride two is still found,
    wherever it falls across the cut."""
    from cleanfr.tokens import _SLICE

    prose = "Le conseil adopte le texte et renvoie la suite au bureau. "
    head = (prose * (_SLICE // len(prose) + 1))[: _SLICE - shift]
    text = head + "il faut de la de la de la de la patience. " + prose * 3
    out = pipe("mt-repetition").fix(text)
    assert "il faut de la patience." in out.text
    assert len(out.edits) == 1


def test_determiner_gender_across_split_slices() -> None:
    """A determiner ending one slice and its noun starting the next still make a pair."""
    from cleanfr.tokens import _SLICE, split_slices

    prose = "Le conseil adopte le texte et renvoie la suite au bureau. "
    before = "Poutine a approuvé un"
    head = (prose * (_SLICE // len(prose) + 1))[: _SLICE - len(before) - 1] + " "
    text = head + before + " doctrine militaire nouvelle. " + prose
    assert next(split_slices(text))[-1] == "un"  # the cut falls between the determiner and its noun
    out = Pipeline(select=["determiner-gender"], min_confidence=0.0, trust="stated").fix(text)
    assert "une doctrine militaire" in out.text


@given(st.lists(st.sampled_from(["de", "la", "le"]), max_size=30))
def test_repeated_tokens_is_its_definition(tokens: list[str]) -> None:
    """The C-level gate of mt-repetition finds exactly the tokens starting a run where each token equals the
    one n further on 3n times in a row (n ≤ 3)."""
    from cleanfr.rules.phrases.mt_artifacts import _repeated_tokens

    expected = {
        tokens[i]
        for n in (1, 2, 3)
        for i in range(len(tokens))
        if i + 4 * n <= len(tokens) and all(tokens[i + k] == tokens[i + k + n] for k in range(3 * n))
    }
    assert _repeated_tokens(tokens) == expected


_WORDS = st.sampled_from(["de", "la", "le"])


@given(
    st.lists(_WORDS, max_size=40),
    st.lists(_WORDS, min_size=1, max_size=3),
    st.integers(min_value=0, max_value=5),
    st.lists(_WORDS, max_size=40),
)
def test_sampled_run_starts_are_repeated_tokens(
    before: list[str], unit: list[str], times: int, after: list[str]
) -> None:
    """The sampled gate of mt-repetition (a third of the comparisons, then the plain test around what they
    point to) finds the same run starts as the plain test over all the tokens, a run anywhere."""
    from cleanfr.rules.phrases.mt_artifacts import _repeated_tokens, _run_starts

    tokens = before + unit * times + after
    assert _run_starts(tokens) == _repeated_tokens(tokens)


_HEADING_PIECES = st.lists(
    st.sampled_from("Le La Des À D’ L' de Installer Module Windows 1 . ( -".split() + [" ", "\u00a0", "\n"]),
    max_size=60,
)


def _plain_heading_lines(text: str) -> list[tuple[int, int]]:
    """Every line of a heading's length in which the look-behind search finds a capitalised function word."""
    from cleanfr.rules.phrases.mt_artifacts import _CAPITAL_FUNCTION_WORD, _HEADING_LENGTH

    plain, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if len(line) in _HEADING_LENGTH and _CAPITAL_FUNCTION_WORD.search(text, start, end):
            plain.append((start, end))
        start = end + 1
    return plain


@given(_HEADING_PIECES)
def test_heading_lines_gate_is_the_plain_search(pieces: list[str]) -> None:
    """The lines mt-title-case reads (the look-behind-free gate first) are those the plain search finds, but for
    lines after the first that start with a blank, a reference mark or a lower-case letter or end with a
    sentence mark: no heading."""
    from cleanfr.rules.phrases.mt_artifacts import _heading_lines

    text = " ".join(pieces)
    expected = [
        (start, end)
        for start, end in _plain_heading_lines(text)
        if not start or not (text[start] in " \t↑•*-–—(" or "a" <= text[start] <= "z" or text[end - 1] in ".,;:!?")
    ]
    assert list(_heading_lines(text)) == expected


@given(_HEADING_PIECES)
def test_heading_lines_skip_no_heading(pieces: list[str]) -> None:
    """mt-title-case finds the edits it would find in every line of the plain search: the lines skipped before the
    search hold no heading."""
    from cleanfr.document import Document
    from cleanfr.rules.phrases.mt_artifacts import MTTitleCase

    text = " ".join(pieces)
    doc = Document(text)
    rule = MTTitleCase()
    plain = [edit for start, end in _plain_heading_lines(text) for edit in rule._heading(doc, start, end)]
    assert list(rule.find(doc)) == plain


@given(
    st.lists(
        st.sampled_from("de la le ha très Non, ci-dessus. Comme".split() + ["de la", "\n", " ", "\u00a0"]), max_size=50
    )
)
def test_repetitions_read_the_lines_of_the_plain_walk(pieces: list[str]) -> None:
    """mt-repetition's expression reads the lines holding a run start four times, found from the starts'
    occurrences: the same matches as in every line of the plain walk that holds a run."""
    from cleanfr.rules.phrases.mt_artifacts import _REPEAT, _has_repetition, _repetitions, _RunStarts
    from cleanfr.tokens import split_slices

    text = " ".join(pieces)
    reader = _RunStarts(text)
    for tokens in split_slices(text):
        reader.feed(tokens)
    plain, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if len(line) >= 7 and _has_repetition(line):
            plain += [m.span() for m in _REPEAT.finditer(text, start, end)]
        start = end + 1
    assert [m.span() for m in _repetitions(text, reader.found)] == plain
