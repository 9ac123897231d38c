"""Rules: metadata, the kind registry, and the strict YAML rule-file loader.

A YAML rule file holds exactly one rule.  Its ``kind`` picks a generic
implementation in ``postlint.kinds``; heuristics written in Python live in
``postlint.heuristics`` and register themselves here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from importlib import import_module, resources
from pathlib import Path
from typing import Any, Callable, ClassVar, Iterable, Iterator, Mapping

from .findings import RuleFileError, Severity, SEVERITY_NAMES, Violation
from .yamlload import LineDict, YamlError, load_yaml

ID_RE = re.compile(r"^PL\d{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
# What a rule can require of the spaCy pipeline.
REQUIREMENTS = {"tag", "pos", "lemma", "dep", "sent", "ent"}
STATUSES = ("stable", "preview")


@dataclass(frozen=True)
class Score:
    """How a rule's violations feed the calendar score."""

    points: float = 0.0  # for the first violation
    each: float = 0.0  # for each further violation
    max: float = 0.0  # cap (0 = points)
    amplifier: bool = False  # counts only when other rules scored


@dataclass(frozen=True)
class RuleMeta:
    id: str
    name: str
    kind: str
    severity: Severity
    message: str
    why: str
    suggestion: str
    examples_bad: tuple[str, ...]
    examples_good: tuple[str, ...]
    requires: frozenset[str] = frozenset()
    theme: tuple[str, ...] = ()
    score: Score = Score()
    enabled: bool = True
    status: str = "stable"
    doc: str = ""  # long documentation (heuristic docstring)
    path: str = ""  # where the rule was defined
    summary: str = ""


class Rule:
    """Base class: a rule yields Violations for a PostContext."""

    meta: RuleMeta
    needs_model: ClassVar[bool] = False

    def compile(self, env: "CompileEnv") -> None:  # build matchers once per run
        pass

    def check(self, ctx) -> Iterable[Violation]:  # pragma: no cover - abstract
        raise NotImplementedError

    @property
    def requires(self) -> frozenset[str]:
        """Annotations the rule cannot run without (skipped when no model loads)."""
        return self.meta.requires

    @property
    def uses(self) -> frozenset[str]:
        """Annotations the rule uses when a model is loaded but can do without."""
        return frozenset()


@dataclass
class CompileEnv:
    nlp: Any = None  # loaded spaCy Language, or None
    settings: Any = None  # postlint.config.Settings


# ---------------------------------------------------------------- registries

KINDS: dict[str, type] = {}
HEURISTICS: dict[str, Callable[[], Rule]] = {}
HEURISTIC_MODULES = (
    "imperative_advice",
    "universal_you",
    "aphorism_shape",
    "abstract_nouns",
    "missing_detail",
    "broetry",
    "attributed_quote",
)


def kind(name: str):
    def deco(cls):
        cls.kind_name = name
        KINDS[name] = cls
        return cls

    return deco


def _load_kinds() -> None:
    if not KINDS:
        for mod in ("phrase", "pattern", "metric", "regex_kind", "quote"):
            import_module(f"postlint.kinds.{mod}")


def _load_heuristics() -> None:
    if not HEURISTICS:
        for mod in HEURISTIC_MODULES:
            m = import_module(f"postlint.heuristics.{mod}")
            HEURISTICS[m.RULE.name] = m.RULE


# ---------------------------------------------------------------- validation

COMMON_KEYS = {
    "id": "a code like PL101",
    "name": "the kebab-case rule name, equal to the file stem",
    "kind": "the rule kind",
    "level": "error, warning or suggestion",
    "message": "the finding message ({match} is the matched text)",
    "why": "why the pattern is bad",
    "suggestion": "what to write instead",
    "examples": "{bad: [...], good: [...]}",
    "theme": "theme name(s) for the rewrite advice",
    "score": "{points, each, max, amplifier}",
    "enabled": "true or false",
    "status": "stable or preview",
    "summary": "one-line description",
}


class Spec:
    """A parsed rule file with line-aware accessors that raise RuleFileError."""

    def __init__(self, data: LineDict, path: str):
        self.data, self.path = data, path

    def error(self, key: str | None, message: str) -> RuleFileError:
        line = self.data.line_of(key) if key is not None else self.data.line
        return RuleFileError(self.path, line, message)

    def get(self, key: str, typ: type | tuple, default: Any = ..., *, what: str | None = None) -> Any:
        if key not in self.data:
            if default is ...:
                raise self.error(None, f"key {key!r} is required ({what or COMMON_KEYS.get(key, '')})")
            return default
        value = self.data[key]
        if typ is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, typ) or (isinstance(value, bool) and typ in (int, float)):
            expected = typ.__name__ if isinstance(typ, type) else " or ".join(t.__name__ for t in typ)
            raise self.error(key, f"key {key!r} must be {_article(expected)}, got {type(value).__name__}")
        return value

    def str_list(self, key: str, default: Any = ()) -> list[str]:
        value = self.get(key, list, default)
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                line = value.item_lines[i] if hasattr(value, "item_lines") else self.data.line_of(key)
                raise RuleFileError(self.path, line, f"key {key!r}: item {i + 1} must be a non-empty string")
        return list(value)

    def int_in(self, key: str, lo: int, hi: int, default: int) -> int:
        value = self.get(key, int, default)
        if not lo <= value <= hi:
            raise self.error(key, f"key {key!r} must be between {lo} and {hi}, got {value}")
        return value

    def choice(self, key: str, choices: Iterable[str], default: Any = ...) -> str:
        value = self.get(key, str, default)
        choices = tuple(choices)
        if value not in choices:
            raise self.error(key, f"key {key!r} must be one of {', '.join(choices)}; got {value!r}")
        return value


def _article(word: str) -> str:
    return ("an " if word[:1] in "aeiou" else "a ") + word


def parse_meta(spec: Spec, kind_name: str, kind_keys: Mapping[str, str], stem: str | None) -> RuleMeta:
    allowed = set(COMMON_KEYS) | set(kind_keys)
    for key in spec.data:
        if key not in allowed:
            raise spec.error(key, f"key {key!r} is not allowed for kind {kind_name!r} "
                                  f"(allowed: {', '.join(sorted(allowed))})")
    rid = spec.get("id", str)
    if not ID_RE.match(rid):
        raise spec.error("id", f"key 'id' must look like PL123, got {rid!r}")
    name = spec.get("name", str)
    if not NAME_RE.match(name):
        raise spec.error("name", f"key 'name' must be kebab-case, got {name!r}")
    if stem is not None and name != stem:
        raise spec.error("name", f"key 'name' is {name!r} but the file is {stem!r}.yml; they must match")
    level = spec.choice("level", SEVERITY_NAMES)
    examples = spec.get("examples", dict)
    for k in examples:
        if k not in ("bad", "good"):
            raise RuleFileError(spec.path, examples.line_of(k), f"key 'examples.{k}' is not allowed (bad, good)")
    ex_spec = Spec(examples, spec.path)
    bad = ex_spec.str_list("bad", ...)
    good = ex_spec.str_list("good", ...)
    if not bad or not good:
        raise spec.error("examples", "key 'examples' needs at least one bad and one good example")
    theme = spec.get("theme", (str, list), [])
    themes = (theme,) if isinstance(theme, str) else tuple(Spec(spec.data, spec.path).str_list("theme"))
    score_data = spec.get("score", dict, LineDict())
    sspec = Spec(score_data, spec.path)
    for k in score_data:
        if k not in ("points", "each", "max", "amplifier"):
            raise RuleFileError(spec.path, score_data.line_of(k),
                                f"key 'score.{k}' is not allowed (points, each, max, amplifier)")
    score = Score(sspec.get("points", float, 0.0), sspec.get("each", float, 0.0),
                  sspec.get("max", float, 0.0), sspec.get("amplifier", bool, False))
    return RuleMeta(
        id=rid, name=name, kind=kind_name, severity=Severity.parse(level),
        message=spec.get("message", str), why=spec.get("why", str).strip(),
        suggestion=spec.get("suggestion", str).strip(), examples_bad=tuple(bad), examples_good=tuple(good),
        theme=themes, score=score, enabled=spec.get("enabled", bool, True),
        status=spec.choice("status", STATUSES, "stable"), path=spec.path,
        summary=spec.get("summary", str, "").strip(),
    )


def load_rule_text(text: str, path: str, stem: str | None, base: Any = None) -> Rule:
    _load_kinds()
    try:
        data = load_yaml(text)
    except YamlError as exc:
        raise RuleFileError(path, exc.line, exc.message) from None
    if not isinstance(data, dict):
        raise RuleFileError(path, getattr(data, "line", 1) or 1, "a rule file must be a YAML mapping")
    spec = Spec(data, path)
    kind_name = spec.get("kind", str)
    if kind_name not in KINDS:
        raise spec.error("kind", f"key 'kind' must be one of {', '.join(sorted(KINDS))}; got {kind_name!r}")
    cls = KINDS[kind_name]
    meta = parse_meta(spec, kind_name, cls.KEYS, stem)
    rule = cls.from_spec(meta, spec, base)
    return rule


def iter_rule_files(root: Any) -> Iterator[Any]:
    """Every *.yml / *.yaml below ``root`` (a Path or importlib Traversable), sorted."""
    entries = sorted(root.iterdir(), key=lambda p: p.name)
    for entry in entries:
        if entry.is_dir():
            if entry.name.startswith((".", "_")) or entry.name == "data":
                continue
            yield from iter_rule_files(entry)
        elif entry.name.endswith((".yml", ".yaml")):
            yield entry


def builtin_root():
    return resources.files("postlint.rules")


def load_rules(extra_dirs: Iterable[str] = (), include_builtin: bool = True) -> list[Rule]:
    """Load built-in YAML rules, Python heuristics, and user rule folders."""
    _load_kinds()
    _load_heuristics()
    rules: list[Rule] = []
    roots: list[tuple[Any, str]] = []
    if include_builtin:
        roots.append((builtin_root(), "rules"))
    for d in extra_dirs:
        p = Path(d)
        if not p.is_dir():
            raise RuleFileError(str(d), None, "rule folder does not exist")
        roots.append((p, str(p)))
    for root, label in roots:
        for entry in iter_rule_files(root):
            display = str(entry) if isinstance(entry, Path) else f"{label}/{_rel(entry, root)}"
            stem = entry.name.rsplit(".", 1)[0]
            try:
                text = entry.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                raise RuleFileError(display, None, "not valid UTF-8") from None
            rules.append(load_rule_text(text, display, stem, base=entry.parent))
    if include_builtin:
        rules.extend(factory() for factory in HEURISTICS.values())
    seen_ids: dict[str, str] = {}
    seen_names: dict[str, str] = {}
    for r in rules:
        for table, key in ((seen_ids, r.meta.id), (seen_names, r.meta.name)):
            if key in table:
                raise RuleFileError(r.meta.path, None, f"rule {key!r} is already defined in {table[key]}")
            table[key] = r.meta.path
    return rules


def _rel(entry: Any, root: Any) -> str:
    try:
        return str(Path(str(entry)).relative_to(Path(str(root))))
    except ValueError:
        return entry.name


def with_meta(rule: Rule, **changes: Any) -> Rule:
    """A shallow copy of ``rule`` with metadata changed (config re-grading)."""
    import copy

    new = copy.copy(rule)
    new.meta = replace(rule.meta, **changes)
    return new


def read_data_file(base: Any, rel: str, spec: Spec, key: str) -> list[str]:
    """Lines of a data file next to a rule (``#`` comments and blanks skipped)."""
    if base is None:
        raise spec.error(key, f"key {key!r} needs the rule to be loaded from a file")
    if "\\" in rel or rel.startswith("/") or ".." in Path(rel).parts:
        raise spec.error(key, f"key {key!r} must be a relative path inside the rules folder, got {rel!r}")
    target = base
    for part in rel.split("/"):
        target = target / part
    try:
        text = target.read_text(encoding="utf-8")
    except (OSError, FileNotFoundError):
        raise spec.error(key, f"key {key!r}: data file {rel!r} not found") from None
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
