"""Robustness of a decision: weight sensitivity, profile comparison and run diffs."""
