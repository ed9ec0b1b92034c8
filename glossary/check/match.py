"""Glossary names in one passage: known forms by exact lookup, unknown ones by fuzzy match."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from glossary.check.index import Case, Form, FormIndex, KeyFunction, Role
from glossary.check.keys import Word, compare_key, joins_name
from glossary.text import APOSTROPHES, ELISIONS, is_particle, titles
from glossary.weights import FUZZY_CEILING, MAX_EDITS, MAX_RUN, MIN_LETTERS, SHORT_WORD


@dataclass(frozen=True)
class Hit:
    """A stretch text[start:end] of a passage that stands for one of `forms`.

    `fuzzy` marks an unknown form matched by similarity; `confidence` is then that similarity.
    """

    start: int
    end: int
    found: str
    forms: tuple[Form, ...]
    confidence: float = 1.0
    fuzzy: bool = False


def exact_hits(index: FormIndex, text: str, words: Sequence[Word]) -> list[Hit]:
    """Longest known forms, left to right, each word in one hit at most."""
    hits: list[Hit] = []
    i = 0
    while i < len(words):
        best = _longest_at(index, text, words, i)
        if best is None:
            i += 1
            continue
        j, forms = best
        if not _someone_else(text, words, i, forms):
            start, end = words[i].start, words[j].end
            hits.append(Hit(start, end, text[start:end], forms))
        i = j + 1
    return hits


def _longest_at(
    index: FormIndex, text: str, words: Sequence[Word], i: int
) -> tuple[int, tuple[Form, ...]] | None:
    key: tuple[str, ...] = (words[i].folded,)
    best = None
    j = i
    while key in index.prefixes:
        forms = tuple(f for f in index.exact.get(key, ()) if _capitals_match(f, words[i : j + 1]))
        if forms:
            best = (j, forms)
        if j + 1 >= len(words) or not joins_name(text, words[j], words[j + 1]):
            break
        j += 1
        key = (*key, words[j].folded)
    return best


def _capitals_match(form: Form, words: Sequence[Word]) -> bool:
    return all(
        case is Case.ANY or (word.upper if case is Case.UPPER else word.capital)
        for word, case in zip(words, form.cases, strict=True)
    )


def _someone_else(text: str, words: Sequence[Word], i: int, forms: tuple[Form, ...]) -> bool:
    """A bare surname after another given name ("Alexandre Ouchakov") is another person."""
    if i == 0 or not all(f.role is Role.SUFFIX for f in forms):
        return False
    before = words[i - 1]
    # Only a space makes one name: "Ouchakov-Lavrov" (talks) joins two people.
    if not before.capital or not text[before.end : words[i].start].isspace():
        return False
    return i - 1 > 0 and before.folded not in titles()


def fuzzy_hits(
    index: FormIndex,
    text: str,
    words: Sequence[Word],
    exact: Sequence[Hit],
    threshold: float,
) -> list[Hit]:
    """Capitalised runs (or parts of them) close to a known form, longest first.

    A run may swallow exact hits inside it only when it is the same entity written more fully
    ("Iouriy Ouchakov" around the known surname "Ouchakov").
    """
    found: list[Hit] = []
    taken: list[tuple[int, int]] = [(h.start, h.end) for h in exact]
    for first, last in _runs(text, words):
        for a, b in _subruns(first, last, words):
            start, end = words[a].start, words[b].end
            inner = [h for h in exact if start <= h.start and h.end <= end]
            if (start, end) in taken or _overlaps(start, end, taken, inner, found):
                continue
            hit = _best_match(index, text, words[a : b + 1], threshold)
            if hit is None:
                continue
            if inner:
                entities = {f.entity_id for h in inner for f in h.forms}
                if hit.forms[0].entity_id not in entities or hit.forms[0].is_short:
                    continue
            found.append(hit)
    return found


def _overlaps(
    start: int, end: int, taken: list[tuple[int, int]], inner: list[Hit], found: list[Hit]
) -> bool:
    inside = {(h.start, h.end) for h in inner}
    spans = [s for s in taken if s not in inside] + [(h.start, h.end) for h in found]
    return any(s < end and start < e for s, e in spans)


def _runs(text: str, words: Sequence[Word]) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words (particles allowed inside), elided article left out."""
    runs = []
    i = 0
    while i < len(words):
        if not words[i].capital or _is_elision(text, words, i):
            i += 1
            continue
        j = last = i
        while j + 1 < len(words) and joins_name(text, words[j], words[j + 1]):
            nxt = words[j + 1]
            if not nxt.capital and not is_particle(nxt.folded):
                break
            j += 1
            if nxt.capital:
                last = j
        runs.append((i, last))
        i = last + 1
    return runs


def _is_elision(text: str, words: Sequence[Word], i: int) -> bool:
    word = words[i]
    return word.folded in ELISIONS and text[word.end : word.end + 1] in APOSTROPHES


def _subruns(first: int, last: int, words: Sequence[Word]) -> list[tuple[int, int]]:
    """Word ranges inside a run, longest first, starting and ending on a capitalised word."""
    result = []
    for size in range(min(MAX_RUN, last - first + 1), 0, -1):
        for a in range(first, last - size + 2):
            b = a + size - 1
            if words[a].capital and words[b].capital:
                result.append((a, b))
    return result


def _initials_agree(query: tuple[str, ...], known: tuple[str, ...], key: KeyFunction) -> bool:
    """First letters agree word by word (first and last words if the counts differ).

    Typos rarely hit a name's first letter, while unrelated words often share the rest
    ("Soviets" and "Lisovets"); the transliteration key lets "Youri" agree with "Iouri".
    """
    if len(query) == len(known):
        pairs = list(zip(query, known, strict=True))
    else:
        pairs = [(query[0], known[0]), (query[-1], known[-1])]
    return all(q[:1] == k[:1] or key(q)[:1] == key(k)[:1] for q, k in pairs)


def _best_match(
    index: FormIndex,
    text: str,
    words: Sequence[Word],
    threshold: float,
) -> Hit | None:
    folded = tuple(w.folded for w in words)
    if sum(len(w) for w in folded) < MIN_LETTERS or folded in index.exact:
        return None  # too short to judge, or a known form the exact pass has already judged
    if tuple(w for w in folded[1:-1] if len(w) > 1) != folded[1:-1] and (
        (folded[0], *(w for w in folded[1:-1] if len(w) > 1), folded[-1]) in index.exact
    ):
        return None  # a known name with a middle initial: "George W. Bush" is George Bush
    start, end = words[0].start, words[-1].end
    found = text[start:end]
    # Names recur: the closest form depends only on the words (and on the rejections of the
    # form, which follow its comparison key), so it is looked up once per checker.
    query = compare_key(found)
    if query not in index.closest:
        index.closest[query] = _closest(index, folded, query, threshold)
    closest = index.closest[query]
    if closest is None:
        return None
    i, confidence = closest
    return Hit(start, end, found, (index.fuzzy_forms[i],), confidence, fuzzy=True)


def _closest(
    index: FormIndex, folded: tuple[str, ...], query: str, threshold: float
) -> tuple[int, float] | None:
    """The known person's form nearest to `folded` (its index) and the confidence."""
    from rapidfuzz.distance import Levenshtein
    from rapidfuzz.fuzz import ratio

    barred = index.rejected.get(query, frozenset())
    query_fold = " ".join(folded)
    query_key = " ".join(index.match_key(w) for w in folded)
    # A typo is one or two slips, whatever the length: "Louise Barth" is not "Louis Barthou".
    # Counted on the spelling itself: the transliteration key hides too much ("bart").
    budget = 1 if len(query_fold) <= SHORT_WORD else MAX_EDITS
    best: tuple[float, int] | None = None
    for i in index.candidates(folded):
        form, known_fold = index.fuzzy_forms[i], index.fuzzy_folds[i]
        if abs(len(known_fold) - len(query_fold)) > budget or form.entity_id in barred:
            continue
        if Levenshtein.distance(query_fold, known_fold, score_cutoff=budget) > budget:
            continue
        if not _initials_agree(folded, form.words, index.match_key):
            continue
        known_key = index.fuzzy_keys[i]
        # The spelling's similarity, raised when the transliteration keys agree too.
        score = (ratio(query_fold, known_fold) + ratio(query_key, known_key)) / 2
        if best is None or score > best[0]:
            best = (score, i)
    if best is None or best[0] / 100 < threshold:
        return None
    score, i = best
    # Never certain: even an identical transliteration key may be a different person.
    return i, min(round(score / 100, 3), FUZZY_CEILING)
