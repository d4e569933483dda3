"""Read a YAML file into plain Python data while remembering the line of every value.

PyYAML's `safe_load` forgets where things were and silently keeps the last of two equal keys;
an import must name the line of a bad value and refuse duplicated keys.

Aliases and nesting are limited: a few lines of anchors and aliases ("billion laughs") expand
into gigabytes, and an anchor that contains its own alias never ends. pcplan's files need
neither, so both are refused with the line, before anything is expanded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

Path = tuple[str | int, ...]

# Far more than any plan or profile file needs (they use none); small enough that a file
# refused for them costs nothing to read.
MAX_ALIASES = 100
MAX_DEPTH = 50
# Values built again through aliases: a few aliases of aliases ("billion laughs") stay within
# MAX_ALIASES and would still repeat a value a billion times.
MAX_REPEATED_VALUES = 10_000


class _Refused(Exception):
    def __init__(self, line: int, message: str) -> None:
        self.line, self.message = line, message
        super().__init__(message)


KEY_NOT_PLAIN = "a key must be a plain value"
RECURSIVE = "an alias ('*name') refers to the value it is inside"


def _too_many_aliases(line: int) -> _Refused:
    return _Refused(
        line,
        f"more than {MAX_ALIASES} aliases ('*name'), counting each time one is expanded; "
        "write the values out instead",
    )


def _too_deep(line: int) -> _Refused:
    return _Refused(line, f"values nested more than {MAX_DEPTH} levels deep")


class _LimitedLoader(yaml.SafeLoader):
    """The safe loader, refusing many aliases and deep nesting while it composes, before
    PyYAML's own recursion could fail."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.aliases = 0
        self.depth = 0
        self.open_anchors: list[str] = []

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        line = event.start_mark.line + 1
        if isinstance(parent, yaml.MappingNode) and index is None:  # composing a key
            if not isinstance(event, yaml.ScalarEvent):
                raise _Refused(line, KEY_NOT_PLAIN)
        if isinstance(event, yaml.AliasEvent):
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise _too_many_aliases(line)
            if event.anchor in self.open_anchors:
                raise _Refused(line, RECURSIVE)
            return super().compose_node(parent, index)
        self.depth += 1
        anchor = getattr(event, "anchor", None)
        if anchor:
            self.open_anchors.append(anchor)
        try:
            if self.depth > MAX_DEPTH:
                raise _too_deep(line)
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1
            if anchor:
                self.open_anchors.pop()


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
        node = yaml.compose(text, Loader=_LimitedLoader)
    except _Refused as exc:
        source.problems.append(Problem(file, exc.line, "", exc.message))
        return source
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
    try:
        source.data = _build(node, (), source, constructor, _Expansion())
    except _Refused as exc:
        source.problems = [Problem(file, exc.line, "", exc.message)]
        source.data = None
    return source


class _Expansion:
    """What _build has expanded: a node met again is an alias; a node inside itself, a loop."""

    def __init__(self) -> None:
        self.built: set[int] = set()
        self.open: set[int] = set()
        self.repeated = 0
        # Lines of the values being built for the first time: the innermost one holds the
        # alias being expanded, the line a refusal names.
        self.first_lines: list[int] = []


def _build(
    node: yaml.Node, path: Path, source: Source, constructor: Any, expansion: _Expansion
) -> Any:
    line = node.start_mark.line + 1
    if id(node) in expansion.open:
        raise _Refused(line, RECURSIVE)
    repeated = id(node) in expansion.built
    if repeated:
        expansion.repeated += 1
        if expansion.repeated > MAX_REPEATED_VALUES:
            raise _Refused(
                expansion.first_lines[-1] if expansion.first_lines else line,
                f"aliases ('*name') repeat more than {MAX_REPEATED_VALUES:,} values; "
                "write the values out instead",
            )
    if len(path) > MAX_DEPTH:
        raise _too_deep(line)
    expansion.built.add(id(node))
    expansion.open.add(id(node))
    if not repeated:
        expansion.first_lines.append(line)
    try:
        return _build_node(node, path, source, constructor, expansion)
    finally:
        expansion.open.discard(id(node))
        if not repeated:
            expansion.first_lines.pop()


def _build_node(
    node: yaml.Node, path: Path, source: Source, constructor: Any, expansion: _Expansion
) -> Any:
    source.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                source.lines[path + ("<<",)] = key_node.start_mark.line + 1
                source.problem((*path, "<<"), "YAML merge keys ('<<') are not supported")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                # Never built: an aliased list as a key would expand when made text.
                raise _Refused(key_node.start_mark.line + 1, KEY_NOT_PLAIN)
            key_text = str(_scalar(key_node, path, source, constructor))
            if key_text in result:
                source.lines[(*path, key_text)] = key_node.start_mark.line + 1
                source.problem((*path, key_text), "this key appears twice; give it once")
                continue
            result[key_text] = _build(value_node, (*path, key_text), source, constructor, expansion)
            source.lines[(*path, key_text)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _build(item, (*path, index), source, constructor, expansion)
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
