"""Every rule documents itself, is wired to a checker, and the engine never imports Qt."""

import importlib
import pkgutil
import re
import subprocess
import sys

import proofer
import proofer.checkers
from proofer.config import Config
from proofer.proofreader import Proofreader
from proofer.rules import Rule
from proofer.style import OWN_RULES, load_styles


def test_every_rule_is_documented(engine: object) -> None:
    rules = Proofreader(Config(), engine).rules  # type: ignore[arg-type]
    for rule_id, rule in rules.items():
        assert rule.id == rule_id
        # family.name, lower case; the family is the category (proofer.* is the tool's own).
        assert re.fullmatch(r"[a-z]+\.[a-z]+(?:-[a-z]+)*", rule.id), rule.id
        assert rule.id.split(".")[0] in (rule.category.value, "proofer"), rule.id
        assert rule.summary.endswith(".") and rule.why.endswith("."), rule.id
        assert rule.example, rule.id


def test_every_rule_defined_is_in_the_rule_book(engine: object) -> None:
    # A rule written but not given to a checker would never report, and no test would notice.
    modules = [proofer.suppressions] + [
        importlib.import_module(m.name)
        for m in pkgutil.walk_packages(proofer.checkers.__path__, "proofer.checkers.")
    ]
    defined = {v.id for m in modules for v in vars(m).values() if isinstance(v, Rule)}
    defined |= {p.rule.id for p in load_styles((str(OWN_RULES),)).patterns}  # rules as data
    book = set(Proofreader(Config(), engine).rules)  # type: ignore[arg-type]
    assert defined - book == set()
    assert book - defined == set()


def test_engine_modules_import_without_qt() -> None:
    names = [m.name for m in pkgutil.walk_packages(proofer.__path__, "proofer.")]
    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        + "".join(f"import {n}\n" for n in names if not n.endswith("__main__"))
        + "assert not any(m.startswith(('PySide6', 'ui')) for m in sys.modules if sys.modules[m])"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    assert importlib.import_module("proofer.proofreader")
