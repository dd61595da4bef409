"""Every rule documents itself, and the engine never imports Qt."""

import importlib
import pkgutil
import subprocess
import sys

import proofer
from proofer.config import Config
from proofer.proofreader import Proofreader


def test_every_rule_is_documented(engine: object) -> None:
    rules = Proofreader(Config(), engine).rules  # type: ignore[arg-type]
    assert len(rules) >= 6
    for rule in rules.values():
        assert rule.id.startswith(rule.category.value.split("-")[0]) or "." in rule.id
        assert rule.summary and rule.why and rule.example, rule.id
        assert rule.summary.endswith(".")


def test_engine_modules_import_without_qt() -> None:
    names = [m.name for m in pkgutil.walk_packages(proofer.__path__, "proofer.")]
    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        + "".join(f"import {n}\n" for n in names if not n.endswith("__main__"))
        + "assert not any(m.startswith(('PySide6', 'ui')) for m in sys.modules if sys.modules[m])"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    assert importlib.import_module("proofer.proofreader")
