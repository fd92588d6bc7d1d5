"""The command line: thin commands over library functions.

Exit codes: 0 ok, 1 something failed (an input, a floor, a file), 2 usage.
Results go to stdout; progress, warnings and errors to stderr.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import signal
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from eventlens import __version__, schema
from eventlens.config import DEFAULT_SETTINGS, SCHEMA_VERSION, Settings
from eventlens.errors import ConfigError, EventlensError, InputError
from eventlens.ingest import FORMATS, FieldMap, article_from_text, parse_published, read_inputs
from eventlens.ingest.normalise import decode
from eventlens.records import Article, IngestError

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``eventlens`` command."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "func"):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.func(args))
    except ConfigError as exc:
        print(f"eventlens: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except EventlensError as exc:
        print(f"eventlens: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt as exc:
        print("eventlens: interrupted; stored articles are complete, re-run to continue", file=sys.stderr)
        return 128 + (exc.signum if isinstance(exc, Interrupted) else signal.SIGINT)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="eventlens", description="News articles to coded, explainable events.")
    parser.add_argument("--version", action="version", version=f"eventlens {__version__}")
    sub = parser.add_subparsers(metavar="COMMAND")

    code = sub.add_parser("code", help="code one article (or a JSONL stream) and print JSON")
    code.add_argument("input", help="an article (.txt, .html), a .jsonl/.json, feed or WARC file, a URL, or - "
                                    "for stdin")
    code.add_argument("--published", help="publication date YYYY-MM-DD (overrides metadata)")
    code.add_argument("--format", choices=("json", "jsonl"), default=None,
                      help="json: one indented document; jsonl: one line per article (default for JSONL input)")
    _add_input_options(code)
    code.add_argument("--kb-dir", help="user knowledge folder from `eventlens actors import` (or EVENTLENS_KB_DIR)")
    code.add_argument("--model", default="auto", help="spaCy pipeline: auto (md, then sm), md, sm")
    code.set_defaults(func=_cmd_code)

    _add_run(sub)

    summary = sub.add_parser("summary", help="print counts, top dyads and top categories of a database")
    summary.add_argument("--db", required=True)
    summary.add_argument("--top", type=int, default=10)
    summary.set_defaults(func=_cmd_summary)

    quotes = sub.add_parser("quotes", help="who said what: stored quotes by speaker and topic (JSON lines)")
    quotes.add_argument("--db", required=True)
    quotes.add_argument("--speaker", help="part of the speaker's name or description, e.g. Lavrov")
    quotes.add_argument("--about", help="text the quote must contain, e.g. Iran")
    quotes.add_argument("--limit", type=int, default=50)
    quotes.set_defaults(func=_cmd_quotes)

    explain = sub.add_parser("explain", help="show the parse, lexicon matches and rules behind each event")
    explain.add_argument("sentence", help="the text to explain (quote it)")
    explain.add_argument("--published", help="publication date YYYY-MM-DD for relative dates")
    explain.add_argument("--kb-dir", help="user knowledge folder from `eventlens actors import` (or EVENTLENS_KB_DIR)")
    explain.add_argument("--model", default="auto")
    explain.set_defaults(func=_cmd_explain)

    actors = sub.add_parser("actors", help="manage the actor knowledge base")
    actors_sub = actors.add_subparsers(metavar="ACTION")
    importer = actors_sub.add_parser("import", help="import people and organisations into a user knowledge folder")
    importer.add_argument("source", help="a Wikidata SPARQL JSON result, a Wikidata JSON dump subset, or a "
                                         "PETRARCH actor dictionary")
    importer.add_argument("--format", choices=("sparql", "wikidata", "petrarch"), required=True)
    importer.add_argument("--kb-dir", required=True,
                          help="folder to write (use it with --kb-dir or EVENTLENS_KB_DIR when coding)")
    importer.set_defaults(func=_cmd_actors_import)

    evaluate = sub.add_parser("eval", help="score against gold data and enforce the stored floors")
    evaluate.add_argument("--gold", default=None, help="gold folder (default: ../shared/gold)")
    evaluate.add_argument("--floors", default="eval/floors.json", help="floors file (default: eval/floors.json)")
    evaluate.add_argument("--sets", default=None, help="comma-separated subset of sets to run")
    evaluate.add_argument("--raise-floors", action="store_true",
                          help="after a passing run, raise each floor to today's score (floors never go down)")
    evaluate.add_argument("--model", default="auto")
    evaluate.set_defaults(func=_cmd_eval)
    return parser


def _add_run(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    run = sub.add_parser("run", help="code every article under PATH into a DuckDB database")
    run.add_argument("paths", nargs="+", metavar="PATH",
                     help="files, directories (walked recursively), feed URLs or - for stdin: .txt (with .meta.json), "
                          ".html, .json, .jsonl, .rss/.atom/.xml feeds, .warc, any of them .gz")
    run.add_argument("--db", required=True, help="DuckDB file to create or extend")
    _add_input_options(run)
    run.add_argument("--kb-dir", help="user knowledge folder from `eventlens actors import` (or EVENTLENS_KB_DIR)")
    run.add_argument("--model", default="auto", help="spaCy pipeline: auto (md, then sm), md, sm")
    run.add_argument("--batch-size", type=int, default=DEFAULT_SETTINGS.batch_size)
    run.add_argument("--workers", type=int, default=None,
                     help="worker processes, each with its own model, beside this process that reads and "
                          "writes (default: all cores; 0: code in this process)")
    run.add_argument("--limit", type=int, default=None, help="read at most N inputs (the same N on a re-run)")
    run.add_argument("--since", help="skip articles published before YYYY-MM-DD (undated ones are kept)")
    run.add_argument("--language", default="en",
                     help="comma-separated ISO 639-1 codes to code (default en); others are recorded as "
                          "skipped with the detected language; 'any' turns detection off")
    run.add_argument("--quiet", action="store_true", help="no progress line on stderr")
    run.set_defaults(func=_cmd_run)


def _settings(args: argparse.Namespace) -> Settings:
    return replace(DEFAULT_SETTINGS, model=getattr(args, "model", "auto"),
                   batch_size=max(1, getattr(args, "batch_size", DEFAULT_SETTINGS.batch_size)),
                   kb_dir=getattr(args, "kb_dir", None) or os.environ.get("EVENTLENS_KB_DIR") or None)


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- code ---------------------------------------------------------------------------------

def _cmd_code(args: argparse.Namespace) -> int:
    from eventlens.nlp import model_name  # noqa: PLC0415  # keep `eventlens --help` fast
    from eventlens.pipeline import Resources, code_stream  # noqa: PLC0415  # keep `eventlens --help` fast

    published = parse_published(args.published)
    name = args.input
    if name != "-" and "://" not in name and not Path(name).exists():
        raise InputError(name, "no such file; give an article file, a .jsonl/.json/feed/WARC file, a URL, or - "
                               "for stdin")
    output = args.format or ("jsonl" if _many_articles(name, args.input_format) else "json")
    items = [_with_date(item, published) for item in
             read_inputs([name], args.input_format, fields=_fields(args), timeout=args.timeout)]
    res = Resources.load(_settings(args))
    model = model_name(res.nlp)
    failed = 0
    for item in code_stream(items, res):
        if isinstance(item, IngestError):
            failed += 1
            print(f"eventlens: {item.source}: {item.reason}", file=sys.stderr)
            document: dict[str, object] = {"schema_version": SCHEMA_VERSION,
                                           "error": {"source": item.source, "reason": item.reason}}
        else:
            document = schema.result(item, model)
        print(json.dumps(document, ensure_ascii=False, indent=None if output == "jsonl" else 2))
    return EXIT_FAILURE if failed else EXIT_OK


def _many_articles(name: str, input_format: str) -> bool:
    """Does this input hold several articles (so that one JSON line per article suits it)?"""
    if input_format != "auto":
        return input_format in ("json", "jsonl", "feed", "warc")
    bare = name.lower().removesuffix(".gz")
    return "://" in name or Path(name).is_dir() or bare.endswith(_MANY_SUFFIXES)


_MANY_SUFFIXES = (".jsonl", ".ndjson", ".json", ".rss", ".atom", ".xml", ".warc")


def _fields(args: argparse.Namespace) -> FieldMap:
    return FieldMap(text=args.text_field, title=args.title_field, published=args.date_field, url=args.url_field,
                    id=args.id_field)


def _add_input_options(parser: argparse.ArgumentParser) -> None:
    """Options of every command that reads inputs: format, JSON field names, fetch timeout."""
    parser.add_argument("--input-format", choices=FORMATS, default="auto",
                        help="reader to use (default: by extension; URLs are read as feeds)")
    parser.add_argument("--text-field", default="text", help="JSON field holding the article text (a.b for nested)")
    parser.add_argument("--title-field", default="title", help="JSON field holding the title")
    parser.add_argument("--date-field", default="published",
                        help="JSON field holding the publication date ('date' is tried when this is absent)")
    parser.add_argument("--url-field", default="url", help="JSON field holding the URL")
    parser.add_argument("--id-field", default="id", help="JSON field holding your own article id")
    parser.add_argument("--timeout", type=float, default=20.0, help="seconds to wait for a feed or page (URLs)")


def _with_date(item: Article | IngestError, published: dt.date | None) -> Article | IngestError:
    if isinstance(item, Article) and published is not None:
        return replace(item, published=published)
    return item


# -- run ----------------------------------------------------------------------------------

def _cmd_run(args: argparse.Namespace) -> int:
    from eventlens.batch import RunOptions, RunReport, estimate_inputs, run_corpus  # noqa: PLC0415  # keep --help fast
    from eventlens.parallel import default_workers  # noqa: PLC0415  # keep `eventlens --help` fast
    from eventlens.progress import Progress  # noqa: PLC0415  # keep `eventlens --help` fast
    from eventlens.query import format_summary, summarise  # noqa: PLC0415  # keep `eventlens --help` fast
    from eventlens.store import Store  # noqa: PLC0415  # keep `eventlens --help` fast

    workers = args.workers if args.workers is not None else default_workers()
    if workers < 0:
        raise ConfigError(f"--workers {workers}: give the number of worker processes (0: code in this process)")
    if args.limit is not None and args.limit < 0:
        raise ConfigError(f"--limit {args.limit}: give 0 or more inputs")
    languages = frozenset(code.strip() for code in args.language.split(",") if code.strip())
    options = RunOptions(paths=tuple(args.paths), input_format=args.input_format, fields=_fields(args),
                         timeout=args.timeout, workers=workers,
                         limit=args.limit, since=parse_published(args.since, "--since") if args.since else None,
                         languages=frozenset() if "any" in languages else languages)
    total = estimate_inputs(args.paths)
    progress = Progress(min(total, args.limit) if total is not None and args.limit is not None else total,
                        enabled=not args.quiet)

    def report(state: RunReport) -> None:
        progress.update(state.done, state.new, len(state.errors))

    started = time.perf_counter()
    signal.signal(signal.SIGTERM, _interrupt)  # a polite kill stores what is coded, as Ctrl-C does
    try:
        result = run_corpus(args.db, options, _settings(args), report)
    finally:
        progress.close()
    with Store(args.db, read_only=True) as store:
        print(format_summary(summarise(store)))
    _progress(f"eventlens: {result.new} new, {result.known} already stored (same text), {result.skipped} skipped, "
              f"{len(result.errors)} failed in {time.perf_counter() - started:.1f}s -> {args.db}")
    for error in result.errors[:20]:
        _progress(f"eventlens: failed: {error.source}: {error.reason}")
    if len(result.errors) > 20:
        _progress(f"eventlens: ... and {len(result.errors) - 20} more (see table ingest_errors)")
    return EXIT_FAILURE if result.errors else EXIT_OK


class Interrupted(KeyboardInterrupt):
    """A termination signal, handled like Ctrl-C: what is coded is stored, then the run stops."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"signal {signum}")
        self.signum = signum


def _interrupt(signum: int, frame: object) -> None:
    raise Interrupted(signum)


# -- summary ------------------------------------------------------------------------------

def _cmd_summary(args: argparse.Namespace) -> int:
    from eventlens.query import format_summary, summarise  # noqa: PLC0415  # keep `eventlens --help` fast
    from eventlens.store import Store  # noqa: PLC0415  # keep `eventlens --help` fast

    if not Path(args.db).exists():
        raise InputError(args.db, "no such database; create it with `eventlens run PATH --db FILE`")
    with Store(args.db, read_only=True) as store:
        print(format_summary(summarise(store, args.top)))
    return EXIT_OK


# -- quotes -------------------------------------------------------------------------------

def _cmd_quotes(args: argparse.Namespace) -> int:
    from dataclasses import asdict  # noqa: PLC0415  # keep `eventlens --help` fast

    from eventlens.query import find_quotes  # noqa: PLC0415  # keep `eventlens --help` fast
    from eventlens.store import Store  # noqa: PLC0415  # keep `eventlens --help` fast

    if not Path(args.db).exists():
        raise InputError(args.db, "no such database; create it with `eventlens run PATH --db FILE`")
    with Store(args.db, read_only=True) as store:
        for row in find_quotes(store, args.speaker, args.about, args.limit):
            print(json.dumps(asdict(row), ensure_ascii=False))
    return EXIT_OK


# -- explain ------------------------------------------------------------------------------

def _cmd_explain(args: argparse.Namespace) -> int:
    from eventlens.explain import explain  # noqa: PLC0415  # keep `eventlens --help` fast
    from eventlens.pipeline import Resources  # noqa: PLC0415  # keep `eventlens --help` fast

    published = parse_published(args.published)
    text = decode(args.sentence.encode("utf-8"), "<sentence>")
    article = article_from_text(text, source="<sentence>", published=published)
    print(explain(article, Resources.load(_settings(args))))
    return EXIT_OK


# -- actors import ------------------------------------------------------------------------

def _cmd_actors_import(args: argparse.Namespace) -> int:
    from eventlens.actors import importers  # noqa: PLC0415  # keep `eventlens --help` fast

    path = Path(args.source)
    if not path.is_file():
        raise InputError(args.source, "no such file; give a SPARQL JSON result, a Wikidata dump or a dictionary")
    text = decode(path.read_bytes(), args.source)
    organisations: list[dict[str, object]] = []
    if args.format == "petrarch":
        people, organisations = importers.from_petrarch(text, args.source)
    elif args.format == "sparql":
        try:
            people = importers.from_sparql(json.loads(text), args.source)
        except ValueError as exc:
            raise InputError(args.source, f"not valid JSON ({exc}); export the query result as JSON") from exc
    else:
        try:
            people = importers.from_wikidata_dump(text.splitlines(keepends=True), args.source)
        except ValueError as exc:
            raise InputError(args.source, f"not a Wikidata JSON dump ({exc})") from exc
    added_people, added_orgs = importers.write_user_tables(Path(args.kb_dir), people, organisations)
    print(f"{added_people} people and {added_orgs} organisations written to {args.kb_dir}")
    return EXIT_OK


# -- eval ---------------------------------------------------------------------------------

def _cmd_eval(args: argparse.Namespace) -> int:
    from eventlens.evaluation.runner import run_eval  # noqa: PLC0415  # keep `eventlens --help` fast

    sets = args.sets.split(",") if args.sets else None
    ok = run_eval(gold=args.gold, floors=Path(args.floors), sets=sets, raise_floors=args.raise_floors,
                  settings=_settings(args), out=sys.stdout)
    return EXIT_OK if ok else EXIT_FAILURE


if __name__ == "__main__":
    raise SystemExit(main())
