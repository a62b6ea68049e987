"""From MIME to the domain: the parsing both mail adapters (Gmail, mbox) share."""
