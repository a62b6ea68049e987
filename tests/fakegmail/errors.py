"""Google-style API errors for the fake Gmail server."""

from __future__ import annotations

from typing import Any

JsonDict = dict[str, Any]

STATUS_NAMES: dict[int, str] = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    409: "ABORTED",
    412: "FAILED_PRECONDITION",
    429: "RESOURCE_EXHAUSTED",
    500: "INTERNAL",
    502: "UNAVAILABLE",
    503: "UNAVAILABLE",
    504: "DEADLINE_EXCEEDED",
}

REASON_MESSAGES: dict[str, str] = {
    "rateLimitExceeded": "Rate Limit Exceeded",
    "userRateLimitExceeded": "User-rate limit exceeded",
    "quotaExceeded": "Quota exceeded for quota metric 'Queries'",
    "concurrentLimitExceeded": "Too many concurrent requests for user",
    "backendError": "Backend Error",
    "internalError": "Internal error encountered.",
    "notFound": "Requested entity was not found.",
    "failedPrecondition": "Precondition check failed.",
    "forbidden": "Forbidden",
    "authError": "Invalid Credentials",
}

HTTP_REASONS: dict[int, str] = {
    200: "OK",
    204: "No Content",
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    409: "Conflict",
    412: "Precondition Failed",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


class ApiError(Exception):
    """An error answered in Google's JSON error shape."""

    def __init__(
        self,
        status: int,
        message: str | None = None,
        reason: str = "badRequest",
        *,
        headers: dict[str, str] | None = None,
        extra: JsonDict | None = None,
    ) -> None:
        self.status = status
        self.reason = reason
        self.message = message or REASON_MESSAGES.get(reason, HTTP_REASONS.get(status, "Error"))
        self.headers = dict(headers or {})
        self.extra = dict(extra or {})
        super().__init__(f"{status} {reason}: {self.message}")

    def body(self) -> JsonDict:
        detail: JsonDict = {"message": self.message, "domain": "global", "reason": self.reason}
        detail.update(self.extra)
        return {
            "error": {
                "code": self.status,
                "message": self.message,
                "errors": [detail],
                "status": STATUS_NAMES.get(self.status, "UNKNOWN"),
            }
        }


def bad_request(message: str, reason: str = "invalidArgument") -> ApiError:
    return ApiError(400, message, reason)


def not_found() -> ApiError:
    return ApiError(404, None, "notFound")


def unauthenticated() -> ApiError:
    return ApiError(
        401,
        "Request had invalid authentication credentials. Expected OAuth 2 access token, "
        "login cookie or other valid authentication credential. "
        "See https://developers.google.com/identity/sign-in/web/devconsole-project.",
        "authError",
        headers={"WWW-Authenticate": 'Bearer realm="https://accounts.google.com/"'},
        extra={"location": "Authorization", "locationType": "header"},
    )
