"""A checker that stays warm between commands, as mypy's dmypy and eslint_d do.

``proofer check --daemon`` hands its arguments to a background process for this user,
started on first use, which keeps Harper, the lists and the settings loaded; the output and
exit status are those of the same command run in-process. The daemon listens on a Unix
socket in a folder only this user can enter, checks one request at a time, and exits after
a while idle. ``proofer daemon status`` and ``proofer daemon stop`` manage it.

The client half of this module imports nothing but the standard library, so a warm check
costs a Python start-up and a round trip, not the engine's imports.
"""

from __future__ import annotations

import base64
import contextlib
import io
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

IDLE_SECONDS = 15 * 60
_START_WAIT = 30.0  # seconds a client waits for a new daemon to listen
_PROTOCOL = 1


def socket_path() -> Path:
    """This user's daemon socket, in a folder only the user can enter."""
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    folder = Path(runtime) / "proofer" if runtime else Path(tempfile.gettempdir())
    if not runtime:
        folder = folder / f"proofer-{os.getuid()}"
    return folder / "daemon.sock"


# The client: standard library only.


def run_client(argv: Sequence[str]) -> int:
    """Run ``proofer ARGV`` through the daemon, starting it if needed; the exit status.

    Falls back to checking in this process when no daemon can be had, so the answer is
    always the same as without ``--daemon``.
    """
    args = [a for a in argv if a != "--daemon"]
    request: dict[str, Any] = {
        "protocol": _PROTOCOL,
        "version": _version(),
        "argv": args,
        "cwd": os.getcwd(),
        "env": {k: os.environ[k] for k in ("NO_COLOR", "XDG_CONFIG_HOME") if k in os.environ},
        "tty": sys.stdout.isatty(),
    }
    if "-" in args[1:]:
        request["stdin"] = base64.b64encode(sys.stdin.buffer.read()).decode()
    reply = _ask(request, start=True)
    if reply is None or reply.get("restart"):
        if reply is not None:  # a daemon of another version: replace it
            stop()
            reply = _ask(request, start=True)
        if reply is None or reply.get("restart"):
            from proofer.cli import main

            return main(args)
    sys.stdout.write(reply["stdout"])
    sys.stderr.write(reply["stderr"])
    return int(reply["status"])


def status() -> str:
    """One line: whether the daemon runs, its process id, version and uptime."""
    reply = _ask({"protocol": _PROTOCOL, "command": "status"}, start=False)
    if reply is None:
        return "proofer daemon: not running"
    return (
        f"proofer daemon: running (pid {reply['pid']}, version {reply['version']}, "
        f"up {reply['uptime']:.0f} s, {reply['served']} checks, socket {socket_path()})"
    )


def stop() -> bool:
    """Ask the daemon to exit; True if one was running."""
    return _ask({"protocol": _PROTOCOL, "command": "stop"}, start=False) is not None


def _ask(request: dict[str, Any], start: bool) -> dict[str, Any] | None:
    path = socket_path()
    deadline = time.monotonic() + _START_WAIT
    started = False
    while True:
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
                conn.connect(str(path))
                _send(conn, request)
                reply: dict[str, Any] = json.loads(_receive(conn))
                return reply
        except (FileNotFoundError, ConnectionRefusedError):
            if not start or time.monotonic() > deadline:
                return None
            if not started:
                _spawn()
                started = True
            time.sleep(0.05)
        except (OSError, ValueError):
            return None


def _spawn() -> None:
    """Start the daemon in its own session, detached from this terminal."""
    subprocess.Popen(
        [sys.executable, "-m", "proofer", "daemon", "run"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        close_fds=True,
    )


def _send(conn: socket.socket, message: dict[str, Any]) -> None:
    conn.sendall(json.dumps(message).encode() + b"\n")


def _receive(conn: socket.socket) -> bytes:
    chunks: list[bytes] = []
    while not chunks or not chunks[-1].endswith(b"\n"):
        chunk = conn.recv(1 << 16)
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks)


def _version() -> str:
    """The package's version and when its code last changed: a daemon running older code
    than the client's (an upgrade, an edit in a checkout) is replaced, never asked."""
    import proofer

    folder = Path(proofer.__file__).parent
    newest = max(p.stat().st_mtime_ns for p in folder.rglob("*.py"))
    return f"{proofer.__version__}+{newest}"


# The daemon.


def serve(run: Callable[[list[str]], int], idle_seconds: float = IDLE_SECONDS) -> int:
    """Answer requests on the socket until idle for ``idle_seconds`` or told to stop.

    ``run`` is the command line's entry point, called in this process with each request's
    arguments; it keeps its proofreaders warm between calls.
    """
    path = socket_path()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(path.parent, 0o700)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
    except OSError:
        try:  # a socket left by a daemon that died: take it over if nobody answers
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
                probe.connect(str(path))
            return 0  # another daemon is already serving
        except OSError:
            path.unlink(missing_ok=True)
            server.bind(str(path))
    server.listen(16)
    server.settimeout(idle_seconds)
    started, served = time.monotonic(), 0
    try:
        while True:
            try:
                conn, _ = server.accept()
            except TimeoutError:
                return 0  # idle: exit, the next client starts a new one
            with conn:
                request = json.loads(_receive(conn) or b"{}")
                command = request.get("command", "check")
                if command == "status":
                    reply = {"pid": os.getpid(), "version": _version(),
                             "uptime": time.monotonic() - started, "served": served}  # fmt: skip
                elif command == "stop":
                    _send(conn, {"stopping": True})
                    return 0
                elif request.get("version") != _version():
                    reply = {"restart": True}
                else:
                    reply = _run_request(run, request)
                    served += 1
                _send(conn, reply)
    finally:
        server.close()
        path.unlink(missing_ok=True)


def _run_request(run: Callable[[list[str]], int], request: dict[str, Any]) -> dict[str, Any]:
    """Run one command as if in the client's folder, with its input, capturing its output."""
    out, err = io.StringIO(), io.StringIO()
    stdin = io.TextIOWrapper(io.BytesIO(base64.b64decode(request.get("stdin", ""))))
    saved_env = {k: os.environ.get(k) for k in ("NO_COLOR", "XDG_CONFIG_HOME")}
    cwd = os.getcwd()
    try:
        os.chdir(request["cwd"])
        for key in saved_env:
            os.environ.pop(key, None)
        os.environ.update(request.get("env", {}))
        with _swapped_streams(stdin, out, err, tty=bool(request.get("tty"))):
            try:
                status = run(list(request["argv"]))
            except SystemExit as exc:  # argparse's --help and usage errors
                status = exc.code if isinstance(exc.code, int) else 2
    except OSError as exc:
        err.write(f"proofer: {request.get('cwd')}: {exc.strerror or exc}\n")
        status = 2
    finally:
        os.chdir(cwd)
        for key, value in saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return {"stdout": out.getvalue(), "stderr": err.getvalue(), "status": status}


class _Output(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


@contextlib.contextmanager
def _swapped_streams(stdin: io.TextIOWrapper, out: io.StringIO, err: io.StringIO, tty: bool) -> Any:
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin = stdin
    stdout, stderr = _Output(tty), _Output(False)
    sys.stdout, sys.stderr = stdout, stderr
    try:
        yield
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
        out.write(stdout.getvalue())
        err.write(stderr.getvalue())
