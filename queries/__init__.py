"""The query library (one question per .rq file), shipped as package data: see graph.resources."""
