import os
import sys
from pathlib import Path

import pytest

from postlint.config import Settings
from postlint.engine import Linter


@pytest.fixture(scope="session")
def linter():
    """One linter (rules + spaCy pipeline) for the whole test session."""
    return Linter(Settings())


@pytest.fixture(autouse=True)
def _cache_dir(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("POSTLINT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture
def cli_env() -> dict:
    """Environment for running the installed ``postlint`` (and ``pre-commit``) in a subprocess."""
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return env
