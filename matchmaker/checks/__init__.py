"""Consistency rules over the catalog and proposals, each a small named unit with a code.

Each rule is one module in matchmaker/checks/rules/, named after its code. Importing this
package registers every rule (and its diagnostic code) in `RULES`.
"""

from matchmaker.checks import rules
from matchmaker.checks.base import RULES, CheckContext, Rule, run_rules

__all__ = ["RULES", "CheckContext", "Rule", "rules", "run_rules"]
