"""Gmail: OAuth, reading threads and storing drafts through Google's API client."""
