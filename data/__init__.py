"""The curated facts (YAML), shipped as package data: see graph.resources."""
