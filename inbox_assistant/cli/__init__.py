"""The command line: parse, call the use case, print. One error boundary, no logic.

Each command lives in a module of its own; importing them registers them on `main`.
"""

from inbox_assistant.cli import auth, drafts, explain, rules, scan
from inbox_assistant.cli.main import main

__all__ = ["auth", "drafts", "explain", "main", "rules", "scan"]
