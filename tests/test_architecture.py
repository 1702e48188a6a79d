"""The package's folders are its architecture: which layer may import which.

Read from the source with `ast`, so a forbidden import fails here before it can
work by accident at run time.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "mkdocs_digest"

# Each layer, and the layers of the package it may import. The core (all but
# plugin/) imports nothing from MkDocs, so that `generate` and any later front end
# share it; formats/ make files from the model, never from the renderer.
ALLOWED = {
    "words": {"words"},
    "domain": {"domain"},
    "reading": {"domain", "reading"},
    "structure": {"domain", "structure"},
    "formats": {"domain", "structure", "formats", "words"},
    "rendering": {"domain", "structure", "formats", "rendering", "words"},
}


def layer_imports(path: Path) -> set[str]:
    """The layers of the package (`formats`, `options`, ...) and the outside top-level
    modules (`mkdocs`, ...) a module imports."""
    relative = path.relative_to(PACKAGE).with_suffix("")
    package = list(relative.parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1]
            target = [*base, *(node.module.split(".") if node.module else [])]
            found.add("@" + (target[0] if target else "mkdocs_digest"))
    return found


def modules(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_each_layer_imports_only_the_layers_below_it(layer: str) -> None:
    assert modules(layer)
    for path in modules(layer):
        imported = {name[1:] for name in layer_imports(path) if name.startswith("@")}
        assert imported <= ALLOWED[layer], (path.relative_to(PACKAGE), imported)


def test_the_core_imports_nothing_from_mkdocs() -> None:
    core = [p for p in PACKAGE.rglob("*.py") if "plugin" not in p.relative_to(PACKAGE).parts]
    assert len(core) > 30
    for path in core:
        assert "mkdocs" not in layer_imports(path), path.relative_to(PACKAGE)


def test_the_plugin_module_only_wires_events() -> None:
    source = (PACKAGE / "plugin" / "__init__.py").read_text(encoding="utf-8")
    assert len(source.splitlines()) <= 150


def test_no_source_file_is_over_400_lines() -> None:
    # A file that long holds more than one thing: split it by what its parts are
    # (the generated fold table is data, not code).
    root = PACKAGE.parent
    sources = [*PACKAGE.rglob("*.py"), *(root / "js" / "src").glob("*.js")]
    assert len(sources) > 60
    long = {
        str(p.relative_to(root)): n
        for p in sources
        if p.name != "fold-table.js"
        and (n := len(p.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert not long, long


def test_the_bench_and_tools_scripts_import() -> None:
    # No test runs them: a module they import that went away must fail here, not in
    # the next measurement.
    import subprocess
    import sys

    root = PACKAGE.parent
    scripts = sorted(p.stem for p in (root / "bench").glob("*.py"))
    assert {"build_speed", "search_ready", "pagefind_eval"} <= set(scripts)
    program = "import importlib, sys; sys.path[:0] = ['bench', '.']; " + "; ".join(
        f"importlib.import_module({name!r})" for name in [*scripts, "tools.mutants"]
    )
    done = subprocess.run([sys.executable, "-c", program], cwd=root, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
