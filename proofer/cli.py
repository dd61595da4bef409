"""``proofer check``: the pre-publish check writers run before they file.

Exit status: 0 nothing at or above ``--fail-on``, 1 findings at or above it, 2 a usage or
input error (one plain line on standard error, never a traceback).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from proofer import __version__
from proofer.config import DIALECTS, FAIL_ON, QUOTE_STYLES, Config, ConfigError, for_draft
from proofer.document import Document
from proofer.engines.harper import HarperEngine
from proofer.findings import Finding, Severity, apply_fixes
from proofer.formats import READ_ONLY, WRITES, DraftError, read_draft, writable
from proofer.formats.docx import apply_fixes as apply_docx_fixes
from proofer.formats.docx import read_docx
from proofer.formats.docx import to_bytes as docx_bytes
from proofer.formats.text import decode, encode, write_atomically
from proofer.markup import masked_spans
from proofer.proofreader import Proofreader, rule_book
from proofer.quotemarks import smart_quotes
from proofer.report import FileResult, as_github, as_json, as_text, summary

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT = 0, 1, 2
EXIT_CLOSED_PIPE = 128 + 13  # what a shell reports for a process ended by SIGPIPE


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return EXIT_INPUT
    try:
        result: int = args.run(args)
        sys.stdout.flush()  # inside the try: a closed pipe shows up here, not at exit
        return result
    except (ConfigError, DraftError) as exc:
        _error(str(exc))
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`proofer rules | head`): stop quietly, as Unix tools do.
        # Standard output is pointed at /dev/null so the exit's own flush cannot fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_CLOSED_PIPE


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="proofer", description=__doc__.split("\n")[0])
    parser.add_argument("--version", action="version", version=f"proofer {__version__}")
    sub = parser.add_subparsers(dest="command")

    check = sub.add_parser("check", help="check drafts and report what is wrong")
    check.add_argument("paths", nargs="+", help="drafts to check; - reads standard input")
    _add_check_options(check)
    check.add_argument("--format", choices=("text", "json", "github"), default="text")
    check.add_argument("--fail-on", choices=FAIL_ON, help="lowest severity that fails (error)")
    check.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto", help="colour the text"
    )
    check.set_defaults(run=_check)

    fix = sub.add_parser("fix", help="apply the fixes that rules mark safe")
    fix.add_argument("path", help="the draft; - reads standard input")
    fix.add_argument("--output", "-o", required=True, help="where to write; - for stdout")
    fix.add_argument("--track-changes", action="store_true", help="Word revisions (.docx)")
    fix.add_argument(
        "--overwrite",
        action="store_true",
        help="allow --output to replace a file that exists (the draft itself, or another)",
    )
    fix.add_argument(
        "--smart-quotes",
        action="store_true",
        default=None,
        help="turn every straight quotation mark and apostrophe into the right curly one",
    )
    _add_check_options(fix)
    fix.set_defaults(run=_fix)

    rules = sub.add_parser("rules", help="explain the rules")
    rules.add_argument("rule", nargs="?", help="one rule id, or a prefix such as 'spelling.'")
    rules.set_defaults(run=_rules)
    return parser


def _add_check_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--entities", action="append", type=Path, help="entity list (repeatable)")
    p.add_argument("--dictionary", action="append", type=Path, help="user dictionary")
    p.add_argument("--languagetool", help="off, auto, local, or a server URL (default off)")
    p.add_argument("--dialect", choices=DIALECTS)
    p.add_argument("--quote-style", choices=QUOTE_STYLES)
    p.add_argument("--config", type=Path, help="settings file (else discovered)")


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
    }
    return base.with_overrides(**overrides)


class _Proofreaders:
    """One proofreader per distinct configuration, all sharing one Harper engine."""

    def __init__(self) -> None:
        self._engine = HarperEngine()
        self._by_config: dict[Config, Proofreader] = {}

    def get(self, config: Config) -> Proofreader:
        if config not in self._by_config:
            proofreader = Proofreader(config, self._engine)
            for problem in proofreader.entities.problems:
                _error(f"{problem} (line skipped)")
            for warning in proofreader.warnings:
                _error(f"warning: {warning}")
            self._by_config[config] = proofreader
        return self._by_config[config]


def _read(path: str) -> Document:
    if path == "-":
        text, encoding = decode(sys.stdin.buffer.read(), "<stdin>")
        return Document(text, "-", encoding)
    return read_draft(Path(path))


def _check(args: argparse.Namespace) -> int:
    proofreaders = _Proofreaders()
    results: list[FileResult] = []
    notices: list[str] = []  # in order, each once
    input_error = failing = False
    for path in args.paths:
        try:
            doc = _read(path)
            config = _config(args, None if path == "-" else Path(path))
            proofreader = proofreaders.get(config)
        except (DraftError, ConfigError) as exc:
            _error(str(exc))
            results.append(FileResult(Document("", path), [], error=str(exc)))
            input_error = True
            continue
        notices.extend(w for w in proofreader.warnings if w not in notices)  # told on stderr
        report = proofreader.check(doc)
        for notice in report.notices:
            if notice not in notices:
                notices.append(notice)
                _error(notice)
        results.append(FileResult(doc, report.findings))
        failing = failing or _fails(report.findings, config.fail_on)

    if args.format == "json":
        print(as_json(results, notices))
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


def _fails(findings: list[Finding], fail_on: str) -> bool:
    if fail_on == "never":
        return False
    threshold = Severity(fail_on).rank
    return any(f.severity.rank >= threshold for f in findings)


def _fix(args: argparse.Namespace) -> int:
    source = None if args.path == "-" else Path(args.path)
    word = source is not None and source.suffix.lower() == ".docx"
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
    proofreader = _Proofreaders().get(_config(args, source))
    if word:
        assert source is not None
        draft = read_docx(source)
        fixes = _safe_fixes(proofreader, draft.document())
        applied = apply_docx_fixes(draft, fixes, tracked=args.track_changes)
        _write(args.output, docx_bytes(draft))
        how = "as tracked changes" if args.track_changes else "as plain edits"
        print(f"{_fixes(applied)} applied {how}", file=sys.stderr)
        return EXIT_OK
    doc = _read(args.path)
    fixes = _safe_fixes(proofreader, doc)
    if proofreader.config.smart_quotes:
        paragraphs = [(p.start, p.text) for p in doc.paragraphs]
        fixes += smart_quotes(paragraphs, masked_spans(doc))
    _write(args.output, encode(apply_fixes(doc.text, fixes), doc.encoding, args.output))
    print(f"{_fixes(len(fixes))} applied", file=sys.stderr)
    return EXIT_OK


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


def _rules(args: argparse.Namespace) -> int:
    rules = sorted(rule_book().values(), key=lambda r: r.id)
    chosen = [r for r in rules if not args.rule or r.id == args.rule or r.id.startswith(args.rule)]
    if not chosen:
        _error(f"no rule '{args.rule}'; `proofer rules` lists them all")
        return EXIT_INPUT
    print("\n\n".join(r.describe() for r in chosen))
    if not args.rule:
        print(
            "\nharper.* — Harper's grammar rules, passed through by name (see "
            "proofer/checkers/grammar.py for the ones left out and why).\n"
            "lt.* — LanguageTool's rules, when --languagetool is on."
        )
    return EXIT_OK


def _fixes(n: int) -> str:
    return f"{n} fix" if n == 1 else f"{n} fixes"


def _use_colour(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _error(message: str) -> None:
    print(f"proofer: {message}", file=sys.stderr)
