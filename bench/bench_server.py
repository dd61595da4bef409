"""`proofer serve` under load: 20 clients sending news stories to `/v2/check` at once.

Starts the installed `proofer serve` on a free loopback port, then runs three rounds of 20
clients. In the first two each client sends its next story as soon as the last is answered,
so 20 requests are always waiting: latency there is mostly queueing, 20 over throughput.

- fresh: every request a draft the server has not seen (each paragraph made new), so no
  paragraph is remembered: the cost of a first check. The stories' words come back, so
  after a worker's first sight of a story Harper no longer searches suggestions for its
  unknown names (most of a first sight's cost: seconds for a story full of names);
- edited: the stories sent again with one paragraph changed each time, as an editor's
  LanguageTool client re-sends the whole draft after each edit;
- typing: what 20 writers at LanguageTool clients send. A client re-sends the whole draft
  when its writer pauses, so each client here edits a paragraph, sends, and after the
  answer waits a pause of 0.5 to 2.5 seconds before the next edit;
- mixed: 4 clients send long drafts (every story in one, about 4,000 words) back to back
  while 16 writers' clients send the paragraph being edited after each pause, as
  LibreOffice does: the paragraphs' latency, which long drafts queued ahead would add to.

Prints latency (p50, p99) and throughput for each, and the server's CPU time per request
(its own process and its workers): latency and throughput depend on what else the machine
is doing, CPU time much less. Then raw Harper's time per story in the same run (one linter,
one thread), with what that allows on this machine's cores. The clients share the machine
with the server, as a desk's browsers would not.

    python bench/bench_server.py [--requests N]
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import harper
import psutil
import requests

from bench.corpus import stories, words

CLIENTS = 20
PAUSE = (0.5, 2.5)  # seconds a writer pauses before the client re-sends the draft


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def start_server(port: int, log: Path) -> subprocess.Popen[bytes]:
    proofer = Path(sys.executable).with_name("proofer")
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(proofer), "serve", "--port", str(port), "--timeout", "120"],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise SystemExit(f"the server exited:\n{log.read_text()}")
            try:
                if requests.get(f"http://127.0.0.1:{port}/health", timeout=1).ok:
                    return process
            except requests.RequestException:
                time.sleep(0.2)
        raise SystemExit(f"the server did not start:\n{log.read_text()}")
    except BaseException:
        process.terminate()  # never leave a server behind
        raise


def fresh(text: str, n: int) -> str:
    """The story with every paragraph changed: a sentence of its own added to each."""
    lines = text.split("\n")
    return "\n".join(f"{p} Update {n}.{i} followed." if p.strip() else p
                     for i, p in enumerate(lines))  # fmt: skip


def edited(text: str, n: int) -> str:
    """The story with one paragraph changed, as after one edit."""
    paragraphs = text.split("\n")
    filled = [i for i, p in enumerate(paragraphs) if p.strip()]
    i = filled[n % len(filled)]
    paragraphs[i] += f" Update {n} followed."
    return "\n".join(paragraphs)


def typing(text: str, n: int) -> str:
    """The story with one paragraph changed (an edit the edited round did not make)."""
    return edited(text, n + 100_000)


def cpu_seconds(server: psutil.Process) -> float:
    """CPU time used so far by the server and its checking processes."""
    times = [p.cpu_times() for p in (server, *server.children())]
    return sum(t.user + t.system for t in times)


def load(
    url: str,
    server: psutil.Process,
    texts: list[str],
    make: Callable[[str, int], str],
    total: int,
    paced: bool = False,
) -> None:
    """``total`` requests from ``CLIENTS`` clients; ``paced``: each waits a writer's pause
    (``PAUSE``) before each request."""
    rng = random.Random(13)
    pauses = [rng.uniform(*PAUSE) if paced else 0.0 for _ in range(total)]

    def client(k: int) -> list[float]:
        session = requests.Session()
        latencies = []
        for n in range(k, total, CLIENTS):
            time.sleep(pauses[n])
            body = {"text": make(texts[n % len(texts)], n), "language": "en-US"}
            started = time.perf_counter()
            reply = session.post(f"{url}/v2/check", data=body, timeout=300)
            latencies.append(time.perf_counter() - started)
            if reply.status_code != 200 or "matches" not in reply.json():
                raise SystemExit(f"request {n}: {reply.status_code} {reply.text[:200]}")
        return latencies

    cpu = cpu_seconds(server)
    started = time.perf_counter()
    with ThreadPoolExecutor(CLIENTS) as clients:
        latencies = sorted(t for ts in clients.map(client, range(CLIENTS)) for t in ts)
    wall = time.perf_counter() - started
    cpu_ms = (cpu_seconds(server) - cpu) / total * 1000
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000
    print(f"{make.__name__:>8} {total:>9} {p50:>8.0f} {p99:>8.0f} {total / wall:>10.1f} "
          f"{cpu_ms:>10.1f}")  # fmt: skip


def mixed(url: str, server: psutil.Process, texts: list[str], total: int) -> None:
    """``total`` paragraphs from 16 paced clients while 4 others keep long drafts coming."""
    long_clients = 4
    paragraphs = [p for t in texts for p in t.split("\n") if p.strip()]
    rng = random.Random(13)
    pauses = [rng.uniform(*PAUSE) for _ in range(total)]
    stop = threading.Event()

    def post(session: requests.Session, text: str) -> float:
        started = time.perf_counter()
        reply = session.post(f"{url}/v2/check", data={"text": text, "language": "en-US"},
                             timeout=300)  # fmt: skip
        if reply.status_code != 200 or "matches" not in reply.json():
            raise SystemExit(f"{reply.status_code} {reply.text[:200]}")
        return time.perf_counter() - started

    def drafts(k: int) -> None:
        session, n = requests.Session(), k
        while not stop.is_set():
            post(session, "\n".join(edited(t, n) for t in texts))
            n += long_clients

    def writer(k: int) -> list[float]:
        session = requests.Session()
        latencies = []
        for n in range(k, total, CLIENTS - long_clients):
            time.sleep(pauses[n])
            latencies.append(post(session, f"{paragraphs[n % len(paragraphs)]} Update {n}."))
        return latencies

    cpu = cpu_seconds(server)
    started = time.perf_counter()
    with ThreadPoolExecutor(CLIENTS) as clients:
        busy = [clients.submit(drafts, k) for k in range(long_clients)]
        waits = clients.map(writer, range(CLIENTS - long_clients))
        latencies = sorted(t for ts in waits for t in ts)
        stop.set()
        for b in busy:
            b.result()
    wall = time.perf_counter() - started
    cpu_ms = (cpu_seconds(server) - cpu) / total * 1000
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000
    print(f"{'mixed':>8} {total:>9} {p50:>8.0f} {p99:>8.0f} {total / wall:>10.1f} "
          f"{cpu_ms:>10.1f}  (the paragraphs; CPU includes the drafts)")  # fmt: skip


def raw_harper(texts: list[str], threads: int) -> tuple[float, float, float]:
    """Raw Harper on fresh stories: median ms per story on one thread (and its CPU time),
    and stories per second with one linter per thread on ``threads`` threads at once (the
    same ceiling the server's workers share, under whatever else the machine is doing)."""
    linters = [harper.Linter(harper.Dialect.AMERICAN) for _ in range(threads)]
    for linter in linters:
        linter.lint("Kushiyara", language="plaintext")  # builds the suggestion index once
    times = []
    cpu = time.thread_time()
    for n, text in enumerate(texts * 3):
        started = time.perf_counter()
        linters[0].organized_lints(fresh(text, n), language="plaintext", dedup=False)
        times.append(time.perf_counter() - started)
    cpu_ms = (time.thread_time() - cpu) / len(times) * 1000

    def share(k: int) -> None:
        for n, text in enumerate(texts * 3):
            linters[k].organized_lints(fresh(text, 1000 * (k + 1) + n), language="plaintext",
                                       dedup=False)  # fmt: skip

    started = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(share, range(threads)))
    rate = threads * len(texts) * 3 / (time.perf_counter() - started)
    return statistics.median(times) * 1000, cpu_ms, rate


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200, help="per round (200)")
    args = parser.parse_args()
    texts = [s.text for s in stories()]
    mean_words = sum(words(t) for t in texts) / len(texts)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        server = start_server(port, Path(tmp) / "server.log")
        process = psutil.Process(server.pid)
        try:
            url = f"http://127.0.0.1:{port}"
            busy = os.getloadavg()[0]
            print(f"proofer serve, {CLIENTS} clients, stories of {mean_words:.0f} words on "
                  f"average, {cores} cores (load average {busy:.1f} before the run)\n")  # fmt: skip
            print(f"{'round':>8} {'requests':>9} {'p50 ms':>8} {'p99 ms':>8} {'requests/s':>10} "
                  f"{'CPU ms/req':>10}")  # fmt: skip
            load(url, process, texts, fresh, args.requests)
            load(url, process, texts, edited, args.requests)
            load(url, process, texts, typing, args.requests, paced=True)
            mixed(url, process, texts, args.requests)
        finally:
            server.terminate()
            server.wait(timeout=30)
    harper_ms, harper_cpu, rate = raw_harper(texts, cores or 1)
    print(f"\nraw Harper on the same fresh stories: {harper_ms:.0f} ms per story on one "
          f"thread ({harper_cpu:.0f} ms CPU); {rate:.1f} stories/s on {cores} threads")  # fmt: skip


if __name__ == "__main__":
    main()
