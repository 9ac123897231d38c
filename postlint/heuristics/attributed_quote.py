"""attributed-quote (PL203): the post is a quotation credited to someone.

## What it does
Flags a post whose main content is a quotation with a credit ("... — Name",
"~Name", "--Name", a quote in quotation marks followed by a name, a handle or a
chapter and verse), whether or
not postlint's corpus knows the quote. Famous quotes that the corpus knows are
reported by famous-quote (PL201) instead.

## Why is this bad?
A reposted line says what someone else thought. Followers learn nothing about
the author, and the account reads like a quote-of-the-day bot.

A post that tags itself #quote, #quotes or #quoteoftheday is treated the same
way, credited or not. So, with fewer points, is a post that is nothing but one
uncredited maxim in quotation marks made of abstractions (a pull-quote: "There
is a lot of failure in every success...").

## Example
    "Perpetual optimism is a force multiplier." - Colin Powell #quote

## Use instead
    Connect the line to something that happened to you in one sentence, or drop
    it and tell that thing instead.

## Known false positives
A quotation that is a personal remark ("I think I'm a goofy person") or holds a
number scores less than a maxim, but a celebrity's topical line with a credit can
still tip a post that has nothing else in it. Posts that quote a person as news ("'We will cut prices,' said the CEO ...")
are not flagged when the quote is a small part of a longer post. An uncredited
pull-quote must be abstract by abstract-nouns' measure, so an excerpt about a
topic (customers, data, a product) is left alone; an author who puts their own
abstract maxim in quotation marks is flagged like a quote.
"""
from __future__ import annotations

import re

from ..attribution import QUOTED, find_after
from ..textutil import hashtags
from ..findings import Violation
from ..ruleset import Score
from ._base import Heuristic
from .abstract_nouns import abstract_hits

PERSONAL = re.compile(r"(?i)\b(?:i|i'm|i’m|i've|i’ve|i'd|i’d|me|my|myself)\b")
SPECIFIC = re.compile(r"\d")


def points_for(quote: str) -> int:
    """A maxim earns the full points; a personal remark ("I think I'm a goofy person") or a
    quote with a number is a statement about someone's life, closer to news than to a calendar."""
    return 20 if PERSONAL.search(quote) or SPECIFIC.search(quote) else 45


UNCREDITED = 30  # a pull-quote may be the author's own line; a credit or a #quote tag says it is not
UNCREDITED_MESSAGE = "The post is one uncredited quotation, a maxim in quotation marks (a pull-quote)."
# a closing quotation mark, a dash and a handle: "...gave you permission.' - @someone"
HANDLE_CREDIT = re.compile(r"[\"”'’]\s*[-‐‑‒–—―~]{1,2}\s*(@\w+)\s*(?:#.*)?$", re.S)


class AttributedQuote(Heuristic):
    id = "PL203"
    name = "attributed-quote"
    message = "The post is a quotation credited to {author}."
    why = "A reposted line tells followers what someone else thought, not what you learned."
    suggestion = "Connect '{match}' to one thing that happened to you, in one sentence, or drop it."
    bad = ('"Ship small, ship often, and sleep well at night." - Jane Doakes #quote',
           "Sometimes the best work is the work you decide not to do. #quotes",
           "Every sunrise asks you to begin the story again without fear. -- Sam Q. Writer")
    good = ("Our CFO said \"we will not raise prices this year\" at the all-hands on Monday, and the room relaxed. "
            "Here is why I think she is right, with the numbers from Q3.",
            "I shipped the release today.")
    theme = ()
    score = Score(points=45)

    def check(self, ctx):
        text = ctx.text
        words_total = max(1, ctx.features.words)
        seen = False
        # 1. a quoted passage, optionally followed by an attribution
        for m in QUOTED.finditer(text):
            g = 1 if m.group(1) else 2
            s, e = m.start(g), m.end(g)
            qwords = len(re.findall(r"[\w'’]+", text[s:e]))
            attr = find_after(text, m.end())
            share = qwords / words_total
            if qwords >= 5 and (attr and share >= 0.45):
                seen = True
                yield Violation(s, e, self.message.replace("{author}", attr.name),
                                data={"attributed_to": attr.name, "share": round(share, 2),
                                      "attr_span": [attr.start, attr.end], "points": points_for(text[s:e])})
            elif (qwords >= 12 and share >= 0.9 and points_for(text[s:e]) == 45 and not ctx.is_reply
                  and "?" not in text[s:e] and not any(s <= a < e for a, _, _ in ctx.features.entities)
                  and abstract_hits([t for t in ctx.words if s <= t.start < e])):
                # the whole post is one maxim in quotation marks, credited to nobody: a pull-quote
                seen = True
                yield Violation(s, e, UNCREDITED_MESSAGE,
                                data={"attributed_to": None, "share": round(share, 2), "points": UNCREDITED})
        if seen:
            return
        # 2. an unquoted passage ending in "- Name" / "~Name"
        m = re.search(r"(?:^|\s)(?:[-‐‑‒–—―~]{1,2}|\|)\s*@?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*(?:[#(\[].*)?$",
                      text.rstrip(), re.S)
        if m and m.start() > 0 and not ctx.is_reply:  # "@user ... please DM us - Rahul" is a sign-off
            body = text[:m.start()].rstrip()
            attr = find_after(text, len(body))
            if attr is not None:
                start = len(body) - len(body.lstrip(" \"“'‘"))
                qwords = len(re.findall(r"[\w'’]+", body[start:]))
                if qwords >= 6 and qwords / words_total >= 0.6:
                    yield Violation(start, len(body.rstrip(" \"”'’")), self.message.replace("{author}", attr.name),
                                    data={"attributed_to": attr.name, "share": round(qwords / words_total, 2),
                                          "attr_span": [attr.start, attr.end], "points": points_for(body[start:])})
                    return
        m = HANDLE_CREDIT.search(text.rstrip())
        if m and not ctx.is_reply:
            start = len(text) - len(text.lstrip(" \"“'‘"))
            qwords = len(re.findall(r"[\w'’]+", text[start:m.start()]))
            if qwords >= 6 and qwords / words_total >= 0.6:
                yield Violation(start, m.start(), self.message.replace("{author}", m.group(1)),
                                data={"attributed_to": m.group(1), "share": round(qwords / words_total, 2),
                                      "attr_span": [m.start(1), m.end(1)], "points": points_for(text[start:m.start()])})
                return
        yield from self._self_labelled(ctx)

    def _self_labelled(self, ctx):
        """3. The post calls itself a quote: prose followed by #quote / #quotes / #quoteoftheday
        (and often a #NameHashtag as the credit)."""
        text = ctx.text
        tags = hashtags(text)
        if not any(b.lower() in SELF_LABELS for _, _, b in tags):
            return
        first_tag = min(s for s, _, _ in tags)
        body = text[:first_tag].rstrip(" \t\r\n.…|-–—~")
        start = len(body) - len(body.lstrip(" \"“'‘\r\n"))
        end = len(body.rstrip(" \"”'’"))
        qwords = len(re.findall(r"[\w'’]+", body[start:end]))
        topical = any(start <= a < end for a, _, _ in ctx.features.entities)  # names a policy, a team, a place
        if qwords >= 5 and end > start and not topical and not re.search(r"https?://|\d", body):
            yield Violation(start, end, self.message.replace("{author}", "someone (the post tags itself #quote)"),
                            data={"attributed_to": None, "share": 1.0, "self_labelled": True, "points": 45})


SELF_LABELS = frozenset({"quote", "quotes", "quoteoftheday", "quotestoliveby", "dailyquote", "dailyquotes",
                         "motivationalquote", "motivationalquotes", "inspirationalquote", "inspirationalquotes",
                         "quotesdaily", "quotestagram", "wordsofwisdom"})

RULE = AttributedQuote
