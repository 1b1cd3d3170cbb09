"""Typer's parameter coercion, built only for the values that need it.

Typer (0.2x) coerces every parameter's value through a pydantic `TypeAdapter` it builds
on each run, one per parameter, even for a parameter left at `None`: a warm `rank` on the
bundled data built 14 of them (~15-20 ms) and imported pydantic's plugin loader with
`importlib.metadata` for them (~20 ms), all to hand back values it already had. Here a
parameter's adapter is built on first use by a value that needs it; `None` (handled
before any adapter, as Typer does), the parameter's own default object (what the
command's signature declares, as Python would pass it; not a path's, which Typer checks
exists) and text for a text parameter (Typer's adapter hands the same string back) are
passed as they are. Everything else (numbers, choices, paths typed on the command line,
paths' defaults) goes through Typer's own adapter,
so its checks and error messages are unchanged. `tests/test_cli_coercion.py` checks that
every command's defaults and text values come out of Typer's adapters unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import typer.core

# What `coerced` returns when only Typer's adapter can tell.
NEEDS_ADAPTER = object()


def coerced(param: Any, value: Any, ctx: Any) -> Any:
    """`value` as Typer's adapter would return it, or NEEDS_ADAPTER where only the adapter
    can tell (a number or path typed in, a path's default, a wrong choice's message)."""
    descriptor = param.type_descriptor
    if descriptor.file_annotation is not None or descriptor.is_path:
        return NEEDS_ADAPTER  # a path's default is checked too (`exists=True`)
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
