"""Follow-up drafts: which template, what context, and the reply message itself."""
