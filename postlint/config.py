"""Settings: defaults <- .postlint.yaml or [tool.postlint] <- command-line flags.

Unknown keys and wrongly typed values are errors that name the file, the key
(and its line in YAML) and the expected type.
"""
from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .findings import ConfigError, Severity, SEVERITY_NAMES

CONFIG_NAMES = (".postlint.yaml", ".postlint.yml")


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] = ()  # rule ids, id prefixes or names; empty = all enabled
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()  # enable rules that are off by default
    severity: tuple[tuple[str, str], ...] = ()  # (rule, level)
    rule_dirs: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()  # phrases never flagged
    allow_quotes: tuple[str, ...] = ()  # quote text fragments or ids never flagged
    quote_files: tuple[str, ...] = ()  # extra quote corpora
    model: str | None = None
    fail_on: str = "warning"
    max_score: int = 49
    max_post_chars: int = 100_000
    field: str = "text"
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    jobs: int = 1
    source: str | None = None  # where the settings came from

    def ignores_for(self, path: str) -> tuple[str, ...]:
        out: list[str] = []
        norm = path.replace(os.sep, "/")
        for pattern, rules in self.per_file_ignores:
            if fnmatch.fnmatch(norm, pattern) or fnmatch.fnmatch(os.path.basename(norm), pattern):
                out.extend(rules)
        return tuple(out)


# key -> (attribute, type, description)
KEYS: dict[str, tuple[str, str, str]] = {
    "select": ("select", "list", "a list of rule ids, prefixes or names"),
    "ignore": ("ignore", "list", "a list of rule ids, prefixes or names"),
    "extend-select": ("extend_select", "list", "a list of rule ids, prefixes or names"),
    "severity": ("severity", "map", "a mapping of rule to error/warning/suggestion"),
    "rule-dirs": ("rule_dirs", "list", "a list of folders with YAML rules"),
    "allow": ("allow", "list", "a list of phrases"),
    "allow-quotes": ("allow_quotes", "list", "a list of quote texts or quote ids"),
    "quote-files": ("quote_files", "list", "a list of quote files (.jsonl or 'text — author' lines)"),
    "model": ("model", "str", "a spaCy pipeline name or path"),
    "fail-on": ("fail_on", "severity", "one of error, warning, suggestion"),
    "max-score": ("max_score", "int", "an integer from 0 to 100"),
    "max-post-chars": ("max_post_chars", "int", "a positive integer"),
    "field": ("field", "str", "a field or column name"),
    "per-file-ignores": ("per_file_ignores", "globmap", "a mapping of glob to a list of rules"),
    "jobs": ("jobs", "int", "a positive integer"),
}


def _err(where: str, key: str, line: int | None, msg: str) -> ConfigError:
    loc = f"{where}:{line}" if line else where
    return ConfigError(f"{loc}: key {key!r} {msg}")


def parse_mapping(data: Any, where: str, base_dir: Path) -> dict[str, Any]:
    """Validate a config mapping; returns Settings field values."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: the configuration must be a mapping")
    out: dict[str, Any] = {}
    for key, value in data.items():
        line = data.line_of(key) if hasattr(data, "line_of") else None
        norm = str(key).replace("_", "-")
        if norm not in KEYS:
            close = [k for k in KEYS if k.startswith(norm[:3])]
            hint = f" (did you mean {close[0]!r}?)" if close else f" (known keys: {', '.join(KEYS)})"
            raise _err(where, str(key), line, f"is not a postlint setting{hint}")
        attr, typ, desc = KEYS[norm]
        if typ == "list":
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise _err(where, key, line, f"must be {desc}, got {type(value).__name__}")
            if attr in ("rule_dirs", "quote_files"):
                value = [str((base_dir / v).resolve()) if not os.path.isabs(v) else v for v in value]
            out[attr] = tuple(value)
        elif typ == "str":
            if not isinstance(value, str):
                raise _err(where, key, line, f"must be {desc}, got {type(value).__name__}")
            out[attr] = value
        elif typ == "int":
            if not isinstance(value, int) or isinstance(value, bool):
                raise _err(where, key, line, f"must be {desc}, got {type(value).__name__}")
            if attr == "max_score" and not 0 <= value <= 100 or attr != "max_score" and value < 1:
                raise _err(where, key, line, f"must be {desc}, got {value}")
            out[attr] = value
        elif typ == "severity":
            if value not in SEVERITY_NAMES:
                raise _err(where, key, line, f"must be {desc}, got {value!r}")
            out[attr] = value
        elif typ == "map":
            if not isinstance(value, dict):
                raise _err(where, key, line, f"must be {desc}, got {type(value).__name__}")
            pairs = []
            for r, lvl in value.items():
                if lvl not in SEVERITY_NAMES and lvl != "off":
                    raise _err(where, f"{key}.{r}", line, f"must be error, warning, suggestion or off, got {lvl!r}")
                pairs.append((str(r), lvl))
            out[attr] = tuple(pairs)
        elif typ == "globmap":
            if not isinstance(value, dict):
                raise _err(where, key, line, f"must be {desc}, got {type(value).__name__}")
            pairs = []
            for g, rules in value.items():
                if isinstance(rules, str):
                    rules = [rules]
                if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
                    raise _err(where, f"{key}.{g}", line, "must be a list of rules")
                pairs.append((str(g), tuple(rules)))
            out[attr] = tuple(pairs)
    return out


def read_config_file(path: Path) -> dict[str, Any]:
    from .yamlload import YamlError, load_yaml

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config ({exc})") from None
    if path.name == "pyproject.toml":
        try:
            import tomllib
        except ModuleNotFoundError:  # Python 3.10
            import tomli as tomllib  # type: ignore[no-redef]
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: invalid TOML ({exc})") from None
        return parse_mapping(data.get("tool", {}).get("postlint", {}), f"{path} [tool.postlint]", path.parent)
    try:
        data = load_yaml(text)
    except YamlError as exc:
        raise ConfigError(f"{path}:{exc.line or 1}: {exc.message}") from None
    return parse_mapping(data, str(path), path.parent)


def find_config(start: Path | None = None) -> Path | None:
    """Walk up from ``start`` to the first .postlint.yaml or pyproject.toml with [tool.postlint]."""
    here = (start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        for name in CONFIG_NAMES:
            if (d / name).is_file():
                return d / name
        py = d / "pyproject.toml"
        if py.is_file():
            try:
                if "[tool.postlint" in py.read_text(encoding="utf-8", errors="replace"):
                    return py
            except OSError:
                pass
    return None


def load_settings(config: str | None = None, start: Path | None = None, **overrides: Any) -> Settings:
    path = Path(config) if config else find_config(start)
    values: dict[str, Any] = {}
    if path is not None:
        if not path.is_file():
            raise ConfigError(f"{path}: config file not found")
        values = read_config_file(path)
        values["source"] = str(path)
    for k, v in overrides.items():
        if v is not None and v != ():
            values[k] = v
    return Settings(**values)


def rule_matches(rule, selector: str) -> bool:
    sel = selector.strip()
    return rule.meta.name == sel or rule.meta.id == sel or (sel.upper().startswith("PL") and rule.meta.id.startswith(sel.upper()))


def apply_selection(rules: list, settings: Settings) -> list:
    """Enabled rules after select/ignore and severity overrides."""
    from .ruleset import with_meta

    known = {r.meta.id for r in rules} | {r.meta.name for r in rules}
    for sel in (*settings.select, *settings.ignore, *settings.extend_select, *(r for r, _ in settings.severity)):
        if sel not in known and not any(rule_matches(r, sel) for r in rules) and sel not in ENGINE_NAMES:
            raise ConfigError(f"unknown rule {sel!r} in the configuration (see 'postlint rules')")
    out = []
    levels = dict(settings.severity)
    for r in rules:
        on = r.meta.enabled
        if settings.select:
            on = any(rule_matches(r, s) for s in settings.select)
        if any(rule_matches(r, s) for s in settings.extend_select):
            on = True
        if any(rule_matches(r, s) for s in settings.ignore):
            on = False
        lvl = levels.get(r.meta.id) or levels.get(r.meta.name)
        if lvl == "off":
            on = False
        if not on:
            continue
        if lvl and lvl != "off":
            r = with_meta(r, severity=Severity.parse(lvl))
        out.append(r)
    return out


ENGINE_NAMES = {"PL900", "calendar-post", "PL901", "post-too-long", "PL902", "unused-suppression",
                "PL903", "suppression-without-reason", "PL904", "rule-failed", "PL9"}
