"""The ``kb`` command.

Parsing is kept apart from execution: :func:`parse` turns arguments into a plain
namespace and each ``run_*`` function builds the pieces and returns an exit code,
so tests can call them without mocking anything.

Exit codes: 0 nothing failed; 1 error findings (or warnings with ``--strict``);
2 a usage error, or a knowledge base that cannot be read at all.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import textwrap
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Literal, TextIO

from checks import __version__
from checks.anonymise.model import ModelUnavailable
from checks.model.working_days import DateError, parse_date

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


class UsageError(Exception):
    """A problem with how the command was called (exit code 2)."""


def resolve_today(as_of: str | None, environ: dict[str, str] | None = None) -> date:
    """``--as-of``, else ``KB_AS_OF``, else the real date (the only clock read)."""
    env = os.environ if environ is None else environ
    value = as_of or env.get("KB_AS_OF")
    if not value:
        return date.today()
    try:
        return parse_date(value)
    except DateError as exc:
        source = "--as-of" if as_of else "KB_AS_OF"
        raise UsageError(f"{source}: {exc}") from None


def _codes(value: str) -> list[str]:
    return [c.strip().upper() for c in value.split(",") if c.strip()]


def _path_argument(command: argparse.ArgumentParser) -> None:
    command.add_argument("path", nargs="?", default=".", help="the knowledge base (default: .)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kb",
        description="Check and maintain a safeguarding partnership's knowledge base.",
        epilog="Run `kb COMMAND --help` for the options of each command.",
    )
    parser.add_argument("--version", action="version", version=f"kb {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    check = sub.add_parser(
        "check",
        help="check the knowledge base against the statutory timescales and local rules",
        description="Check ToRs, reviews, actions, briefs, procedures and meetings. "
        "Exit 0 with no error findings, 1 with error findings (or warnings with --strict), "
        "2 for a usage error or a knowledge base that cannot be read.",
    )
    _path_argument(check)
    check.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="check as if today were this date (default: $KB_AS_OF, else today)",
    )
    check.add_argument(
        "--format",
        choices=["text", "json", "github", "junit"],
        default="text",
        help="report format (default: text)",
    )
    check.add_argument(
        "--select",
        type=_codes,
        default=[],
        metavar="CODES",
        help="only these codes or prefixes, comma-separated (e.g. TOR,ACT001)",
    )
    check.add_argument(
        "--ignore",
        type=_codes,
        default=[],
        metavar="CODES",
        help="skip these codes or prefixes, comma-separated",
    )
    check.add_argument("--output", "-o", metavar="FILE", help="write the report here, not stdout")
    check.add_argument("--strict", action="store_true", help="warnings fail the check too")
    check.add_argument(
        "--base",
        metavar="REV",
        help="also run the change rules (CHG) against this git revision, e.g. origin/main",
    )
    check.add_argument(
        "--cache-dir",
        metavar="DIR",
        help="keep what each file parsed to here, so unchanged files are not parsed again "
        "(default: $KB_CACHE_DIR, else ~/.cache/kb-checks); it changes how fast a check is, "
        "never what it finds",
    )
    check.add_argument(
        "--no-cache",
        action="store_true",
        help="parse every file afresh and store nothing (or set KB_NO_CACHE=1)",
    )

    diff = sub.add_parser(
        "diff",
        help="summarise what changed since a git revision, in the partnership's terms",
        description="For every ToR, procedure, brief, review or action file changed between "
        "the base revision and the working tree: versions, members, quorum, chair, "
        "frequency, review dates, changed sections and sentences, action statuses and due "
        "dates. Markdown output is ready for a pull request comment or job summary.",
    )
    _path_argument(diff)
    diff.add_argument(
        "--base",
        default="origin/main",
        metavar="REV",
        help="the revision to compare with (default: origin/main)",
    )
    diff.add_argument("--format", choices=["markdown", "json", "text"], default="markdown")
    diff.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="today, for deciding which briefs are published (default: $KB_AS_OF)",
    )
    diff.add_argument("--output", "-o", metavar="FILE", help="write here (appends), not stdout")

    new = sub.add_parser(
        "new",
        help="start a ToR, brief, procedure, review, action or meeting from a template",
        description="Write a valid file (or add an entry) with the next free id, today's date "
        "and every required field, each with a comment saying what goes there.",
    )
    new.add_argument("kind", choices=["tor", "brief", "procedure", "review", "action", "meeting"])
    _path_argument(new)
    new.add_argument("--title", help="the title (tor, brief, procedure)")
    new.add_argument("--name", help="the file name without .md (tor: the group id)")
    new.add_argument("--review", help="the source review (brief, action), e.g. CSPR-2026-01")
    new.add_argument("--group", help="the group (meeting; procedure owner)")
    new.add_argument(
        "--review-kind",
        default="rapid-review",
        choices=["rapid-review", "lcspr", "learning-review", "sar", "dardr"],
    )
    new.add_argument("--as-of", metavar="YYYY-MM-DD", help="today (default: $KB_AS_OF, else today)")

    init = sub.add_parser(
        "init",
        help="start a knowledge base for your own partnership",
        description="Write a minimal knowledge base that passes `kb check` and builds: the "
        "partnership and its agencies, a vocabulary of themes, kb.yaml, mkdocs.yml and the "
        "CI template. It asks for what the flags do not give; with no terminal (CI) every "
        "flag but --agency is needed. It never writes over an existing knowledge base.",
    )
    init.add_argument("path", nargs="?", default=".", help="the folder (default: .)")
    init.add_argument("--name", help="the partnership's name")
    init.add_argument("--area", help="the area it covers")
    init.add_argument("--nation", help="England, Wales, Scotland or Northern Ireland")
    init.add_argument("--council", metavar="NAME", help="the local authority")
    init.add_argument("--icb", metavar="NAME", help="the integrated care board")
    init.add_argument("--police", metavar="NAME", help="the police force")
    init.add_argument(
        "--agency",
        action="append",
        metavar="[ID=]NAME",
        help="a relevant agency (repeat for each)",
    )
    init.add_argument(
        "--yearly-report",
        metavar="YYYY-MM-DD|none",
        help="when the latest yearly report was published",
    )
    init.add_argument(
        "--checker",
        metavar="REQUIREMENT",
        help="what CI installs as the checker (default: kb-checks[site]); "
        "written to requirements/kb.txt",
    )

    redact = sub.add_parser(
        "redact",
        help="print a page with each identifying detail replaced by its kind",
        description="Print FILE (a page or data file of the knowledge base) with each detail "
        "the anonymisation check (ANO001) would report replaced by a placeholder of its "
        "kind: [name], [address], [school], [date], [phone number]... Start a brief from a "
        "review report's text this way, then write the placeholders in words (Child A, a "
        "primary school). The file is never written without --in-place. Exit 0 when done, "
        "2 for a file that is missing, a folder, binary, or not inside the knowledge base.",
    )
    redact.add_argument("file", metavar="FILE", help="the page or data file to redact")
    redact.add_argument(
        "--in-place", action="store_true", help="write the result back to FILE, not to stdout"
    )
    redact.add_argument("--path", default=".", help="the knowledge base (default: .)")

    imp = sub.add_parser(
        "import",
        help="import an existing ToR document (.docx, .pdf, .txt, .md) as a ToR page",
        description="Write one ToR page from a document: its text as Markdown, and front "
        "matter holding what the document states, each value with a comment naming the "
        "line it came from. What it does not state is listed under not_stated (a finding "
        "each), never filled with a default. Bad input is one line and exit 2, and nothing "
        "is written.",
    )
    imp.add_argument("what", choices=["tor"], help="what the document is (tor)")
    imp.add_argument("file", help="the document: .docx, .pdf, .txt or .md")
    imp.add_argument("--path", default=".", help="the knowledge base (default: .)")
    imp.add_argument("--name", help="the group id and file name (default: from the title)")
    imp.add_argument("--as-of", metavar="YYYY-MM-DD", help="today (default: $KB_AS_OF)")

    sensitive = sub.add_parser(
        "sensitive",
        help="manage the private deny list of names and places connected to cases",
        description="The deny list is stored as salted hashes in data/sensitive.yaml: the "
        "terms themselves never enter the repository. The anonymisation check (ANO001) "
        "reports any published text that matches one.",
    )
    sensitive_sub = sensitive.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = sensitive_sub.add_parser("add", help="add a term (a name or place) to the deny list")
    add.add_argument("term", nargs="?", help="the term; omit it to be asked (not echoed)")
    add.add_argument("--path", default=".", help="the knowledge base (default: .)")

    schema = sub.add_parser(
        "schema",
        help="export JSON Schemas of every kind of file, for editors",
        description="Write a JSON Schema per kind of file (generated from the model) so that "
        "editors with a YAML language server validate and autocomplete as people type.",
    )
    schema.add_argument(
        "--out", default="schemas", metavar="DIR", help="folder to write to (default: schemas)"
    )
    schema.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if the files in DIR are out of date",
    )

    cache = sub.add_parser(
        "cache",
        help="show or clear what kb check has stored about unchanged files",
        description="kb check keeps what each file parsed to, outside the repository, so "
        "that unchanged files are not parsed again. This shows where that cache is for a "
        "knowledge base and what it holds, or clears it.",
    )
    _path_argument(cache)
    cache.add_argument("--clear", action="store_true", help="delete this knowledge base's cache")
    cache.add_argument(
        "--cache-dir", metavar="DIR", help="the cache folder (default: as for kb check)"
    )

    _report_parser(sub)

    rules = sub.add_parser(
        "rules",
        help="list every check with its code, severity and summary",
        description="List every check. `kb rules CODE` shows one check's documentation.",
    )
    rules.add_argument("code", nargs="?", help="show the full documentation of this check")
    rules.add_argument("--format", choices=["text", "json"], default="text")
    return parser


def _report_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = sub.add_parser(
        "report",
        help="highlight and assurance reports for the executive, in Markdown",
        description=textwrap.fill(
            "Reports as at a date, in Markdown to paste into board papers (the site "
            "shows the same as pages, with charts). Every figure links to the records it counts. "
            "Nothing draft, embargoed or identifying is shown: reviews by reference and "
            "pseudonym, actions by id.",
            width=78,
        ),
        epilog="examples:\n"
        "  kb report highlight --group case-review\n"
        "  kb report assurance --quarter 2026Q3 --as-of 2026-10-01 -o assurance-2026Q3.md\n"
        "  kb report assurance --year 2026 --site-url https://intranet.example/kb/",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    kinds = report.add_subparsers(dest="report", metavar="REPORT", required=True)
    high = kinds.add_parser(
        "highlight",
        help="what happened since the parent group last met, for a group's highlight report",
        description="Reviews started, decided and published with their timeliness; actions "
        "completed, overdue and escalated; learning briefs published; ToR and procedure "
        "reviews due; attendance by agency. The period starts the day after the parent "
        "group (the ToR's reports_to) last met, unless --since says otherwise.",
    )
    high.add_argument(
        "--group", required=True, metavar="GROUP", help="the group's id, e.g. case-review"
    )
    high.add_argument("--since", metavar="YYYY-MM-DD", help="start the period on this date instead")
    assure = kinds.add_parser(
        "assurance",
        help="statutory timeliness, actions by agency, themes, ToR status and attendance",
        description="Notifications in 5 working days, rapid reviews in 15, LCSPRs published "
        "in 6 months and the share on time per quarter; action completion by agency; themes "
        "of reviews over time; the review status of every group's ToR; attendance by agency. "
        "--year gives the data sections of the yearly report.",
    )
    when = assure.add_mutually_exclusive_group(required=True)
    when.add_argument("--quarter", metavar="YYYYQN", help="a calendar quarter, e.g. 2026Q3")
    when.add_argument("--year", metavar="YYYY", help="a calendar year, e.g. 2026")
    for command in (high, assure):
        _path_argument(command)
        command.add_argument(
            "--as-of",
            metavar="YYYY-MM-DD",
            help="report as if today were this date (default: $KB_AS_OF, else today)",
        )
        command.add_argument(
            "--site-url",
            metavar="URL",
            help="where the site is published, so each link opens the record's page "
            "(default: $KB_SITE_URL; without it links are relative to the site's home)",
        )
        command.add_argument(
            "--output", "-o", metavar="FILE", help="write the report here, not stdout"
        )
        command.add_argument(
            "--no-cache", action="store_true", help="parse every file afresh (as for kb check)"
        )


def output_ok(path: str | None) -> None:
    """Refuse an ``--output`` that names a folder or a missing folder's file
    before the run rather than after it (UsageError: one line, exit 2)."""
    if not path:
        return
    if os.path.isdir(path):
        raise UsageError(f"--output {path}: that is a folder; give the name of a file")
    folder = os.path.dirname(path) or "."
    if not os.path.isdir(folder):
        raise UsageError(f"--output {path}: there is no folder {folder}")


def write_output(path: str, mode: Literal["w", "a"], report: Callable[[TextIO], None]) -> None:
    """Write what ``report`` writes to ``path``. The report is made in memory
    first, so that a path that cannot be written (no permission, a read-only or
    full disk) is a UsageError, one line and exit 2, wherever it fails."""
    text = io.StringIO()
    report(text)
    try:
        with open(path, mode, encoding="utf-8") as out:
            out.write(text.getvalue())
    except OSError as exc:
        raise UsageError(f"--output {path}: cannot write there ({exc.strerror or exc})") from None


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    return build_parser().parse_args(argv)


def run_check(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from checks.loading import KnowledgeBaseNotFound, load
    from checks.reports import REPORTERS
    from checks.rules import REGISTRY
    from checks.rules.engine import Result, run
    from checks.speed.cache import open_cache, using
    from checks.speed.gcpause import paused_gc

    today = resolve_today(args.as_of)
    output_ok(args.output)
    for code in [*args.select, *args.ignore]:
        if not any(c.startswith(code) for c in REGISTRY):
            raise UsageError(f"{code!r} matches no check code; run `kb rules` to list them")
    root = Path(args.path)
    cache = None
    if not args.no_cache and root.is_dir():
        cache = open_cache(root, Path(args.cache_dir) if args.cache_dir else None)
    result: Result
    with paused_gc(), using(cache):
        try:
            kb = load(root)
        except KnowledgeBaseNotFound as exc:
            stderr.write(f"kb check: {exc}\n")
            return EXIT_USAGE
        if args.base:
            from checks.loading.git_base import GitError, base_knowledge_base, skipped_note

            skipped: list[str] = []
            try:
                with base_knowledge_base(root, args.base, skipped) as base:
                    # The base's allowances are the trusted ones (see checks.loading.trusted).
                    kb.trusted = kb.trusted or base
                    result = run(
                        kb,
                        today,
                        select=args.select,
                        ignore=args.ignore,
                        base=base,
                        base_rev=args.base,
                    )
            except (GitError, KnowledgeBaseNotFound) as exc:
                stderr.write(f"kb check: --base {args.base}: {exc}\n")
                return EXIT_USAGE
            stderr.write(skipped_note("kb check", f"--base {args.base}", skipped))
        else:
            result = run(kb, today, select=args.select, ignore=args.ignore)
    if cache is not None:
        cache.save()
    reporter = REPORTERS[args.format]
    if args.output:
        write_output(args.output, "w", lambda out: reporter(result, out, args.strict))
        stderr.write(
            f"kb check: {result.counts.describe()} in {result.files_read} files; "
            f"report written to {args.output}\n"
        )
    else:
        reporter(result, stdout, args.strict)
    return EXIT_FINDINGS if result.failed(args.strict) else EXIT_OK


def run_diff(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from checks.changes.render import RENDERERS
    from checks.changes.safety import safety_changes
    from checks.changes.summary import summarise
    from checks.loading import KnowledgeBaseNotFound, load
    from checks.loading.git_base import (
        GitError,
        base_knowledge_base,
        changed_files,
        repo_root,
        skipped_note,
    )

    today = resolve_today(args.as_of)
    output_ok(args.output)
    path = Path(args.path)
    try:
        kb = load(path)
        root = repo_root(path)
        under = path.resolve().relative_to(root.resolve()).as_posix()
        skipped: list[str] = []
        with base_knowledge_base(path, args.base, skipped) as base:
            changed = changed_files(root, args.base, "" if under == "." else under)
            summaries = summarise(base, kb, changed, today)
            # The whole repository: CI, packaging and the checker's code are
            # outside the knowledge base folder when it is a sub-folder.
            everything = changed_files(root, args.base) if under != "." else changed
            safety = safety_changes(base, kb, everything, under)
    except (GitError, KnowledgeBaseNotFound) as exc:
        stderr.write(f"kb diff: {exc}\n")
        return EXIT_USAGE
    stderr.write(skipped_note("kb diff", args.base, skipped))
    render = RENDERERS[args.format]
    if args.output:
        write_output(args.output, "a", lambda out: render(summaries, args.base, out, safety))
    else:
        render(summaries, args.base, stdout, safety)
    return EXIT_OK


def run_new(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from checks.authoring.scaffold import Request, ScaffoldError, scaffold
    from checks.loading import KnowledgeBaseNotFound

    req = Request(
        kind=args.kind,
        root=Path(args.path),
        today=resolve_today(args.as_of),
        title=args.title,
        name=args.name,
        review=args.review,
        group=args.group,
        review_kind=args.review_kind,
    )
    try:
        path = scaffold(req)
    except (ScaffoldError, KnowledgeBaseNotFound) as exc:
        stderr.write(f"kb new: {exc}\n")
        return EXIT_USAGE
    stdout.write(f"wrote {path}; fill in what the comments ask, then run `kb check`\n")
    return EXIT_OK


def run_init(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from checks.authoring.init import Answers, InitError, complete, initialise

    answers = Answers(
        name=args.name,
        area=args.area,
        nation=args.nation,
        council=args.council,
        icb=args.icb,
        police=args.police,
        agencies=args.agency,
        yearly_report=args.yearly_report,
        checker=args.checker,
    )
    root = Path(args.path)
    try:
        interactive = sys.stdin is not None and sys.stdin.isatty()
        complete(answers, input if interactive else None)
        written = initialise(root, answers)
    except (InitError, EOFError) as exc:
        raise UsageError(str(exc) or "no answer was given") from None
    stdout.write(
        f"wrote a new knowledge base in {root} ({len(written)} files). Next: `kb import tor "
        "FILE` or `kb new tor` for each group, then `kb check` and `mkdocs serve`\n"
    )
    return EXIT_OK


def run_redact(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from checks.anonymise.redact import RedactError, read_page, redact, summary, write_in_place
    from checks.loading import KnowledgeBaseNotFound, load

    try:
        kb = load(Path(args.path))
        text, rel = read_page(kb, Path(args.file))
    except (KnowledgeBaseNotFound, RedactError) as exc:
        raise UsageError(str(exc)) from None
    result = redact(kb, text, rel)
    if args.in_place:
        if result.total:
            try:
                write_in_place(Path(args.file), result.text)
            except OSError as exc:
                raise UsageError(f"{args.file}: cannot be written ({exc.strerror})") from None
        stderr.write(f"kb redact: {args.file}: {summary(result)}\n")
    else:
        stdout.write(result.text)
        stderr.write(f"kb redact: {summary(result)}\n")
    return EXIT_OK


def run_import(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from checks.authoring.importing import ImportRefused, import_tor
    from checks.loading import KnowledgeBaseNotFound

    root = Path(args.path)
    try:
        done = import_tor(Path(args.file), root, resolve_today(args.as_of), args.name)
    except (ImportRefused, KnowledgeBaseNotFound) as exc:
        raise UsageError(str(exc)) from None
    stdout.write(f"wrote {done.path}\n")
    for fact in done.not_stated:
        stdout.write(f"  not stated in the document: {fact} (a TOR011 finding until agreed)\n")
    for note in done.notes:
        stdout.write(f"  note: {note}\n")
    stdout.write("check every value against the document, then run `kb check`\n")
    return EXIT_OK


def run_sensitive(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    import getpass

    from checks.anonymise.denylist import add_term
    from checks.loading import load_config

    root = Path(args.path)
    config = load_config(root)
    # Asked for without echo, so the term stays out of the shell history.
    term = args.term or getpass.getpass("Term to add (not shown): ")
    try:
        path, new = add_term(root / config.data_dir, term)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    stdout.write(
        f"{'added to' if new else 'already in'} {path} (as a salted hash; the term itself "
        "is not stored)\n"
    )
    return EXIT_OK


def run_schema(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from checks.reports.schemas import export, stale

    out = Path(args.out)
    if args.check:
        old = stale(out)
        for name in old:
            stderr.write(f"kb schema: {out / name} is out of date; run `kb schema`\n")
        return EXIT_FINDINGS if old else EXIT_OK
    for path in export(out):
        stdout.write(f"wrote {path}\n")
    return EXIT_OK


def run_cache(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from checks.speed.cache import open_cache

    root = Path(args.path)
    if not root.is_dir():
        raise UsageError(f"{root} is not a folder")
    cache = open_cache(root, Path(args.cache_dir) if args.cache_dir else None)
    if cache is None or cache.file is None:
        stdout.write("no cache is used here (KB_NO_CACHE is set, or the folder is unusable)\n")
        return EXIT_OK
    if args.clear:
        existed = cache.file.exists()
        cache.file.unlink(missing_ok=True)
        stdout.write(f"{'removed' if existed else 'there was no cache at'} {cache.file}\n")
        return EXIT_OK
    if not cache.file.exists():
        stdout.write(f"no cache yet at {cache.file}; `kb check` makes one\n")
        return EXIT_OK
    size = cache.file.stat().st_size / 1_048_576
    kinds = cache.kinds()
    files = kinds.pop("file", 0)
    texts = sum(kinds.values())
    state = (
        f"{files} files and {texts} remembered results"
        if files or texts
        else "nothing usable (made by other code or settings, or damaged): the next "
        "`kb check` rebuilds it"
    )
    stdout.write(f"{cache.file} ({size:.1f} MB): {state}\n")
    return EXIT_OK


def run_rules(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    import json

    from checks.rules import REGISTRY

    if args.code:
        rule = REGISTRY.get(args.code.upper())
        if rule is None:
            raise UsageError(f"{args.code!r} is not a check code; run `kb rules` to list them")
        stdout.write(f"{rule.code} {rule.name} ({rule.severity.value})\n\n{rule.summary}.\n\n")
        stdout.write(rule.body + "\n")
        return EXIT_OK
    if args.format == "json":
        rows = [
            {"code": r.code, "name": r.name, "severity": r.severity.value, "summary": r.summary}
            for r in REGISTRY.values()
        ]
        json.dump(rows, stdout, indent=2)
        stdout.write("\n")
        return EXIT_OK
    for rule in REGISTRY.values():
        stdout.write(f"{rule.code:<7} {rule.severity.value:<8} {rule.name:<28} {rule.summary}\n")
    return EXIT_OK


def console() -> int:
    """The ``kb`` console script: :func:`main` in a process of its own.

    The cyclic garbage collector is switched off for the whole short-lived
    process: loading makes hundreds of thousands of objects that live until it
    exits, so collection passes free nothing and cost about a tenth of a run.

    For the same reason the process ends without tearing those objects down one
    by one (about 0.06 s at 10,000 actions): once the output is flushed and the
    files written, nothing is left for the interpreter's own exit to do.
    """
    import gc

    gc.disable()
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # e.g. `kb check | head`: what was read is enough
        pass
    os._exit(code)


def run_report(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from checks.loading import KnowledgeBaseNotFound, load
    from checks.reports import assurance, highlight
    from checks.reports.period import PeriodError, parse_quarter, parse_year
    from checks.reports.scope import scope_from_result, site_linker
    from checks.rules.engine import run
    from checks.speed.cache import open_cache, using
    from checks.speed.gcpause import paused_gc

    today = resolve_today(args.as_of)
    since = None
    if args.report == "highlight" and args.since:
        try:
            since = parse_date(args.since)
        except DateError as exc:
            raise UsageError(f"--since: {exc}") from None
    try:
        period = None
        if args.report == "assurance":
            period = parse_quarter(args.quarter) if args.quarter else parse_year(args.year)
    except PeriodError as exc:
        raise UsageError(f"--{'quarter' if args.quarter else 'year'}: {exc}") from None
    output_ok(args.output)
    root = Path(args.path)
    cache = open_cache(root) if not args.no_cache and root.is_dir() else None
    with paused_gc(), using(cache):
        try:
            kb = load(root)
        except KnowledgeBaseNotFound as exc:
            stderr.write(f"kb report: {exc}\n")
            return EXIT_USAGE
        # The checks run so that a name holding an identifying detail is shown by
        # its id, as on the site.
        result = run(kb, today)
    if cache is not None:
        cache.save()
    scope = scope_from_result(kb, result, today)
    # The site packs long pages (the register, the tracker) into numbered pages:
    # a link to a section goes to the page the site put it on.
    from checks.site.build import SiteBuild
    from checks.site.paging import Anchors

    anchors = Anchors.of(SiteBuild(kb, result, today).generated())
    link = site_linker(args.site_url or os.environ.get("KB_SITE_URL"), anchors.resolve)
    try:
        if period is None:
            text = highlight.render(highlight.highlight(scope, args.group, since), link)
        else:
            kind = "quarter" if args.quarter else "year"
            text = assurance.render(assurance.assurance(scope, period, kind), link)
    except highlight.ReportError as exc:
        raise UsageError(f"--group: {exc}") from None
    if args.output:

        def write(out: TextIO) -> None:
            out.write(text)

        write_output(args.output, "w", write)
    else:
        stdout.write(text)
    return EXIT_OK


COMMANDS = {
    "cache": run_cache,
    "check": run_check,
    "diff": run_diff,
    "import": run_import,
    "init": run_init,
    "new": run_new,
    "redact": run_redact,
    "report": run_report,
    "rules": run_rules,
    "schema": run_schema,
    "sensitive": run_sensitive,
}


def main(
    argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    try:
        args = parse(argv)
    except SystemExit as exc:  # argparse has printed its message
        return EXIT_OK if exc.code in (0, None) else EXIT_USAGE
    try:
        return COMMANDS[args.command](args, out, err)
    except UsageError as exc:
        err.write(f"kb {args.command}: {exc}\n")
        return EXIT_USAGE
    except ModelUnavailable as exc:
        # The anonymisation gate cannot read names without its language model: the
        # check stops rather than pass text it has not read.
        err.write(f"kb {args.command}: the anonymisation check cannot run: {exc}\n")
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. `kb check | head`
        return EXIT_OK
    except KeyboardInterrupt:  # Ctrl-C: the conventional exit code, not a traceback
        err.write(f"kb {args.command}: interrupted\n")
        return EXIT_INTERRUPTED
