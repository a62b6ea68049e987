"""Calls to Gmail: one request or a batch, paced, retried with backoff, errors mapped.

googleapiclient's own `num_retries` retries a single request but sleeps on its own
clock, and a batch does not retry its parts at all (each failed part reaches the
callback as an HttpError). So retrying is done here, for both, with an injected
sleep: per part, exponential backoff with jitter, Retry-After honoured, and the
batch size halved while Gmail pushes back.
"""

from __future__ import annotations

import json
import logging
import random
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from inbox_assistant.domain.errors import (
    GmailAuthError,
    GmailError,
    GmailRateLimited,
    GmailUnavailable,
)
from inbox_assistant.gmail.quota import Pacer, Usage, units_of

log = logging.getLogger(__name__)

# Gmail accepts 100 calls in a batch but rate-limits above 50.
MAX_BATCH = 50
MAX_ATTEMPTS = 6
BACKOFF_BASE = 1.0
BACKOFF_CAP = 32.0
_RATE_REASONS = frozenset({"rateLimitExceeded", "userRateLimitExceeded"})


@dataclass(frozen=True, slots=True)
class Call:
    """One API call to make: a key to find its answer by, the method name, the request."""

    key: Hashable
    method: str
    request: Any


class Unreachable(GmailError):
    """No answer at all (network down, timeout, connection reset): worth another try."""

    hint = "check the network; the next run carries on"


class NotFound(Exception):
    """Gmail answered 404 for this call (deleted meanwhile, or an expired history id)."""


def _reason(exc: Any) -> str:
    try:
        error = json.loads(exc.content.decode("utf-8"))["error"]
        errors = error.get("errors") or [{}]
        return str(errors[0].get("reason") or error.get("status") or "")
    except (ValueError, KeyError, IndexError, AttributeError, TypeError):
        return ""


def is_transient(exc: Any) -> bool:
    status = int(exc.resp.status)
    return status == 429 or status >= 500 or (status == 403 and _reason(exc) in _RATE_REASONS)


def retry_after(exc: Any) -> float | None:
    value = exc.resp.get("retry-after") if hasattr(exc.resp, "get") else None
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def map_error(exc: Any) -> AssistantErrorType:
    status = int(exc.resp.status)
    reason = _reason(exc)
    try:
        message = json.loads(exc.content.decode("utf-8"))["error"].get("message", "")
    except (ValueError, KeyError, AttributeError, TypeError):
        message = ""
    if status == 401:
        return GmailAuthError("Gmail refused the stored authorisation (401)")
    if status == 403 and reason in ("insufficientPermissions", "PERMISSION_DENIED", "forbidden",
                                    "ACCESS_TOKEN_SCOPE_INSUFFICIENT"):
        return GmailAuthError("Gmail permission missing: " + (message or reason))
    if status >= 500:
        return GmailUnavailable(f"Gmail kept failing: {status} {reason or message}".strip())
    if is_transient(exc):
        return GmailRateLimited(f"Gmail kept refusing: {status} {reason or message}".strip())
    return GmailError(f"Gmail answered {status}: {message or reason or 'error'}")


AssistantErrorType = GmailError | GmailAuthError


class GmailClient:
    """Executes calls against one Gmail service, counting what they cost."""

    def __init__(self, service: Any, http: Any, batch_uri: str, pacer: Pacer,
                 sleep: Callable[[float], None], rng: random.Random | None = None,
                 on_change: Callable[[], None] | None = None,
                 attempts: int = MAX_ATTEMPTS) -> None:
        self.service = service
        self.http = http
        self.batch_uri = batch_uri
        self.pacer = pacer
        self.sleep = sleep
        self.rng = rng or random.Random()
        self.usage = Usage()
        self.batch_size = MAX_BATCH
        self.on_change = on_change or (lambda: None)
        self.attempts = attempts

    def _backoff(self, attempt: int, hinted: float | None) -> None:
        delay = min(BACKOFF_CAP, BACKOFF_BASE * 2**attempt) * (0.5 + self.rng.random() / 2)
        if hinted is not None:
            delay = max(delay, hinted)
        self.usage.retries += 1
        self.sleep(delay)

    def execute(self, call: Call) -> Any:
        """One call; transient failures retried; NotFound for 404; our errors otherwise."""
        from googleapiclient.errors import HttpError

        for attempt in range(self.attempts):
            self.pacer.spend(units_of(call.method))
            self.usage.charge(call.method)
            self.usage.round_trips += 1
            try:
                return self._run(lambda: call.request.execute(http=self.http))
            except Unreachable:
                if attempt == self.attempts - 1:
                    raise
                self._backoff(attempt, None)
            except HttpError as exc:
                if int(exc.resp.status) == 404:
                    raise NotFound(call.method) from None
                if not is_transient(exc) or attempt == self.attempts - 1:
                    raise map_error(exc) from None
                self._backoff(attempt, retry_after(exc))
        raise AssertionError("unreachable")

    def batch(self, calls: Sequence[Call]) -> dict[Hashable, Any]:
        """Many calls in batches of at most 50; each answer, or NotFound, by key.

        Parts that fail transiently are sent again after a backoff, in smaller batches;
        a part still failing after every attempt fails the whole run.
        """
        from googleapiclient.errors import HttpError
        from googleapiclient.http import BatchHttpRequest

        results: dict[Hashable, Any] = {}
        pending = list(calls)
        attempt = 0
        # The last transient refusal, which names the failure once attempts run out.
        last_refusal: list[Any] = []
        while pending:
            chunk, pending = pending[: self.batch_size], pending[self.batch_size:]
            failed: list[Call] = []
            hinted: list[float] = []
            fatal: list[Any] = []
            by_id = {str(i): c for i, c in enumerate(chunk)}

            def callback(request_id: str, response: Any, exception: Any,
                         by_id: dict[str, Call] = by_id, failed: list[Call] = failed,
                         hinted: list[float] = hinted, fatal: list[Any] = fatal) -> None:
                call = by_id[request_id]
                if exception is None:
                    results[call.key] = response
                elif getattr(exception, "resp", None) is not None and int(
                        exception.resp.status) == 404:
                    results[call.key] = NotFound(call.method)
                elif getattr(exception, "resp", None) is not None and is_transient(exception):
                    last_refusal[:] = [exception]
                    failed.append(call)
                    after = retry_after(exception)
                    if after is not None:
                        hinted.append(after)
                else:
                    fatal.append(exception)

            batch = BatchHttpRequest(callback=callback, batch_uri=self.batch_uri)
            for request_id, call in by_id.items():
                self.pacer.spend(units_of(call.method))
                self.usage.charge(call.method)
                batch.add(call.request, request_id=request_id)
            self.usage.round_trips += 1
            try:
                self._run(partial(batch.execute, http=self.http))
            except Unreachable:
                if attempt + 1 >= self.attempts:
                    raise
                failed[:] = chunk
            except HttpError as exc:
                # The batch request as a whole was refused: every part of it is retried.
                if not is_transient(exc):
                    raise map_error(exc) from None
                last_refusal[:] = [exc]
                failed[:] = chunk
                after = retry_after(exc)
                if after is not None:
                    hinted.append(after)
            if fatal:
                raise map_error(fatal[0]) if hasattr(fatal[0], "resp") else GmailError(
                    f"Gmail batch failed: {type(fatal[0]).__name__}")
            if failed:
                attempt += 1
                if attempt >= self.attempts:
                    if last_refusal:
                        raise map_error(last_refusal[0])
                    raise GmailRateLimited(f"Gmail kept refusing {len(failed)} calls")
                # Under pressure: smaller batches, after a pause.
                self.batch_size = max(1, self.batch_size // 2)
                log.info("%d calls throttled; retrying in batches of %d", len(failed),
                         self.batch_size)
                self._backoff(attempt - 1, max(hinted) if hinted else None)
                pending = failed + pending
        return results

    def _run(self, action: Callable[[], Any]) -> Any:
        from google.auth.exceptions import RefreshError, TransportError
        from googleapiclient.errors import HttpError

        try:
            return action()
        except RefreshError as exc:
            text = str(exc)
            message = ("Gmail access was revoked or has expired" if "invalid_grant" in text
                       else "Gmail refused the stored authorisation")
            raise GmailAuthError(message) from None
        except HttpError:
            raise
        except (TimeoutError, TransportError, OSError) as exc:
            raise Unreachable(f"cannot reach Gmail: {type(exc).__name__}") from None
        finally:
            self.on_change()
