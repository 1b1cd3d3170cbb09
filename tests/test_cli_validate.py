"""`matchmaker validate`: exit status, formats and languages, through the real CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from matchmaker.diagnostics.render import display_width
from tests.conftest import EXAMPLES

VALID = EXAMPLES / "valid"
INVALID = EXAMPLES / "invalid"
MISSPELT = str(INVALID / "misspelt-field.yaml")


def test_valid_files_exit_0_with_a_summary(cli) -> None:
    run = cli("validate", str(VALID))
    assert run.exit_code == 0
    assert run.output.strip().endswith("6 file(s): 6 valid, 0 error(s), 0 warning(s)")


def test_text_shows_the_line_a_caret_and_the_hint(cli) -> None:
    run = cli("validate", MISSPELT)
    assert run.exit_code == 1
    lines = run.output.splitlines()
    assert lines[0].endswith(
        "misspelt-field.yaml:8:5: error[unknown-field]: unknown field 'descripton'"
    )
    assert lines[1] == "    8 |     descripton: d"
    assert lines[2] == "      |     ^"
    assert lines[3] == "      = hint: did you mean 'description'?"


def test_the_caret_is_aligned_under_korean_text(cli, tmp_path: Path) -> None:
    path = tmp_path / "k.yaml"
    path.write_text("kind: proposal\nid: 공공급식: x\n", encoding="utf-8")
    lines = cli("validate", str(path)).output.splitlines()
    source, caret = lines[1], lines[2]
    # The error is at the colon after '공공급식', four characters eight cells wide.
    colon_cell = display_width(source[: source.index("공공급식: ") + 4])
    assert caret.index("^") == colon_cell


def test_korean_messages(cli) -> None:
    run = cli("validate", MISSPELT, "--lang", "ko")
    assert "알 수 없는 항목 'descripton'입니다" in run.output
    assert "도움말: 'description'을(를) 뜻했나요?" in run.output
    assert run.output.strip().endswith("파일 1개: 정상 0개, 오류 1건, 경고 0건")


def test_language_comes_from_the_environment(cli) -> None:
    assert "알 수 없는" in cli("validate", MISSPELT, env={"MATCHMAKER_LANG": "ko"}).output
    assert (
        "알 수 없는"
        in cli("validate", MISSPELT, env={"MATCHMAKER_LANG": "", "LC_ALL": "ko_KR.UTF-8"}).output
    )


def test_json_has_the_documented_shape(cli) -> None:
    run = cli("validate", MISSPELT, "--format", "json")
    assert run.exit_code == 1
    document = json.loads(run.output)
    assert document["version"] == 1
    [diagnostic] = document["diagnostics"]
    assert set(diagnostic) == {"file", "line", "column", "severity", "code", "message", "hint"}
    assert (diagnostic["line"], diagnostic["column"], diagnostic["code"]) == (8, 5, "unknown-field")
    assert document["summary"] == {"files": 1, "valid": 0, "errors": 1, "warnings": 0}


def test_github_annotations_are_chosen_inside_github_actions(cli) -> None:
    run = cli("validate", MISSPELT, env={"GITHUB_ACTIONS": "true"})
    first = run.output.splitlines()[0]
    assert first.startswith("::error file=")
    assert ",line=8,col=5,title=matchmaker unknown-field::unknown field 'descripton'" in first


def test_sarif_is_version_2_1_0_with_rules_and_regions(cli) -> None:
    run = cli("validate", MISSPELT, "--format", "sarif")
    sarif = json.loads(run.output)
    assert sarif["version"] == "2.1.0"
    run0 = sarif["runs"][0]
    assert [rule["id"] for rule in run0["tool"]["driver"]["rules"]] == ["unknown-field"]
    result = run0["results"][0]
    assert result["ruleId"] == "unknown-field" and result["level"] == "error"
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 8, "startColumn": 5}


def test_a_missing_file_is_a_usage_error(cli) -> None:
    assert cli("validate", "no/such/file.yaml").exit_code == 2


def test_an_unknown_option_is_a_usage_error(cli) -> None:
    assert cli("validate", "--bogus", MISSPELT).exit_code == 2


def test_every_invalid_example_exits_1_without_a_traceback(cli) -> None:
    run = cli("validate", str(INVALID), "--format", "json")
    assert run.exit_code == 1
    files = {d["file"] for d in json.loads(run.output)["diagnostics"]}
    assert len(files) == len(list(INVALID.glob("*.yaml")))
    assert "Traceback" not in run.output


def _script(*args: str, memory_mib: int | None = None) -> subprocess.CompletedProcess[str]:
    def limit() -> None:  # pragma: no cover - runs in the child
        if memory_mib is not None:
            import resource

            size = memory_mib * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (size, size))

    env = {**os.environ, "MATCHMAKER_LANG": "en", "GITHUB_ACTIONS": ""}
    return subprocess.run(
        [sys.executable, "-m", "matchmaker", *args],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=limit,
        env=env,
    )


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (
            b"a: &a [x, x, x, x, x, x, x, x, x]\n"
            + b"".join(
                f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n".encode()
                for i in range(9)
            ),
            "too-many-nodes",
        ),
        (b"a: " + b"[" * 5_000_000, "file-too-large"),
        (b"a: " + b"{a: " * 1_200_000, "file-too-large"),
        (b"a: " + b"[" * 1_000_000, "too-deep"),
        (b"k:\n" + b"".join(b" " * i + b"- \n" for i in range(1, 2000)), "too-deep"),
    ],
    ids=["alias-bomb", "huge-flow-nesting", "huge-mapping-nesting", "deep-flow", "deep-block"],
)
def test_bombs_are_refused_by_the_real_script_in_bounded_memory(
    tmp_path: Path, content: bytes, code: str
) -> None:
    path = tmp_path / "bomb.yaml"
    path.write_bytes(content)
    result = _script("validate", str(path), "--format", "json", memory_mib=512)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert json.loads(result.stdout)["diagnostics"][0]["code"] == code


def test_an_internal_error_prints_one_line_and_exits_70(tmp_path: Path) -> None:
    # A folder given where a file is expected inside a path that vanishes is hard to
    # provoke from outside, so provoke a bug directly through the boundary.
    code = (
        "import sys; import matchmaker.validation as v\n"
        "def broken(*args, **kwargs): raise RuntimeError('boom')\n"
        "v.validate_paths = broken\n"
        "from matchmaker.cli import main\n"
        f"main(['validate', {str(VALID / 'profile.yaml')!r}])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 70
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "internal error (RuntimeError: boom)" in result.stderr


def test_debug_shows_the_traceback() -> None:
    code = (
        "import matchmaker.validation as v\n"
        "def broken(*args, **kwargs): raise RuntimeError('boom')\n"
        "v.validate_paths = broken\n"
        "from matchmaker.cli import main\n"
        f"main(['--debug', 'validate', {str(VALID / 'profile.yaml')!r}])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert "Traceback" in result.stderr


def test_python_dash_m_and_version() -> None:
    result = _script("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("matchmaker ")


def test_a_folder_scan_reads_upper_case_suffixes_and_skips_macos_sidecars(tmp_path) -> None:
    from matchmaker.loading.paths import expand

    (tmp_path / "2027.YAML").write_text("kind: proposal\n", encoding="utf-8")
    (tmp_path / "._2027.yaml").write_bytes(b"\x00\x05\x16\x07")  # AppleDouble, not YAML
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    assert [p.name for p in expand([tmp_path])] == ["2027.YAML"]


@pytest.mark.parametrize("blank", ['"   "', '"\\u200b\\u200b"', '"\\u3000"'])
def test_a_blank_title_is_an_error(cli, tmp_path, blank: str) -> None:
    path = tmp_path / "blank.yaml"
    path.write_text(
        "kind: proposal\nid: blank\nregion: 완주군\ndemands:\n  - id: d\n"
        f"    title: {blank}\n    description: 급식 식재료를 공급하고 싶습니다.\n",
        encoding="utf-8",
    )
    run = cli("validate", str(path))
    assert run.exit_code == 1
    assert "6:12: error[field-constraint]" in run.output and "blank" in run.output


def test_only_documents_skips_yaml_that_is_not_ours(cli, tmp_path) -> None:
    # The pre-commit hook offers every YAML file of a repository.
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    workflow = tmp_path / "ci.yml"
    workflow.write_text("on: push\njobs: {}\n", encoding="utf-8")
    broken = tmp_path / "p.yaml"
    broken.write_text("kind: proposal\nid: p\n", encoding="utf-8")
    run = cli(
        "validate",
        "--only-documents",
        str(tmp_path / ".pre-commit-config.yaml"),
        str(workflow),
        str(broken),
    )
    assert run.exit_code == 1  # the broken proposal still fails
    assert "1 file(s)" in run.output and "missing-kind" not in run.output
    clean = cli("validate", "--only-documents", str(workflow))
    assert clean.exit_code == 0 and "0 file(s)" in clean.output
