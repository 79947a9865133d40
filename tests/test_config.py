"""Configuration files: discovery, validation with clear errors, user data, command-line precedence."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cleanfr.config import Config, ConfigError, build_pipeline, find_config, load_config, parse_config

MOJIBAKE = "Ã©tÃ© Ã  Paris\n".encode()


def run(*args: str, cwd: Path, input: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cleanfr", *args], input=input, capture_output=True, cwd=cwd, timeout=120)


def test_found_from_the_working_directory_upward(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")  # no [tool.cleanfr]: not a config
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(str(deep)) is None
    (tmp_path / "a" / "pyproject.toml").write_text("[tool.cleanfr]\nignore = ['unicode']\n")
    assert find_config(str(deep)) == str(tmp_path / "a" / "pyproject.toml")
    (deep / "cleanfr.toml").write_text("select = ['unicode']\n")
    assert find_config(str(deep)) == str(deep / "cleanfr.toml")


def test_configuration_applies_and_options_override(tmp_path: Path):
    (tmp_path / "cleanfr.toml").write_text("ignore = ['unicode']\n")
    assert run("fix", "-", "-q", cwd=tmp_path, input=MOJIBAKE).stdout == MOJIBAKE
    assert run("fix", "-", "-q", "--ignore", "typography", cwd=tmp_path, input=MOJIBAKE).stdout.decode() == "été à Paris\n"
    assert run("fix", "-", "-q", "--no-config", cwd=tmp_path, input=MOJIBAKE).stdout.decode() == "été à Paris\n"
    (tmp_path / "cleanfr.toml").write_text("min-confidence = 1.0\n")
    assert run("fix", "-", "-q", cwd=tmp_path, input=MOJIBAKE).stdout == MOJIBAKE
    assert run("fix", "-", "-q", "--min-confidence", "0.5", cwd=tmp_path, input=MOJIBAKE).stdout != MOJIBAKE


@pytest.mark.parametrize(
    "toml, message",
    [
        ("selct = ['unicode']\n", "unknown key 'selct'"),
        ("select = 'unicode'\n", "select must be a list"),
        ("ignore = ['nonsense']\n", "unknown rule or category 'nonsense'"),
        ("min-confidence = 2\n", "min-confidence must be a number between 0 and 1"),
        ("apostrophe = 'curly'\n", "apostrophe must be one of typographic, straight, auto"),
        ("protected-words = 'missing.txt'\n", "missing.txt: no such file"),
        ("select = [\n", "invalid TOML"),
        # wrong types (issue 16, item 8): one line naming the file and the key, never an internal error
        ("apostrophe = ['x']\n", "apostrophe must be one of typographic, straight, auto, got ['x']"),
        ("apostrophe = 1\n", "apostrophe must be one of typographic, straight, auto, got 1"),
        ("select = [1]\n", "select must be a list of rule ids or categories"),
        ("ignore = {a = 1}\n", "ignore must be a list of rule ids or categories"),
        ("min-confidence = 'high'\n", "min-confidence must be a number between 0 and 1"),
        ("min-confidence = true\n", "min-confidence must be a number between 0 and 1"),
        ("calques = ['a.tsv']\n", "calques must be a file path"),
        ("boilerplate = 1\n", "boilerplate must be a file path"),
    ],
)
def test_invalid_configuration_is_one_line_exit_2(tmp_path: Path, toml: str, message: str):
    (tmp_path / "cleanfr.toml").write_text(toml)
    p = run("fix", "-", cwd=tmp_path, input=MOJIBAKE)
    err = p.stderr.decode()
    assert p.returncode == 2 and message in err and "cleanfr.toml" in err or "missing.txt" in err
    assert len(err.splitlines()) == 1 and "Traceback" not in err and p.stdout == b""


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("calques", "prendre place\n", "line 1: expected 'wrong<TAB>right[<TAB>confidence]'"),
        ("calques", "a\tb\t1.5\n", "line 1: confidence must be a number between 0 and 1"),
        ("boilerplate", "# ok\nLire (aussi\n", "line 2: invalid regular expression"),
        ("protected-words", "deux mots\n", "line 1: one word per line"),
        ("protected-words", b"caf\xe9\n", "invalid UTF-8 at byte 3"),
    ],
)
def test_invalid_data_tables_name_file_and_line(tmp_path: Path, name: str, content, message: str):
    data = tmp_path / "table.txt"
    data.write_bytes(content if isinstance(content, bytes) else content.encode())
    (tmp_path / "cleanfr.toml").write_text(f"{name} = 'table.txt'\n")
    with pytest.raises(ConfigError) as exc:
        load_config(str(tmp_path / "cleanfr.toml"))
    assert str(exc.value).startswith(str(data)) and message in str(exc.value)


def test_user_data_files(tmp_path: Path):
    (tmp_path / "calques.tsv").write_text("# comment\nprendre place\tavoir lieu\n")
    (tmp_path / "bp.txt").write_text(r"Lire aussi\s*:.*" + "\n")
    (tmp_path / "words.txt").write_text("PrÃ©fÃ©\n")
    cfg = parse_config({"calques": "calques.tsv", "boilerplate": "bp.txt", "protected-words": "words.txt"},
                       str(tmp_path / "cleanfr.toml"))
    pipeline = build_pipeline(None, None, None, cfg)
    text = "La fête va prendre place samedi.\nLire aussi : la suite\nPrendre place ici. PrÃ©fÃ© et Ã©tÃ©.\n"
    result = pipeline.fix(text)
    assert result.text == "La fête va avoir lieu samedi.\nAvoir lieu ici. PrÃ©fÃ© et été.\n"
    assert any(e.rule == "user-calque" for e in result.applied)
    # the removed line touches the next repair: the log merges them, messages of both kept
    assert any("ligne parasite" in e.message and "Avoir lieu" in e.message for e in result.applied)


def test_apostrophe_style_is_imposed_on_repairs():
    straight = build_pipeline(None, None, None, Config(apostrophe="straight"))
    typographic = build_pipeline(None, None, None, Config(apostrophe="typographic"))
    from cleanfr.document import Document

    text = "L’été, l’hiver, l’automne."
    assert straight.document_class(text).apostrophe == "'"
    assert typographic.document_class("l'a l'b").apostrophe == "\u2019"
    assert straight.fix("Ã©tÃ©").text == typographic.fix("Ã©tÃ©").text == "été"
    assert Document(text).apostrophe == "\u2019"


def test_example_configuration_loads():
    cfg = load_config(str(Path(__file__).resolve().parent.parent / "examples" / "cleanfr.toml"))
    assert cfg.protected_words and cfg.calques and cfg.boilerplate and cfg.apostrophe == "typographic"


@pytest.mark.parametrize(
    "toml, message",
    [
        ('tool = "x"\n', "pyproject.toml: [tool] must be a table"),
        ("[tool]\ncleanfr = 3\n", "pyproject.toml: [tool.cleanfr] must be a table"),
        ("[tool.cleanfr]\napostrophe = ['x']\n", "pyproject.toml: apostrophe must be one of"),
    ],
)
def test_pyproject_with_wrong_types_is_one_line_exit_2(tmp_path: Path, toml: str, message: str):
    (tmp_path / "pyproject.toml").write_text(toml)
    for args in (["--config", str(tmp_path / "pyproject.toml")], []):
        p = run("fix", "-", *args, cwd=tmp_path, input=MOJIBAKE)
        err = p.stderr.decode()
        if not args and "[tool.cleanfr]" not in toml:
            assert p.returncode == 0  # not found as a configuration: no [tool.cleanfr] table
            continue
        assert p.returncode == 2 and message in err, err
        assert len(err.splitlines()) == 1 and "Traceback" not in err and p.stdout == b""
