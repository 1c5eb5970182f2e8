"""Command line: a thin layer over the library. Errors become one line on stderr here only.

Exit codes: 0 ok, 1 new conflicts (check), 2 bad usage or unreadable input.
"""
from __future__ import annotations

import os
import sys

import click

from . import __version__
from .check import (BaselineError, BaselineMissing, describe, load_baseline, new_conflicts, step_summary,
                    write_baseline)
from .config import ConfigError, load_config
from .executors import ExecutorError
from .pipeline import extract_paths, run
from .render import claims_jsonl, claims_table, terminal_summary, to_json, write_reports


def _err(msg: str) -> None:
    click.echo(f"crosscheck: error: {msg}", err=True)


def _run_options(f):
    f = click.option("--config", "config_path", type=click.Path(dir_okay=False),
                     help="TOML file extending the lexicon and policies.")(f)
    f = click.option("--workers", type=int, default=None, help="Worker processes (default: all cores).")(f)
    f = click.option("--executor", type=click.Choice(["auto", "serial", "process", "dask"]), default="auto",
                     show_default=True, help="Where per-article extraction runs.")(f)
    f = click.option("--scheduler", default=None, help="Dask scheduler address (with --executor dask).")(f)
    f = click.option("--no-cache", is_flag=True, help="Do not read or write the extraction cache.")(f)
    f = click.option("--quiet", "-q", is_flag=True, help="No progress bar.")(f)
    f = click.argument("paths", nargs=-1, required=True)(f)
    return f


def _kw(config_path, workers, executor, scheduler, no_cache, quiet):
    try:
        config = load_config(config_path)
    except ConfigError as exc:
        _err(str(exc))
        sys.exit(2)
    progress = not quiet and sys.stderr.isatty()
    return config, dict(executor=executor, workers=workers, scheduler=scheduler, cache=not no_cache,
                        cache_path=os.environ.get("CROSSCHECK_CACHE"), progress=progress)


def _report_errors(errors) -> int:
    for e in errors:
        _err(str(e))
    return 2 if errors else 0


class _Group(click.Group):
    """Library errors that end a whole run become one line on stderr and exit 2, here only."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except ExecutorError as exc:
            _err(str(exc))
            ctx.exit(exc.exit_code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="crosscheck")
def cli():
    """Cross-check the numbers that different news sources report about the same events."""


@cli.command()
@_run_options
@click.option("--json", "as_json", is_flag=True, help="JSON Lines, one claim per line (see contract.md).")
def extract(paths, as_json, **opts):
    """Print every numeric claim in the articles under PATHS."""
    config, kw = _kw(**opts)
    _, claims, _, errors = extract_paths(paths, config, **kw)
    click.echo(claims_jsonl(claims) if as_json else claims_table(claims), nl=not as_json)
    sys.exit(_report_errors(errors))


@cli.command()
@_run_options
@click.option("-o", "--output", "outdir", default="reports", show_default=True, type=click.Path(file_okay=False),
              help="Folder for the Markdown, CSV and HTML reports.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON (see contract.md) instead.")
@click.option("--sqlite", "sqlite_path", type=click.Path(dir_okay=False), default=None,
              help="Also write documents, claims, events and findings to this SQLite file.")
def report(paths, outdir, as_json, sqlite_path, **opts):
    """Align and reconcile the claims in PATHS and write the reports.

    Writes report.md, claims.csv, findings.csv, report.html (one page that opens offline)
    and report.json into the output folder; with --json prints the JSON only.
    """
    config, kw = _kw(**opts)
    result = run(paths, config, **kw)
    try:
        if as_json:
            click.echo(to_json(result), nl=False)
        else:
            for p in write_reports(result, outdir):
                click.echo(f"wrote {p}", err=True)
            click.echo(terminal_summary(result), nl=False)
        if sqlite_path:
            from .render.sqlite import write_sqlite
            write_sqlite(result, sqlite_path)
            click.echo(f"wrote {sqlite_path}", err=True)
    except OSError as exc:
        _err(f"{exc.filename or outdir}: cannot write ({exc.strerror or exc})")
        sys.exit(2)
    sys.exit(_report_errors(result.errors))


@cli.command()
@_run_options
@click.option("--baseline", required=True, type=click.Path(dir_okay=False), help="JSON file of known conflicts.")
@click.option("--update-baseline", is_flag=True, help="Write the current conflicts to the baseline and exit 0.")
def check(paths, baseline, update_baseline, **opts):
    """Exit 1 when the articles bring a conflict that the baseline does not list.

    Exit 0: every conflict is in the baseline; 1: a new one (printed, and annotated
    with ::error lines when GITHUB_ACTIONS is set); 2: bad usage or unreadable input.
    A missing baseline counts as empty (every conflict is new); --update-baseline writes it.
    """
    config, kw = _kw(**opts)
    known, missing = set(), None
    if not update_baseline:  # a corrupt baseline fails before the (long) run
        try:
            known = load_baseline(baseline)
        except BaselineMissing as exc:
            missing = exc
        except BaselineError as exc:
            _err(str(exc))
            sys.exit(2)
    result = run(paths, config, **kw)
    code = _report_errors(result.errors)
    if code:
        sys.exit(code)
    if update_baseline:
        try:
            n = write_baseline(baseline, result)
        except OSError as exc:
            _err(f"{baseline}: cannot write baseline ({exc.strerror or exc})")
            sys.exit(2)
        click.echo(f"wrote {baseline} ({n} conflicts)", err=True)
        sys.exit(0)
    if missing is not None:
        click.echo(f"crosscheck: warning: {missing}: every conflict counts as new; "
                   "run with --update-baseline to accept the current ones", err=True)
    new = new_conflicts(result, known)
    github = bool(os.environ.get("GITHUB_ACTIONS"))
    for f in new:
        click.echo("\n".join(describe(f, result, github=github)))
    summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
    if github and summary_path:
        try:
            with open(summary_path, "a", encoding="utf-8") as fh:
                fh.write(step_summary(new, result, baseline))
        except OSError as exc:
            _err(f"{summary_path}: cannot write the job summary ({exc.strerror or exc})")
    total = len(new_conflicts(result, set()))
    click.echo(f"{len(new)} new conflicts, {total - len(new)} known ({baseline})", err=True)
    sys.exit(1 if new else 0)


def main():
    cli(prog_name="crosscheck")
