"""The offline mailbox: a Google Takeout mbox in, drafts as .eml files out."""
