"""French bodies written in lower case, found by the capitals of their English name.

French writes a body's name with few capitals or none (le ministère bosniaque de la culture, le
parlement russe), so case cannot tell that name from a description. The translation can: where
an English text of the corpus capitalises a body (Bosnian Ministry of Culture) and a French text
writes a phrase that renders each of its words once (ministère ~ Ministry, bosniaque ~ Bosnian,
culture ~ Culture), the phrase is that body's name. A description English writes in lower case
(the Russian defence ministry) has no capitalised counterpart, and stays a description.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from glossary.mentions.cues import head_words
from glossary.mentions.tokens import Token
from glossary.model import Lang, Mention, Passage
from glossary.text import fold, fold_words

# Words that join a name's words and render none: the Ministry of Culture, de la culture.
_EN_LINKS = frozenset({"of", "for", "the", "and", "on"})
_FR_LINKS = frozenset({"de", "d", "du", "des", "la", "le", "l", "les", "et", "pour"})
# Words of bodies' names whose French word shares no stem with the English one (the others
# are cognates: Ministry ministère, Parliament parlement, Culture culture), heads first.
_TRANSLATIONS = {
    "government": "gouvernement",
    "square": "place",
    "committee": "comite",
    "council": "conseil",
    "office": "bureau",
    "bank": "banque",
    "foundation": "fondation",
    "league": "ligue",
    "movement": "mouvement",
    "state": "etat",
    "research": "recherche",
    "global": "mondial",
    "world": "mondial",
    "foreign": "etranger",
    "health": "sante",
    "rights": "droits",
    "trade": "commerce",
}
# A French word's endings of gender and number (mondiale, recherches, étrangères), not of
# derivation (conseiller is no conseil).
_ENDINGS = frozenset({"", "e", "s", "es", "x", "aux"})
# Letters two words must share from their start to be taken for one word's two spellings
# (russe / Russian, énergie / Energy, octobre / October).
_STEM = 4
# Gaps between the words of one phrase: a space, or none after an elided d' or l'.
_GAPS = frozenset({"", " "})


def _renders(french: str, english: str) -> bool:
    """A folded French word that renders a folded English one: the same word, a cognate (one
    stem of four letters or more), or a translation (in any of its endings: recherches)."""
    if min(len(french), len(english)) >= _STEM and french[:_STEM] == english[:_STEM]:
        return True
    translation = _TRANSLATIONS.get(english)
    if translation is None or not french.startswith(translation):
        return french == english
    return french[len(translation) :] in _ENDINGS


def _content(words: Sequence[str], links: frozenset[str]) -> list[str]:
    return [w for w in words if w not in links]


_Bodies = dict[str, list[tuple[list[str], Mention]]]


def _english_bodies(mentions: Sequence[Mention]) -> _Bodies:
    """English names of two capitalised words or more, headed by a body's or a place's noun,
    by the French words their heads may open a phrase with."""
    heads = head_words()
    found: _Bodies = defaultdict(list)
    seen: set[str] = set()
    for m in mentions:
        if m.lang != Lang.EN or m.form in seen:
            continue
        seen.add(m.form)
        raw = m.form.replace("-", " ").split()
        words = _content(fold_words(m.form).split(), _EN_LINKS)
        capitals = [w for w in raw if w.casefold() not in _EN_LINKS]
        if len(words) < 2 or len(words) != len(capitals):
            continue
        if not all(w[:1].isupper() for w in capitals):
            continue
        for word in words:
            if word in heads:
                found[_TRANSLATIONS.get(word, word)[:_STEM]].append((words, m))
    return found


def _opening(folded: str, bodies: _Bodies) -> list[tuple[list[str], Mention]]:
    """The English bodies a French word may open the name of: by its head's translation or its
    stem."""
    return bodies.get(folded[:_STEM], [])


def _phrase_end(tokens: Sequence[Token], i: int, english: Sequence[str]) -> int:
    """Index past the last token of the lower-case French phrase at tokens[i] that renders each
    of the English words once, or 0."""
    left = list(english)
    k = i
    while k < len(tokens) and left:
        tok = tokens[k]
        if k > i and tok.gap_before not in _GAPS:
            return 0
        words = fold_words(tok.text).split()
        if k > i and len(words) == 1 and words[0] in _FR_LINKS:
            k += 1
            continue
        for word in words:
            match = next((e for e in left if _renders(word, e)), None)
            if match is None:
                return 0
            left.remove(match)
        k += 1
    return k if not left else 0


def translated_bodies(
    passages: Sequence[Passage],
    tokens_of: Callable[[int], Sequence[Token]],
    mentions: Sequence[Mention],
    make: Callable[[Passage, int, int, Mention], Mention],
) -> list[Mention]:
    """The mentions with the lower-case French names of the English bodies they hold; French
    mentions inside one of those (Kurdistan in gouvernement régional du Kurdistan) give way.

    `tokens_of(n)`: passage n's tokens; `make(passage, start, end, english)`: the mention of
    passage text[start:end], of the English mention's type."""
    bodies = _english_bodies(mentions)
    if not bodies:
        return list(mentions)
    openers = frozenset(bodies)
    added: list[Mention] = []
    for n, passage in enumerate(passages):
        if passage.lang != Lang.FR:
            continue
        lowered = fold(passage.text)
        if not any(w in lowered for w in openers):
            continue  # accents aside, a phrase's opening word is in the text as written
        tokens = tokens_of(n)
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            folded = fold_words(tok.text)
            end = 0
            if " " not in folded:
                for english, source in _opening(folded, bodies):
                    end = _phrase_end(tokens, i, english)
                    if end:
                        added.append(make(passage, tok.start, tokens[end - 1].end, source))
                        break
            i = end or i + 1
    by_source: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_source[m.source].append(m)

    def within(inner: Mention, outer: Mention) -> bool:
        return outer.start <= inner.start and inner.end <= outer.end

    # A name found already, one that holds the phrase or cuts across it wins (the phrase is
    # that name, or part of a longer one).
    kept = [
        m
        for m in added
        if not any(
            o.start < m.end and m.start < o.end and (not within(o, m) or within(m, o))
            for o in by_source[m.source]
        )
    ]
    if not kept:
        return list(mentions)
    inside = [m for m in mentions if any(k.source == m.source and within(m, k) for k in kept)]
    return [m for m in mentions if m not in inside] + kept
