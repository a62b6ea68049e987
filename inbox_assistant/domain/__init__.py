"""The domain: threads, messages, situations, windows and verdicts. Pure data and functions."""
