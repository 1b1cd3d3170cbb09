#!/usr/bin/env python3
"""Rewrite (or check) the saved outputs of the bundled examples in tests/golden/.

Usage, from the repository root:
    PYTHONPATH=$PWD python tools/regenerate_golden.py          # rewrite every file
    PYTHONPATH=$PWD python tools/regenerate_golden.py --check  # exit 1 if any differs

Run it only when an output change is deliberate, and review `git diff tests/golden/`
before committing: tests/test_golden.py fails on any byte that differs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from tests.test_golden import CASES, GOLDEN, produce


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare only; write nothing")
    check = parser.parse_args().check
    changed = []
    with tempfile.TemporaryDirectory() as work:
        for case in CASES:
            data = produce(case, Path(work))
            path = GOLDEN / case.file
            if not path.exists() or path.read_bytes() != data:
                changed.append(case.file)
                if not check:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(data)
    for name in changed:
        print(("differs: " if check else "wrote: ") + name)
    return 1 if check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
