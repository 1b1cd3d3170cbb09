"""Choose the whole portfolio at once: assignments under capacities, budgets and fairness."""
