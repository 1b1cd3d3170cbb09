"""The rules as a whole: one module and one test file per rule, and every code known as
soon as `matchmaker.diagnostics` is imported."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

from matchmaker.checks import RULES, rules
from matchmaker.diagnostics import CODES
from tests.rules.conftest import Lint

HERE = Path(__file__).resolve().parent

# Run in a fresh interpreter: import only the diagnostics, check that the rules were not
# imported with them, then build and render a finding for every rule code given.
FRESH = """
import json, sys
from matchmaker.diagnostics import Diagnostic
assert "matchmaker.checks" not in sys.modules, "importing the diagnostics loaded the rules"
found = {}
for code in sys.argv[1:]:
    finding = Diagnostic("f.yaml", 1, 1, code)
    found[code] = [finding.level.value, finding.message("en"), finding.message("ko")]
print(json.dumps(found))
"""


def test_a_fresh_interpreter_knows_every_rule_code_from_the_diagnostics_alone() -> None:
    run = subprocess.run(
        [sys.executable, "-c", FRESH, *sorted(RULES)],
        capture_output=True,
        text=True,
        check=False,
        cwd=HERE.parent.parent,
    )
    assert run.returncode == 0, run.stderr
    found = json.loads(run.stdout)
    assert sorted(found) == sorted(RULES)
    for code, (level, en, ko) in found.items():
        info = CODES[code]
        assert level == info.severity.value
        assert (en, ko) == (info.render_message("en", {}), info.render_message("ko", {}))


def test_each_rule_is_its_own_module_named_after_its_code() -> None:
    modules = {module.name for module in pkgutil.iter_modules(rules.__path__)}
    assert modules == {code.replace("-", "_") for code in RULES}
    for code, rule in RULES.items():
        assert rule.check.__module__ == f"{rules.__name__}.{code.replace('-', '_')}"


def test_each_rule_says_what_it_finds_and_why_and_documents_its_code() -> None:
    for code, rule in RULES.items():
        module = sys.modules[rule.check.__module__]
        paragraphs = (module.__doc__ or "").strip().split("\n\n")
        assert len(paragraphs) >= 2, f"{code}: say what the rule finds, then why"
        assert CODES[code].doc == rule.doc == " ".join(paragraphs[0].split())
        assert CODES[code].group == "check"


def test_each_rule_has_its_own_test_file() -> None:
    missing = [code for code in RULES if not (HERE / f"test_{code.replace('-', '_')}.py").is_file()]
    assert missing == []


@pytest.mark.parametrize("code", sorted(RULES))
def test_the_minimal_catalog_passes_every_rule(lint: Lint, code: str) -> None:
    assert lint(code) == []
