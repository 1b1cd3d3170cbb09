"""Typer's adapters are built only for values that need them (cli/coercion.py), and a
value passed without one is exactly what Typer's own adapter would have returned."""

from __future__ import annotations

from typing import Any

import pytest
import typer.core
import typer.main

from matchmaker.cli import coercion, main
from matchmaker.cli.app import SINGLE, build
from matchmaker.cli.coercion import NEEDS_ADAPTER, TESTED_TYPER, coerced, takes_paths

if ".".join(typer.__version__.split(".")[:2]) not in TESTED_TYPER:  # pragma: no cover
    # On another Typer release install() leaves Typer alone, and these comparisons with
    # its private adapters have nothing to compare.
    pytest.skip(f"cli/coercion.py is tested on Typer {TESTED_TYPER}", allow_module_level=True)

# private to Typer: imported only on a release in TESTED_TYPER
from typer._coercion import build_runtime_param

TEXTS = ["", " x ", "2026-11-28", "완주군", "--like-an-option", "a\tb", "０１", "3", "1.5"]


def _parameters() -> list[tuple[str, Any]]:
    """Every parameter of every single command, with the root options."""
    found = []
    for name in sorted(SINGLE):
        group = typer.main.get_command(build(name))
        found += [(f"{name} {p.name}", p) for p in group.params]  # type: ignore[attr-defined]
        found += [(f"{name} {p.name}", p) for p in group.commands[name].params]  # type: ignore[attr-defined]
    return found


PARAMETERS = _parameters()


def _choices(param: Any) -> list[Any]:
    """A choice parameter's choices as typed, in other cases and with a typo."""
    choices = param.type_descriptor.choices or ()
    names = [str(getattr(choice, "value", choice)) for choice in choices]
    return [*names, *(name.upper() for name in names), *(name + "x" for name in names)]


# Paths are checked as they are coerced (a missing file is refused): compared below.
NOT_PATHS = [p for p in PARAMETERS if not takes_paths(p[1].type_descriptor)]


@pytest.mark.parametrize(("label", "param"), NOT_PATHS, ids=[label for label, _ in NOT_PATHS])
def test_what_is_coerced_without_an_adapter_is_what_typers_adapter_returns(
    label: str, param: Any
) -> None:
    typers = build_runtime_param(param.type_descriptor)
    for value in [param.default, *TEXTS, *_choices(param)]:
        if value is None:
            continue  # Typer answers None before any adapter
        fast = coerced(param, value, None)
        if fast is NEEDS_ADAPTER:
            continue
        expected = typers._coerce_value(value, param=param, ctx=None)
        assert fast == expected and type(fast) is type(expected), (label, value)


def test_defaults_text_and_choices_need_no_adapter_but_numbers_typed_in_do() -> None:
    params = dict(PARAMETERS)
    top, today, by = params["rank top"], params["rank today"], params["rank by"]
    assert coerced(top, top.default, None) == 3 and coerced(by, by.default, None) is by.default
    assert coerced(today, "2026-11-28", None) == "2026-11-28"
    assert coerced(by, "project", None) is by.type_descriptor.choices[1]
    assert coerced(by, "proj", None) is NEEDS_ADAPTER  # Typer's message for a wrong one
    assert coerced(top, "3", None) is NEEDS_ADAPTER
    assert top.get_runtime_param()._coerce_value("4", param=top, ctx=None) == 4


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--top", "x"], "Input should be a valid integer"),
        (["--top", "-1"], "Input should be greater than or equal to 0"),
        (["--format", "nope"], "'nope' is not one of 'table', 'json', 'csv', 'markdown'"),
    ],
)
def test_a_value_typed_in_is_still_checked_by_typer(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["rank", *args])
    assert stopped.value.code == 2
    assert message in capsys.readouterr().err


def test_on_a_typer_release_it_was_not_tested_on_typer_is_left_as_it_is(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Typer's coercion layer is private: on any other release install() changes nothing."""

    class Parameter:
        _runtime_param = None

        def get_runtime_param(self) -> str:
            return "Typer's own"

    original = Parameter.get_runtime_param
    monkeypatch.setattr(typer.core, "_TyperParameter", Parameter, raising=False)
    monkeypatch.setattr(typer, "__version__", "0.30.0")
    coercion.install()
    assert Parameter.get_runtime_param is original
    monkeypatch.setattr(typer, "__version__", TESTED_TYPER[0] + ".9")
    coercion.install()
    assert Parameter.get_runtime_param is not original  # the tested release is patched


PATHS = [p for p in PARAMETERS if takes_paths(p[1].type_descriptor)]


def _outcome(coerce: Any, value: Any) -> tuple[str, Any]:
    """What coercing `value` gives: the value and its type, or the error and its message."""
    try:
        found = coerce(value)
    except Exception as error:
        return type(error).__name__, str(getattr(error, "message", error))
    kinds = [type(item) for item in found] if isinstance(found, list) else type(found)
    return "value", (found, kinds)


@pytest.mark.parametrize(("label", "param"), PATHS, ids=[label for label, _ in PATHS])
def test_a_path_is_what_typers_adapter_returns_and_refused_with_its_message(
    label: str, param: Any, tmp_path: Any
) -> None:
    from pathlib import Path

    (tmp_path / "file.yaml").write_text("kind: proposal\n", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    typers = build_runtime_param(param.type_descriptor)
    texts = [str(tmp_path / name) for name in ("file.yaml", "folder", "missing.yaml")]
    # made other by Path, or refused by the system (only a call from Python can pass a NUL)
    spelt = [texts[1] + "/", "./" + texts[0].lstrip("/"), "", "a\x00b"]
    values: list[Any] = [*texts, *spelt, "-", "완주.yaml", *(Path(text) for text in texts)]
    if param.type_descriptor.is_list:
        values += [texts[:2], tuple(texts[::-1]), [], [texts[0], spelt[0]]]
    if param.default is not None:
        values.append(param.default)
    for value in values:
        mine = _outcome(lambda v: coerced(param, v, None), value)
        if mine[0] == "value" and mine[1][0] is NEEDS_ADAPTER:
            # only text a path spells otherwise, whose messages quote it as typed, or a NUL
            texts_given = _texts(value)
            assert any(str(Path(t)) != t or "\x00" in t for t in texts_given), (label, value)
            continue
        theirs = _outcome(lambda v: typers._coerce_value(v, param=param, ctx=None), value)
        assert mine == theirs, (label, value)


def _texts(value: Any) -> list[str]:
    items = value if isinstance(value, list | tuple) else [value]
    return [item for item in items if isinstance(item, str)]
