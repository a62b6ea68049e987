"""The command line: parse, call the use case, print. One error boundary, no logic.

Each command lives in a module of its own; importing them registers them on `main`.
"""

from inbox_assistant.cli import (
    auth,
    completion,
    doctor,
    drafts,
    explain,
    init,
    report,
    rules,
    scan,
    schedule,
    status,
)
from inbox_assistant.cli.main import main

__all__ = ["auth", "completion", "doctor", "drafts", "explain", "init", "main", "report",
           "rules", "scan", "schedule", "status"]
