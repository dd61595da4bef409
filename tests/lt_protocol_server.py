"""A local HTTP server that speaks LanguageTool's ``/v2/check`` protocol, for tests.

It is not LanguageTool: it answers with the matches a test gives it, computing their
offsets in UTF-16 units as the real server does, or misbehaves on purpose (slow, 500,
malformed JSON) so the adapter's failure handling can be tested against the real library.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Behaviour:
    """What the server does with the next requests."""

    mode: str = "ok"  # ok, slow, error, malformed
    # (text to find, rule id, category id, message, replacements)
    matches: list[tuple[str, str, str, str, list[str]]] = field(default_factory=list)
    delay: float = 5.0
    requests: list[dict[str, str]] = field(default_factory=list)


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _answer(text: str, behaviour: Behaviour) -> dict[str, object]:
    matches = []
    for needle, rule, category, message, replacements in behaviour.matches:
        start = text.find(needle)
        if start < 0:
            continue
        matches.append(
            {
                "message": message,
                "shortMessage": "",
                "replacements": [{"value": r} for r in replacements],
                "offset": _utf16_len(text[:start]),
                "length": _utf16_len(needle),
                "context": {"text": text, "offset": start, "length": len(needle)},
                "sentence": text,
                "rule": {
                    "id": rule,
                    "description": message,
                    "issueType": "misspelling",
                    "category": {"id": category, "name": category.title()},
                },
            }
        )
    return {"software": {"name": "LanguageTool"}, "language": {"code": "en-US"}, "matches": matches}


def _handler(behaviour: Behaviour) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def _send(self, status: int, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            if self.path.startswith("/v2/languages"):
                langs = [{"name": "English (US)", "code": "en", "longCode": "en-US"},
                         {"name": "English (GB)", "code": "en", "longCode": "en-GB"}]  # fmt: skip
                self._send(200, json.dumps(langs).encode())
            else:
                self._send(404, b"{}")

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", 0))
            form = urllib.parse.parse_qs(self.rfile.read(length).decode())
            params = {k: v[0] for k, v in form.items()}
            behaviour.requests.append(params)
            if behaviour.mode == "slow":
                time.sleep(behaviour.delay)
            if behaviour.mode == "error":
                self._send(500, b"Internal Server Error: java.lang.OutOfMemoryError")
            elif behaviour.mode == "malformed":
                self._send(200, b'{"matches": [')
            else:
                self._send(200, json.dumps(_answer(params.get("text", ""), behaviour)).encode())

    return Handler


@contextmanager
def lt_protocol_server(behaviour: Behaviour) -> Iterator[str]:
    """Serve on a free loopback port; yields the base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(behaviour))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
