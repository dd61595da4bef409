"""The HTTP server: Starlette routes over a pool of checking threads, run by uvicorn.

Each checking thread owns one Proofreader (and so its own Harper linters, which are not
thread-safe), built and warmed before the server accepts a request. The event loop only
parses requests and sends replies; every check runs on the pool, under a time limit.
Nothing is kept between requests apart from the engine's caches, so any number of these
servers can stand behind a load balancer.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import queue
import threading
import time
from collections.abc import Awaitable, Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from proofer import __version__
from proofer.config import DIALECTS
from proofer.document import Document
from proofer.proofreader import Proofreader
from proofer.report import FileResult, as_json
from proofer.rules import Rule
from proofer.server import protocol
from proofer.server.protocol import ProtocolError

log = logging.getLogger("proofer.server")
T = TypeVar("T")
Handler = Callable[[Request], Awaitable[Response]]

# A check of a short text with an unknown word: builds the linters and Harper's suggestion
# index (a second, once per thread) before the first client waits for them.
_WARM_UP = "Proofer warms up its checkers on this sentance before taking requests."


@dataclass(frozen=True)
class Limits:
    """What one request may cost."""

    max_body: int = 1_000_000  # bytes; a larger body gets 413 before it is read
    timeout: float = 10.0  # seconds for reading the request and checking it; then 503
    token: str | None = None  # when set, checks need it (see README: Bearer, token, apiKey)
    # Web pages and web views allowed to call from a browser (CORS); "*" for any.
    allow_origins: tuple[str, ...] = ()


class _Worker(threading.local):
    proofreader: Proofreader
    rules: dict[str, Rule]


class Checkers:
    """A pool of threads, each holding its own Proofreader, built and warmed at start."""

    def __init__(self, proofreaders: list[Proofreader]) -> None:
        waiting: queue.SimpleQueue[Proofreader] = queue.SimpleQueue()
        for proofreader in proofreaders:
            waiting.put(proofreader)
        self._worker = _Worker()
        self.size = len(proofreaders)
        self._pool = ThreadPoolExecutor(
            self.size,
            thread_name_prefix="proofer-check",
            initializer=self._adopt,
            initargs=(waiting,),
        )
        # One warm-up job per thread; the barrier keeps any thread from taking two, so
        # every thread exists and is warm when this returns.
        barrier = threading.Barrier(self.size)
        for job in [self._pool.submit(self._warm, barrier) for _ in range(self.size)]:
            job.result()

    def _adopt(self, waiting: queue.SimpleQueue[Proofreader]) -> None:
        self._worker.proofreader = waiting.get_nowait()
        self._worker.rules = self._worker.proofreader.rules

    def _warm(self, barrier: threading.Barrier) -> None:
        barrier.wait()
        # The desk's own setting, and the two variants clients ask for most.
        for dialect in (None, "american", "british"):
            self._worker.proofreader.check(Document(_WARM_UP), dialect)

    async def run(self, job: Callable[[Proofreader, dict[str, Rule]], T]) -> T:
        """Run ``job(proofreader, rules)`` on a free thread; a job still queued when the
        caller gives up (the time limit) is dropped without running."""
        future = self._pool.submit(lambda: job(self._worker.proofreader, self._worker.rules))
        return await asyncio.wrap_future(future)

    def close(self) -> None:
        """Finish the running checks and stop the threads."""
        self._pool.shutdown(wait=True, cancel_futures=True)


class _TooLarge(Exception):
    pass


class _Unauthorised(Exception):
    pass


def create_app(checkers: Checkers, limits: Limits) -> ASGIApp:
    """The ASGI application: one log line per request, then the browser's cross-origin
    rules (when origins are allowed), then the size limit, then the routes."""

    async def lt_check(request: Request) -> Response:
        fields = await _fields(request, limits)
        check = protocol.parse_check(fields)

        def job(proofreader: Proofreader, rules: dict[str, Rule]) -> dict[str, Any]:
            report = proofreader.check(Document(check.text), check.dialect)
            incomplete = bool(report.notices)  # LanguageTool, when on, did not answer
            return protocol.reply(check, report.findings, report.dialect, rules, incomplete)

        return JSONResponse(await checkers.run(job))

    async def native_check(request: Request) -> Response:
        if request.headers.get("content-type", "").startswith("application/json"):
            fields = _json_fields(await request.body())
            _authorise(request, fields, limits)
        else:
            fields = await _fields(request, limits)
        text = fields.get("text")
        if text is None:
            raise ProtocolError("missing 'text'")
        dialect = fields.get("dialect")
        if dialect is not None and dialect not in DIALECTS:
            raise ProtocolError(f"'dialect' must be one of {', '.join(DIALECTS)}")
        doc = Document(text, fields.get("path", "-"))

        def job(proofreader: Proofreader, rules: dict[str, Rule]) -> str:
            return as_json([FileResult(doc, proofreader.check(doc, dialect).findings)])

        return Response(await checkers.run(job), media_type="application/json")

    async def languages(request: Request) -> Response:
        return JSONResponse(protocol.languages())

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok", "version": __version__, "workers": checkers.size})

    def limited(handler: Handler) -> Handler:
        """Answer within the time limit, and turn bad requests into one-line replies."""

        async def answer(request: Request) -> Response:
            try:
                return await asyncio.wait_for(handler(request), limits.timeout)
            except ProtocolError as exc:
                return _error(400, f"Error: {exc}")
            except _Unauthorised:
                return _error(401, "Error: this server needs its token", bearer=True)
            except _TooLarge:
                return _error(413, _too_large(limits))
            except asyncio.TimeoutError:
                return _error(503, f"Error: no answer within {limits.timeout:g} s; try again")

        return answer

    routes = [
        Route("/v2/check", limited(lt_check), methods=["GET", "POST"]),
        Route("/v2/languages", languages, methods=["GET"]),
        Route("/proofer/v1/check", limited(native_check), methods=["POST"]),
        Route("/health", health, methods=["GET"]),
        Route("/v2/healthcheck", health, methods=["GET"]),
    ]
    app: ASGIApp = _BodyLimit(Starlette(routes=routes), limits)
    if limits.allow_origins:
        app = CORSMiddleware(
            app,
            allow_origins=limits.allow_origins,
            allow_methods=("GET", "POST"),
            allow_headers=("Authorization", "Content-Type"),
        )
    return _AccessLog(app)


async def _fields(request: Request, limits: Limits) -> dict[str, str]:
    """The query's fields, overridden by the form's (LanguageTool takes either)."""
    fields = dict(request.query_params)
    if request.method == "POST":
        try:
            form = await request.form()
        except _TooLarge:
            raise
        except Exception as exc:  # the form parser's errors vary by content type
            raise ProtocolError(f"unreadable form ({exc})") from None
        for key, value in form.items():
            if isinstance(value, UploadFile):
                raise ProtocolError(f"'{key}' must be a text field, not a file")
            fields[key] = value
    _authorise(request, fields, limits)
    return fields


def _json_fields(body: bytes) -> dict[str, str]:
    try:
        parsed = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ProtocolError(f"the body is not JSON ({exc})") from None
    if not isinstance(parsed, dict) or not all(isinstance(v, str) for v in parsed.values()):
        raise ProtocolError('the body must be a JSON object of strings, {"text": ...}')
    return parsed


def _authorise(request: Request, fields: Mapping[str, str], limits: Limits) -> None:
    """With a token set, a check needs it: ``Authorization: Bearer T``, or a form field
    ``token`` or ``apiKey`` (the field LanguageTool's clients send their key in)."""
    if limits.token is None:
        return
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    offered = [given] if scheme.lower() == "bearer" else []
    offered += [fields[k] for k in ("token", "apiKey") if k in fields]
    expected = limits.token.encode()
    if not any(hmac.compare_digest(o.encode(), expected) for o in offered):
        raise _Unauthorised


def _error(status: int, message: str, bearer: bool = False) -> Response:
    headers = {"WWW-Authenticate": "Bearer"} if bearer else None
    return PlainTextResponse(message + "\n", status, headers=headers)


def _too_large(limits: Limits) -> str:
    return f"Error: the request is larger than this server takes ({limits.max_body:,} bytes)"


class _BodyLimit:
    """Refuses a body over the limit: at once when its Content-Length says so (nothing of
    it is read; the server discards what arrives), else when the count passes it."""

    def __init__(self, app: ASGIApp, limits: Limits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"0")
        if not declared.isdigit():
            await _error(400, "Error: bad Content-Length")(scope, receive, send)
            return
        if int(declared) > self.limits.max_body:
            await _error(413, _too_large(self.limits))(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limits.max_body:
                raise _TooLarge
            return message

        await self.app(scope, counted, send)


class _AccessLog:
    """One line per request: client, method, path, status, bytes sent, milliseconds."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status: int | None = None
        sent = 0

        async def noted(message: Message) -> None:
            nonlocal status, sent
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                sent += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, noted)
        except Exception as exc:
            # A failure in the engine: the client gets one line, the log one line.
            log.error("internal error on %s: %s: %s", scope["path"], type(exc).__name__, exc)
            if status is None:
                await _error(500, "Error: the check failed on the server")(scope, receive, noted)
        finally:
            host, port = scope.get("client") or ("-", 0)
            ms = (time.perf_counter() - started) * 1000
            log.info(
                '%s:%s "%s %s" %s %dB %.0fms',
                host, port, scope["method"], scope["path"], status, sent, ms,
            )  # fmt: skip
