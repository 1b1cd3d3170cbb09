"""Typer's parameter coercion, built only for the values that need it.

Typer (0.2x) coerces every parameter's value through a pydantic `TypeAdapter` it builds
on each run, one per parameter, even for a parameter left at `None`: a warm `rank` on the
bundled data built 14 of them (~15-20 ms) and imported pydantic's plugin loader with
`importlib.metadata` for them (~20 ms), all to hand back values it already had. Here a
parameter's adapter is built on first use by a value that needs it; `None` (handled
before any adapter, as Typer does), the parameter's own default object (what the
command's signature declares, as Python would pass it; not a path's, which is checked
as below) and text for a text parameter (Typer's adapter hands the same string back) are
passed as they are. A path (typed in or a default) is checked by Typer's own path
function, made a path first as Typer's adapter makes it. Everything else (numbers, a
wrong choice) goes through Typer's own adapter, so its checks and error messages are
unchanged. `tests/test_cli_coercion.py` checks that
every command's defaults and text values come out of Typer's adapters unchanged.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, field
from typing import Any

import typer.core

# What `coerced` returns when only Typer's adapter can tell.
NEEDS_ADAPTER = object()


def coerced(param: Any, value: Any, ctx: Any) -> Any:
    """`value` as Typer's adapter would return it, or NEEDS_ADAPTER where only the adapter
    can tell (a number or path typed in, a path's default, a wrong choice's message)."""
    descriptor = param.type_descriptor
    if descriptor.file_annotation is not None:
        return NEEDS_ADAPTER
    if takes_paths(descriptor):
        return _path(descriptor, value, param, ctx)
    if value is param.default:
        return value
    if type(value) is not str or descriptor.parameter_info.parser is not None:
        return NEEDS_ADAPTER
    if descriptor.annotation is str:
        return value  # Typer's adapter: the same text
    if descriptor.is_choice and not descriptor.is_list:
        # Typer's adapter calls this very function, inside pydantic; a value that is not
        # one of the choices goes to the adapter for Typer's own message.
        from typer._param_types import coerce_cli_choice

        try:
            return coerce_cli_choice(
                value, choices=descriptor.choices, case_sensitive=descriptor.case_sensitive, ctx=ctx
            )
        except ValueError:
            return NEEDS_ADAPTER
    return NEEDS_ADAPTER


def takes_paths(descriptor: Any) -> bool:
    """Whether Typer reads the parameter's value (or each of its values) as a path."""
    from typer._param_types import routes_to_path

    if descriptor.is_path:
        return True
    leaves = typing.get_args(descriptor.annotation)
    info = descriptor.parameter_info
    return bool(descriptor.is_list and leaves and routes_to_path(leaves[0], info))


def _path(descriptor: Any, value: Any, param: Any, ctx: Any) -> Any:
    """A path parameter's value as Typer's path adapter returns it: each path (a
    default's too) checked by Typer's own `coerce_cli_path` (`exists=True`, a file where a
    folder is wanted…, with Typer's messages), text made a path first, as Typer's adapter
    does through pydantic's `TypeAdapter(Path)`. What a path is given as on the command
    line then needs no pydantic (~0.15 s of a `rank -o FILE` whose answer is kept)."""
    from pathlib import Path

    from typer._param_types import coerce_cli_path

    info = descriptor.parameter_info
    if info.parser is not None:
        return NEEDS_ADAPTER
    leaf = (
        typing.get_args(descriptor.annotation)[0] if descriptor.is_list else descriptor.annotation
    )
    path_type = info.path_type or leaf
    if not (isinstance(path_type, type) and issubclass(path_type, Path)):
        return NEEDS_ADAPTER  # a path kept as text or bytes: Typer's adapter decides

    def one(item: Any) -> Any:
        if type(item) is str:
            made = path_type(item)
            if str(made) != item:
                # `folder/`, `./x`, "": Typer's messages quote the text as typed, which
                # only its adapter still holds
                raise _Unusual
            item = made
        elif not isinstance(item, path_type):
            raise _Unusual
        try:
            return coerce_cli_path(item, info, path_type=path_type, param=param, ctx=ctx)
        except ValueError:  # a NUL in the text: Typer's adapter turns it into its message
            raise _Unusual from None

    try:
        if descriptor.is_list:
            items = value if isinstance(value, list | tuple) else [value]
            return [one(item) for item in items]
        return one(value)
    except _Unusual:
        return NEEDS_ADAPTER


class _Unusual(Exception):
    """A path value Typer's adapter must see: neither text nor a path, or text that a
    path would spell otherwise."""


# The Typer releases whose private coercion layer (`typer._coercion`, `_TyperParameter.
# get_runtime_param`, `RuntimeParam._coerce_value`) this was read against and tested on.
# Any other release keeps Typer's own behaviour: a private API may change in a minor
# release, and a slower start is better than a command line that fails.
TESTED_TYPER = ("0.29",)


def install() -> None:
    """Make Typer's parameters build their adapters lazily (once per process), on a Typer
    release in TESTED_TYPER; elsewhere Typer is left as it is."""
    release = ".".join(getattr(typer, "__version__", "").split(".")[:2])
    if release not in TESTED_TYPER:
        return
    parameter = getattr(typer.core, "_TyperParameter", None)
    original = getattr(parameter, "get_runtime_param", None)
    if original is None or getattr(original, "_matchmaker", False):
        return
    try:  # Typer's runtime coercion layer (0.2x); without it, Typer is left as it is
        from typer._coercion import RuntimeParam, TypeDescriptor, build_runtime_param
    except ImportError:  # pragma: no cover - another Typer
        return

    @dataclass(frozen=True)
    class DeferredRuntimeParam(RuntimeParam):
        """Typer's runtime parameter for `descriptor`, built when a value needs it."""

        descriptor: TypeDescriptor
        built: list[RuntimeParam] = field(default_factory=list)

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            fast = coerced(param, value, ctx)
            if fast is not NEEDS_ADAPTER:
                return fast
            if not self.built:
                self.built.append(build_runtime_param(self.descriptor))
            return self.built[0]._coerce_value(value, param=param, ctx=ctx)

    def get_runtime_param(self: Any) -> Any:
        if self._runtime_param is None:
            descriptor = self.type_descriptor
            self._runtime_param = DeferredRuntimeParam(
                annotation=descriptor.annotation,
                parameter_info=descriptor.parameter_info,
                descriptor=descriptor,
            )
        return self._runtime_param

    get_runtime_param._matchmaker = True  # type: ignore[attr-defined]
    parameter.get_runtime_param = get_runtime_param  # type: ignore[union-attr]
