"""Acronyms joined to the expansion a text gives them: Federal Security Service (FSB).

A text that writes a body's name and then its acronym in brackets says they are one entity, in
any language and whatever the letters (FSB for the Russian ФСБ, ODSZ for the Belarusian one), so
no letter rule is asked for. A person is never expanded so: Angela Merkel (CDU) names her party.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from glossary.cluster import Cluster, FormStats
from glossary.model import EntityType, Mention
from glossary.text import fold, fold_words, is_particle

# Characters between the end of a name and the start of its acronym: " (".
_GAP = 2
_LONGEST_ACRONYM = 8


def is_acronym(form: str) -> bool:
    """Two to eight letters, all capitals (FSB, OSCE, U.N. counts its letters)."""
    letters = [c for c in form if c.isalpha()]
    return 2 <= len(letters) <= _LONGEST_ACRONYM and all(c.isupper() for c in letters)


def _bracketed(name: Mention, acronym: Mention) -> bool:
    """`acronym` written in brackets right after `name`, in the same sentence."""
    if name.source != acronym.source or acronym.start - name.end != _GAP:
        return False
    written = f"{name.form} ({acronym.form})"
    return written in " ".join(acronym.context.split())


def _can_expand(name: str, acronym: str) -> bool:
    """Enough words for the letters (one short: Forces démocratiques unies, ODSZ), or one word
    that holds them in order from its first (Kuomintang, KMT): not the last word of a longer
    name the text left out (Coopération en Europe (OSCE), centre de Francfort (FIZ))."""
    letters = fold("".join(c for c in acronym if c.isalpha()))
    words = [w for w in fold_words(name).replace("-", " ").split() if not is_particle(w)]
    if len(words) >= 2:
        return len(words) >= len(letters) - 1
    word = iter(words[0] if words else "")
    return bool(words) and words[0][:1] == letters[:1] and all(c in word for c in letters)


def spells_word(word: str, acronym: str) -> bool:
    """One word that holds the acronym's letters in order from its first (Kuomintang, KMT)."""
    letters = fold("".join(c for c in acronym if c.isalpha()))
    folded = fold_words(word)
    rest = iter(folded)
    return bool(letters) and folded[:1] == letters[:1] and all(c in rest for c in letters)


def expansion_pairs(mentions: Sequence[Mention]) -> list[tuple[Mention, Mention]]:
    """(name, acronym) pairs the texts write as `name (ACRONYM)`, the name not a person's.
    Where names end at the bracket inside one another, the longest whose initials spell the
    acronym (Haut commissariat des Nations unies pour les réfugiés (HCR), not Nations unies;
    l'Organisation des Nations unies (ONU), not the Conseil de sécurité it belongs to), else the
    shortest (Forces démocratiques unies (ODSZ) spells the Belarusian name)."""
    ending: dict[tuple[str, int], list[Mention]] = defaultdict(list)
    for m in mentions:
        ending[(m.source, m.end)].append(m)
    pairs = []
    for acronym in sorted(mentions, key=lambda m: (m.source, m.start, m.end)):
        if not is_acronym(acronym.form):
            continue
        names = [
            name
            for name in ending.get((acronym.source, acronym.start - _GAP), ())
            if not is_acronym(name.form)
            and name.type != EntityType.PER
            and _can_expand(name.form, acronym.form)
            and _bracketed(name, acronym)
        ]
        spelt = [name for name in names if _initials_spell(name.form, acronym.form)]
        if spelt:
            pairs.append((max(spelt, key=_size), acronym))
        elif names:
            pairs.append((min(names, key=_size), acronym))
    return pairs


def _size(mention: Mention) -> tuple[int, int]:
    return mention.end - mention.start, -mention.start


def _initials_spell(name: str, acronym: str) -> bool:
    """The acronym's letters are the name's first letter and then initials of its words, in
    order (HCR: Haut Commissariat ... Réfugiés), or of its one word (Kuomintang, KMT)."""
    letters = fold("".join(c for c in acronym if c.isalpha()))
    words = [w for w in fold_words(name).replace("-", " ").replace("'", " ").split()]
    words = [w for w in words if not is_particle(w)]
    if len(words) < 2:
        return _can_expand(name, acronym)
    if not letters or words[0][:1] != letters[0]:
        return False
    rest = iter(w[:1] for w in words[1:])
    return all(c in rest for c in letters[1:])


def join_expansions(clusters: list[Cluster], mentions: Sequence[Mention]) -> list[Cluster]:
    """Each cluster of acronyms alone joined to the one cluster the texts expand it to."""
    where: dict[tuple[str, str], int] = {
        (f.form, f.lang): i for i, c in enumerate(clusters) for f in c.forms
    }
    # Per acronym cluster, the clusters its expansions fall in, by the expansion's language.
    targets: dict[int, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for name, acronym in expansion_pairs(mentions):
        short, long = where.get((acronym.form, acronym.lang)), where.get((name.form, name.lang))
        if short is None or long is None or short == long:
            continue
        if all(is_acronym(f.form) for f in clusters[short].forms) and not _person(clusters[long]):
            targets[short][name.lang].add(long)
    parent = list(range(len(clusters)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for short, by_lang in sorted(targets.items()):
        # One expansion per language (FSB: Federal Security Service, Service fédéral de
        # sécurité); two in one language say the acronym is not one body's.
        if any(len(longs) > 1 for longs in by_lang.values()):
            continue
        for (long,) in by_lang.values():
            a, b = find(short), find(long)
            parent[max(a, b)] = min(a, b)
    joined: dict[int, list[FormStats]] = defaultdict(list)
    for i, cluster in enumerate(clusters):
        joined[find(i)].extend(cluster.forms)
    return [Cluster(tuple(forms)) for _, forms in sorted(joined.items())]


def _person(cluster: Cluster) -> bool:
    votes: dict[EntityType, int] = defaultdict(int)
    for f in cluster.forms:
        for kind, count in f.types:
            votes[kind] += count
    return max(votes, key=lambda k: votes[k]) == EntityType.PER if votes else False
