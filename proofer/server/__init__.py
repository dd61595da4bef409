"""``proofer serve``: the desk's checks over HTTP, in LanguageTool's protocol and Proofer's own.

Every LanguageTool client (the browser add-on, LibreOffice, Obsidian, scripts using
``language_tool_python``) can be pointed at this server. Needs the ``server`` extra
(Starlette and uvicorn).
"""

from __future__ import annotations

import ipaddress
import logging
import os
import socket
import sys
from dataclasses import dataclass, field
from functools import partial

import uvicorn

from proofer import __version__
from proofer.config import Config
from proofer.engines.harper import HarperEngine
from proofer.proofreader import Proofreader
from proofer.server.app import Checkers, Limits, create_app

__all__ = ["Limits", "Options", "serve"]

log = logging.getLogger("proofer.server")
# Paragraphs whose Harper lints each checking process keeps: clients re-send the whole draft
# after every edit, so most paragraphs of a request were seen in the one before.
_PARAGRAPHS = 4096


@dataclass(frozen=True)
class Options:
    """Where the server listens and how much it takes on."""

    host: str = "127.0.0.1"
    port: int = 8081  # LanguageTool's own default, which its clients offer as "local server"
    workers: int = 0  # checking processes; 0 means one per core
    limits: Limits = field(default_factory=Limits)


def default_workers() -> int:
    """One checking process per core this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def serve(config: Config, options: Options) -> int:
    """Listen, build the checkers (raises ``ConfigError`` for unreadable lists), then serve
    until interrupted. Returns the exit status: 2 when the address cannot be had."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    # The form parser's own complaints would be a second line for one request; the 400
    # reply and its log line already say the form could not be read.
    logging.getLogger("python_multipart").setLevel(logging.ERROR)
    family = socket.AF_INET6 if ":" in options.host else socket.AF_INET
    listening = socket.socket(family, socket.SOCK_STREAM)
    listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        # Bound now, so a taken port is said at once; listening only once the checkers are
        # warm, so a client (or a load balancer) is refused rather than kept waiting.
        listening.bind((options.host, options.port))
    except OSError as exc:
        listening.close()
        print(f"proofer: cannot listen on {options.host}:{options.port} "
              f"({exc.strerror or exc})", file=sys.stderr)  # fmt: skip
        return 2
    with listening:
        workers = options.workers or default_workers()
        build = partial(_proofreader, config)
        proofreader = build()
        for problem in proofreader.entities.problems:
            log.warning("%s (line skipped)", problem)
        if options.limits.token is None and not _loopback(options.host):
            log.warning("listening on %s without a token: anyone who reaches it can use it",
                        options.host)  # fmt: skip
        checkers = Checkers(proofreader, build, workers)
        settings = config.source or "built-in defaults"
        log.info("proofer %s on http://%s:%d: %d checking processes, settings from %s",
                 __version__, options.host, options.port, workers, settings)  # fmt: skip
        server = uvicorn.Server(
            uvicorn.Config(
                create_app(checkers, options.limits),
                log_config=None,
                access_log=False,  # the app logs one line per request itself
                server_header=False,
                timeout_keep_alive=5,
                limit_concurrency=64 * workers,  # connections beyond it get 503 at once
            )
        )
        try:
            server.run(sockets=[listening])
        finally:
            checkers.close()  # when uvicorn stopped without shutting the app down
    return 0


def _proofreader(config: Config) -> Proofreader:
    return Proofreader(config, HarperEngine(recent=_PARAGRAPHS))


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
