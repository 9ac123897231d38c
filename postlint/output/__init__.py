"""Formatters: one per module; they render results and never filter."""
FORMATS = ("text", "json", "jsonl", "github", "sarif")


class NullWriter:
    """Renders nothing (used while recording a baseline)."""

    def post(self, res) -> None:
        pass

    def problem(self, prob) -> None:
        pass

    def close(self, summary: dict, errors: list[str]) -> None:
        pass
