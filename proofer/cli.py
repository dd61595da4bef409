"""``proofer check``: the pre-publish check writers run before they file.

Exit status: 0 nothing at or above ``--fail-on``, 1 findings at or above it, 2 a usage or
input error (one plain line on standard error, never a traceback).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

from proofer import __version__, batch, daemon, fix_targets, html_report
from proofer.config import (
    DIALECTS,
    FAIL_ON,
    QUOTE_STYLES,
    Config,
    ConfigError,
    for_draft,
    style_entry,
    with_desk,
)
from proofer.document import Document
from proofer.engines.harper import Dialect, HarperEngine
from proofer.examples import style_examples
from proofer.findings import Finding, Severity, apply_fixes
from proofer.formats import (
    READ_ONLY,
    READS,
    WRITES,
    DraftError,
    Kind,
    drafts_in,
    kind_of,
    read_draft,
    writable,
)
from proofer.formats.docx import AUTHOR, read_docx
from proofer.formats.docx import apply_fixes as apply_docx_fixes
from proofer.formats.docx import to_bytes as docx_bytes
from proofer.formats.text import decode, encode, write_atomically
from proofer.learn import learn
from proofer.markup import masked_spans
from proofer.proofreader import Proofreader, rule_book
from proofer.quotemarks import smart_quotes
from proofer.report import FileResult, as_github, as_json, as_text, summary
from proofer.review import hand_back

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_INPUT
    try:
        result: int = args.run(args)
        return result
    except (ConfigError, DraftError) as exc:
        _error(str(exc))
        return EXIT_INPUT
    except BrokenPipeError:
        raise  # the reader went away: the entry point stops quietly
    except OSError as exc:
        # A disk that fills or a file too large, met while reading or writing: one line.
        where = f"{exc.filename}: " if exc.filename else ""
        _error(f"{where}{exc.strerror or exc}")
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130


class _Parser(argparse.ArgumentParser):
    """argparse, with a bad argument told in one line (not the whole usage) and exit 2; every
    subcommand's parser is one of these, as ``add_subparsers`` makes them of its own class."""

    def error(self, message: str) -> NoReturn:
        print(f"{self.prog}: {message} (`{self.prog} --help` lists the options)", file=sys.stderr)
        raise SystemExit(EXIT_INPUT)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="proofer", description=__doc__.split("\n")[0])
    parser.add_argument("--version", action="version", version=f"proofer {__version__}")
    sub = parser.add_subparsers(dest="command")

    check = sub.add_parser("check", help="check drafts and report what is wrong")
    check.add_argument(
        "paths", nargs="+", help="drafts or folders of drafts to check; - reads standard input"
    )
    _add_check_options(check)
    check.add_argument("--format", choices=("text", "json", "github", "html"), default="text")
    check.add_argument("--fail-on", choices=FAIL_ON, help="lowest severity that fails (error)")
    check.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto", help="colour the text"
    )
    check.add_argument(
        "--daemon",
        action="store_true",
        help="check through a warm background checker (started on first use)",
    )
    check.set_defaults(run=_check)

    fix = sub.add_parser(
        "fix",
        help="apply the fixes that rules mark safe",
        description="Apply the fixes that rules mark safe, writing each draft in its own format. "
        "One draft: --output FILE (- for standard output). Several drafts, or folders (the "
        "drafts in them and their subfolders): --output-dir DIR, which mirrors the folders "
        "given, or --in-place. The drafts are fixed on every core; a draft that cannot be "
        "read or written is told in one line and the others are still fixed.",
    )
    fix.add_argument("paths", nargs="+", metavar="PATH", help="drafts or folders; - reads "
                     "standard input (with --output)")  # fmt: skip
    where = fix.add_mutually_exclusive_group(required=True)
    where.add_argument(
        "--output", "-o", metavar="FILE", help="where to write one draft; - for stdout"
    )
    where.add_argument(
        "--output-dir",
        type=Path,
        metavar="DIR",
        help="a folder to write the fixed drafts into (made if missing)",
    )
    where.add_argument(
        "--in-place",
        action="store_true",
        help="replace each draft with its fixed copy (atomically: a failed write leaves it whole)",
    )
    fix.add_argument(
        "--track-changes",
        action="store_true",
        help="Word (.docx): every confident correction as a revision, every query as a comment",
    )
    fix.add_argument(
        "--author", default=AUTHOR, help=f"who signs the revisions and comments ({AUTHOR})"
    )
    fix.add_argument(
        "--overwrite",
        action="store_true",
        help="allow --output or --output-dir to replace a file that exists (a draft, or another)",
    )
    fix.add_argument(
        "--smart-quotes",
        action="store_true",
        default=None,
        help="turn every straight quotation mark and apostrophe into the right curly one",
    )
    _add_check_options(fix)
    fix.set_defaults(run=_fix)

    daemon = sub.add_parser("daemon", help="the warm background checker behind --daemon")
    daemon.add_argument("action", choices=("status", "stop", "run"))
    daemon.set_defaults(run=_daemon)

    serve = sub.add_parser(
        "serve", help="check over HTTP for LanguageTool's clients (browser, LibreOffice, Obsidian)"
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    serve.add_argument("--port", type=int, default=8081, help="port (8081)")
    serve.add_argument("--desk", type=Path, help="the desk folder whose settings apply")
    serve.add_argument("--workers", type=int, default=0, help="checks at once (one per core)")
    serve.add_argument("--config", type=Path, help="settings file (else found from --desk)")
    serve.add_argument(
        "--token",
        default=os.environ.get("PROOFER_SERVER_TOKEN"),
        help="a shared secret checks must carry (or set PROOFER_SERVER_TOKEN)",
    )
    serve.add_argument("--timeout", type=float, default=10.0, help="seconds per request (10)")
    serve.add_argument(
        "--max-body", type=int, default=1_000_000, help="largest request in bytes (1000000)"
    )
    serve.add_argument(
        "--allow-origin",
        action="append",
        default=[],
        help="a web origin browsers may call from (repeatable; * for any)",
    )
    serve.set_defaults(run=_serve)

    rules = sub.add_parser("rules", help="explain the rules")
    rules.add_argument("rule", nargs="?", help="one rule id, or a prefix such as 'spelling.'")
    _add_style_option(rules)
    rules.add_argument("--config", type=Path, help="settings file (else discovered)")
    rules.set_defaults(run=_rules)

    learn = sub.add_parser("learn", help="learn a desk profile from an archive of stories")
    learn.add_argument(
        "archive", type=Path, help="folder of published stories (.txt, .md, .docx, .odt)"
    )
    learn.add_argument("--output", "-o", type=Path, required=True, help="desk profile folder")
    learn.add_argument("--workers", type=int, help="processes to use (default: every core)")
    learn.set_defaults(run=_learn)

    style = sub.add_parser("style", help="work with style files")
    style_sub = style.add_subparsers(dest="style_command", required=True)
    test = style_sub.add_parser("test", help="check that each rule flags and passes its examples")
    test.add_argument("files", nargs="+", help="style files, or preset names such as news-us")
    test.set_defaults(run=_style_test)
    return parser


def _add_style_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--style",
        action="append",
        help="style file or preset name, added to the settings' (repeatable)",
    )


def _add_check_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--entities", action="append", type=Path, help="entity list (repeatable)")
    p.add_argument("--dictionary", action="append", type=Path, help="user dictionary")
    p.add_argument("--languagetool", help="off, auto, local, or a server URL (default off)")
    p.add_argument("--dialect", choices=DIALECTS)
    p.add_argument("--quote-style", choices=QUOTE_STYLES)
    p.add_argument("--config", type=Path, help="settings file (else discovered)")
    _add_style_option(p)
    p.add_argument("--desk", type=Path, help="a desk profile folder (`proofer learn` writes one)")


def _config(args: argparse.Namespace, draft: Path | None) -> Config:
    base = for_draft(draft, args.config)
    overrides = {
        "dialect": args.dialect,
        "quote_style": args.quote_style,
        "languagetool": args.languagetool,
        "fail_on": getattr(args, "fail_on", None),
        "smart_quotes": getattr(args, "smart_quotes", None),
        "entities": tuple(args.entities) if args.entities else None,
        "dictionary": tuple(args.dictionary) if args.dictionary else None,
        "style": _with_styles(base, args.style),
    }
    config = base.with_overrides(**overrides)
    return with_desk(config, args.desk) if args.desk else config


def _with_styles(base: Config, given: list[str] | None) -> tuple[str, ...] | None:
    """The settings' style entries followed by those given as flags (paths from here)."""
    if not given:
        return None
    return base.style + tuple(style_entry(Path.cwd(), item) for item in given)


class _Proofreaders:
    """One proofreader per distinct configuration and list contents, all sharing one Harper
    engine, kept for the life of the process: a daemon stays warm between commands and
    notices an edited list by its changed time or size."""

    _KEEP = 8

    def __init__(self) -> None:
        self._engine: HarperEngine | None = None
        self._by_key: dict[tuple[Config, tuple[object, ...]], Proofreader] = {}

    def get(self, config: Config) -> Proofreader:
        """The proofreader for ``config``, built on first use."""
        key = (config, _stamps(config))
        if key not in self._by_key:
            self._engine = self._engine or HarperEngine()
            if len(self._by_key) >= self._KEEP:
                self._by_key.pop(next(iter(self._by_key)))
            self._by_key[key] = Proofreader(config, self._engine)
        return self._by_key[key]


_PROOFREADERS = _Proofreaders()


def _stamps(config: Config) -> tuple[object, ...]:
    """When each list and style file last changed, and its size (None for a missing one)."""
    stamps: list[object] = []
    styles = [Path(entry) for entry in config.style if Path(entry).is_absolute()]
    for path in (*config.entities, *config.dictionary, *styles):
        try:
            st = path.stat()
            stamps.append((st.st_mtime_ns, st.st_size))
        except OSError:
            stamps.append(None)
    return tuple(stamps)


def _problems(proofreader: Proofreader) -> list[str]:
    """What the lists and settings have to tell the user, one message each: entity list
    lines and style rules that could not be read, settings that do nothing."""
    return [
        *(f"{problem} (line skipped)" for problem in proofreader.entities.problems),
        *proofreader.style_problems,
        *(f"warning: {warning}" for warning in proofreader.warnings),
    ]


def _with_folders_opened(paths: list[str]) -> list[str]:
    """The paths given, each folder among them replaced by the drafts in it and its
    subfolders (a folder with none is left as given, for the reader to say so)."""
    opened = []
    for path in paths:
        drafts = drafts_in(Path(path)) if path != "-" and Path(path).is_dir() else []
        opened += [str(draft) for draft in drafts] or [path]
    return opened


def _read(path: str) -> Document:
    if path == "-":
        text, encoding = decode(sys.stdin.buffer.read(), "<stdin>")
        return Document(text, "-", encoding)
    return read_draft(Path(path))


@dataclass
class _Checked:
    """One draft's outcome, as a worker process hands it back: its findings (None when it
    could not be checked) and the lines it has for standard error, in order."""

    result: FileResult | None
    messages: list[str] = field(default_factory=list)
    failing: bool = False
    # What the HTML report shows of the check: the settings and the dialect it used.
    config: Config | None = None
    dialect: Dialect | None = None


def _check_one(args: argparse.Namespace, path: str, alone: bool = False) -> _Checked:
    """Check one draft. ``alone``: it is the command's only draft, checked in this process,
    which shows its progress and may spread a long one over every core."""
    try:
        doc = _read(path)
        config = _config(args, None if path == "-" else Path(path))
        proofreader = _PROOFREADERS.get(config)
    except (DraftError, ConfigError) as exc:
        return _Checked(None, [str(exc)])
    name = "standard input" if path == "-" else path
    progress = (
        batch.Progress(f"paragraphs of {name}", then="now names, quotes and facts across it")
        if alone
        else None
    )
    try:
        report = proofreader.check(
            doc,
            should_stop=progress.reached if progress else None,
            workers=batch.cores() if alone else 1,
        )
    finally:
        if progress:
            progress.close()
    failing = _fails(report.findings, config.fail_on)
    messages = _problems(proofreader) + report.notices
    return _Checked(FileResult(doc, report.findings), messages, failing, config, report.dialect)


def _warm_up(args: argparse.Namespace, path: str) -> list[str]:
    """Build the engine in this process before the workers fork, so they start warm.

    Returns the warm-up check's notices: an engine found unavailable here is not tried
    again by the workers, so only this check can tell the user.
    """
    try:
        proofreader = _PROOFREADERS.get(_config(args, Path(path)))
    except ConfigError:
        return []  # the worker will report it
    return proofreader.warm()


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


_BLANK_LINE = re.compile(rb"\n[ \t\r]*\n")


def _paragraphs(path: str) -> list[tuple[int, int]]:
    """A file's blank-line-separated pieces, as (hash, length): drafts that share
    paragraphs are sent to the worker that has them in memory. A zipped draft (Word,
    OpenDocument) has no such pieces to read without unpacking it: none."""
    if kind_of(Path(path)) in (Kind.WORD, Kind.OPENDOCUMENT):
        return []
    try:
        data = Path(path).read_bytes()
    except OSError:
        return []  # the worker will report it
    return [(hash(piece), len(piece)) for piece in _BLANK_LINE.split(data) if piece.strip()]


def _check(args: argparse.Namespace) -> int:
    results: list[FileResult] = []
    notices: list[str] = []  # in order, each once
    drafts: list[html_report.CheckedDraft] = []
    input_error = failing = False
    told: set[str] = set()
    paths = _with_folders_opened(args.paths)
    serial = "-" in paths  # standard input is read here, once
    # One draft shows its paragraphs checked; many drafts, the files.
    one = len(paths) == 1
    progress = batch.Progress("files")
    warm_notices: list[str] = []
    outcomes = batch.in_order(
        lambda path: _check_one(args, path, alone=one),
        paths,
        size=_size,
        workers=1 if serial else None,
        warm=lambda: warm_notices.extend(_warm_up(args, paths[0])),
        pieces=_paragraphs,
    )
    for done, (path, checked) in enumerate(zip(paths, outcomes, strict=True), 1):
        if checked.result is not None:
            checked.messages[:0] = warm_notices  # told with the first file checked
        for message in checked.messages:
            if checked.result is None or message not in told:
                told.add(message)
                progress.clear()
                _error(message)
        if not one:
            progress.reached(done, len(paths))
        if checked.result is None:
            results.append(FileResult(Document("", path), [], error=checked.messages[0]))
            input_error = True
            continue
        notices.extend(m for m in checked.messages if m not in notices)
        results.append(checked.result)
        if args.format == "html":
            assert checked.config is not None
            doc, found = checked.result.doc, checked.result.findings
            drafts.append(
                html_report.CheckedDraft(
                    doc, found, checked.config, checked.dialect, checked.messages
                )
            )
        failing = failing or checked.failing
    progress.close()

    if args.format == "json":
        print(as_json(results, notices))
    elif args.format == "html":
        print(_html(drafts), end="")
    elif args.format == "github":
        out = as_github(results)
        if out:
            print(out)
    else:
        out = as_text(results, colour=_use_colour(args.color))
        if out:
            print(out)
        if any(not r.error for r in results):
            print(summary(results), file=sys.stderr)
    if input_error:
        return EXIT_INPUT
    return EXIT_FINDINGS if failing else EXIT_OK


def _html(drafts: list[html_report.CheckedDraft]) -> str:
    """The HTML report of every draft that could be read."""
    if not drafts:
        return ""
    return html_report.page(_PROOFREADERS.get(drafts[0].config), drafts)


def _fails(findings: list[Finding], fail_on: str) -> bool:
    if fail_on == "never":
        return False
    threshold = Severity(fail_on).rank
    return any(f.severity.rank >= threshold for f in findings)


def _fix(args: argparse.Namespace) -> int:
    if args.output is None:
        return _fix_many(args)
    if len(args.paths) > 1 or Path(args.paths[0]).is_dir():
        _error("--output names one file; for several drafts or a folder use --output-dir DIR "
               "or --in-place")  # fmt: skip
        return EXIT_INPUT
    path = args.paths[0]
    source = None if path == "-" else Path(path)
    word = source is not None and kind_of(source) is Kind.WORD
    if source is not None and not writable(source):
        kind = READ_ONLY.get(source.suffix.lower(), source.suffix)
        _error(f"{source}: fix cannot write {kind} drafts; it writes {WRITES}")
        return EXIT_INPUT
    if args.track_changes and not word:
        _error("--track-changes needs a Word (.docx) draft; plain text has no revisions")
        return EXIT_INPUT
    refusal = _output_refusal(args.output, source, word, args.overwrite)
    if refusal:
        _error(refusal)
        return EXIT_INPUT
    fixed = _fix_one(args, path, args.output)
    for message in fixed.messages:
        _error(message)
    if fixed.data is None:
        _error(fixed.said)
        return EXIT_INPUT
    _write(args.output, fixed.data)
    print(fixed.said, file=sys.stderr)
    return EXIT_OK


def _fix_many(args: argparse.Namespace) -> int:
    """Fix every draft named or found in the folders given, on every core; each written, and
    its line printed, in the order given, as one process would."""
    targets = fix_targets.targets(args.paths, args.output_dir, args.overwrite, args.track_changes)
    outcomes = batch.in_order(
        lambda target: _fix_one(args, str(target.source), str(target.output)),
        targets,
        size=lambda target: _size(str(target.source)),
        warm=lambda: _warm_up(args, str(targets[0].source)),
    )
    told: set[str] = set()  # a list's problem is the same for every draft: told once
    status = EXIT_OK
    for target, fixed in zip(targets, outcomes, strict=True):
        for message in fixed.messages:
            if message not in told:
                told.add(message)
                _error(message)
        if fixed.data is None:
            _error(fixed.said)
            status = EXIT_INPUT
            continue
        try:
            if fixed.changed or target.output != target.source:
                fix_targets.write(target, fixed.data)
        except DraftError as exc:
            _error(str(exc))
            status = EXIT_INPUT
            continue
        where = "" if args.in_place else f" -> {target.output}"
        print(f"{target.source}: {fixed.said}{where}", file=sys.stderr)
    return status


@dataclass
class _Fixed:
    """One draft fixed, as a worker process hands it back: the bytes to write in the draft's
    own format (None when it could not be fixed), what was done (or why not), whether anything
    changed, and what the lists and settings have to tell the user."""

    data: bytes | None
    said: str
    changed: bool = False
    messages: list[str] = field(default_factory=list)


def _fix_one(args: argparse.Namespace, path: str, output: str) -> _Fixed:
    """Fix the draft at ``path`` (``-``: standard input) for writing to ``output``."""
    source = None if path == "-" else Path(path)
    messages: list[str] = []
    try:
        proofreader = _PROOFREADERS.get(_config(args, source))
        messages = _problems(proofreader)
        if source is not None and kind_of(source) is Kind.WORD:
            return _fix_word(args, proofreader, source, messages)
        doc = _read(path)
        fixes = _safe_fixes(proofreader, doc)
        if proofreader.config.smart_quotes:
            paragraphs = [(p.start, p.text) for p in doc.paragraphs]
            fixes += smart_quotes(paragraphs, masked_spans(doc))
        data = encode(apply_fixes(doc.text, fixes), doc.encoding, output)
    except (DraftError, ConfigError) as exc:
        return _Fixed(None, str(exc), messages=messages)
    except OSError as exc:
        return _Fixed(None, f"{path}: cannot read it ({exc.strerror or exc})", messages=messages)
    return _Fixed(data, f"{_fixes(len(fixes))} applied", bool(fixes), messages)


def _fix_word(
    args: argparse.Namespace, proofreader: Proofreader, source: Path, messages: list[str]
) -> _Fixed:
    draft = read_docx(source)
    if args.track_changes:
        # Review is the safety net: every confident correction becomes a revision the
        # reporter accepts or rejects, and every question a comment on its text.
        findings = proofreader.check(draft.document()).findings
        revised, asked = hand_back(draft, findings, proofreader.rules, args.author)
        queried = "1 query as a comment" if asked == 1 else f"{asked} queries as comments"
        said = f"{_fixes(revised)} as tracked changes, {queried} (by {args.author})"
        return _Fixed(docx_bytes(draft), said, bool(revised or asked), messages)
    applied = apply_docx_fixes(draft, _safe_fixes(proofreader, draft.document()), tracked=False)
    return _Fixed(docx_bytes(draft), f"{_fixes(applied)} applied as plain edits", bool(applied),
                  messages)  # fmt: skip


def _output_refusal(output: str, source: Path | None, word: bool, overwrite: bool) -> str | None:
    """Why ``fix`` must not write to ``output`` (``-`` is standard output), or None."""
    if output == "-":
        return None
    out = Path(output)
    if out.is_dir():
        return f"{output}: is a folder; name the file to write"
    if not writable(out) or (out.suffix.lower() == ".docx") != word:
        kind = "a .docx file" if word else "a text file (not .docx or .odt)"
        return f"{output}: fix writes the draft in its own format: name {kind}"
    folder = Path(os.path.realpath(out)).parent
    if not folder.is_dir():
        return f"{output}: the folder {folder} does not exist"
    if overwrite or not (out.exists() or out.is_symlink()):
        return None
    if source is not None and out.resolve() == source.resolve():
        return f"{output}: that is the draft itself; pass --overwrite to replace it"
    return f"{output}: the file exists; pass --overwrite to replace it"


def _write(output: str, data: bytes) -> None:
    """The fixed draft to standard output (as bytes, in the draft's encoding) or a file."""
    if output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        write_atomically(Path(output), data)


def _safe_fixes(proofreader: Proofreader, doc: Document) -> list[tuple[int, int, str]]:
    """The first suggestion of every finding whose rule marks its fix safe."""
    rules = proofreader.rules
    return [
        (f.start, f.end, f.suggestions[0])
        for f in proofreader.check(doc).findings
        if f.suggestions and f.rule in rules and rules[f.rule].fix_safe
    ]


def _serve(args: argparse.Namespace) -> int:
    try:
        from proofer import server
    except ImportError as exc:
        if exc.name not in ("starlette", "uvicorn", "multipart", "python_multipart"):
            raise
        _error("`proofer serve` needs the server extra: pip install 'proofer[server]'")
        return EXIT_INPUT
    if args.desk is not None and not args.desk.is_dir():
        _error(f"{args.desk}: no such folder (--desk takes the desk's folder)")
        return EXIT_INPUT
    if args.workers < 0 or args.timeout <= 0 or args.max_body <= 0:
        _error("--workers takes 0 (one per core) or more; --timeout and --max-body more than 0")
        return EXIT_INPUT
    limits = server.Limits(
        args.max_body, args.timeout, args.token or None, tuple(args.allow_origin)
    )
    options = server.Options(args.host, args.port, args.workers, limits)
    config = for_draft(None, args.config)
    return server.serve(with_desk(config, args.desk) if args.desk else config, options)


def _rules(args: argparse.Namespace) -> int:
    config = for_draft(None, args.config)
    config = config.with_overrides(style=_with_styles(config, args.style))
    rules = sorted(rule_book(config).values(), key=lambda r: r.id)
    chosen = [r for r in rules if not args.rule or r.id == args.rule or r.id.startswith(args.rule)]
    if not chosen:
        _error(f"no rule '{args.rule}'; `proofer rules` lists them all")
        return EXIT_INPUT
    print("\n\n".join(r.describe() for r in chosen))
    if not args.rule:
        print(
            "\nharper.* — Harper's grammar rules, by name; on by default only those measured "
            "to be nearly always right (the table, with figures, is in "
            "docs/harper-rules.md); `harper-rules` in the settings turns others on.\n"
            "lt.* — LanguageTool's rules, when --languagetool is on."
        )
    return EXIT_OK


def _daemon(args: argparse.Namespace) -> int:
    if args.action == "run":
        return daemon.serve(main)
    if args.action == "stop":
        print("proofer daemon: stopped" if daemon.stop() else "proofer daemon: not running")
        return EXIT_OK
    print(daemon.status())
    return EXIT_OK


def _learn(args: argparse.Namespace) -> int:
    if not args.archive.is_dir() or not drafts_in(args.archive):
        _error(f"{args.archive}: not a folder of stories ({', '.join(READS)})")
        return EXIT_INPUT
    if args.workers is not None and args.workers < 1:
        _error("--workers must be 1 or more")
        return EXIT_INPUT
    try:
        found = learn(args.archive, args.output, args.workers)
    except DraftError as problem:
        _error(str(problem))
        return EXIT_INPUT
    print(
        f"{len(found.words)} desk words, {len(found.entities)} names, "
        f"{len(found.rules)} style rules written to {args.output} (see report.md)",
        file=sys.stderr,
    )
    return EXIT_OK


def _style_test(args: argparse.Namespace) -> int:
    entries = tuple(style_entry(Path.cwd(), item) for item in args.files)
    proofreader = Proofreader(Config(style=entries))
    results = style_examples(proofreader)
    for problem in proofreader.style_problems:
        print(problem)
    for failure in results.failures:
        print(failure)
    for rule_id in results.unproven:
        print(f"{rule_id}: no flags/passes examples to test")
    failed = len(results.failures) + len(proofreader.style_problems)
    print(
        f"{results.rules} rules, {results.examples} examples: "
        + (f"{failed} failed" if failed else "all as written"),
        file=sys.stderr,
    )
    return EXIT_FINDINGS if failed else EXIT_OK


def _fixes(n: int) -> str:
    return f"{n} fix" if n == 1 else f"{n} fixes"


def _use_colour(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _error(message: str) -> None:
    print(f"proofer: {message}", file=sys.stderr)
