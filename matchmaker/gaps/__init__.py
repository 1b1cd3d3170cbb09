"""Unmet demand and the demand survey: what regions ask for that no project serves.

`unmet` picks the demands no project fits (the ranking's "no suitable project" answer)
and those served only weakly; `clustering` groups them by the themes read from their
text and by text similarity; `labels` names each group from its most characteristic
words; `clusters` assembles what a planner reads about each group; `draft` turns a group
into a project file to complete; `survey` counts the run's demands the way the study's
survey chapter does. Nothing here reads files, prints or reads the clock.
"""
