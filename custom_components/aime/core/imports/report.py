"""What an import did, counted by kind of row: its action's answer."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..models import IngestResult


@dataclass(slots=True)
class ImportReport:
    """Counts by kind of row (``plays``, ``links``…); ``skipped`` by kind, then reason."""

    read: Counter[str] = field(default_factory=Counter)  # files and records of an export
    imported: Counter[str] = field(default_factory=Counter)
    merged: Counter[str] = field(default_factory=Counter)
    skipped: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    cancelled: bool = False  # Stopped after a batch of plays: a later import completes it.

    def absorb(self, result: IngestResult) -> None:
        """Count what the store did with a batch of plays."""
        self.imported["plays"] += result.added
        self.merged["plays"] += result.merged
        if result.duplicates:
            self.skipped["plays"]["already_present"] += result.duplicates
        for rejected in result.rejected:
            self.skipped["plays"][rejected.reason] += 1

    def as_dict(self) -> dict[str, Any]:
        """Plain dicts, for an action's response (``cancelled`` only when it was)."""
        answer: dict[str, Any] = {
            "imported": dict(self.imported),
            "merged": dict(self.merged),
            "skipped": {kind: dict(reasons) for kind, reasons in self.skipped.items()},
        }
        if self.read:
            answer["read"] = dict(self.read)
        if self.cancelled:
            answer["cancelled"] = True
        return answer
