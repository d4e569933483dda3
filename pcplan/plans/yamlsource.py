"""Read a YAML file into plain Python data while remembering the line of every value.

PyYAML's `safe_load` forgets where things were and silently keeps the last of two equal keys;
an import must name the line of a bad value and refuse duplicated keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

Path = tuple[str | int, ...]


@dataclass
class Problem:
    """One thing wrong with an input file, located by line and by path inside the document."""

    file: str
    line: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


def format_path(path: Path) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


@dataclass
class Source:
    """A parsed document and the line of every path in it."""

    file: str
    data: Any = None
    lines: dict[Path, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line(self, path: Path) -> int | None:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), None)

    def problem(self, path: Path, message: str) -> None:
        self.problems.append(Problem(self.file, self.line(path), format_path(path), message))


def load_yaml(text: str, file: str) -> Source:
    source = Source(file=file)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        reason = getattr(exc, "problem", None) or str(exc)
        source.problems.append(Problem(file, line, "", f"not valid YAML: {reason}"))
        return source
    if node is None:
        source.problems.append(Problem(file, 1, "", "the file is empty"))
        return source
    constructor = yaml.constructor.SafeConstructor()
    source.data = _build(node, (), source, constructor)
    return source


def _build(node: yaml.Node, path: Path, source: Source, constructor: Any) -> Any:
    source.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                source.lines[path + ("<<",)] = key_node.start_mark.line + 1
                source.problem((*path, "<<"), "YAML merge keys ('<<') are not supported")
                continue
            key_text = str(_scalar(key_node, path, source, constructor))
            if key_text in result:
                source.lines[(*path, key_text)] = key_node.start_mark.line + 1
                source.problem((*path, key_text), "this key appears twice; give it once")
                continue
            result[key_text] = _build(value_node, (*path, key_text), source, constructor)
            source.lines[(*path, key_text)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _build(item, (*path, index), source, constructor)
            for index, item in enumerate(node.value)
        ]
    return _scalar(node, path, source, constructor)


def _scalar(node: yaml.Node, path: Path, source: Source, constructor: Any) -> Any:
    try:
        return constructor.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError as exc:
        source.problem(path, f"cannot read this value: {exc.problem}")
    except (ValueError, TypeError) as exc:  # e.g. an impossible date such as 2025-02-30
        source.problem(path, f"cannot read {node.value!r}: {exc}")
    return None
