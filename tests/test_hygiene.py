"""The engine never imports the terminal UI libraries."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ENGINE = Path(__file__).resolve().parent.parent / "tui" / "engine"
FORBIDDEN = {"textual", "rich"}


def test_engine_sources_import_neither_textual_nor_rich():
    modules = sorted(ENGINE.glob("*.py"))
    assert modules, "no engine modules found"
    for module in modules:
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in FORBIDDEN, f"{module.name} imports {name}"


def test_importing_the_engine_and_cli_loads_no_ui():
    code = (
        "import sys, pkgutil, importlib, tui.engine, tui.cli\n"
        "for m in pkgutil.iter_modules(tui.engine.__path__):\n"
        "    importlib.import_module('tui.engine.' + m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'rich'))\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
