"""`proofer serve`, started as its own process on a free loopback port, and called the way
LanguageTool's clients call it (raw HTTP, and the real `language_tool_python` library)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import language_tool_python
import psutil
import pytest
import requests

from bench.corpus import stories

PROOFER = Path(sys.executable).with_name("proofer")
SENTENCE = "Chilean Senator Sebastain Moreno spoke about the resumption of negoitations."


class Server:
    """A running `proofer serve` process and its base URL."""

    def __init__(self, tmp: Path, *args: str) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tmp / f"server-{self.port}.log"
        env = {**os.environ, "XDG_CONFIG_HOME": str(tmp / "xdg")}
        env.pop("PROOFER_SERVER_TOKEN", None)
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [str(PROOFER), "serve", "--port", str(self.port), *args],
                cwd=tmp,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        try:
            self._wait_until_healthy()
        except BaseException:
            self.stop()  # never leave a server behind, whatever went wrong
            raise

    def _wait_until_healthy(self) -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"the server exited: {self.log.read_text()}")
            try:
                if requests.get(f"{self.url}/health", timeout=1).ok:
                    return
            except requests.RequestException:
                time.sleep(0.2)
        raise AssertionError(f"the server did not start: {self.log.read_text()}")

    def log_once(self, line: str, times: int) -> str:
        """The log once ``line`` is in it ``times`` times: a request's line follows its reply."""
        deadline = time.monotonic() + 10
        while (log := self.log.read_text()).count(line) < times and time.monotonic() < deadline:
            time.sleep(0.05)
        return log

    def check(self, **fields: str) -> requests.Response:
        return requests.post(f"{self.url}/v2/check", data=fields, timeout=30)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("desk")
    (folder / "names.txt").write_text("Henriette Solbakken | Solbakken\n", encoding="utf-8")
    (folder / ".proofer.toml").write_text('entities = ["names.txt"]\n', encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, desk: Path) -> Iterator[Server]:
    # A generous time limit: the machine running the tests may be busy with other work.
    args = ("--desk", str(desk), "--workers", "2", "--timeout", "60")
    running = Server(tmp_path_factory.mktemp("serve"), *args)
    yield running
    running.stop()


def utf16_slice(text: str, offset: int, length: int) -> str:
    units = text.encode("utf-16-le")
    return units[2 * offset : 2 * (offset + length)].decode("utf-16-le")


def test_languages_lists_english(server: Server) -> None:
    languages = requests.get(f"{server.url}/v2/languages", timeout=10).json()
    assert {"en-US", "en-GB"} <= {lang["longCode"] for lang in languages}
    assert all(lang["code"] == "en" and lang["name"].startswith("English") for lang in languages)


def test_check_answers_in_languagetools_shape(server: Server) -> None:
    reply = server.check(text=SENTENCE, language="en-US").json()
    assert reply["language"]["code"] == "en-US"
    assert reply["language"]["detectedLanguage"]["code"] == "en-US"
    match = next(m for m in reply["matches"] if m["offset"] == SENTENCE.index("Sebastain"))
    assert match["length"] == len("Sebastain")
    assert match["replacements"][0] == {"value": "Sebastian"}
    assert "Sebastain" in match["message"] and match["shortMessage"]
    context = match["context"]
    assert context["text"][context["offset"] :][: context["length"]] == "Sebastain"
    assert match["sentence"] == SENTENCE
    assert match["type"]["typeName"]
    rule = match["rule"]
    assert rule["id"].startswith("spelling.") and rule["description"]
    assert rule["issueType"] == "misspelling"
    assert rule["category"]["id"] and rule["category"]["name"]


def test_offsets_count_utf16_units_after_emoji(server: Server) -> None:
    text = "Fans 🎉🎉 cheered. 𝒜 fan said the negoitations were over 🎉 at last."
    reply = server.check(text=text, language="en-US").json()
    spans = [utf16_slice(text, m["offset"], m["length"]) for m in reply["matches"]]
    assert "negoitations" in spans
    match = reply["matches"][spans.index("negoitations")]
    assert match["offset"] == text.index("negoitations") + 3  # two emoji and 𝒜 before it
    context = match["context"]
    assert utf16_slice(context["text"], context["offset"], context["length"]) == "negoitations"


def test_language_tool_python_finds_our_findings(server: Server) -> None:
    tool = language_tool_python.LanguageTool("en-US", remote_server=server.url)
    try:
        text = "Talks 🎉 resumed after the resumption of negoitations last month."
        matches = tool.check(text)
    finally:
        tool.close()
    found = {text[m.offset : m.offset + m.error_length]: m for m in matches}
    assert found["negoitations"].replacements[0] == "negotiations"
    assert found["negoitations"].rule_issue_type == "misspelling"


def test_the_desk_folder_settings_apply(server: Server) -> None:
    text = "Henriete Solbakken spoke first."
    matches = server.check(text=text, language="auto").json()["matches"]
    slip = next(m for m in matches if utf16_slice(text, m["offset"], m["length"]) == "Henriete")
    assert slip["replacements"][0]["value"] == "Henriette"


def test_language_chooses_the_dialect(server: Server) -> None:
    text = "The colour of the flag was grey, the organisers said."
    american = server.check(text=text, language="en-US").json()
    british = server.check(text=text, language="en-GB").json()
    assert any(m["rule"]["id"] == "spelling.dialect-mix" for m in american["matches"])
    assert british["matches"] == []
    assert british["language"]["code"] == "en-GB"


def test_annotated_data_offsets_count_in_the_text_sent(server: Server) -> None:
    annotation = [
        {"markup": "<p>"},
        {"text": "Talks 🎉 ended the "},
        {"markup": "<b>", "interpretAs": ""},
        {"text": "negoitations"},
        {"markup": "</b>"},
        {"text": " at last."},
        {"markup": "</p>", "interpretAs": "\n\n"},
    ]
    sent = "".join(a.get("text", a.get("markup", "")) for a in annotation)
    reply = server.check(data=json.dumps({"annotation": annotation}), language="en-US").json()
    spans = [utf16_slice(sent, m["offset"], m["length"]) for m in reply["matches"]]
    assert "negoitations" in spans


def test_rules_and_categories_can_be_turned_off(server: Server) -> None:
    def rules(**fields: str) -> set[str]:
        reply = server.check(text=SENTENCE, language="en-US", **fields).json()
        return {m["rule"]["id"] for m in reply["matches"]}

    everything = rules()
    assert {"spelling.name-typo", "spelling.unknown"} <= everything
    assert "spelling.unknown" not in rules(disabledRules="spelling.unknown")
    assert not rules(disabledRules="spelling.") & everything
    assert rules(enabledRules="spelling.unknown", enabledOnly="true") == {"spelling.unknown"}
    assert not rules(disabledCategories="TYPOS") & {"spelling.name-typo", "spelling.unknown"}


def test_native_endpoint_answers_with_the_check_json_contract(server: Server) -> None:
    text = "🎉 " + SENTENCE
    reply = requests.post(f"{server.url}/proofer/v1/check", json={"text": text}, timeout=30)
    assert reply.status_code == 200
    body = reply.json()
    assert body["version"] == 1
    findings = body["files"][0]["findings"]
    slip = next(f for f in findings if text[f["start"] : f["end"]] == "Sebastain")
    assert slip["suggestions"][0] == "Sebastian"
    assert {"line", "column", "category", "rule", "severity", "engine"} <= set(slip)
    form = requests.post(f"{server.url}/proofer/v1/check", data={"text": text}, timeout=30)
    assert form.json()["files"][0]["findings"] == findings


@pytest.mark.parametrize(
    ("fields", "says"),
    [
        ({"language": "en-US"}, "missing 'text'"),
        ({"text": "Hello.", "language": "de-DE"}, "checks English"),
        ({"text": "Hello."}, "missing 'language'"),
        ({"text": "Hello.", "language": "en-US", "level": "pedantic"}, "'level'"),
        ({"text": "Hello.", "data": "{}", "language": "en-US"}, "not both"),
        ({"data": "{not json", "language": "en-US"}, "not JSON"),
        ({"data": '{"annotation": [{"text": 3}]}', "language": "en-US"}, "item 0"),
        ({"text": "Hello.", "language": "en-US", "enabledOnly": "maybe"}, "enabledOnly"),
    ],
)
def test_malformed_requests_get_400_with_a_message(
    server: Server, fields: dict[str, str], says: str
) -> None:
    reply = server.check(**fields)
    assert reply.status_code == 400
    assert says in reply.text and reply.text.endswith("\n") and reply.text.count("\n") == 1


def test_native_endpoint_rejects_bad_json(server: Server) -> None:
    url = f"{server.url}/proofer/v1/check"
    headers = {"Content-Type": "application/json"}
    assert requests.post(url, data="{", headers=headers, timeout=10).status_code == 400
    assert requests.post(url, json={"text": 3}, timeout=10).status_code == 400
    bad_dialect = {"text": "x", "dialect": "klingon"}
    assert requests.post(url, json=bad_dialect, timeout=10).status_code == 400


def test_a_10_mb_body_gets_413(server: Server) -> None:
    reply = server.check(text="a" * 10_000_000, language="en-US")
    assert reply.status_code == 413
    # The answer comes from the headers alone: no byte of the body has been sent.
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as raw:
        raw.sendall(
            b"POST /v2/check HTTP/1.1\r\nHost: test\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n"
            b"Content-Length: 10485760\r\n\r\n"
        )
        assert raw.recv(200).startswith(b"HTTP/1.1 413 ")
    # A body with no declared length is counted as it arrives.
    chunks = (b"text=" + b"a" * 65536 for _ in range(200))
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    chunked = requests.post(f"{server.url}/v2/check", data=chunks, headers=form, timeout=30)
    assert chunked.status_code == 413
    assert server.check(text="Still here.", language="en-US").status_code == 200


def test_listens_on_loopback_only(server: Server) -> None:
    listening = [
        c.laddr
        for c in psutil.Process(server.process.pid).net_connections()
        if c.status == psutil.CONN_LISTEN
    ]
    assert listening and all(addr.ip == "127.0.0.1" for addr in listening)


@pytest.mark.parametrize("args", [["--desk", "no-such-desk"], ["--workers", "-1"], []])
def test_a_server_that_cannot_start_says_why_in_one_line(server: Server, args: list[str]) -> None:
    taken = ["--port", str(server.port)]  # the running server's port: already in use
    result = subprocess.run([str(PROOFER), "serve", *taken, *args],
                            capture_output=True, text=True, timeout=60)  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.startswith("proofer: ") and result.stderr.count("\n") == 1


def test_no_web_page_may_call_it_unless_allowed(server: Server) -> None:
    headers = {"Origin": "https://elsewhere.example", "Access-Control-Request-Method": "POST"}
    reply = requests.options(f"{server.url}/v2/check", headers=headers, timeout=10)
    assert "Access-Control-Allow-Origin" not in reply.headers


def test_one_log_line_per_request(server: Server) -> None:
    listed, refused = '"GET /v2/languages" 200', '"POST /v2/check" 400'
    before = server.log.read_text()
    for _ in range(3):
        requests.get(f"{server.url}/v2/languages", timeout=10)
    log = server.log_once(listed, before.count(listed) + 3)
    assert log.count(listed) == before.count(listed) + 3
    lines = len(log.splitlines())
    broken = {"Content-Type": "multipart/form-data; boundary=zz"}
    reply = requests.post(f"{server.url}/v2/check", data=b"garbage", headers=broken, timeout=10)
    assert reply.status_code == 400 and "form" in reply.text
    log = server.log_once(refused, before.count(refused) + 1)
    assert len(log.splitlines()) == lines + 1


def test_twenty_clients_two_hundred_requests_all_answered(server: Server) -> None:
    texts = [s.text for s in stories()]

    def one(i: int) -> tuple[int, int]:
        reply = server.check(text=texts[i % len(texts)], language="auto")
        return reply.status_code, len(reply.json()["matches"]) if reply.ok else -1

    with ThreadPoolExecutor(20) as clients:
        results = list(clients.map(one, range(200)))
    assert [status for status, _ in results] == [200] * 200
    # The same story gets the same answer however busy the server is.
    by_story: dict[int, set[int]] = {}
    for i, (_, count) in enumerate(results):
        by_story.setdefault(i % len(texts), set()).add(count)
    assert all(len(counts) == 1 for counts in by_story.values())
    assert requests.get(f"{server.url}/health", timeout=10).ok


def test_token_and_time_limit(tmp_path: Path) -> None:
    origin = "https://editor.example"
    guarded = Server(tmp_path, "--workers", "1", "--token", "s3cret", "--timeout", "1",
                     "--allow-origin", origin)  # fmt: skip
    try:
        assert guarded.check(text="Hello.", language="en-US").status_code == 401
        assert guarded.check(text="Hello.", language="en-US", token="wrong").status_code == 401
        assert guarded.check(text="Hello.", language="en-US", token="s3cret").ok
        assert guarded.check(text="Hello.", language="en-US", apiKey="s3cret").ok
        bearer = {"Authorization": "Bearer s3cret"}
        reply = requests.post(
            f"{guarded.url}/v2/check", data={"text": "Hi.", "language": "en"}, headers=bearer
        )
        assert reply.ok
        assert requests.get(f"{guarded.url}/health", timeout=10).ok
        # A browser's preflight from the allowed origin is answered; another is not allowed.
        asks = {"Access-Control-Request-Method": "POST"}
        preflight = requests.options(f"{guarded.url}/v2/check", headers={"Origin": origin, **asks})
        assert preflight.ok and preflight.headers["Access-Control-Allow-Origin"] == origin
        other = {"Origin": "https://elsewhere.example", **asks}
        assert not requests.options(f"{guarded.url}/v2/check", headers=other).ok
        # A draft far too long to check in a second is answered 503 in about a second.
        long_draft = "\n\n".join(s.text for s in stories()) * 12
        started = time.monotonic()
        slow = guarded.check(text=long_draft, language="en-US", token="s3cret")
        assert slow.status_code == 503 and "1 s" in slow.text
        assert time.monotonic() - started < 5
    finally:
        guarded.stop()


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_a_stopped_server_leaves_no_checking_process_behind(
    tmp_path: Path, how: signal.Signals
) -> None:
    running = Server(tmp_path, "--workers", "2")
    try:
        workers = psutil.Process(running.process.pid).children()
        assert len(workers) == 2
        assert running.check(text=SENTENCE, language="en-US").ok
        running.process.send_signal(how)
        running.process.wait(timeout=30)
        _, alive = psutil.wait_procs(workers, timeout=10)
        assert alive == []
    finally:
        running.stop()


def test_a_short_text_does_not_wait_behind_a_long_one(tmp_path: Path) -> None:
    # One checking process, busy with a long draft; then another long draft arrives, then
    # a paragraph. The paragraph is answered first.
    running = Server(tmp_path, "--workers", "1", "--timeout", "120")
    drafts = [s.text for s in stories()]
    long_ones = ["\n\n".join(drafts), "\n\n".join(reversed(drafts))]
    answered: list[str] = []

    def send(name: str, text: str, after: float) -> None:
        time.sleep(after)
        assert running.check(text=text, language="en-US").ok
        answered.append(name)

    try:
        sends = [
            ("first", long_ones[0], 0.0),
            ("second", long_ones[1], 0.1),
            ("short", SENTENCE, 0.2),
        ]
        with ThreadPoolExecutor(3) as clients:
            list(clients.map(lambda s: send(*s), sends))
        assert answered == ["first", "short", "second"]
    finally:
        running.stop()


def test_a_checking_process_that_dies_is_replaced(tmp_path: Path) -> None:
    running = Server(tmp_path, "--workers", "2")
    try:
        server = psutil.Process(running.process.pid)
        dead = server.children()[0]
        dead.kill()
        psutil.wait_procs([dead], timeout=10)
        statuses = [running.check(text=SENTENCE, language="en-US").status_code for _ in range(3)]
        # A request the dead process was checking gets 500; the rest are answered.
        assert set(statuses) <= {200, 500} and statuses[-2:] == [200, 200]
        assert len(server.children()) == 2 and dead not in server.children()
        assert "a checking process died" in running.log.read_text()
    finally:
        running.stop()
