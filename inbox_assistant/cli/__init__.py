"""The command line: parse, call the use case, print. One error boundary, no logic.

Each command lives in a module of its own; importing them registers them on `main`.
"""

from inbox_assistant.cli import auth, explain, rules, scan
from inbox_assistant.cli.main import main

__all__ = ["auth", "explain", "main", "rules", "scan"]
