"""``proofer serve``: the desk's checks over HTTP, in LanguageTool's protocol and Proofer's own.

Every LanguageTool client (the browser add-on, LibreOffice, Obsidian, scripts using
``language_tool_python``) can be pointed at this server. Needs the ``server`` extra
(Starlette and uvicorn).
"""

from __future__ import annotations

import ipaddress
import logging
import os
from dataclasses import dataclass, field

import uvicorn

from proofer import __version__
from proofer.config import Config
from proofer.engines.harper import HarperEngine
from proofer.proofreader import Proofreader
from proofer.server.app import Checkers, Limits, create_app

__all__ = ["Limits", "Options", "serve"]

log = logging.getLogger("proofer.server")
# Paragraphs whose Harper lints each checking thread keeps: clients re-send the whole draft
# after every edit, so most paragraphs of a request were seen in the one before.
_PARAGRAPHS = 4096


@dataclass(frozen=True)
class Options:
    """Where the server listens and how much it takes on."""

    host: str = "127.0.0.1"
    port: int = 8081  # LanguageTool's own default, which its clients offer as "local server"
    workers: int = 0  # checking threads; 0 means one per core
    limits: Limits = field(default_factory=Limits)


def default_workers() -> int:
    """One checking thread per core this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def serve(config: Config, options: Options) -> int:
    """Build the checkers (raises ``ConfigError`` for unreadable lists), then serve until
    interrupted. Returns the exit status."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    workers = options.workers or default_workers()
    proofreaders = [Proofreader(config, HarperEngine(_PARAGRAPHS)) for _ in range(workers)]
    for problem in proofreaders[0].entities.problems:
        log.warning("%s (line skipped)", problem)
    if options.limits.token is None and not _loopback(options.host):
        log.warning("listening on %s without a token: anyone who reaches it can use it",
                    options.host)  # fmt: skip
    checkers = Checkers(proofreaders)
    settings = config.source or "built-in defaults"
    log.info("proofer %s: %d checking threads, settings from %s", __version__, workers, settings)
    try:
        uvicorn.run(
            create_app(checkers, options.limits),
            host=options.host,
            port=options.port,
            log_config=None,
            access_log=False,  # the app logs one line per request itself
            server_header=False,
            timeout_keep_alive=5,
            limit_concurrency=64 * workers,  # connections beyond it get 503 at once
        )
    finally:
        checkers.close()
    return 0


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
