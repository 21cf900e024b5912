"""Draft figures from the sentences of an article: one figure per statistic.

Within a sentence, each amount starts a figure; a change (同比增长13.31%), a gap to
the city (高于全市13.9个百分点) or a rank (位列全市第三) with no measure words of its
own belongs to the figure just before it, while a change that names its measure
(营业收入同比增长82.1%) is a figure of its own.

>>> figs = draft_figures("179家限上汽车销售企业实现销售额166.72亿元,同比增长13.31%。")
>>> [(f.amount, f.yoy, f.measure) for f in figs]
[('179家', None, '限上汽车销售企业'), ('166.72亿元', '+13.31%', '销售额')]
>>> figs = draft_figures("共签约落地项目88个、总投资额336.15亿元。")
>>> [(f.amount, f.measure) for f in figs]
[('88个', '签约落地项目'), ('336.15亿元', '总投资额')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from reportgen.extract.text import Clause, Sentence, split_lines, split_sentences
from reportgen.extract.timing import Clock, Phrase
from reportgen.extract.tokens import Token, find_tokens
from reportgen.extract.wording import (
    guess_section,
    measure_after,
    measure_before,
    status_of,
)
from reportgen.facts.amounts import parse_amount
from reportgen.facts.periods import PartialDate, Period, PeriodKind

#: Words of a measure that stands at a moment (a stock), not over a period (a flow).
_STOCK = re.compile(r"总数|总量|累计|现有|拥有|余额|保有量|存量|总人口|常住人口|户籍人口")


@dataclass
class DraftFigure:
    """A figure as drafted: every value as the fact file writes it."""

    measure: str
    line: int
    quote_start: int
    quote_end: int
    amount: str | None = None
    yoy: str | None = None
    vs_city: str | None = None
    rank: int | None = None
    period: str = "unknown"
    status: str = "actual"
    section: str = "overview"
    quote: str = ""
    notes: list[str] = field(default_factory=list)


@dataclass
class _Context:
    """What a line's earlier sentences said: their period and status."""

    clock: Clock
    district: str
    lead: Period | None
    period: Period | None = None
    status: str = "actual"
    base: int | None = None  # the year the line last named (2023年，…全年)
    heading: int | None = None  # the year the last heading named (一、2023年工作回顾)


def draft_figures(
    text: str, date: PartialDate | None = None, district: str = ""
) -> list[DraftFigure]:
    """Every statistic of ``text`` as a draft figure, in the order written."""
    clock = Clock.for_article(text, date)
    lines = split_lines(text)
    context = _Context(clock, district, _lead_period(clock, lines))
    figures: list[DraftFigure] = []
    for number, line in enumerate(lines):
        if _is_heading(line) and (years := _HEADING_YEAR.findall(line)):
            context.heading = int(years[-1])
        context.period, context.status, context.base = None, "actual", context.heading
        for sentence in split_sentences(line):
            figures += _sentence_figures(line, number, sentence, context)
    return figures


_HEADING_YEAR = re.compile(r"(\d{4})年(?!\d{1,2}月)")


def _is_heading(line: str) -> bool:
    """A title or heading: short, with no sentence punctuation."""
    return len(line) <= 40 and not re.search(r"[。，,；;！？]", line)


def _lead_period(clock: Clock, lines: list[str]) -> Period | None:
    """The period an article announces before its first number (2023年上半年,…), if any."""
    for line in lines[:3]:
        phrases = [p for p in clock.phrases(line) if p.period.kind.value in {"half", "months"}]
        if phrases:
            return phrases[0].period
        if any(find_tokens(line)):
            return None
    return None


@dataclass
class _Listing:
    """分别 in a sentence: the measures listed before it (A、B分别增长7.3%和9.1%) and those
    still waiting for their value, each taking the next one in order."""

    listed: list[str] = field(default_factory=list)
    waiting: list[str] = field(default_factory=list)
    sign: str = "+"

    def see(self, text: str, tokens: list[Token], district: str) -> None:
        """A clause without numbers may be one of the measures listed."""
        if not tokens:
            name = measure_before(text, district)
            self.listed = [*self.listed, name] if name else []

    def assign(self, token: Token, before: str) -> tuple[Token, str]:
        """The token and the words that name its measure, after 分别."""
        if token.each and len(names := [*self.listed, before]) >= 2:
            self.waiting, self.sign = names[1:], token.value[0]
            return token, names[0]
        if self.waiting and _is_rate(token) and not re.sub(r"[和、及与以，,\s]", "", before):
            token = replace(token, kind="change", value=self.sign + token.value)
            return token, self.waiting.pop(0)
        return token, before

    def done(self, tokens: list[Token]) -> None:
        """After a clause with numbers, a new list may begin."""
        if tokens:
            self.listed = []


def _sentence_figures(
    line: str, number: int, sentence: Sentence, context: _Context
) -> list[DraftFigure]:
    phrases = replace(context.clock, base=context.base).phrases(sentence.text)
    figures: list[DraftFigure] = []
    current: DraftFigure | None = None
    fallback = ""  # the words of the clause before, for a change with no words of its own
    listing = _Listing()
    for clause in sentence.clauses:
        tokens = find_tokens(clause.text)
        listing.see(clause.text, tokens, context.district)
        previous_end = 0
        for index, token in enumerate(tokens):
            before = clause.text[previous_end : token.start]
            following = tokens[index + 1].start if index + 1 < len(tokens) else len(clause.text)
            after = clause.text[token.end : following]
            token, before = listing.assign(token, before)
            if token.kind == "change" and current is None and not before.strip("同比，, "):
                before = fallback
            current = _place(token, before, after, clause, current, figures, number, context)
            previous_end = token.end
        listing.done(tokens)
        fallback = re.split(r"[0-9]", clause.text, maxsplit=1)[0]
    for figure in figures:
        _finish(figure, line, sentence, phrases, context)
    if phrases:
        context.period = phrases[-1].period
    if (said := status_of(sentence.text)) in {"plan", "target"}:
        context.status = said
    if years := re.findall(r"(\d{4})年", sentence.text):
        context.base = int(years[-1])
    return figures


def _place(
    token: Token,
    before: str,
    after: str,
    clause: Clause,
    current: DraftFigure | None,
    figures: list[DraftFigure],
    line: int,
    context: _Context,
) -> DraftFigure | None:
    """Put a token into a new figure or the current one; return the current figure."""
    measure = measure_before(before, context.district)
    if token.kind == "amount":
        if token.amount is not None and token.amount.unit.is_count and len(measure) <= 3:
            noun = measure_after(token.text[len(token.text.rstrip("个家项")) :] + after)
            measure += noun  # 已吸附23家上下游配套企业: 吸附 + 上下游配套企业
        elif after.startswith("的") and len(measure) <= 3 and (noun := measure_after(after)):
            measure = noun  # 设立了1亿元的产业扶持资金: 产业扶持资金
        if not measure and current is not None and current.quote_end > clause.start:
            measure = current.measure  # 分别达到41256元和19870元: one measure, two figures
            if measure:
                current.notes.append("one of several figures of one measure (分别): name each")
        figure = _new(measure, line, clause, token)
        figure.amount = token.value
        figures.append(figure)
        return figure
    if token.kind == "change" and (measure or current is None or current.yoy is not None):
        figure = _new(measure, line, clause, token)
        figure.yoy = token.value
        figures.append(figure)
        return figure
    if current is None:
        return None
    current.quote_end = clause.start + token.end
    if token.kind == "change" and current.yoy is None and _fits(token, current):
        current.yoy = token.value
    elif token.kind == "gap" and token.scope == "全市" and current.vs_city is None:
        current.vs_city = token.value
    elif token.kind == "rank" and token.scope == "全市" and current.rank is None:
        current.rank = token.rank
    else:
        current.notes.append(f"also stated: {token.text}")
    return current


def _is_rate(token: Token) -> bool:
    """An amount in % (a value of 分别增长7.3%和9.1%)."""
    return token.kind == "amount" and token.amount is not None and token.amount.unit.code == "%"


def _fits(change: Token, figure: DraftFigure) -> bool:
    """Whether a change can be the figure's yoy: a percentage, points of a rate, or an
    absolute change in the amount's own dimension (比上年末减少0.36万人)."""
    assert change.amount is not None
    dimension = change.amount.unit.dimension.value
    if dimension == "percent":
        return True
    level = parse_amount(figure.amount).unit.dimension.value if figure.amount else None
    if dimension == "percentage_points":
        return level in {None, "percent", "permille", "percentage_points"}
    return level == dimension


def _new(measure: str, line: int, clause: Clause, token: Token) -> DraftFigure:
    return DraftFigure(measure, line, clause.start, clause.start + token.end)


def _finish(
    figure: DraftFigure, line: str, sentence: Sentence, phrases: list[Phrase], context: _Context
) -> None:
    """Period, status, section and quote of a figure, from its sentence and line."""
    end = figure.quote_end - sentence.start
    stated = [p for p in phrases if p.start < end]
    prefix = line[sentence.start : figure.quote_end]
    status = status_of(prefix, context.status)
    if stated:
        period: Period | None = stated[-1].period
    elif status in {"plan", "target"}:
        period = None  # an intention is for the year unless its sentence says otherwise
    elif context.period is not None:
        period = context.period
        if period.kind is PeriodKind.AS_OF and context.lead and not _STOCK.search(figure.measure):
            period = context.lead  # 截至9月末 said of a balance; a flow has the report's period
    elif phrases:
        period = phrases[0].period
    elif context.lead is not None:
        period = context.lead
    else:
        period = None
    if period is None and status in {"plan", "target"}:
        period = Period(PeriodKind.YEAR, year=context.base or context.clock.date.year)
    elif period is None:
        period = context.clock.default()
        figure.notes.append("the text states no period: the article's date is assumed")
    if status == "actual" and (period.end_year or 0) > context.clock.date.year:
        status = "plan"
    if _STOCK.search(figure.measure) and period.kind is not PeriodKind.AS_OF:
        year, month = period.sort_key  # a stock (总数, 总量) stands at the period's end
        period = Period(PeriodKind.AS_OF, as_of=PartialDate(year, month))
    figure.period = str(period)
    figure.status = status
    figure.section = guess_section(figure.measure, line[sentence.start : figure.quote_end])
    figure.quote_start = _quote_start(sentence, figure.quote_start)
    figure.quote_end = max(c.end for c in sentence.clauses if c.start < figure.quote_end)
    figure.quote = line[figure.quote_start : figure.quote_end]


def _quote_start(sentence: Sentence, start: int) -> int:
    """Where a quote begins: its segment's first clause, unless that is far before."""
    clause = next(c for c in sentence.clauses if c.start <= start < c.end or c.start == start)
    first = next(c for c in sentence.clauses if c.segment == clause.segment)
    return first.start if start - first.start <= 40 else clause.start
