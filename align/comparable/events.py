"""Event pairing for separately written documents: link passages that report the same event.

Evidence is what the two passages share: dates and numbers (normalised by `align.anchors`),
names (through the glossary's transliteration-aware key when given), cognate words
("hydroélectrique" ~ "hydroelectric") and a few key terms of diplomatic history that no
orthographic rule can match ("traité" = "treaty"). Every shared feature is weighted by how rare
it is in the two documents; a pair is kept only when its evidence is enough on its own (SUPPORT:
never one year or one name) and each side is the other's best match among such pairs.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from align.anchors import (
    coarser,
    context_dates,
    find_anchors,
    is_small_number,
    is_yearless,
    significant_digits,
)
from align.comparable.lexicon import TITLES, short_words, translations
from align.comparable.spelled import spelled_numbers
from align.comparable.weights import (
    COGNATE_PREFIX,
    COMMON_IDF,
    JOIN_SUPPORT,
    LOOSE_SUPPORT,
    MAX_EVIDENCE,
    MAX_PASSAGE,
    MAX_POSTINGS,
    MIN_RAW,
    MIN_SCORE,
    MIN_SUPPORT,
    NAME_TERM_SUPPORT,
    RARE_TERM_SUPPORT,
    SECOND_SUPPORT,
    SMALL_NUMBER_WEIGHT,
    SUPPORT,
    TERM_SUPPORT,
    TITLE_SUPPORT,
    WEIGHTS,
    YEARLESS_SUPPORT,
    YEARLESS_WEIGHT,
)
from align.comparable.words import (
    ContentWord,
    Likeness,
    cognates,
    content_words,
    month_words,
)
from align.model import Evidence, EvidenceKind, Link, NameKey
from align.text.noise import URL
from glossary.model import Lang
from glossary.text import fold
from glossary.translit import match_key

_TERM_GAP = re.compile(r"\s+")
_DIGITS = re.compile(r"\D+")
_NAME_GAP = re.compile(r"[\s'’-]*(?:(?:de|du|des|la|le|van|von|der|d|[A-Z]\.)[\s'’-]+)*")


@dataclass(frozen=True)
class _Side:
    texts: tuple[str, ...]  # web addresses blanked
    anchors: tuple[dict[Evidence, float], ...]
    tokens: tuple[tuple[ContentWord, ...], ...]
    # Words the document writes as a name somewhere (capitalised inside a sentence).
    names: frozenset[str]
    # In how many passages each word is.
    df: dict[str, int]


@dataclass(frozen=True)
class Candidate:
    """A French and an English passage that share evidence, and how it weighs.

    `score` is the shared evidence against what the two passages could share (0-1), `raw` its
    weight, `support` what it says for one event (a link needs MIN_SUPPORT), `conflict` True when
    the two date what they tell to two different days; `evidence` as a translator reads it.
    """

    score: float
    raw: float
    support: float
    conflict: bool
    evidence: tuple[Evidence, ...]


def candidates(
    fr: Sequence[str], en: Sequence[str], *, name_key: NameKey | None = match_key
) -> dict[tuple[int, int], Candidate]:
    """Every pair of passages that shares evidence, weighed as `align_comparable` weighs it,
    whether or not it makes a link: what a missed or a wrong link had to go on."""
    french, english = _side(fr, Lang.FR), _side(en, Lang.EN)
    scores = _pair_scores(french, english, name_key)
    norm = _normalised(french, english, scores)
    found = {}
    for pair in sorted(norm):
        items, support = _judge(french, english, scores, pair)
        conflict = _days_conflict(french.anchors[pair[0]], english.anchors[pair[1]])
        found[pair] = Candidate(norm[pair], scores.raw[pair], support, conflict, _labels(items))
    return found


def align_comparable(
    fr: Sequence[str], en: Sequence[str], *, name_key: NameKey | None = match_key
) -> list[Link]:
    """Links between French and English passages that report the same event, with evidence.

    Names match through `name_key` (transliteration-aware by default; None compares spellings).
    """
    french, english = _side(fr, Lang.FR), _side(en, Lang.EN)
    scores = _pair_scores(french, english, name_key)
    if not scores.raw:
        return []
    norm = _normalised(french, english, scores)

    def judged(i: int, j: int) -> tuple[dict[Evidence, float], float] | None:
        """The evidence of (i, j) and its support, when it scores enough to be weighed."""
        if norm[(i, j)] < MIN_SCORE or scores.raw[(i, j)] < MIN_RAW:
            return None
        if _days_conflict(french.anchors[i], english.anchors[j]):
            return None
        return _judge(french, english, scores, (i, j))

    weighed = {pair: weight for pair in sorted(norm) if (weight := judged(*pair)) is not None}
    # Only pairs with enough evidence compete, so a weak rival cannot hide a good pair.
    eligible = {pair: items for pair, (items, support) in weighed.items() if support >= MIN_SUPPORT}
    best_f = _best(eligible, norm, 0)
    best_e = _best(eligible, norm, 1)
    links: dict[tuple[int, int], tuple[set[int], set[int], float, dict[Evidence, float]]] = {}
    for i, (value, j) in sorted(best_f.items()):
        if best_e[j][1] == i:
            links[(i, j)] = ({i}, {j}, value, eligible[(i, j)])
    # An event is often told in two or three sentences on one side: a sentence next to a link's
    # passage joins it when it is in no link and shares evidence of its own with the other side
    # of the link (JOIN_SUPPORT: one name or one key term, less than a link needs), up to
    # MAX_PASSAGE sentences a side.
    linked = ({i for i, _ in links}, {j for _, j in links})
    grown = True
    while grown:
        grown = False
        for key in sorted(links):
            fr_ids, en_ids, _, items = links[key]
            for side, own, other, size in (
                (0, fr_ids, en_ids, len(fr)),
                (1, en_ids, fr_ids, len(en)),
            ):
                if len(own) >= MAX_PASSAGE:
                    continue
                for k in (min(own) - 1, max(own) + 1):
                    if not 0 <= k < size or k in linked[side]:
                        continue
                    found = _join_evidence(french, english, scores, norm, side, k, other)
                    if found is None:
                        continue
                    own.add(k)
                    linked[side].add(k)
                    items.update(found)
                    grown = True
                    break
    _second_links(links, linked, weighed, norm)
    return [
        Link(tuple(sorted(f)), tuple(sorted(e)), round(value, 4), _labels(items))
        for f, e, value, items in (links[key] for key in sorted(links))
    ]


# Evidence that dates or counts what a passage tells.
_ANCHOR_KINDS = frozenset(EvidenceKind) - {EvidenceKind.NAME, EvidenceKind.TERM}


def _second_links(
    links: dict[tuple[int, int], tuple[set[int], set[int], float, dict[Evidence, float]]],
    linked: tuple[set[int], set[int]],
    weighed: dict[tuple[int, int], tuple[dict[Evidence, float], float]],
    norm: dict[tuple[int, int], float],
) -> None:
    """A sentence may tell two happenings ("a French squadron at Kronstadt on 25 July 1891,
    then a Russian squadron at Toulon in October 1893"): a linked sentence is linked a second
    time to a sentence in no link whose best partner it is, when their evidence is strong on
    its own (SECOND_SUPPORT) and dates or counts something its first link does not show."""
    strong = {pair: weight for pair, weight in weighed.items() if weight[1] >= SECOND_SUPPORT}
    holder: dict[tuple[int, int], tuple[int, int]] = {}
    for key, (fr_ids, en_ids, _, _) in links.items():
        holder.update({(0, i): key for i in fr_ids} | {(1, j): key for j in en_ids})
    for side in (0, 1):
        for own, (value, other) in sorted(_best_scored(strong, norm, side).items()):
            first = holder.get((1 - side, other))
            if own in linked[side] or first is None:
                continue
            pair = (own, other) if side == 0 else (other, own)
            items = strong[pair][0]
            shown = {e for e in links[first][3] if e.kind in _ANCHOR_KINDS}
            if not {e for e in items if e.kind in _ANCHOR_KINDS} - shown:
                continue
            links[pair] = ({pair[0]}, {pair[1]}, value, dict(items))
            linked[side].add(own)


def _best_scored(
    pairs: dict[tuple[int, int], tuple[dict[Evidence, float], float]],
    norm: dict[tuple[int, int], float],
    side: int,
) -> dict[int, tuple[float, int]]:
    """`_best` over weighed pairs (evidence and support)."""
    return _best({pair: items for pair, (items, _) in pairs.items()}, norm, side)


def _join_evidence(
    french: _Side,
    english: _Side,
    scores: _Scores,
    norm: dict[tuple[int, int], float],
    side: int,
    own: int,
    other: set[int],
) -> dict[Evidence, float] | None:
    """What sentence `own` of one side (0 French, 1 English) shares with the best of the
    sentences `other` of the other side, when it is enough for it to join their link: at least
    JOIN_SUPPORT, and no two different days."""
    best: tuple[float, dict[Evidence, float]] | None = None
    for partner in sorted(other):
        pair = (own, partner) if side == 0 else (partner, own)
        if pair not in norm or _days_conflict(french.anchors[pair[0]], english.anchors[pair[1]]):
            continue
        items, support = _judge(french, english, scores, pair)
        if support >= JOIN_SUPPORT and (best is None or support > best[0]):
            best = (support, items)
    return None if best is None else best[1]


def _best(
    pairs: dict[tuple[int, int], dict[Evidence, float]],
    norm: dict[tuple[int, int], float],
    side: int,
) -> dict[int, tuple[float, int]]:
    """For each sentence of one side (0 French, 1 English), its best scored partner."""
    best: dict[int, tuple[float, int]] = {}
    for pair in pairs:
        own, other = pair[side], pair[1 - side]
        if norm[pair] > best.get(own, (-1.0, 0))[0]:
            best[own] = (norm[pair], other)
    return best


def _normalised(french: _Side, english: _Side, scores: _Scores) -> dict[tuple[int, int], float]:
    """Each pair's raw score against what its two passages could share at most."""
    # A passage is measured by what it could share with the other document: a word the other
    # document never matches says nothing for or against any of its passages.
    shared_f: dict[int, set[Evidence]] = defaultdict(set)
    shared_e: dict[int, set[Evidence]] = defaultdict(set)
    for (i, j), found in scores.evidence.items():
        for shown, _ in found:
            if shown.kind in (EvidenceKind.NAME, EvidenceKind.TERM):
                fr_key = scores.counterparts[(i, j)].get(shown.value, shown.value)
                shared_f[i].add(Evidence(EvidenceKind.WORD, fr_key))
                shared_e[j].add(Evidence(EvidenceKind.WORD, shown.value))
            else:
                shared_f[i].add(shown)
                shared_e[j].add(shown)
    self_f = [_self_weight(french, i, scores.idf, shared_f[i]) for i in range(len(french.texts))]
    self_e = [_self_weight(english, j, scores.idf, shared_e[j]) for j in range(len(english.texts))]
    return {
        (i, j): raw / math.sqrt(max(self_f[i], raw) * max(self_e[j], raw))
        for (i, j), raw in scores.raw.items()
    }


def _judge(
    french: _Side, english: _Side, scores: _Scores, pair: tuple[int, int]
) -> tuple[dict[Evidence, float], float]:
    """The evidence of a pair as shown, and its support."""
    i, j = pair
    evidence = scores.evidence[pair]
    counterparts = scores.counterparts.get(pair, {})
    shown = _shown(
        (french.texts[i], french.tokens[i]),
        (english.texts[j], english.tokens[j]),
        evidence,
        scores.counterparts.get(pair, {}),
    )
    items = _items(evidence, shown)
    names = _name_runs(french, i, evidence, scores, pair)
    terms = {
        shared.value: _term_support(
            french, english, counterparts.get(shared.value, shared.value), shared.value
        )
        for shared, _ in evidence
        if shared.kind is EvidenceKind.TERM
    }
    return items, _pair_support(items, evidence, scores.loose.get(pair, set()), names, terms)


def _term_support(french: _Side, english: _Side, fr_word: str, en_word: str) -> float:
    """What one closely matched word says that two passages report one event: a word English
    writes as a name (russe = Russian, a French sentence's first word Moscou = Moscow) less than a
    word of the topic (who and where, not what happened), a title (president, minister) less
    still (it names the same person in every passage of a report), and a translation from the
    lexicon met in one passage of each document (motards = motorcycle) more."""
    if en_word in TITLES:
        return TITLE_SUPPORT
    if en_word in english.names:
        return NAME_TERM_SUPPORT
    if (
        french.df.get(fr_word, 0) == 1
        and english.df.get(en_word, 0) == 1
        and en_word in translations(fr_word)
    ):
        return RARE_TERM_SUPPORT
    return TERM_SUPPORT


# One shared feature of a pair and what it is worth there.
_Shared = tuple[Evidence, float]


@dataclass(frozen=True)
class _Scores:
    raw: dict[tuple[int, int], float]
    evidence: dict[tuple[int, int], list[_Shared]]
    idf: dict[Evidence, float]
    # For each pair, the French word each matched English word stands for.
    counterparts: dict[tuple[int, int], dict[str, str]]
    # For each pair, the English words matched only loosely (appelé/appeared).
    loose: dict[tuple[int, int], set[str]]


def _without_urls(text: str) -> str:
    """The text with its web addresses blanked (same length, so offsets hold): an address is
    where a passage comes from, not what it reports."""
    return URL.sub(lambda m: " " * len(m.group()), text)


def _side(sentences: Sequence[str], lang: str) -> _Side:
    anchors = []
    words = []
    short = short_words(lang)
    # The dates are read in context before the addresses go: a page's address may carry the
    # date it was published, the year of a dateline's day ("LENINGRAD, June 26").
    contexts = context_dates(sentences, lang)
    sentences = [_without_urls(text) for text in sentences]
    for text, context in zip(sentences, contexts, strict=True):
        keys: dict[Evidence, float] = {}
        for anchor in find_anchors(text, lang, context=context):
            weight = _weight(anchor.evidence)
            if anchor.kind is EvidenceKind.NUMBER and is_small_number(anchor.value):
                weight = SMALL_NUMBER_WEIGHT
            for key in anchor.implied():
                implied = weight if key == anchor.evidence else _weight(key)
                keys[key] = max(keys.get(key, 0.0), implied)
        for spelled in spelled_numbers(text, lang):
            key = Evidence(EvidenceKind.NUMBER, spelled.value)
            weight = SMALL_NUMBER_WEIGHT if is_small_number(spelled.value) else WEIGHTS[key.kind]
            keys[key] = max(keys.get(key, 0.0), weight)
        anchors.append(keys)
        words.append(tuple(content_words(text, short)))
    names = frozenset(t.key for tokens in words for t in tokens if t.name)
    df: dict[str, int] = defaultdict(int)
    for tokens in words:
        for word in {t.key for t in tokens}:
            df[word] += 1
    return _Side(tuple(sentences), tuple(anchors), tuple(words), names, dict(df))


def _weight(key: Evidence) -> float:
    """What a date or number is worth before its rarity; a day without its year less than one
    with it, for it could be that day of another year."""
    if key.kind is EvidenceKind.DATE and is_yearless(key.value):
        return YEARLESS_WEIGHT
    return WEIGHTS[key.kind]


def _pair_scores(french: _Side, english: _Side, name_key: NameKey | None) -> _Scores:
    """Raw scores of the fr/en pairs sharing a feature, found through an inverted index.

    A feature found in more than MAX_POSTINGS English sentences is too common to single out an
    event, and is not looked up: the work grows with the text, never with its square.
    """
    total = len(french.tokens) + len(english.tokens)
    df: dict[Evidence, int] = defaultdict(int)
    for side in (french, english):
        for keys in side.anchors:
            for key in keys:
                df[key] += 1
    matches = _word_matches(french, english, name_key)
    for side in (french, english):
        for tokens in side.tokens:
            for word in {t.key for t in tokens}:
                df[Evidence(EvidenceKind.WORD, word)] += 1
    idf = {key: math.log(total / count) for key, count in df.items()}
    en_anchor_index: dict[Evidence, list[int]] = defaultdict(list)
    en_word_index: dict[str, list[int]] = defaultdict(list)
    for j, keys in enumerate(english.anchors):
        for key in keys:
            en_anchor_index[key].append(j)
    for j, tokens in enumerate(english.tokens):
        for word in sorted({t.key for t in tokens}):
            en_word_index[word].append(j)
    raw: dict[tuple[int, int], float] = defaultdict(float)
    evidence: dict[tuple[int, int], list[_Shared]] = defaultdict(list)
    for i, keys in enumerate(french.anchors):
        # Full dates first: a day of the year adds nothing to the same day matched with its
        # year, and counts only where one side does not write the year.
        days: dict[int, set[str]] = defaultdict(set)
        for key, weight in sorted(keys.items(), key=lambda kv: is_yearless(kv[0].value)):
            postings = en_anchor_index.get(key, ())
            if len(postings) > MAX_POSTINGS:
                continue
            for j in postings:
                if key.kind is EvidenceKind.DATE:
                    if key.value[-5:] in days[j]:
                        continue
                    days[j].add(key.value[-5:])
                value = min(weight, english.anchors[j][key]) * idf[key]
                raw[(i, j)] += value
                evidence[(i, j)].append((key, value))
    en_names = [{t.key for t in tokens if t.name} for tokens in english.tokens]
    hits: dict[tuple[int, int], list[tuple[float, str, str, EvidenceKind, bool]]] = defaultdict(
        list
    )
    loose: dict[tuple[int, int], set[str]] = defaultdict(set)
    counterparts: dict[tuple[int, int], dict[str, str]] = defaultdict(dict)
    for i, tokens in enumerate(french.tokens):
        fr_names = {t.key for t in tokens if t.name}
        for fr_key in sorted({t.key for t in tokens}):
            for en_key, close in matches.get(fr_key, {}).items():
                rarity = min(_word_idf(idf, fr_key), _word_idf(idf, en_key))
                postings = en_word_index.get(en_key, ())
                if len(postings) > MAX_POSTINGS:
                    continue
                for j in postings:
                    # A name only when capitalised inside both sentences, not merely somewhere,
                    # and spelt alike: a loose likeness (Français/Franco) is only a term.
                    name = close and fr_key in fr_names and en_key in en_names[j]
                    kind = EvidenceKind.NAME if name else EvidenceKind.TERM
                    hits[(i, j)].append((WEIGHTS[kind] * rarity, fr_key, en_key, kind, close))
    for pair, found in hits.items():
        # Each word counts once: "Russie" matching Russia, Russian and Russo is one clue.
        used_fr: set[str] = set()
        used_en: set[str] = set()
        names: dict[str, float] = {}
        for value, fr_key, en_key, kind, close in sorted(found, key=lambda h: (-h[0], h[1], h[2])):
            if fr_key in used_fr or en_key in used_en:
                continue
            used_fr.add(fr_key)
            used_en.add(en_key)
            if kind is EvidenceKind.NAME:
                names[en_key] = value
            else:
                raw[pair] += value
            evidence[pair].append((Evidence(kind, en_key), value))
            counterparts[pair][en_key] = fr_key
            if not close:
                loose[pair].add(en_key)
        # One person or place is one clue, however many words its name has ("Vladimir Putin").
        for run in _runs(english.texts[pair[1]], english.tokens[pair[1]], set(names), _NAME_GAP):
            raw[pair] += max(names[token.key] for token in run)
    return _Scores(dict(raw), dict(evidence), idf, dict(counterparts), dict(loose))


def _word_matches(
    french: _Side, english: _Side, name_key: NameKey | None
) -> dict[str, dict[str, bool]]:
    """For each French word, the English words it may stand for, and whether closely."""
    from rapidfuzz.distance import Indel

    fr_vocab = _vocabulary(french)
    en_vocab = _vocabulary(english)
    by_start: dict[str, list[str]] = defaultdict(list)
    for key in sorted(en_vocab):
        by_start[key[:COGNATE_PREFIX]].append(key)
    en_by_name: dict[str, list[str]] = defaultdict(list)
    if name_key is not None:
        for key, (form, is_name) in sorted(en_vocab.items()):
            if is_name:
                en_by_name[name_key(form)].append(key)
    matches: dict[str, dict[str, bool]] = {}
    # A month is a date, which the anchors read: never a matched word as well (octobre = October
    # would count it twice).
    months = month_words()
    for key, (form, is_name) in sorted(fr_vocab.items()):
        if key in months:
            continue
        found: dict[str, bool] = {}
        for candidate in by_start.get(key[:COGNATE_PREFIX], ()):
            if candidate in months:
                continue
            likeness = cognates(key, candidate, Indel.normalized_similarity(key, candidate))
            if likeness:
                found[candidate] = likeness is Likeness.CLOSE
        found.update({c: True for c in translations(key) if c in en_vocab})
        if is_name and name_key is not None:
            # The name key reads letters: a name's number must be the same on both sides
            # (G7 = G-7, never G7 = G8).
            found.update(
                {
                    c: True
                    for c in en_by_name.get(name_key(form), ())
                    if _DIGITS.sub("", c) == _DIGITS.sub("", key)
                }
            )
        if found:
            matches[key] = dict(sorted(found.items()))
    return matches


def _vocabulary(side: _Side) -> dict[str, tuple[str, bool]]:
    """Each folded word, one surface form of it, and whether it is ever used as a name."""
    vocab: dict[str, tuple[str, bool]] = {}
    for tokens in side.tokens:
        for token in tokens:
            form, is_name = vocab.get(token.key, (token.form, False))
            vocab[token.key] = (token.form if token.name else form, is_name or token.name)
    return vocab


def _word_idf(idf: dict[Evidence, float], key: str) -> float:
    return idf[Evidence(EvidenceKind.WORD, key)]


def _self_weight(
    side: _Side, index: int, idf: dict[Evidence, float], shareable: set[Evidence]
) -> float:
    """What the passage could share at most: the norm its scores are divided by."""
    total = sum(w * idf.get(k, 1.0) for k, w in side.anchors[index].items() if k in shareable)
    for token in {t.key: t for t in side.tokens[index]}.values():
        word = Evidence(EvidenceKind.WORD, token.key)
        if word in shareable:
            kind = EvidenceKind.NAME if token.name else EvidenceKind.TERM
            total += WEIGHTS[kind] * idf.get(word, 1.0)
    return max(total, 1e-9)


def _days_conflict(a: dict[Evidence, float], b: dict[Evidence, float]) -> bool:
    """Both passages date what they tell to the day, and share neither a day nor a month:
    whatever else they share, they tell two happenings (Friday 15 August, Friday 16 May)."""
    dated = (EvidenceKind.DATE, EvidenceKind.MONTH)

    def days(keys: dict[Evidence, float], kinds: tuple[EvidenceKind, ...]) -> set[Evidence]:
        # A day without its year is not dated to the day: it may be any year's.
        return {k for k in keys if k.kind in kinds and not is_yearless(k.value)}

    days_a, days_b = days(a, (EvidenceKind.DATE,)), days(b, (EvidenceKind.DATE,))
    if not days_a or not days_b:
        return False
    return not days(a, dated) & days(b, dated)


def _name_runs(
    french: _Side, i: int, evidence: list[_Shared], scores: _Scores, pair: tuple[int, int]
) -> int:
    """How many names of the French passage the shared name words make ("Vladimir Poutine" is
    one, though its words meet "Vladimir Medinsky" and "President Putin")."""
    keys = {
        scores.counterparts[pair].get(shared.value, shared.value)
        for shared, _ in evidence
        if shared.kind is EvidenceKind.NAME
    }
    return len(_runs(french.texts[i], french.tokens[i], keys, _NAME_GAP))


def _pair_support(
    items: dict[Evidence, float],
    evidence: list[_Shared],
    loose: set[str],
    fr_names: int,
    term_support: dict[str, float] | None = None,
) -> float:
    """How much the evidence of a pair says that its passages report the same event: the sum of
    each piece's support, names counted no more often than the French passage has them, and
    each matched word once, a loose likeness (appelé/appeared) for less than a close one."""
    names = sorted(
        (
            _support(shown, value)
            for shown, value in items.items()
            if shown.kind is EvidenceKind.NAME
        ),
        reverse=True,
    )
    terms = {shared.value for shared, _ in evidence if shared.kind is EvidenceKind.TERM}
    given = term_support or {}
    words = sum(LOOSE_SUPPORT if word in loose else given.get(word, TERM_SUPPORT) for word in terms)
    others = sum(
        _support(shown, value)
        for shown, value in items.items()
        if shown.kind not in (EvidenceKind.NAME, EvidenceKind.TERM)
    )
    return others + words + sum(names[:fr_names])


def _support(shared: Evidence, value: float) -> float:
    """How much one piece of evidence says that two passages report the same event."""
    kind = shared.kind
    if kind is EvidenceKind.NUMBER:
        return 1.0 if significant_digits(shared.value) >= 3 else 0.5
    if kind is EvidenceKind.TERM:
        return TERM_SUPPORT * len(shared.value.split(" = ")[-1].split())
    if kind is EvidenceKind.NAME:
        # A name met in many passages (France, Niagara) tells little on its own.
        return 1.0 if value / WEIGHTS[kind] >= COMMON_IDF else 0.5
    if kind is EvidenceKind.DATE and is_yearless(shared.value):
        return YEARLESS_SUPPORT
    return SUPPORT[kind]


def _shown(
    french: tuple[str, tuple[ContentWord, ...]],
    english: tuple[str, tuple[ContentWord, ...]],
    evidence: list[_Shared],
    counterparts: dict[str, str],
) -> dict[Evidence, str]:
    """Matched words as a translator reads them: words that stand together make one phrase
    ("Charles de Gaulle", across lower-case particles; "press conference"), written as in the
    texts, the French form first when it differs ("Khrouchtchev = Khrushchev")."""
    shown: dict[Evidence, str] = {}
    for kind, joiner in ((EvidenceKind.TERM, _TERM_GAP), (EvidenceKind.NAME, _NAME_GAP)):
        matched = {shared.value for shared, _ in evidence if shared.kind is kind}
        for run in _runs(*english, matched, joiner):
            en_text = _surface(english[0], run)
            # The French words this run stands for, as they stand together in the French text.
            wanted = {counterparts.get(token.key, token.key) for token in run}
            fr_runs = _runs(*french, wanted, joiner)
            fr_text = _surface(french[0], max(fr_runs, key=len)) if fr_runs else ""
            same = not fr_text or fold(fr_text) == fold(en_text)
            text = en_text if same else f"{fr_text} = {en_text}"
            if kind is EvidenceKind.TERM:
                text = text.lower()
            for token in run:
                shown.setdefault(Evidence(kind, token.key), text)
    return shown


def _runs(
    text: str, tokens: tuple[ContentWord, ...], keys: set[str], joiner: re.Pattern[str]
) -> list[list[ContentWord]]:
    """The tokens whose key is in `keys`, grouped into runs of neighbours."""
    runs: list[list[ContentWord]] = []
    for token in tokens:
        if token.key not in keys:
            continue
        if runs and joiner.fullmatch(text[runs[-1][-1].end : token.start]):
            runs[-1].append(token)
        else:
            runs.append([token])
    return runs


def _surface(text: str, run: list[ContentWord]) -> str:
    """The words of a run as the text writes them, one line."""
    return " ".join(text[run[0].start : run[-1].end].split())


def _items(evidence: list[_Shared], phrases: dict[Evidence, str]) -> dict[Evidence, float]:
    """Evidence as shown (words joined into phrases) and its weight; a date hides the month and
    year it implies."""
    best: dict[Evidence, float] = {}
    for shared, value in evidence:
        if shared in phrases:
            shared = Evidence(shared.kind, phrases[shared])
        best[shared] = max(best.get(shared, 0.0), value)
    implied = {coarse for shown in best for coarse in coarser(shown)}
    return {shown: value for shown, value in best.items() if shown not in implied}


def _labels(items: dict[Evidence, float]) -> tuple[Evidence, ...]:
    """The evidence, most telling first."""
    ordered = sorted(items, key=lambda e: (-items[e], str(e)))
    return tuple(ordered[:MAX_EVIDENCE])
