"""Group name forms into entities: same concept, same key, fuzzy full names, then short forms."""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from glossary.model import EntityType, Mention
from glossary.similarity import NameParts, name_parts, parts_similarity, skeleton, word_similarity
from glossary.text import fold_words
from glossary.weights import MAX_CANDIDATES, SAME_ENTITY, WINDOW


@dataclass(frozen=True)
class FormStats:
    """One distinct (form, language) with what the mentions say about it."""

    form: str
    lang: str
    count: int
    sources: frozenset[str]
    types: tuple[tuple[EntityType, int], ...]
    contexts: int = 1
    # How often the texts of its language write the form's words, each distinct context once
    # (a word's usual spelling in that language: irakien more than iraquien).
    words_written: int = 0

    @property
    def type(self) -> EntityType:
        """The most frequent type among the mentions (PER first on a tie)."""
        return _majority(self.types)


@functools.lru_cache(maxsize=64)
def _majority(types: tuple[tuple[EntityType, int], ...]) -> EntityType:
    order = list(EntityType)
    return max(types, key=lambda tc: (tc[1], -order.index(tc[0])))[0]


@dataclass(frozen=True)
class Cluster:
    """Forms judged to name one entity, in a stable order."""

    forms: tuple[FormStats, ...]


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def form_stats(mentions: Iterable[Mention]) -> list[FormStats]:
    """Distinct (form, lang) pairs with counts, documents and type votes, sorted."""
    counts: Counter[tuple[str, str]] = Counter()
    sources: dict[tuple[str, str], set[str]] = defaultdict(set)
    types: dict[tuple[str, str], Counter[EntityType]] = defaultdict(Counter)
    # Repeated paragraphs (reposts) are one attestation, not several.
    contexts: dict[tuple[str, str], set[str]] = defaultdict(set)
    for m in mentions:
        key = (m.form, m.lang)
        counts[key] += 1
        sources[key].add(m.source)
        types[key][m.type] += 1
        contexts[key].add(m.context)
    words: dict[str, Counter[str]] = defaultdict(Counter)
    for lang, context in {(lang, c) for (_, lang), cs in contexts.items() for c in cs}:
        words[lang].update(fold_words(context).split())
    return [
        FormStats(
            form,
            lang,
            counts[(form, lang)],
            frozenset(sources[(form, lang)]),
            tuple(sorted(types[(form, lang)].items())),
            len(contexts[(form, lang)]),
            sum(words[lang][w] for w in fold_words(form).split()),
        )
        for form, lang in sorted(counts)
    ]


def _compatible(a: FormStats, b: FormStats) -> bool:
    """A person and a place never merge; bodies, events and unknowns may."""
    kinds = {a.type, b.type}
    return not (EntityType.PER in kinds and EntityType.LOC in kinds)


def cluster_forms(stats: Sequence[FormStats]) -> list[Cluster]:
    """Cluster distinct forms; cost is about linear in their number (blocked comparisons)."""
    parts = [name_parts(s.form, s.lang) for s in stats]
    uf = _UnionFind(len(stats))
    _by_exact(uf, parts, stats)
    _full_names(uf, parts, stats)
    _short_forms(uf, parts, stats)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(stats)):
        groups[uf.find(i)].append(i)
    return [Cluster(tuple(stats[i] for i in members)) for _, members in sorted(groups.items())]


def _by_exact(uf: _UnionFind, parts: Sequence[NameParts], stats: Sequence[FormStats]) -> None:
    """Same known concept, or the same transliteration key without conflicting concepts."""
    first: dict[tuple[str, ...], int] = {}
    for i, p in enumerate(parts):
        key: tuple[str, ...] = ("concept", p.concept) if p.concept else ("key", *p.keys)
        if not p.keys and not p.concept:
            continue
        if key in first and _compatible(stats[first[key]], stats[i]):
            uf.union(first[key], i)
        else:
            first.setdefault(key, i)
    # A form whose key equals a concept's own form joins it (Moskva written as in CLDR).
    concept_keys = {("key", *p.keys): i for i, p in enumerate(parts) if p.concept}
    for i, p in enumerate(parts):
        j = concept_keys.get(("key", *p.keys))
        if j is not None and not p.concept and _compatible(stats[i], stats[j]):
            uf.union(i, j)


def _full_names(uf: _UnionFind, parts: Sequence[NameParts], stats: Sequence[FormStats]) -> None:
    """Multi-word names blocked by surname key and skeleton, compared within each block."""
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, p in enumerate(parts):
        if len(p.keys) >= 2 and not p.concept:
            blocks[("surname", p.keys[-1])].append(i)
            blocks[("skeleton", skeleton(p.keys[-1]) + "|" + p.keys[0][:1])].append(i)
            # The same first name and surname initial: a surname whose skeleton a slip changed
            # (Majid Kakavand, Majid Khakavand).
            blocks[("first", p.keys[0] + "|" + p.keys[-1][:1])].append(i)
    for members in blocks.values():
        members.sort(key=lambda i: (parts[i].keys, i))
        for x, i in enumerate(members):
            for j in members[x + 1 : x + 1 + WINDOW]:
                if uf.find(i) == uf.find(j) or not _compatible(stats[i], stats[j]):
                    continue
                if parts_similarity(parts[i], parts[j]) < SAME_ENTITY:
                    continue
                # Translation rewrites a body's middle words (pour la Sécurité, for Security); a
                # spelling of it in the same language keeps them.
                person = EntityType.PER in {stats[i].type, stats[j].type}
                translated = stats[i].lang != stats[j].lang
                if person or translated or _middles_agree(parts[i], parts[j]):
                    uf.union(i, j)


def _middles_agree(a: NameParts, b: NameParts) -> bool:
    """The words between the first and the last of two names of bodies or places of one
    language are one spelling of each other: the first and last words alone do not make one
    body (Comité de Sécurité Nationale, Comité Olympique National), as they make one person
    (a middle name). The middles are compared run together, as a hyphen may cut one word in
    two (Co-operation, Cooperation); or the shorter name is inside the other, word for word
    (Nations unies in Organisation des Nations unies)."""
    if len(a.keys) < 3 and len(b.keys) < 3:
        return True
    short, long = sorted((a.keys, b.keys), key=len)
    rest = iter(long)
    if all(key in rest for key in short):
        return True
    middle_a, middle_b = "".join(a.keys[1:-1]), "".join(b.keys[1:-1])
    folds_a, folds_b = "".join(a.folds[1:-1]), "".join(b.folds[1:-1])
    if not (middle_a and middle_b):
        return False
    return (
        folds_a == folds_b or word_similarity(middle_a, middle_b, folds_a, folds_b) >= SAME_ENTITY
    )


def _short_forms(uf: _UnionFind, parts: Sequence[NameParts], stats: Sequence[FormStats]) -> None:
    """A surname alone joins the full name of the same document, or the only one in the corpus."""
    by_key: dict[str, list[int]] = defaultdict(list)
    by_skeleton: dict[str, list[int]] = defaultdict(list)
    # Full names of persons, and of names the recogniser typed MISC (Julian Assange): a place
    # or a body is never the full name a surname stands for.
    for i, p in enumerate(parts):
        if (
            len(p.keys) >= 2
            and not p.concept
            and stats[i].type in (EntityType.PER, EntityType.MISC)
        ):
            by_key[p.keys[-1]].append(i)
            by_skeleton[skeleton(p.keys[-1])].append(i)
    for i, p in enumerate(parts):
        if len(p.keys) != 1 or p.concept or stats[i].type in (EntityType.LOC, EntityType.ORG):
            continue
        # The same surname key first; the skeleton only to catch a misspelling (Bartoux).
        pool = by_key.get(p.keys[0]) or by_skeleton.get(skeleton(p.keys[0]), [])
        candidates = [
            j for j in pool[:MAX_CANDIDATES] if parts_similarity(p, parts[j]) >= SAME_ENTITY
        ]
        same_doc = {uf.find(j) for j in candidates if stats[j].sources & stats[i].sources}
        anywhere = {uf.find(j) for j in candidates}
        chosen = same_doc if same_doc else anywhere
        if len(chosen) == 1:
            uf.union(i, chosen.pop())
