"""The command line: a thin layer over postlint.engine / postlint.runner.

Exit codes: 0 clean, 1 findings at or above --fail-on (or a post over
--max-score), 2 usage, config, rule-file or input error.  Never the count.
"""
from __future__ import annotations

import os
import sys

import click

from . import __version__

SEVERITIES = ("error", "warning", "suggestion")


def _pipe_safe(fn):
    """A closed pipe (``postlint check ... | head -1``) ends the command quietly with status 0.

    Click would turn it into status 1, so commands handle it themselves."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except BrokenPipeError:
            _quiet_stdout()
            sys.exit(0)

    return wrapper


def _fail(msg: str) -> None:
    click.echo(f"postlint: {msg}", err=True)
    sys.exit(2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="postlint")
def cli() -> None:
    """Lint social-media post drafts for tear-off-calendar slogans and famous-quote reposts."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json", "jsonl", "github", "sarif"]), default="text",
              show_default=True, help="Output format.")
@click.option("--config", type=click.Path(dir_okay=False), help="Config file (default: .postlint.yaml or "
              "[tool.postlint] in pyproject.toml, found walking up).")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=None,
              help="Lowest severity that fails the run [default: warning].")
@click.option("--max-score", type=click.IntRange(0, 100), default=None,
              help="Flag posts whose calendar score is above N [default: 49].")
@click.option("--select", multiple=True, help="Only these rules (ids, id prefixes or names; comma-separated or repeated).")
@click.option("--ignore", multiple=True, help="Skip these rules (comma-separated or repeated).")
@click.option("--field", default=None, help="JSONL field / CSV column holding the post [default: text].")
@click.option("--stdin-filename", default=None, help="Name (and format, by suffix) for text read from stdin.")
@click.option("--model", default=None, help="spaCy pipeline to use (name or path).")
@click.option("--no-advice", is_flag=True, help="Text output: leave out the 'Try instead' blocks.")
@click.option("--color/--no-color", default=None, help="Colour text output [default: when a terminal].")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), default=None,
              help="Report only findings that are not in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), default=None,
              help="Record the current findings in FILE (atomically) and exit 0 unless an input failed.")
@click.option("-j", "--jobs", default=None, metavar="N|auto",
              help="Worker processes for large inputs ('auto': one per core; default: config 'jobs', else 1). "
                   "Output order is unchanged.")
@click.option("-q", "--quiet", is_flag=True, help="No notices or progress on stderr.")
@_pipe_safe
def check(paths, fmt, config, fail_on, max_score, select, ignore, field, stdin_filename, model, no_advice,
          color, baseline_path, write_baseline, jobs, quiet):
    """Lint PATHS (files, folders, or - for stdin)."""
    from .config import load_settings
    from .findings import PostlintError, Severity

    from .runner import resolve_jobs

    if not paths:
        if sys.stdin is not None and not sys.stdin.isatty():
            paths = ("-",)
        else:
            _fail("nothing to check: give files, folders, or - for stdin")
    try:
        settings = load_settings(config, fail_on=fail_on, max_score=max_score, select=_split(select),
                                 ignore=_split(ignore), field=field, model=model)
        from .engine import Linter

        try:
            njobs = resolve_jobs(jobs if jobs is not None else settings.jobs)
        except ValueError:
            _fail(f"--jobs must be a positive number or 'auto', got {jobs!r}")
        linter = Linter(settings)
        from .baseline import Baseline, BaselineWriter

        baseline = Baseline.read(baseline_path) if baseline_path else None
        recorder = BaselineWriter(write_baseline) if write_baseline else None
    except PostlintError as exc:
        _fail(str(exc))
    if linter.model_error and not quiet:
        skipped = ", ".join(r.meta.name for r in linter.skipped) or "none (rules that use tags fall back to word lists)"
        click.echo(f"postlint: no spaCy pipeline could be loaded ({linter.model_error}); skipped: {skipped}", err=True)
    out = sys.stdout
    if write_baseline:  # recording a baseline prints no report
        from .output import NullWriter

        writer = NullWriter()
    else:
        writer = _writer(fmt, out, linter, color if color is not None else out.isatty(), not no_advice)
    from .runner import iter_inputs, run
    from .source import SourceProblem

    threshold = Severity.parse(settings.fail_on)
    failed = False
    errors: list[str] = []
    summary = {"posts": 0, "flagged": 0, "findings": 0, "by_severity": {s: 0 for s in SEVERITIES}}
    progress = Progress(enabled=fmt == "text" and not quiet and not write_baseline and _isatty(sys.stderr))
    for item in run(linter, iter_inputs(list(paths), settings.field, stdin_filename), jobs=njobs):
        progress.clear()
        if isinstance(item, SourceProblem):
            errors.append(str(item))
            click.echo(f"postlint: {item}", err=True)
            writer.problem(item)
            continue
        if baseline is not None:
            baseline.filter(item)
        if recorder is not None:
            recorder.add(item)
        summary["posts"] += 1
        summary["flagged"] += int(item.flagged)
        summary["findings"] += len(item.findings)
        for f in item.findings:
            summary["by_severity"][str(f.severity)] += 1
            if f.severity >= threshold:
                failed = True
        for msg in item.failures:
            err = f"{item.post.source}:{item.post.line}: {msg}"
            errors.append(err)
            click.echo(f"postlint: {err}", err=True)
        writer.post(item)
        progress.tick(summary["posts"])
    progress.clear()
    writer.close(summary, errors)
    out.flush()
    if baseline is not None and baseline.suppressed and not quiet:
        click.echo(f"postlint: {baseline.suppressed} finding(s) already in {baseline_path} not shown", err=True)
    if recorder is not None:
        try:
            n = recorder.write()
        except OSError as exc:
            _fail(f"{write_baseline}: cannot write baseline: {exc.strerror or exc}")
        if not quiet:
            click.echo(f"postlint: wrote {n} finding(s) to {write_baseline}", err=True)
        failed = False
    sys.exit(2 if errors else 1 if failed else 0)


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Progress:
    """'postlint: 12,345 posts checked (2,100/s)' on stderr, redrawn in place.

    Only for text output to a terminal, and only once a run passes a few hundred posts;
    cleared before any output line so findings and the counter never mix."""

    START = 300

    def __init__(self, enabled: bool):
        import time

        self.enabled, self.shown, self.t0, self.last = enabled, False, time.monotonic(), 0.0
        self._time = time.monotonic

    def tick(self, n: int) -> None:
        if not self.enabled or n < self.START:
            return
        now = self._time()
        if self.shown and now - self.last < 0.1:
            return
        rate = n / max(1e-9, now - self.t0)
        sys.stderr.write(f"\rpostlint: {n:,} posts checked ({rate:,.0f}/s)")
        sys.stderr.flush()
        self.shown, self.last = True, now

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()
            self.shown = False


def _split(values) -> tuple[str, ...]:
    """--select A,B --select C -> (A, B, C)"""
    return tuple(v.strip() for item in values for v in item.split(",") if v.strip())


def _writer(fmt, out, linter, color, advice):
    if fmt == "json" or fmt == "jsonl":
        from .output.jsonfmt import JsonWriter

        return JsonWriter(out, lines=fmt == "jsonl")
    if fmt == "github":
        from .output.github import GithubWriter

        return GithubWriter(out)
    if fmt == "sarif":
        from .meta_rules import ENGINE_RULES
        from .output.sarif import SarifWriter

        return SarifWriter(out, [r.meta for r in linter.rules] + list(ENGINE_RULES))
    from .output.text import TextWriter

    return TextWriter(out, color=color, advice=advice)


@cli.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--config", type=click.Path(dir_okay=False))
@_pipe_safe
def rules_cmd(fmt, config):
    """List the rules: id, name, default severity, kind and summary."""
    from .config import load_settings
    from .findings import PostlintError
    from .meta_rules import ENGINE_RULES
    from .ruleset import load_rules

    try:
        settings = load_settings(config)
        rules = [r.meta for r in load_rules(settings.rule_dirs)] + list(ENGINE_RULES)
    except PostlintError as exc:
        _fail(str(exc))
    rules.sort(key=lambda m: m.id)
    if fmt == "json":
        import json

        click.echo(json.dumps([{"id": m.id, "name": m.name, "severity": str(m.severity), "kind": m.kind,
                                "enabled": m.enabled, "summary": m.summary or m.message} for m in rules], indent=2))
        return
    for m in rules:
        click.echo(f"{m.id}  {m.name:<28} {str(m.severity):<10} {m.kind:<9} {m.summary or m.why.splitlines()[0]}")


@cli.command()
@click.argument("name")
@_pipe_safe
def explain(name):
    """Explain a rule (id or name), or show the rewrite guidance for a theme."""
    from .findings import PostlintError
    from .meta_rules import ENGINE_RULES
    from .ruleset import load_rules

    try:
        metas = [r.meta for r in load_rules()] + list(ENGINE_RULES)
    except PostlintError as exc:
        _fail(str(exc))
    for m in metas:
        if name in (m.id, m.name):
            click.echo(f"{m.id} {m.name} ({m.kind}, default severity: {m.severity})\n")
            if m.doc:
                click.echo(m.doc + "\n")
            else:
                click.echo(f"Why: {m.why}\n")
                click.echo("Bad:\n" + "\n".join(f"  {e}" for e in m.examples_bad))
                click.echo("Good:\n" + "\n".join(f"  {e}" for e in m.examples_good) + "\n")
            click.echo(f"Instead: {m.suggestion}")
            return
    from .advice import load_guidance

    g = load_guidance()
    key = name.replace("-", " ")
    if key in g:
        t = g[key]
        click.echo(f"Theme: {t.get('label', key)}\n\nQuestions to answer:")
        for q in t["questions"]:
            click.echo(f"  - {q}")
        click.echo(f"\nScaffold: {t['scaffold']}\n\nExample: {t['example']}")
        return
    _fail(f"no rule or theme named {name!r} (see 'postlint rules'; themes: {', '.join(g)})")


@cli.command()
@click.argument("text", required=False)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--limit", default=5, show_default=True, help="Most matches to show.")
@_pipe_safe
def quote(text, fmt, limit):
    """Look TEXT (or stdin) up in the famous-quote corpus."""
    from . import attribution
    from .quotes import get_index

    if text is None:
        text = sys.stdin.read()
    index = get_index()
    matches = index.lookup(text, limit)
    rows = []
    for m in matches:
        attr = attribution.find(text, m.start, m.end, index.authors)
        rows.append({"quote_id": m.record.id, "quote": m.record.text, "author": m.record.author or None,
                     "similarity": m.similarity, "coverage": m.coverage, "attribution_note": m.record.attribution,
                     "attributed_to": attr.name if attr else None, "source": m.record.source,
                     "license": m.record.license, "match": text[m.start:m.end]})
    if fmt == "json":
        import json

        click.echo(json.dumps({"matches": rows}, indent=2, ensure_ascii=False))
    else:
        if not rows:
            click.echo("No famous quote found.")
        for r in rows:
            click.echo(f"{r['similarity']:5.1f}%  {r['author'] or 'unknown'}: “{r['quote']}”  [{r['quote_id']}, {r['source']}]")
            if r["attribution_note"]:
                click.echo(f"        attribution: {r['attribution_note']}")
            if r["attributed_to"]:
                click.echo(f"        the text credits: {r['attributed_to']}")
    sys.exit(0 if rows else 1)


@cli.command()
@click.argument("path", required=False, default="-", type=click.Path(allow_dash=True, dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=False), default=None,
              help="Write the rewritten file here (atomically) instead of only printing the draft.")
@click.option("--overwrite", is_flag=True, help="Allow -o to name the input file itself.")
@click.option("--post", "post_no", type=click.IntRange(1), default=None,
              help="Which post of a multi-post file (1-based) [default: the first flagged one].")
@click.option("--no-input", is_flag=True, help="Ask nothing: print the findings, questions and scaffold.")
@click.option("--config", type=click.Path(dir_okay=False), help="Config file.")
@click.option("--field", default=None, help="JSONL field / CSV column holding the post [default: text].")
@_pipe_safe
def rewrite(path, output, overwrite, post_no, no_input, config, field):
    """Coach a rewrite of a flagged post in PATH (or stdin): findings, questions, then a draft."""
    from .config import load_settings
    from .engine import Linter
    from .findings import PostlintError
    from .output.text import TextWriter
    from .rewrite import assemble, plan_for, quote_prompt
    from .runner import iter_inputs
    from .source import SourceProblem

    in_place = bool(output and path != "-" and os.path.exists(output) and os.path.samefile(output, path))
    if in_place and not overwrite:
        _fail(f"{output}: refusing to overwrite the input; add --overwrite to replace it")
    try:
        settings = load_settings(config, field=field)
        linter = Linter(settings)
    except PostlintError as exc:
        _fail(str(exc))
    stdin_text = path == "-"
    posts = []
    for item in iter_inputs([path], settings.field):
        if isinstance(item, SourceProblem):
            _fail(str(item))
        posts.append(item)
    results = list(linter.lint_posts(posts))
    if post_no is not None:
        if post_no > len(results):
            _fail(f"{path}: has {len(results)} post(s), no post {post_no}")
        chosen = results[post_no - 1]
    else:
        chosen = next((r for r in results if r.flagged), results[0] if results else None)
    if chosen is None:
        _fail(f"{path}: no post to rewrite")
    if in_place and chosen.post.file is None:
        _fail(f"{output}: a JSONL/CSV record cannot be rewritten in place; write the draft to another file")
    plan = plan_for(chosen)
    if plan is None:
        click.echo(f"{chosen.post.source}: this post is not flagged (score {chosen.score.score if chosen.score else 0}"
                   f"/100); nothing to rewrite.")
        sys.exit(0)
    TextWriter(sys.stdout, color=sys.stdout.isatty(), advice=False).post(chosen)
    click.echo(f"Themes: {', '.join(plan.themes)}")
    if plan.replace:
        click.echo("Replace: " + "; ".join(f"line {r['line']}: {r['text']!r}" for r in plan.replace[:6]))
    if plan.kept:
        click.echo("Keep: " + " | ".join(plan.kept))
    interactive = not no_input
    if interactive and stdin_text:  # the post came on stdin: questions need the terminal
        try:
            tty_in = open("/dev/tty", encoding="utf-8")  # noqa: SIM115
        except OSError:
            tty_in = None
            interactive = False
            click.echo("(stdin is the post and there is no terminal to ask on; showing the questions only)")
    if not interactive:
        if plan.quote:
            click.echo(f"\n{quote_prompt(plan)} Either connect it in one sentence to something that happened "
                       "to you, or drop it and tell that thing instead.")
        click.echo("\nQuestions:")
        for n, q in enumerate(plan.questions, 1):
            click.echo(f"  {n}. {q}")
        click.echo(f"\nScaffold: {plan.scaffold}\nExample: {plan.example}")
        sys.exit(0)

    def ask(text: str, **kw):
        if stdin_text and tty_in is not None:
            click.echo(text + kw.get("prompt_suffix", ": "), nl=False)
            line = tty_in.readline()
            if not line:
                raise click.exceptions.Abort()
            return line.rstrip("\n") or kw.get("default", "")
        return click.prompt(text, **kw)

    click.echo("\nAnswer in a sentence or two; press Enter to skip a question.")
    answers = [ask(f"\n{q}", default="", show_default=False, prompt_suffix="\n> ") for q in plan.questions]
    keep_quote, connection = False, ""
    if plan.quote:
        reply = ask(f"\n{quote_prompt(plan)} [y/N]", default="n", show_default=False)
        keep_quote = str(reply).strip().lower() in ("y", "yes")
        if keep_quote:
            connection = ask("In one sentence: what happened to you that this quote is about?", default="",
                             show_default=False, prompt_suffix="\n> ")
    if not any(a.strip() for a in answers) and not connection.strip():
        click.echo("\nNo answers, so no draft. Scaffold to start from:\n  " + plan.scaffold)
        sys.exit(0)
    draft = assemble(plan, answers, keep_quote, connection)
    click.echo("\n--- draft ---\n" + draft.rstrip("\n") + "\n-------------")
    from .source import Post

    again = next(iter(linter.lint_posts([Post("<draft>", 0, draft, 1)])))
    before = chosen.score.score if chosen.score else 0
    after = again.score.score if again.score else 0
    verdict = "still flagged; answer with more specifics" if again.flagged else "not flagged"
    click.echo(f"Calendar score: {before} -> {after} ({verdict}).")
    if output:
        p = chosen.post
        if p.file is not None:  # keep front matter and the file's other posts
            whole = p.file.text
            content = whole[:p.offset] + draft.rstrip("\n") + whole[p.offset + len(p.text):]
            if not content.endswith("\n"):
                content += "\n"
        else:
            content = draft
        from .fsutil import write_atomic

        try:
            write_atomic(output, content.encode("utf-8"))
        except OSError as exc:
            _fail(f"{output}: cannot write: {exc.strerror or exc}")
        click.echo(f"Wrote {output}.")


def main() -> None:
    """Entry point.  Click runs in non-standalone mode so that postlint, not click, decides
    what Ctrl-C (130, one line) and a closed pipe (0, silent) look like."""
    _finish(_run_cli())


def _run_cli() -> int:
    try:
        try:
            cli.main(prog_name="postlint", standalone_mode=False)
        except click.exceptions.Abort as exc:
            if isinstance(exc.__cause__ or exc.__context__, KeyboardInterrupt):
                raise KeyboardInterrupt from None
            sys.stderr.write("postlint: aborted\n")
            return 1
        except click.ClickException as exc:
            exc.show()
            return exc.exit_code
        return 0
    except KeyboardInterrupt:
        sys.stderr.write("postlint: interrupted\n")
        return 130
    except BrokenPipeError:
        _quiet_stdout()
        return 0
    except SystemExit as exc:
        code = exc.code
        if code is None or isinstance(code, int):
            return code or 0
        sys.stderr.write(f"{code}\n")
        return 1
    except Exception as exc:  # last resort: one line, never a traceback
        sys.stderr.write(f"postlint: internal error: {type(exc).__name__}: {exc}\n")
        return 2


def _finish(code: int) -> None:
    """Exit with ``code``.  Once a spaCy pipeline is loaded, tearing the interpreter down
    costs about 0.15 s (a pre-commit hook pays it on every commit), so after flushing
    the output postlint leaves at once; it holds no other resources by then."""
    if "spacy" not in sys.modules:
        sys.exit(code)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()
        code = 0 if code != 130 else code
    except (OSError, ValueError):
        pass
    try:
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    os._exit(code)


def _quiet_stdout() -> None:
    """After a closed pipe, point stdout at /dev/null so the final flush cannot complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":  # pragma: no cover
    main()
