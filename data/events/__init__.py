"""Curated events, one YAML file per report, shipped as package data."""
