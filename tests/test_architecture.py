"""The package's shape, read from its own imports (functions' imports included).

Rules: no import cycle; a rule module imports no other rule module (helpers named ``_…`` and package
``__init__``s excepted); ``edits.py`` imports nothing of the package; no rule imports the command line, the
corpus layer or the pipeline. The violations the code still has are listed in ``KNOWN`` (issue 14): a
new one fails, and so does a listed one that is gone, so that the list only shrinks.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "cleanfr"

#: Violations still in the code, to be removed by the architecture work (issue 14); never to be added to.
KNOWN: dict[str, set] = {"cycle": set(), "rule-imports-rule": set()}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports() -> dict[str, set[str]]:
    """Module -> the package's modules it imports (anywhere in its body)."""
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        found: set[str] = set()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # Imports for type annotations only (``if TYPE_CHECKING:``) are no dependency at run time.
        typing_only = {id(n) for block in ast.walk(tree)
                       if isinstance(block, ast.If) and isinstance(block.test, ast.Name) and block.test.id == "TYPE_CHECKING"
                       for stmt in block.body for n in ast.walk(stmt)}
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")
                    base = base[: len(base) - node.level + 1]
                    stem = ".".join(base + ([node.module] if node.module else []))
                else:
                    stem = node.module or ""
                # ``from . import tables`` imports the submodule, not what the package's ``__init__`` imports
                submodules = [f"{stem}.{a.name}" for a in node.names if f"{stem}.{a.name}" in modules]
                targets = submodules if len(submodules) == len(node.names) else [stem, *submodules]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            for t in targets:
                if t in modules and t != name:
                    found.add(t)
        graph[name] = found
    return graph


def cycles(graph: dict[str, set[str]]) -> set[frozenset[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: set[frozenset[str]] = set()
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.add(w)
                if w == v:
                    break
            if len(component) > 1:
                found.add(frozenset(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


PACKAGES = {module_name(p) for p in PACKAGE.rglob("__init__.py")}


def is_rule_module(name: str) -> bool:
    """A module of rules: under ``cleanfr.rules``, not a helper (``_…``) and not a pass package's ``__init__``."""
    last = name.rsplit(".", 1)[-1]
    return name.startswith("cleanfr.rules.") and not last.startswith("_") and name not in PACKAGES


GRAPH = imports()


def test_no_import_cycle() -> None:
    assert cycles(GRAPH) == KNOWN["cycle"]


def test_no_rule_module_imports_another() -> None:
    found = {(a, b) for a, targets in GRAPH.items() if is_rule_module(a) for b in targets if is_rule_module(b)}
    assert found == KNOWN["rule-imports-rule"]


def test_edit_model_imports_nothing_of_the_package() -> None:
    assert GRAPH["cleanfr.edits"] == set()


def test_rules_never_import_the_command_corpus_or_pipeline() -> None:
    outer = {"cleanfr.cli", "cleanfr.corpus", "cleanfr.pipeline", "cleanfr.parallel", "cleanfr.stream", "cleanfr.textio"}
    found = {(a, b) for a, targets in GRAPH.items() if a.startswith("cleanfr.rules") for b in targets if b in outer}
    assert found == set()
