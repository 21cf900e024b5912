"""The passage of an article most like a quote that was not found in it ("did you mean").

The search does bounded work on an article of any allowed length: one pass scores
every window of the quote's width by the characters it shares with the quote
(counted with multiplicity, updated as the window slides, so the pass is linear in
the article), keeps the best window of each stretch of the article, and compares
only the best :data:`MAX_CANDIDATES` of them, at a few offsets each, with
``difflib``: at most :data:`MAX_NEAREST_COMPARISONS` comparisons, whatever the
article's length.
"""

from __future__ import annotations

import difflib
import heapq
from collections import Counter

#: Candidate windows compared with difflib.
MAX_CANDIDATES = 6
#: Offsets tried around each candidate (including the candidate itself).
OFFSETS_PER_CANDIDATE = 9
#: The most difflib comparisons one search makes.
MAX_NEAREST_COMPARISONS = MAX_CANDIDATES * OFFSETS_PER_CANDIDATE
#: The longest stretch of quote compared: longer quotes are compared by their start.
MAX_COMPARED = 400


def closest_window(quote: str, text: str) -> str:
    """The passage of ``text`` most like ``quote`` (both already normalized and squeezed).

    >>> closest_window("生产总值365.6亿元", "……全区生产总值实现365.5亿元,同比增长6.4%")
    '生产总值实现365.5'
    """
    quote = quote[:MAX_COMPARED]
    width = len(quote)
    if width == 0 or len(text) <= width:
        return text
    starts = _candidates(quote, text)
    best, best_key = "", (-1.0, -1)
    for start in sorted(_offsets(starts, width, len(text) - width)):
        window = text[start : start + width]
        ratio = difflib.SequenceMatcher(None, quote, window, autojunk=False).ratio()
        key = (ratio, _common_start(quote, window))  # a tie goes to the one that starts alike
        if key > best_key:
            best, best_key = window, key
    return best


def _common_start(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` share at the start."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _candidates(quote: str, text: str) -> list[int]:
    """The starts of the windows sharing the most characters with ``quote``: the best
    window of each stretch of half a quote's width, then the best of those."""
    width = len(quote)
    wanted = Counter(quote)
    have: Counter[str] = Counter(text[:width])
    score = sum(min(n, have[c]) for c, n in wanted.items())
    stretch = max(1, width // 2)
    best: dict[int, tuple[int, int]] = {0: (score, 0)}
    for start in range(1, len(text) - width + 1):
        gone, new = text[start - 1], text[start + width - 1]
        if gone != new:
            have[gone] -= 1
            if have[gone] < wanted[gone]:
                score -= 1
            if have[new] < wanted[new]:
                score += 1
            have[new] += 1
        key = start // stretch
        if key not in best or score > best[key][0]:
            best[key] = (score, start)
    top = heapq.nlargest(MAX_CANDIDATES, best.values(), key=lambda pair: (pair[0], -pair[1]))
    return [start for _, start in top]


def _offsets(starts: list[int], width: int, last: int) -> set[int]:
    """Starts near each candidate: the candidate and up to a quarter width either side."""
    reach = max(1, width // 4)
    step = max(1, -(-reach // ((OFFSETS_PER_CANDIDATE - 1) // 2)))
    found: set[int] = set()
    for start in starts:
        for k in range(-((OFFSETS_PER_CANDIDATE - 1) // 2), (OFFSETS_PER_CANDIDATE - 1) // 2 + 1):
            found.add(min(max(0, start + k * step), last))
    return found
