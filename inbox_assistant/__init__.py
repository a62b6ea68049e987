"""inbox-assistant: drafts the follow-ups a job search needs, for you to review in Gmail."""

__version__ = "0.1.0"
