"""The ontology (Turtle), shipped as package data: see graph.resources."""
