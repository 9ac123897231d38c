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
