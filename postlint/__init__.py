"""postlint: a linter for social-media post drafts that reads like tear-off-calendar slogans.

Public API::

    import postlint
    findings = postlint.lint_text("Never give up! #MondayMotivation")
"""
from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["lint_text", "Linter", "Finding", "Severity", "__version__"]

_LINTERS: dict = {}


def lint_text(text: str, settings=None, **overrides):
    """Findings of one post (a list of :class:`postlint.findings.Finding`).

    The rule set and the spaCy pipeline are loaded once per settings and reused.
    """
    from .config import Settings
    from .engine import Linter

    if settings is None:
        settings = Settings(**overrides) if overrides else Settings()
    linter = _LINTERS.get(settings)
    if linter is None:
        linter = _LINTERS[settings] = Linter(settings)
    return linter.lint_text(text)


def __getattr__(name):
    if name == "Linter":
        from .engine import Linter

        return Linter
    if name in ("Finding", "Severity"):
        from . import findings

        return getattr(findings, name)
    raise AttributeError(name)
