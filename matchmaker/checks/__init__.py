"""Consistency rules over the catalog and proposals, each a small named unit with a code.

Importing this package registers every rule (and its diagnostic code) in `RULES`.
"""

from matchmaker.checks import catalog_rules, proposal_rules, reference_rules
from matchmaker.checks.base import RULES, CheckContext, Rule, run_rules

__all__ = ["RULES", "CheckContext", "Rule", "catalog_rules", "proposal_rules",
           "reference_rules", "run_rules"]
