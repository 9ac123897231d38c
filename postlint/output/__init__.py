"""Formatters: one per module; they render results and never filter."""
FORMATS = ("text", "json", "jsonl", "github", "sarif")
