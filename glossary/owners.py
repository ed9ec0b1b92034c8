"""A body's name with its owner's written in is the same body: Conseil de sécurité des Nations
unies and Conseil de sécurité, UN Security Council and Security Council.

News names an organ of an international organisation with or without the organisation, in both
languages: "le Conseil de sécurité de l'ONU", "the U.N. Security Council". The owner must be a
body the exonym data knows (ONU, Nations unies, UN, EU, OTAN...), and the rest a body's name
the corpus writes alone: a country as owner makes another body (the Security Council of Russia
is not the UN's), so places never join so.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from glossary.cluster import Cluster, FormStats
from glossary.exonyms import exonym_index
from glossary.mentions.cues import org_words
from glossary.model import EntityType, Lang
from glossary.text import fold_words

# The owner after the body: "de l'ONU", "des Nations unies", "of the UN".
_AFTER = {
    Lang.FR: re.compile(r" (?:de l['’]|de la |des |du |de |d['’])"),
    Lang.EN: re.compile(r" of (?:the )?"),
}
_LANGS = frozenset(lang.value for lang in _AFTER)
# Dots of a written-out acronym: U.N. is UN.
_DOTS = re.compile(r"(?<=[A-Z])\.")


def _owned(form: str, lang: str) -> Iterator[tuple[str, str]]:
    """(body, owner) readings of `form`: owner after the body, and in English before it too."""
    pattern = _AFTER.get(Lang(lang)) if lang in _LANGS else None
    if pattern is not None:
        for cut in pattern.finditer(form):
            yield form[: cut.start()], form[cut.end() :]
    if lang == Lang.EN and " " in form:
        owner, body = form.split(" ", 1)
        yield body, owner


def _owner_concept(owner: str) -> str:
    """The concept id of an organisation the exonym data knows ("" for a place or anything
    else)."""
    concept = exonym_index().lookup(_DOTS.sub("", owner))
    return concept.concept_id if concept is not None and concept.type is EntityType.ORG else ""


def _headed(body: str) -> bool:
    return bool(set(fold_words(body).split()) & org_words())


def join_owned(clusters: list[Cluster]) -> list[Cluster]:
    """Clusters joined where one holds a body's name and another the same with its owner."""
    where: dict[tuple[str, str], set[int]] = defaultdict(set)
    for i, cluster in enumerate(clusters):
        for f in cluster.forms:
            where[(f.lang, fold_words(f.form))].add(i)
    parent = list(range(len(clusters)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, cluster in enumerate(clusters):
        for f in cluster.forms:
            for j in sorted(_owners_body(f, clusters, where)):
                a, b = find(i), find(j)
                parent[max(a, b)] = min(a, b)
    joined: dict[int, list[FormStats]] = defaultdict(list)
    for i, cluster in enumerate(clusters):
        joined[find(i)].extend(cluster.forms)
    return [Cluster(tuple(forms)) for _, forms in sorted(joined.items())]


def _owner_of(form: str, lang: str, body: str) -> str | None:
    """The owner concept `form` adds to `body`, "" for another qualifier (French Communist
    Party), None when `form` does not hold `body`."""
    if fold_words(form) == fold_words(body):
        return None
    if fold_words(body) not in fold_words(form):
        return None
    for inner, owner in _owned(form, lang):
        if fold_words(inner) == fold_words(body) and (concept := _owner_concept(owner)):
            return concept
    return ""


def _owners_body(
    f: FormStats, clusters: list[Cluster], where: dict[tuple[str, str], set[int]]
) -> set[int]:
    """The clusters holding the body `f` names with its owner. A cluster that also holds the
    body with another qualifier (French Communist Party beside Communist Party) is left: the
    bare name is then any of them."""
    if f.type is EntityType.PER or f.type is EntityType.LOC:
        return set()
    found: set[int] = set()
    for body, owner in _owned(f.form, f.lang):
        concept = _owner_concept(owner)
        if not body or not concept or not _headed(body):
            continue
        for j in where.get((f.lang, fold_words(body)), set()):
            owners = {_owner_of(g.form, g.lang, body) for g in clusters[j].forms}
            if owners - {None, concept} == set():
                found.add(j)
    return found
