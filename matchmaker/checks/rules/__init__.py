"""The consistency rules: one module per rule, named after the code it reports.

To add a rule, add a module here shaped like the others (see matchmaker/checks/base.py)
and its test in tests/rules/. Importing this package imports every module in it, and each
registers its rule and its code; no list to keep by hand.
"""

import importlib
import pkgutil

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
