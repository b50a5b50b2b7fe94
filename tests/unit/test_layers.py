"""The layer rule of DESIGN.md that import-linter cannot state: mrz uses the standard library only."""

import ast
import sys
from pathlib import Path

import borderdesk.mrz

MRZ_DIR = Path(borderdesk.mrz.__file__).parent


def imported_modules(path: Path):
    tree = ast.parse(path.read_text(), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module


def test_mrz_imports_only_the_standard_library():
    offenders = []
    for path in sorted(MRZ_DIR.glob("*.py")):
        for module in imported_modules(path):
            top = module.split(".")[0]
            if top not in sys.stdlib_module_names and top != "__future__":
                offenders.append(f"{path.name}: {module}")
    assert offenders == []


def test_the_check_sees_a_third_party_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("import numpy\nfrom os import path\n")
    assert [m for m in imported_modules(bad) if m.split('.')[0] not in sys.stdlib_module_names] == ["numpy"]
