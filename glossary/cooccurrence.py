"""French and English names that translate each other, learnt from the corpus's parallel links.

When a text and its translation are aligned, the names of a French sentence that no key matches
to a name of its English sentence are the strongest evidence there is that they are one entity
(Maison Blanche / White House, Genève / Geneva, HCR / UNHCR). The links come in as plain data
(sentence spans), so the glossary never depends on the aligner. Pairs are scored by Dice over
the links and linked competitively: one-to-one, each pair the unambiguous best of both its
names, the best first, round after round as linked pairs leave the counts (Melamed 2000).
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from glossary.editions import edition
from glossary.exonyms import lookup
from glossary.model import EntityType, Lang, Mention
from glossary.text import fold_words, is_particle
from glossary.translit import match_key
from glossary.weights import (
    LINK_ALIKE,
    LINK_MIN_DICE,
    LINK_MIN_DICE_LONE,
    LINK_MIN_TOGETHER,
    LINK_MIN_TOGETHER_UNLIKE,
    LINK_ROUNDS,
    LINK_SPELT,
)

# Words shorter than this carry no cognate evidence (de, du, of, the, Est).
_SHORTEST_WORD = 3


@dataclass(frozen=True)
class TextSpan:
    """Characters start..end of one source file (a sentence, as the aligner saw it)."""

    source: str
    start: int
    end: int


@dataclass(frozen=True)
class LinkedSentences:
    """French sentences and the English sentences a parallel aligner gave as their translation."""

    fr: tuple[TextSpan, ...]
    en: tuple[TextSpan, ...]


@dataclass(frozen=True)
class Unit:
    """What co-occurrence knows of a group of forms: its languages, type, known concept, forms."""

    langs: frozenset[str]
    type: EntityType
    concept: str | None = None
    forms: tuple[str, ...] = ()


@dataclass(frozen=True)
class LinkedPair:
    """A French and an English unit taken for one entity, with the evidence: links naming both
    among those naming no other match, and their Dice score."""

    fr: int
    en: int
    together: int
    dice: float


class _Places:
    """Mentions by source, sorted by offset, to find those inside a span fast."""

    def __init__(self, mentions: Sequence[Mention], unit_of: dict[tuple[str, str], int]) -> None:
        spans: dict[str, list[tuple[int, int, str, int]]] = defaultdict(list)
        for m in mentions:
            unit = unit_of.get((m.form, m.lang))
            if unit is not None and m.lang in (Lang.FR, Lang.EN):
                spans[m.source].append((m.start, -m.end, m.lang, unit))
        rows: dict[str, list[tuple[int, str, int]]] = {}
        for source, found in spans.items():
            # A name inside another's span (Afrique in Afrique du Nord) is not one more name of
            # the sentence: it would stand beside every rendering as a rival.
            kept, reach = [], -1
            for start, neg_end, lang, unit in sorted(found):
                if -neg_end <= reach:
                    continue
                reach = max(reach, -neg_end)
                kept.append((start, lang, unit))
            rows[source] = kept
        self.rows = rows
        self.starts = {source: [r[0] for r in rows] for source, rows in self.rows.items()}

    def units(self, spans: Sequence[TextSpan], lang: str) -> set[int]:
        found: set[int] = set()
        for span in spans:
            rows, starts = self.rows.get(span.source), self.starts.get(span.source)
            if not rows or starts is None:
                continue
            lo = bisect.bisect_left(starts, span.start)
            hi = bisect.bisect_left(starts, span.end)
            found.update(unit for _, m_lang, unit in rows[lo:hi] if m_lang == lang)
        return found


def _compatible(a: Unit, b: Unit) -> bool:
    """A person is never rendered as a place or a body; two known places are two places."""
    if EntityType.PER in {a.type, b.type} and {a.type, b.type} & {EntityType.LOC, EntityType.ORG}:
        return False
    if a.concept and b.concept and a.concept != b.concept:
        return False  # la Russie in French, Moscow in English: the translator's choice
    years_a = {edition(f) for f in a.forms} - {""}
    years_b = {edition(f) for f in b.forms} - {""}
    if years_a and years_b and not years_a & years_b:
        return False  # JO-92 is not the 2012 Olympic Games
    # A name known in both languages already is matched by its keys; two such never merge here.
    return Lang.EN not in a.langs or Lang.FR not in b.langs


def _acronym_of(short: str, long: str) -> bool:
    """HCR in UNHCR: an acronym whose letters run inside the other form's capitals."""
    letters = [c for c in short if c.isalpha()]
    if len(letters) < 2 or not all(c.isupper() for c in letters):
        return False
    capitals = "".join(c for c in long if c.isupper())
    # Inside the other's capitals (HCR in UNHCR), all of them (CDU, Christian Democratic Union)
    # or all of them in another order: the acronym of the name in a third language's word order
    # (SPD, Social Democratic Party; PDP, Democratic Progressive Party).
    if len(capitals) == len(letters) >= 3 and sorted(capitals) == sorted(letters):
        return True
    return len(capitals) >= len(letters) and "".join(letters) in capitals


def _acronym_like(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _words(form: str) -> list[str]:
    return [w for w in fold_words(form).replace("-", " ").split() if len(w) >= _SHORTEST_WORD]


def alike(a: str, b: str) -> bool:
    """Some spelling shared by two forms of two languages: a cognate word (Genève, Geneva;
    Cisjordanie, Transjordan) or an acronym inside the other (HCR, UNHCR)."""
    from rapidfuzz.distance import Indel

    if _acronym_of(a, b) or _acronym_of(b, a):
        return True
    for x in _words(a):
        for y in _words(b):
            score = max(
                Indel.normalized_similarity(x, y),
                Indel.normalized_similarity(match_key(x), match_key(y)),
            )
            if score >= LINK_ALIKE:
                return True
    return False


def spelt_alike(a: str, b: str) -> bool:
    """Two spellings of one name, not a word shared: an acronym's letters in another order
    (PDP, DPP; OESC, OSCE) or whole forms alike through their transliteration keys (Al-Kaïda,
    al-Qaeda; Abazzia, Abkhazia) -- a slip or a transcription, where alike() also takes a name
    beside its longer one (Kosovo, Parlement du Kosovo)."""
    from rapidfuzz.distance import Indel

    if _acronym_like(a) and _acronym_like(b):
        x, y = sorted(c for c in a if c.isalpha()), sorted(c for c in b if c.isalpha())
        return len(x) >= 3 and x == y
    if _acronym_like(a) or _acronym_like(b):
        return False
    return Indel.normalized_similarity(match_key(a), match_key(b)) >= LINK_SPELT


def _spelt_alike_units(a: Unit, b: Unit) -> bool:
    return any(spelt_alike(x, y) for x in a.forms for y in b.forms)


def _name_words(form: str) -> int:
    """Name words of a form, an acronym counting a word a letter (JO, Jeux Olympiques)."""
    acronyms = [w for w in form.replace("-", " ").split() if len(w) >= 2 and _acronym_like(w)]
    folded = {fold_words(w) for w in acronyms}
    words = [w for w in fold_words(form).split() if not is_particle(w) and w not in folded]
    return len(words) + sum(sum(c.isalpha() for c in w) for w in acronyms)


def _word_for_word(a: Unit, b: Unit) -> bool:
    """Forms of as many name words (Mer Blanche, White Sea; Afrique du Nord, North Africa): a
    rendering, where a name beside a longer or shorter one is most often a name mistaken for
    the other's translation (Jeux Olympiques, Junior World Championship)."""
    return bool({_name_words(f) for f in a.forms} & {_name_words(f) for f in b.forms})


def _alike_units(a: Unit, b: Unit) -> bool:
    return any(alike(x, y) for x in a.forms for y in b.forms)


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def linked_pairs(
    units: Sequence[Unit],
    sides: Sequence[tuple[set[int], set[int]]],
) -> list[LinkedPair]:
    """Pairs (French unit, English unit) that translate each other over the links' `sides`.

    `sides`: for each link, the units named in its French and in its English sentences.
    """
    parent = list(range(len(units)))
    merged_units = list(units)
    accepted: list[LinkedPair] = []
    for _ in range(LINK_ROUNDS):
        n_fr: Counter[int] = Counter()
        n_en: Counter[int] = Counter()
        together: Counter[tuple[int, int]] = Counter()
        # Links where the two are the only names left on either side (Moyen-Orient, Middle East).
        alone: Counter[tuple[int, int]] = Counter()
        # Links where a unit is left with some name left on the other side to render it: the
        # others (its sentence's names all matched across) say nothing against any pair.
        open_fr: Counter[int] = Counter()
        open_en: Counter[int] = Counter()
        # Links where a unit is met and not rendered by itself on the other side: those a
        # second spelling of it can stand in (OESC for OSCE, PDP beside DPP).
        loose_fr: Counter[int] = Counter()
        loose_en: Counter[int] = Counter()
        for fr_units, en_units in sides:
            fr = {_find(parent, u) for u in fr_units}
            en = {_find(parent, u) for u in en_units}
            n_fr.update(fr)
            n_en.update(en)
            both = fr & en  # already one entity on both sides: not evidence for the others
            loose_fr.update(fr - both)
            loose_en.update(en - both)
            for a in fr - both:
                for b in en - both:
                    together[(a, b)] += 1
            if en - both:
                open_fr.update(fr - both)
            if fr - both:
                open_en.update(en - both)
            if len(fr - both) == 1 and len(en - both) == 1:
                alone[(min(fr - both), min(en - both))] += 1
        # (Dice, alike, word for word): a shared spelling breaks a tie of counts (two names in
        # one sentence), then as many name words (Afrique du Nord rather than Afrique beside
        # North Africa, both met in every link that names it).
        scores: dict[tuple[int, int], tuple[float, bool, bool]] = {}
        for (a, b), joint in together.items():
            ua, ub = merged_units[a], merged_units[b]
            if not _compatible(ua, ub):
                continue
            similar = _alike_units(ua, ub)
            # One link is enough with a shared spelling, or for two names of one type, as many
            # words, the only names left in the links they share and never left elsewhere
            # beside another name to render (Moyen-Orient, Middle East);
            # otherwise the pair must recur.
            as_many = _word_for_word(ua, ub)
            single = similar or (
                ua.type == ub.type
                and alone[(a, b)] == joint == open_fr[a] == open_en[b]
                and as_many
            )
            if joint < (LINK_MIN_TOGETHER if single else LINK_MIN_TOGETHER_UNLIKE):
                continue
            dice = 2 * joint / (n_fr[a] + n_en[b])
            if _spelt_alike_units(ua, ub):
                # One name's spelling: the links where a name is rendered by itself say nothing
                # against a slip or another word order of it elsewhere (OSCE in French where
                # the English wrote OESC once; the French PDP where it wrote DPP).
                dice = max(dice, 2 * joint / (loose_fr[a] + loose_en[b]))
            if not similar and joint < LINK_MIN_TOGETHER_UNLIKE and dice < LINK_MIN_DICE_LONE:
                continue
            scores[(a, b)] = (dice, similar, as_many)
        best_fr: dict[int, list[tuple[float, bool, bool]]] = defaultdict(list)
        best_en: dict[int, list[tuple[float, bool, bool]]] = defaultdict(list)
        for (a, b), score in scores.items():
            best_fr[a].append(score)
            best_en[b].append(score)
        chosen = []
        ranked = sorted(scores.items(), key=lambda kv: (kv[1], -kv[0][0], -kv[0][1]), reverse=True)
        for (a, b), score in ranked:
            if score[0] < LINK_MIN_DICE:
                continue
            # Unambiguous for both names: a tie (two unknown names in one sentence) says nothing.
            if _unique_top(best_fr[a], score) and _unique_top(best_en[b], score):
                chosen.append((a, b))
        used: set[int] = set()
        progress = False
        for a, b in chosen:
            if a in used or b in used:
                continue
            used.update((a, b))
            ua, ub = merged_units[a], merged_units[b]
            root, other = min(a, b), max(a, b)
            parent[other] = root
            merged_units[root] = Unit(
                ua.langs | ub.langs, ua.type, ua.concept or ub.concept, ua.forms + ub.forms
            )
            accepted.append(LinkedPair(a, b, together[(a, b)], scores[(a, b)][0]))
            progress = True
        if not progress:
            break
    return accepted


def _unique_top(scores: list[tuple[float, bool, bool]], score: tuple[float, bool, bool]) -> bool:
    return max(scores) == score and scores.count(score) == 1


def link_groups(
    groups: Sequence[Sequence[tuple[str, str]]],
    types: Sequence[EntityType],
    mentions: Sequence[Mention],
    links: Sequence[LinkedSentences],
) -> list[LinkedPair]:
    """Pairs of indices into `groups` (each a list of (form, lang)) that the links show to be one
    entity; `types` gives each group's type, `mentions` where each form was met."""
    unit_of = {form: i for i, group in enumerate(groups) for form in group}
    units = []
    for group, kind in zip(groups, types, strict=True):
        concept = next((c.concept_id for c in (lookup(f) for f, _ in group) if c), None)
        forms = tuple(dict.fromkeys(f for f, _ in group))
        units.append(Unit(frozenset(lang for _, lang in group), kind, concept, forms))
    places = _Places(mentions, unit_of)
    sides = [(places.units(link.fr, Lang.FR), places.units(link.en, Lang.EN)) for link in links]
    return linked_pairs(units, [s for s in sides if s[0] and s[1]])
