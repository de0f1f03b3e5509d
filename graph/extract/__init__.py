"""Extraction: a new report in, candidate facts with their sentences out, for a person to review.

Pipeline order, one module per step: ``when`` (dates), ``gazetteer`` and
``names`` (mentions), ``entities`` (alias merging), ``triggers`` and
``claims`` (what happened, how firmly), ``events`` (dates, participants),
``report`` (the whole report), then ``formats`` (eval JSON, review sheet,
Turtle), ``review`` (accept into data/) and ``gold`` (the curated graph as
a gold standard).
"""
