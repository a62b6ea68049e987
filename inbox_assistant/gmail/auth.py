"""OAuth for an installed app: the consent flow, and the token file kept 0600.

Scopes are the least that reads mail and writes drafts: gmail.readonly + gmail.compose.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

from inbox_assistant.domain.errors import GmailAuthError, InputFileError

SCOPES = (
    "https://www.googleapis.com/auth/gmail.readonly",
    "https://www.googleapis.com/auth/gmail.compose",
)
# A loopback redirect for the copy-paste flow: nothing listens there, the user copies
# the address the browser shows (it carries the code).
PASTE_REDIRECT = "http://127.0.0.1:8765/"


def _client_config(credentials_file: Path, token_uri: str) -> dict[str, Any]:
    if not credentials_file.exists():
        raise GmailAuthError(
            f"{credentials_file} not found",
            hint="download the OAuth client (Desktop app) JSON from Google Cloud Console "
                 "and save it there; README.md, 'Gmail setup', shows how")
    try:
        config = json.loads(credentials_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputFileError(f"{credentials_file}: not a valid JSON file ({exc})") from None
    section = config.get("installed") if isinstance(config, dict) else None
    if not isinstance(section, dict) or not section.get("client_id"):
        raise InputFileError(
            f"{credentials_file}: not an OAuth client of type Desktop app",
            hint='create an OAuth client ID of type "Desktop app" and download its JSON')
    section["token_uri"] = token_uri
    return {"installed": section}


def authorize(
    credentials_file: Path,
    token_file: Path,
    token_uri: str,
    *,
    open_browser: bool,
    paste: Callable[[str], str] | None = None,
) -> list[str]:
    """Run the consent flow and save the token; return the scopes granted.

    With `paste`, no local server is started: `paste(url)` shows the URL to the user
    and returns the address their browser was redirected to.
    """
    from google_auth_oauthlib.flow import InstalledAppFlow

    flow = InstalledAppFlow.from_client_config(_client_config(credentials_file, token_uri),
                                               scopes=list(SCOPES))
    try:
        if paste is None:
            credentials = flow.run_local_server(port=0, open_browser=open_browser,
                                                authorization_prompt_message=(
                                                    "Open this address to allow access: {url}"))
        else:
            flow.redirect_uri = PASTE_REDIRECT
            url, _ = flow.authorization_url(access_type="offline", prompt="consent")
            answer = paste(url).strip()
            code = parse_qs(urlparse(answer).query).get("code", [answer])[0]
            flow.fetch_token(code=code)
            credentials = flow.credentials
    except Exception as exc:  # oauthlib and requests raise many types; all mean "not authorised"
        message = str(exc) or type(exc).__name__
        if "Scope has changed" in message:
            message = "some permissions were not granted (both Gmail boxes must be ticked)"
        raise GmailAuthError(f"authorisation failed: {message}",
                             hint="run `assistant auth` again") from None
    granted = sorted(set(credentials.granted_scopes or credentials.scopes or SCOPES))
    missing = [s for s in SCOPES if s not in granted]
    if missing:
        raise GmailAuthError(f"permission not granted: {', '.join(missing)}",
                             hint="run `assistant auth` again and tick every Gmail box")
    save_token(token_file, json.loads(credentials.to_json()))
    return granted


def save_token(path: Path, data: dict[str, Any]) -> None:
    """Write the token file atomically, 0600 from the moment it exists."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(path.name + ".tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(data, handle)
    temp.replace(path)


def load_credentials(token_file: Path, token_uri: str) -> Any:
    """Credentials from token.json, pointed at `token_uri`.

    Built by hand rather than with `Credentials.from_authorized_user_file`, which
    always resets token_uri to Google's and so could not be pointed elsewhere.
    """
    from google.oauth2.credentials import Credentials

    if not token_file.exists():
        raise GmailAuthError(f"{token_file} not found: Gmail is not connected yet")
    try:
        data = json.loads(token_file.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        expiry = data.get("expiry")
        expires = (datetime.fromisoformat(expiry.replace("Z", "+00:00")).astimezone(UTC)
                   .replace(tzinfo=None) if expiry else None)
        return Credentials(  # type: ignore[no-untyped-call]
            token=data.get("token"), refresh_token=data.get("refresh_token"),
            token_uri=token_uri, client_id=data.get("client_id"),
            client_secret=data.get("client_secret"), scopes=data.get("scopes") or list(SCOPES),
            expiry=expires,
        )
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise GmailAuthError(f"{token_file}: unreadable token file ({type(exc).__name__})"
                             ) from None
