"""The engine: rules in, posts through one batched spaCy pass, findings out.

``Linter.lint_posts`` is pure with respect to its inputs: it reads posts and
returns results.  It owns every position: rules report spans relative to the
post, the engine turns them into source offsets and line/column.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from . import meta_rules, score as scoring, textutil
from .config import Settings, apply_selection
from .context import PostContext
from .findings import Finding, Severity, Violation
from .ruleset import CompileEnv, Rule, load_rules
from .source import LineIndex, Post

BATCH = 256


@dataclass
class PostResult:
    post: Post
    findings: list[Finding] = field(default_factory=list)
    score: scoring.ScoreResult | None = None
    advice: dict | None = None
    failures: list[str] = field(default_factory=list)

    @property
    def flagged(self) -> bool:
        return any(f.rule_id == meta_rules.CALENDAR.id for f in self.findings)

    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)


class Linter:
    def __init__(self, settings: Settings | None = None, rules: list[Rule] | None = None,
                 load_model: bool = True):
        self.settings = settings or Settings()
        all_rules = rules if rules is not None else load_rules(self.settings.rule_dirs)
        self.all_rules = all_rules
        self.rules = apply_selection(all_rules, self.settings)
        self.by_id = {r.meta.id: r for r in self.rules}
        # rules that exist but do not run: a suppression of one cannot be judged unused
        self.not_running = {n for r in all_rules if r.meta.id not in self.by_id for n in (r.meta.id, r.meta.name)}
        self.engine_meta = {m.id: m for m in meta_rules.ENGINE_RULES}
        levels = dict(self.settings.severity)
        for m in meta_rules.ENGINE_RULES:
            lvl = levels.get(m.id) or levels.get(m.name)
            if lvl and lvl != "off":
                from dataclasses import replace

                self.engine_meta[m.id] = replace(m, severity=Severity.parse(lvl))
        self.calendar_on = not any(
            s in (meta_rules.CALENDAR.id, meta_rules.CALENDAR.name) for s in self.settings.ignore
        ) and levels.get("calendar-post") != "off" and levels.get("PL900") != "off"
        needs: set[str] = set()
        for r in self.rules:
            needs |= set(r.requires) | set(r.uses)
        self.needs = needs
        self.nlp = None
        self.model_name = None
        self.model_error = None
        self.skipped: list[Rule] = []
        if load_model and needs:
            from . import nlp as nlp_mod

            res = nlp_mod.load(needs, self.settings.model)
            self.nlp, self.model_name, self.model_error = res.nlp, res.name, res.error
        if self.nlp is None:
            self.skipped = [r for r in self.rules if r.requires]
            self.rules = [r for r in self.rules if not r.requires]
        env = CompileEnv(self.nlp, self.settings)
        for r in self.rules:
            r.compile(env)
        self.options = {"allow": tuple(a.lower() for a in self.settings.allow),
                        "allow_quotes": tuple(self.settings.allow_quotes)}

    # ------------------------------------------------------------------ API
    def lint_text(self, text: str) -> list[Finding]:
        post = Post("<text>", 0, text, 1)
        return next(iter(self.lint_posts([post]))).findings

    def prepare_for_fork(self) -> None:
        """Finish lazy set-up (pipeline tables, quote index, guidance) once, before worker
        processes are forked, so that each worker starts warm and shares the memory."""
        list(self.lint_posts([Post("<warm-up>", 0, "Never give up! We shipped 3 features in May. #MondayMotivation", 1)]))

    def lint_posts(self, posts: Iterable[Post]) -> Iterator[PostResult]:
        it = iter(posts)
        while True:
            chunk = list(itertools.islice(it, BATCH))
            if not chunk:
                return
            yield from self._lint_chunk(chunk)

    # ------------------------------------------------------------ internals
    def _lint_chunk(self, chunk: list[Post]) -> list[PostResult]:
        limit = self.settings.max_post_chars
        todo = [p for p in chunk if len(p.text) <= limit]
        ctxs: dict[int, PostContext] = {}
        from .suppressions import prepare

        for p in todo:
            prepare(p)
            opts = dict(self.options)
            fm = _front_matter_options(p)
            if fm.get("allow_quotes"):
                opts["allow_quotes"] = tuple(opts["allow_quotes"]) + tuple(fm["allow_quotes"])
            analysed = textutil.blank_placeholders(p.analysis_text if p.analysis_text is not None else p.text)
            ctxs[id(p)] = PostContext(analysed,
                                      options=opts, meta=p.meta)
        if self.nlp is not None and todo:
            texts = [ctxs[id(p)].masked for p in todo]
            for p, doc in zip(todo, self.nlp.pipe(texts, batch_size=64)):
                ctxs[id(p)].doc = doc
        results = []
        for p in chunk:
            if id(p) not in ctxs:
                res = PostResult(p)
                m = self.engine_meta[meta_rules.TOO_LONG.id]
                v = Violation(0, min(len(p.text), 1) if p.text else 0,
                              m.message.format(length=len(p.text), limit=limit),
                              data={"length": len(p.text), "limit": limit})
                res.findings.append(self._finding(p, m, v))
                results.append(res)
                continue
            results.append(self._lint_one(p, ctxs[id(p)]))
        return results

    def _lint_one(self, post: Post, ctx: PostContext) -> PostResult:
        res = PostResult(post)
        violations: dict[str, list[Violation]] = {}
        from .suppressions import apply as apply_suppressions, front_matter_checks, front_matter_ignores

        fm = _front_matter_options(post)
        ignored = set(front_matter_ignores(fm)) | set(self.settings.ignores_for(post.source))
        for rule in self.rules:
            try:
                vs = [v for v in rule.check(ctx) if 0 <= v.start < v.end <= len(post.text)]
            except Exception as exc:  # a failing rule is reported, the others still run
                msg = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
                res.failures.append(f"rule {rule.meta.id} {rule.meta.name}: {msg}")
                m = self.engine_meta[meta_rules.RULE_FAILED.id]
                v = Violation(0, min(1, len(post.text)), m.message.format(rule=rule.meta.name, error=msg),
                              data={"failed_rule": rule.meta.id})
                res.findings.append(self._finding(post, m, v))
                continue
            if vs:
                violations[rule.meta.id] = vs
        _drop_superseded(violations)
        # suppressions: front matter / per-file ignores / inline comments
        violations, extra, used = apply_suppressions(post, violations, self.by_id, ignored)
        # amplifier-only findings never stand alone
        if all(self.by_id[r].meta.score.amplifier for r in violations if r in self.by_id):
            violations = {}
        sc = scoring.compute(violations, self.by_id, ctx.features, ctx.masked, lambda: ctx.generic_sentences)
        res.score = sc
        for rid, vs in violations.items():
            rule = self.by_id[rid]
            for v in vs:
                res.findings.append(self._finding(post, rule.meta, v))
        for meta_id, v in extra:
            res.findings.append(self._finding(post, self.engine_meta[meta_id], v))
        calendar_ignored = {meta_rules.CALENDAR.name, meta_rules.CALENDAR.id} & ignored
        if self.calendar_on and sc.score > self.settings.max_score and calendar_ignored:
            used |= calendar_ignored
        for meta_id, v in front_matter_checks(fm, used | self.not_running, post.text):
            res.findings.append(self._finding(post, self.engine_meta[meta_id], v))
        if self.calendar_on and sc.score > self.settings.max_score and not calendar_ignored:
            m = self.engine_meta[meta_rules.CALENDAR.id]
            text = post.text
            start = len(text) - len(text.lstrip())
            end = max(start + 1, len(text.rstrip())) if text else 0
            v = Violation(start, min(end, len(text)), m.message.format(score=sc.score, top=sc.top() or "signals"),
                          data=sc.to_dict())
            res.findings.insert(0, self._finding(post, m, v))
        res.findings.sort(key=lambda f: (f.start, f.rule_id != meta_rules.CALENDAR.id, f.rule_id))
        if res.flagged:
            from .advice import advise

            res.advice = advise(post, ctx, violations, self.by_id, res.findings)
        return res

    def _finding(self, post: Post, meta, v: Violation) -> Finding:
        text = post.text
        match = text[v.start:v.end]
        if post.file is not None:
            base = post.offset
            index = post.file.index
        else:
            base = 0
            index = _line_index(post)
        s, e = base + v.start, base + v.end
        (l1, c1), (l2, c2) = index.position(s), index.position(e)
        suggestion = v.suggestion or meta.suggestion
        if suggestion and "{match}" in suggestion:  # a suggestion about this match, not the rule in general
            short = " ".join(match.split())
            suggestion = suggestion.replace("{match}", short if len(short) <= 60 else short[:57].rstrip() + "…")
        return Finding(meta.id, meta.name, v.severity if v.severity is not None else meta.severity, v.message,
                       match, s, e, l1, c1, l2, c2, suggestion, dict(v.data))


def _line_index(post: Post) -> LineIndex:
    li = post.__dict__.get("_line_index")
    if li is None:
        li = LineIndex(post.text)
        post.__dict__["_line_index"] = li
    return li


def _front_matter_options(post: Post) -> dict[str, Any]:
    meta = post.meta or {}
    pl = meta.get("postlint") if isinstance(meta, dict) else None
    return pl if isinstance(pl, dict) else {}


SUPERSEDES = {"PL201": ("PL203",)}


def _drop_superseded(violations: dict[str, list[Violation]]) -> None:
    """A famous-quote match makes an overlapping attributed-quote finding redundant."""
    for winner, losers in SUPERSEDES.items():
        wins = violations.get(winner)
        if not wins:
            continue
        for loser in losers:
            if loser in violations:
                kept = [v for v in violations[loser]
                        if not any(v.start < w.end and w.start < v.end for w in wins)]
                if kept:
                    violations[loser] = kept
                else:
                    del violations[loser]
