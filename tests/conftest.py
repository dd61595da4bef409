"""Shared fixtures. Harper's linter takes half a second to build, so tests share one engine."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from proofer.config import Config
from proofer.document import Document
from proofer.engines.harper import HarperEngine
from proofer.findings import Finding
from proofer.proofreader import Proofreader


@pytest.fixture(autouse=True)
def no_user_settings(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A user's own ~/.config/proofer/config.toml (or cache) must not change what the tests
    see."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("xdg")))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(scope="session")
def engine() -> HarperEngine:
    return HarperEngine()


@pytest.fixture
def check(engine: HarperEngine, tmp_path: Path) -> Callable[..., list[Finding]]:
    """check(text, entities="...", dictionary="...", **config) -> findings."""

    def run(
        text: str, entities: str = "", dictionary: str = "", **settings: object
    ) -> list[Finding]:
        paths: dict[str, object] = {}
        if entities:
            (tmp_path / "entities.txt").write_text(entities, encoding="utf-8")
            paths["entities"] = (tmp_path / "entities.txt",)
        if dictionary:
            (tmp_path / "dictionary.txt").write_text(dictionary, encoding="utf-8")
            paths["dictionary"] = (tmp_path / "dictionary.txt",)
        config = Config(**paths, **settings)  # type: ignore[arg-type]
        return Proofreader(config, engine).check(Document(text)).findings

    return run


def flagged(findings: list[Finding], text: str, prefix: str = "") -> list[str]:
    """The flagged texts, optionally only for rules starting with ``prefix``."""
    return [text[f.start : f.end] for f in findings if f.rule.startswith(prefix)]


# The console script pip installed beside this interpreter: what a writer actually runs.
PROOFER = Path(sys.executable).parent / "proofer"


def run_proofer(
    *args: str | Path, cwd: Path | None = None, stdin: bytes = b""
) -> subprocess.CompletedProcess[bytes]:
    """Run the installed ``proofer`` command as a real process; output is kept as bytes."""
    assert PROOFER.is_file(), f"{PROOFER} is not installed (pip install -e .)"
    return subprocess.run(
        [str(PROOFER), *map(str, args)], cwd=cwd, input=stdin, capture_output=True, check=False
    )
