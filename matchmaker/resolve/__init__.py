"""The resolve stage: names in the documents become the ids and codes scoring reads.

Loading gives models that hold what people wrote (`완주군`, `전북특별자치도`, a former code);
everything after this stage reads only resolved values, resolved once per run:
- `demands`: each demand with its proposal, its region (a `Region`, not a name), its file
  and, for a resubmission, the demand it repeats;
- `catalog`: the catalog's own names (a province written by name in a project's
  eligibility) as codes.
Whatever fails to resolve is a Diagnostic, reported by the checks, never a silent guess.
"""
