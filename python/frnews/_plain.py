"""Plain data for the small classes (`Entity`, `Quote`, `Token`, `Span`,
`Paragraph`, `Warning`, `Meta`): their `to_dict`, `to_json`, `from_dict` and
`from_json` methods call these functions.

A class's fields are the parameters of its constructor, read from its
signature, so a field added to a constructor needs no change here. Nested
spans (`Quote.cue`, `Meta.credits`, ...) become `{"text", "start", "end"}`
dicts.
"""

from __future__ import annotations

import inspect
import json
from functools import lru_cache
from typing import Any, Mapping


@lru_cache(maxsize=None)
def fields(cls: Any) -> tuple[str, ...]:
    """The names of the fields of `cls`, in constructor order."""
    return tuple(inspect.signature(cls).parameters)


def to_dict(obj: object) -> dict[str, Any]:
    return {name: _plain(getattr(obj, name)) for name in fields(type(obj))}


def to_json(obj: object) -> str:
    return json.dumps(to_dict(obj), ensure_ascii=False)


def from_dict(cls: type, data: Mapping[str, Any]) -> Any:
    if not isinstance(data, Mapping):
        raise TypeError(f"{cls.__name__}.from_dict takes a dict, not {type(data).__name__}")
    names = fields(cls)
    unknown = [key for key in data if key not in names]
    if unknown:
        raise ValueError(f"{cls.__name__} has no field {', '.join(map(repr, unknown))} "
                         f"(its fields: {', '.join(names)})")
    return cls(**{key: _value(value) for key, value in data.items()})


def from_json(cls: type, data: str) -> Any:
    return from_dict(cls, json.loads(data))


def _plain(value: Any) -> Any:
    from frnews._frnews import Span

    if isinstance(value, Span):
        return to_dict(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _value(value: Any) -> Any:
    """A field value from plain data: a dict is a nested span."""
    from frnews._frnews import Span

    if isinstance(value, Mapping):
        return from_dict(Span, value)
    if isinstance(value, list):
        return [_value(v) for v in value]
    return value
