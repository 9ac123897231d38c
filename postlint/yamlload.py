"""Safe YAML loading that remembers the line of every mapping key."""
from __future__ import annotations

from typing import Any

import yaml


class LineDict(dict):
    """A dict that knows the 1-based line of itself and of each key."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    line: int = 0
    item_lines: list


# libyaml's safe loader when PyYAML was built with it (several times faster), else the
# pure-Python one; both are safe loaders: no tag can construct Python objects.
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    d = LineDict()
    d.line = node.start_mark.line + 1
    d.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in d:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        d[key] = loader.construct_object(value_node, deep=True)
        d.key_lines[key] = key_node.start_mark.line + 1
    return d


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    lst = LineList(loader.construct_object(child, deep=True) for child in node.value)
    lst.line = node.start_mark.line + 1
    lst.item_lines = [child.start_mark.line + 1 for child in node.value]
    return lst


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


class YamlError(Exception):
    def __init__(self, line: int | None, message: str):
        self.line, self.message = line, message
        super().__init__(message)


def load_yaml(text: str) -> Any:
    """Parse YAML with the safe loader; raise YamlError(line, message)."""
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or str(exc)
        if "could not determine a constructor for the tag" in problem:
            problem = f"tag {problem.split('tag', 1)[1].strip()} is not allowed (postlint loads YAML safely)"
        raise YamlError(line, problem) from None
    except yaml.YAMLError as exc:
        raise YamlError(None, str(exc)) from None
