"""The HTTP server: Starlette routes over a pool of checking processes, run by uvicorn.

The checks are mostly Python, which one process runs on one core at a time, so each core
gets a worker process with its own Proofreader, forked from one built and warmed before the
server accepts a request. The event loop only parses requests and sends replies; a worker
checks and encodes the reply, under a time limit. Nothing is kept between requests apart
from the engine's caches, so any number of these servers can stand behind a load balancer.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import heapq
import hmac
import itertools
import json
import logging
import multiprocessing
import signal
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import partial
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
from proofer.server import protocol
from proofer.server.protocol import CheckRequest, ProtocolError

log = logging.getLogger("proofer.server")
T = TypeVar("T")
Handler = Callable[[Request], Awaitable[Response]]
# A job waiting for a worker: when it would be done, its arrival, the job, its outcome.
_Waiting = tuple[float, int, Callable[[], Any], "asyncio.Future[Any]"]

_PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies
# What a character of draft costs a worker, about, on a core of the machine this was tuned
# on; only the order of waiting jobs depends on it.
_SECONDS_PER_CHAR = 15e-6
# A check of a short text with a misspelt word and a name nothing in Harper's dictionary is
# near: builds the linters, and what Harper builds the first time it searches suggestions
# for each kind of word (for the second kind, a second of work once per process), before
# the first client waits for them.
_WARM_UP = "Proofer warms up its checkers on this sentance by the Kushiyara before any request."


@dataclass(frozen=True)
class Limits:
    """What one request may cost."""

    max_body: int = 1_000_000  # bytes; a larger body gets 413 before it is read
    timeout: float = 10.0  # seconds for reading the request and checking it; then 503
    token: str | None = None  # when set, checks need it (see README: Bearer, token, apiKey)
    # Web pages and web views allowed to call from a browser (CORS); "*" for any.
    allow_origins: tuple[str, ...] = ()


# This process's proofreader. In a worker it is the server's warm one, inherited through the
# fork; where processes cannot fork, each worker builds and warms its own.
_proofreader: Proofreader | None = None


def warm(proofreader: Proofreader) -> None:
    """Check a sentence in the desk's own dialect and the two variants clients ask for most,
    so that their linters and Harper's suggestion tables are built before a client waits."""
    for dialect in (None, "american", "british"):
        proofreader.check(Document(_WARM_UP), dialect)


class Checkers:
    """A pool of worker processes, each checking with its own copy of ``proofreader``.

    The workers are forked from this process once it is warm, and share its memory until
    they write to it. A platform without ``fork`` starts each worker afresh, which calls
    ``build`` (so it must be picklable) for its own. All workers exist when this returns.
    """

    def __init__(
        self, proofreader: Proofreader, build: Callable[[], Proofreader], size: int
    ) -> None:
        global _proofreader
        self.size = size
        self._build = build
        self._fork = "fork" in multiprocessing.get_all_start_methods()
        if self._fork:
            warm(proofreader)
            _proofreader = proofreader
        self._pool = self._start()
        self._busy = 0  # jobs handed to the pool and not yet finished: at most one a worker
        self._waiting: list[_Waiting] = []
        self._arrivals = itertools.count()  # breaks ties in arrival order

    def _start(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("fork" if self._fork else "spawn")
        pool = ProcessPoolExecutor(
            self.size, mp_context=context, initializer=_adopt, initargs=(self._build,)
        )
        # One job per worker: with fork, the first forks them all; the rest wait for them.
        for job in [pool.submit(_ready) for _ in range(self.size)]:
            job.result()
        return pool

    async def run(self, job: Callable[..., T], size: int, *args: Any) -> T:
        """``job(*args)`` on a free worker. ``job`` and its arguments and result must be
        picklable: a module-level function of plain data.

        Waiting jobs go in order of when they would finish had they started on arrival,
        judging by ``size`` (characters): a short paragraph does not wait behind a long
        draft that came just before it, and a long draft waits at most about its own
        length. A job still waiting when its caller gives up (the time limit) never runs.
        """
        done: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        due = time.monotonic() + size * _SECONDS_PER_CHAR
        waiting: _Waiting = (due, next(self._arrivals), partial(job, *args), done)
        heapq.heappush(self._waiting, waiting)
        self._dispatch()
        return await done

    def _dispatch(self) -> None:
        while self._busy < self.size and self._waiting:
            *_, job, done = heapq.heappop(self._waiting)
            if done.cancelled():
                continue
            try:
                ran = self._pool.submit(job)
            except BrokenProcessPool:  # a worker died while the pool was idle
                self._replace(self._pool)
                ran = self._pool.submit(job)
            self._busy += 1
            ran.add_done_callback(partial(self._returned, done, self._pool))

    def _returned(self, done: asyncio.Future[Any], pool: Executor, ran: Future[Any]) -> None:
        # Called on the pool's own thread: hand the outcome to the event loop's.
        done.get_loop().call_soon_threadsafe(self._finished, ran, done, pool)

    def _finished(self, ran: Future[Any], done: asyncio.Future[Any], pool: Executor) -> None:
        self._busy -= 1
        error = ran.exception()
        if isinstance(error, BrokenProcessPool):
            self._replace(pool)  # the requests it was checking fail
        if not done.cancelled():
            if error is None:
                done.set_result(ran.result())
            else:
                done.set_exception(error)
        self._dispatch()

    def _replace(self, pool: Executor) -> None:
        """A fresh pool for one a worker of which died (killed, or a crash in the engine),
        unless that was done already."""
        if pool is self._pool:
            log.error("a checking process died; starting them again")
            pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._start()

    def close(self) -> None:
        """Finish the running checks and stop the workers."""
        self._pool.shutdown(wait=True, cancel_futures=True)


def _adopt(build: Callable[[], Proofreader]) -> None:
    global _proofreader
    # Ctrl-C reaches the whole process group: the server shuts the workers down itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform == "linux":
        # A server killed outright (kill -9) would leave its workers waiting for work forever.
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if _proofreader is None:
        _proofreader = build()
        warm(_proofreader)


def _ready() -> None:
    """Nothing: a job that makes a worker exist."""


def _worker() -> Proofreader:
    assert _proofreader is not None, "a check ran outside the checking processes"
    return _proofreader


def _lt_check(check: CheckRequest) -> bytes:
    """The ``/v2/check`` reply, encoded here in the worker to spare the event loop."""
    proofreader = _worker()
    report = proofreader.check(Document(check.text), check.dialect)
    incomplete = bool(report.notices)  # LanguageTool, when on, did not answer
    reply = protocol.reply(check, report.findings, report.dialect, proofreader.rules, incomplete)
    return json.dumps(reply, ensure_ascii=False, separators=(",", ":")).encode()


def _native_check(text: str, path: str, dialect: str | None) -> str:
    """The ``/proofer/v1/check`` reply: the ``check --format json`` contract."""
    doc = Document(text, path)
    return as_json([FileResult(doc, _worker().check(doc, dialect).findings)])


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
        reply = await checkers.run(_lt_check, len(check.text), check)
        return Response(reply, media_type="application/json")

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
        path = fields.get("path", "-")
        reply = await checkers.run(_native_check, len(text), text, path, dialect)
        return Response(reply, media_type="application/json")

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

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        # Here, not after uvicorn returns: on a signal it ends the process as it returns.
        checkers.close()

    app: ASGIApp = _BodyLimit(Starlette(routes=routes, lifespan=lifespan), limits)
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
