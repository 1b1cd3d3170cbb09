"""Where the bundled catalog and examples are, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    # A wheel carries them inside the package; a source checkout (or an editable
    # install) has them at the top of the repository.
    for candidate in (_PACKAGE / "_bundled" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the bundled {name}/ folder is missing from this installation")


def catalog_dir() -> Path:
    return _find("catalog")


def examples_dir() -> Path:
    return _find("examples")


def proposals_dir() -> Path:
    return examples_dir() / "proposals"


def profiles_dir() -> Path:
    return examples_dir() / "profiles"


def default_profile_path() -> Path:
    return profiles_dir() / "default.yaml"


def records_dir() -> Path:
    """Illustrative records of two earlier rounds (2024, 2025): read only with --history."""
    return examples_dir() / "records"


def past_proposals_dir() -> Path:
    """The illustrative proposals those records name (so `check` can find their demands)."""
    return examples_dir() / "past-proposals"
