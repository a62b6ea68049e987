"""The loopback HTTP transport of the fake: a ThreadingHTTPServer on 127.0.0.1, port 0."""

from __future__ import annotations

import json
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .errors import ApiError, JsonDict


@dataclass
class Reply:
    status: int
    body: bytes
    headers: dict[str, str]


def json_reply(status: int, body: JsonDict | None, headers: dict[str, str]) -> Reply:
    out = dict(headers)
    if body is None:
        return Reply(status, b"", out)
    out["Content-Type"] = "application/json; charset=UTF-8"
    return Reply(status, json.dumps(body).encode("utf-8"), out)


# (verb, request target, lower-case headers, body) -> reply
App = Callable[[str, str, dict[str, str], bytes], Reply]


class LoopbackServer(ThreadingHTTPServer):
    """Serves ``app`` on 127.0.0.1 (ephemeral port) from a daemon thread."""

    daemon_threads = True

    def __init__(self, app: App, errors: list[str]) -> None:
        super().__init__(("127.0.0.1", 0), _RequestHandler)
        self.app = app
        self.errors = errors
        self._thread = threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
        self._thread.join(timeout=5)


class _RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FakeGmail/1.0"
    disable_nagle_algorithm = True  # else headers + body writes meet delayed ACKs (~40 ms)

    def _serve(self) -> None:
        server = self.server
        assert isinstance(server, LoopbackServer)
        length = self.headers.get("Content-Length")
        body = self.rfile.read(int(length)) if length and length.isdigit() else b""
        headers = {name.lower(): value for name, value in self.headers.items()}
        try:
            reply = server.app(self.command, self.path, headers, body)
        except Exception:  # a bug in the fake itself: fail loudly
            detail = traceback.format_exc()
            server.errors.append(detail)
            reply = json_reply(500, ApiError(500, detail, "internalError").body(), {})
        self.send_response(reply.status)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        self.wfile.write(reply.body)

    do_GET = _serve
    do_POST = _serve
    do_PUT = _serve
    do_PATCH = _serve
    do_DELETE = _serve

    def log_message(self, format: str, *args: object) -> None:
        return
