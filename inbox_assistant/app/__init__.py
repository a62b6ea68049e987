"""Use cases: scan, explain. They talk to mail, drafts and state through small ports."""
