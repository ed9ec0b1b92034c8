"""Parameter values checked without pydantic when typer's own check would give the same value.

typer (0.2x) turns every command-line value into its parameter's type through a pydantic
TypeAdapter it builds on first use, and importing pydantic and building the adapters costs more
than `align pair --presplit`'s whole budget (issue 12 item 4: 0.15 s). The adapters typer builds
for a string, a list of strings and a choice (an Enum) only wrap a plain function of typer's
(`str()`, `coerce_cli_choice`) in a pydantic validator that passes its result through: this
module calls the same function directly. A value it cannot take as is (not a string, a choice
that is none of the choices...) goes to the adapter typer would have built, so every error keeps
typer's exact wording. Other types (paths, numbers...) keep typer's own check, built when a value
comes (not for an option left out).

Nothing here changes when typer has no such layer (older typer checks values through click):
`lighten` then leaves the parameters as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Enum
from functools import cached_property
from typing import Any, get_args, get_origin

try:
    from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
    from typer._param_types import coerce_cli_choice
except ImportError:  # pragma: no cover - typer without the pydantic layer: nothing to lighten
    RuntimeParam = None  # type: ignore[assignment,misc]


class _AskTyper(Exception):
    """A value the plain check does not take as is: typer's adapter decides (and words errors)."""


def _text(value: Any, descriptor: Any, ctx: Any) -> str:
    if type(value) is not str:
        raise _AskTyper
    return value


def _texts(value: Any, descriptor: Any, ctx: Any) -> list[str]:
    # typer's list adapter: a lone value becomes a list, each item is checked as a string.
    items = value if isinstance(value, (list, tuple)) else [value]
    return [_text(item, descriptor, ctx) for item in items]


def _choice(value: Any, descriptor: Any, ctx: Any) -> Any:
    choices = tuple(descriptor.annotation)
    try:
        return coerce_cli_choice(
            value, choices=choices, case_sensitive=descriptor.case_sensitive, ctx=ctx
        )
    except ValueError:
        raise _AskTyper from None


def _typer_only(value: Any, descriptor: Any, ctx: Any) -> Any:
    raise _AskTyper


def _check_for(descriptor: Any) -> Callable[[Any, Any, Any], Any]:
    """The plain check standing for the adapter typer would build (`_typer_only`: typer's own,
    built when a value comes; an option left out, None, is not checked)."""
    info = descriptor.parameter_info
    if info.parser is not None or getattr(info, "click_type", None) is not None:
        return _typer_only
    annotation = descriptor.annotation
    if annotation is str:
        return _text
    if get_origin(annotation) is list and get_args(annotation) == (str,):
        return _texts
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return _choice
    return _typer_only


if RuntimeParam is not None:

    class _PlainParam(RuntimeParam):
        """typer's runtime check of one parameter, done by `check` when it can.

        Not a dataclass of its own: a frozen dataclass costs about a millisecond to define,
        paid on every start; it is built here and never compared."""

        descriptor: TypeDescriptor
        check: Callable[[Any, Any, Any], Any]

        def __init__(
            self, descriptor: TypeDescriptor, check: Callable[[Any, Any, Any], Any]
        ) -> None:
            super().__init__(
                parameter_info=descriptor.parameter_info, annotation=descriptor.annotation
            )
            object.__setattr__(self, "descriptor", descriptor)
            object.__setattr__(self, "check", check)

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            try:
                return self.check(value, self.descriptor, ctx)
            except _AskTyper:
                return self._typer_check._coerce_value(value, param=param, ctx=ctx)

        @cached_property
        def _typer_check(self) -> Any:
            return build_runtime_param(self.descriptor)


def lighten(params: Iterable[Any]) -> None:
    """Give a command's parameters (`get_params(ctx)`, the help option with them) the plain
    check, which gives typer's result; before its arguments are parsed."""
    if RuntimeParam is None:  # pragma: no cover - older typer
        return
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or getattr(param, "_runtime_param", False) is not None:
            continue  # not typer's, or already checked once
        param._runtime_param = _PlainParam(descriptor, _check_for(descriptor))
