"""Rules the engine itself reports: the calendar verdict and input limits."""
from __future__ import annotations

from .findings import Severity
from .ruleset import RuleMeta

CALENDAR = RuleMeta(
    id="PL900", name="calendar-post", kind="engine", severity=Severity.WARNING,
    message="Reads like a tear-off-calendar post (score {score}/100: {top}).",
    why=("The post as a whole reads like a slogan: its signals (quotes, platitudes, maxims, hashtag walls) "
         "outweigh its specifics (numbers, names, events). Each signal alone is only a suggestion; this "
         "verdict is what fails a post."),
    suggestion="Keep one line of it at most and add what happened: when, who, which number changed.",
    examples_bad=("Believe in yourself. Never give up. Your only limit is your mind! 💪🔥 #MondayMotivation",),
    examples_good=("We cut the onboarding email from 5 steps to 2 in March; replies went from 3% to 11%.",),
    summary="The post-level verdict: the calendar score is above --max-score.",
    path="postlint/score.py",
)
TOO_LONG = RuleMeta(
    id="PL901", name="post-too-long", kind="engine", severity=Severity.WARNING,
    message="Post has {length} characters, over the limit of {limit}; it was not linted.",
    why="Very long inputs are usually not posts (a pasted log, a whole book); linting them would stall the run.",
    suggestion="Split the text into posts, or raise max-post-chars in the config.",
    examples_bad=("(a post over the configured max-post-chars)",),
    examples_good=("A post of ordinary length.",),
    summary="A post longer than max-post-chars is reported instead of linted.",
    path="postlint/engine.py",
)
UNUSED_SUPPRESSION = RuleMeta(
    id="PL902", name="unused-suppression", kind="engine", severity=Severity.SUGGESTION,
    message="Suppression of {rules} suppresses nothing.",
    why="A suppression that no longer matches anything hides future findings for no reason.",
    suggestion="Remove the suppression.",
    examples_bad=("<!-- postlint-disable-next-line famous-quote reason: ours -->\nWe shipped on Monday.",),
    examples_good=("We shipped on Monday.",),
    summary="A suppression comment or front-matter ignore that matched no finding.",
    path="postlint/suppressions.py",
)
SUPPRESSION_NO_REASON = RuleMeta(
    id="PL903", name="suppression-without-reason", kind="engine", severity=Severity.SUGGESTION,
    message="Suppression of {rules} gives no reason.",
    why="Reviewers need to know why a rule was silenced; a reason keeps suppressions honest.",
    suggestion="Add the reason after the rule names, or as 'reason:' in front matter.",
    examples_bad=("<!-- postlint-disable famous-quote -->\nStay hungry, stay foolish.\n<!-- postlint-enable -->",),
    examples_good=("<!-- postlint-disable famous-quote reason: quoting for a book review -->\nStay hungry, stay foolish.\n<!-- postlint-enable -->",),
    summary="A suppression without a reason.",
    path="postlint/suppressions.py",
)
RULE_FAILED = RuleMeta(
    id="PL904", name="rule-failed", kind="engine", severity=Severity.ERROR,
    message="Rule {rule} failed on this post: {error}",
    why="A rule raised an error or timed out; its result for this post is unknown.",
    suggestion="Report the rule file or fix its pattern; the other rules still ran.",
    examples_bad=("(a rule that raises)",), examples_good=("(any post)",),
    summary="A rule failed at run time (the run exits 2).",
    path="postlint/engine.py",
)
ENGINE_RULES = (CALENDAR, TOO_LONG, UNUSED_SUPPRESSION, SUPPRESSION_NO_REASON, RULE_FAILED)
