"""Where the recogniser and the rules agree: which of spaCy's French entities the finder keeps.

A recogniser's span is trimmed to a name (articles, elisions and end particles off) and kept only
when the rules find nothing against it: it does not start with a title, a lower-case word other
than a name's head noun (mer Noire, ministère de l'Intérieur), and a lone word is not a word the
corpus also writes in lower case, a demonym, a month or a title. It then replaces the one rule
mention it covers (Conseil de sécurité over Conseil), or stands beside a known name it covers
(Conseil de sécurité des Nations unies, and Nations unies); where it covers two or more under no
head noun, or cuts across one, the rules' boundaries stand (Syrie | Bachar al-Assad).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from glossary.exonyms import exonym_index
from glossary.mentions.corpus import (
    CorpusEvidence,
    common_abbreviation,
    inner_capitals,
    language_names,
    not_names,
)
from glossary.mentions.cues import COMPASS_POINTS, function_word, head_words
from glossary.mentions.ner import NerSpan
from glossary.mentions.people import people_word
from glossary.mentions.tokens import Token
from glossary.text import fold_words, titles
from glossary.translit import given_name

# Words a recogniser's span may start or end with that are no part of the name.
_LEADING = frozenset({"l'", "l’", "d'", "d’", "le", "la", "les", "du", "des", "de", "au", "aux"})


@dataclass(frozen=True)
class Agreement:
    """Spans to add (with the recogniser's type) and the rule mentions they replace."""

    added: tuple[NerSpan, ...]
    replaced: frozenset[int]


def _trimmed(text: str, tokens: Sequence[Token], span: NerSpan, ev: CorpusEvidence) -> list[Token]:
    inside = [t for t in tokens if t.start >= span.start and t.end <= span.end]
    while inside and (
        inside[0].text.lower() in _LEADING or (len(inside) > 1 and _loose_start(inside[0], ev))
    ):
        inside = inside[1:]
    for k in range(1, len(inside)):
        gap = text[inside[k - 1].end : inside[k].start]
        after_article = inside[k - 1].text.lower() in _ARTICLES
        initial = len(inside[k - 1].text) == 1 and gap == ". "  # Robert M. Gates
        if (gap not in ("", " ", "\u00a0") and not initial) or (
            after_article and not _after_preposition(inside, k)
        ):
            inside = inside[: k - 1] if after_article else inside[:k]
            break  # Kassatonov - Makarov; Conseil de sécurité l'octroi: two phrases, not one
    while inside and (
        inside[-1].particle or function_word(inside[-1].text) or inside[-1].text[-1:] in "'’"
    ):
        inside = inside[:-1]
    return inside


# Articles inside a French name follow a preposition (Temple de la renommée, Institut de l').
_ARTICLES = frozenset({"l'", "l’", "la", "le", "les"})
# Particles that join a name to the words after it: de, des, du, d'.
_JOINS = frozenset({"de", "des", "du", "d'", "d’"})
_PREPOSITIONS = frozenset({"de", "d'", "d’", "pour", "sur", "à", "en", "contre", "par", "et"})


def _after_preposition(words: Sequence[Token], k: int) -> bool:
    return k >= 2 and words[k - 2].text.lower() in _PREPOSITIONS


def _loose_start(tok: Token, ev: CorpusEvidence) -> bool:
    """A sentence's first word the corpus never capitalises inside a sentence (Hier, Ça)."""
    return tok.initial and not tok.acronym and ("fr", fold_words(tok.text)) not in ev.mid_cap


def _after_title(tokens: Sequence[Token], first: Token) -> bool:
    """The span follows a title and de/des/du: ministre des | Affaires étrangères."""
    k = next(i for i, t in enumerate(tokens) if t.start == first.start)
    if k < 2 or tokens[k - 1].text.lower() not in ("de", "des", "du", "d'", "d’"):
        return False
    # ministre russe des: an adjective may stand between the title and its complement.
    before = [  # vice-ministres: the last part of a compound title
        fold_words(t.text).split()[-1].removesuffix("s") for t in tokens[max(0, k - 3) : k - 1]
    ]
    return bool(set(before[-1:] if not tokens[k - 2].text.islower() else before) & titles())


def _narrowed(words: Sequence[Token], end: int) -> bool:
    """A compass point follows the name ending at `end` inside the span: Afrique | du Nord."""
    return any(t.start >= end and fold_words(t.text) in COMPASS_POINTS for t in words)


def _known(form: str) -> bool:
    return exonym_index().lookup(form) is not None


def _word_is_name(tok: Token, lang: str, ev: CorpusEvidence) -> bool:
    """A capitalised word nothing in the corpus or the word lists says is a common word."""
    folded = fold_words(tok.text)
    if tok.hashtag or tok.glued or not tok.capitalised or len(tok.text) < 2:
        return False
    if folded in not_names() or folded in titles() or folded in language_names():
        return False
    if not tok.acronym and people_word(tok.text):
        return False
    if tok.acronym:
        return not common_abbreviation(tok)  # le KO, la TV
    return (lang, folded) not in ev.lower and (lang, folded) not in ev.cued


# A name's lower-case words after its last capital (Temple de la renommée du hockey): more are a
# sentence the recogniser ran on into ("Fédération internationale espérant conquérir de...").
_LONGEST_LOWER_TAIL = 3


# French past participles of the first group (unifié, occupée, libérés): states, not names.
_PARTICIPLE = re.compile(r"[^\W\d_]{3,}ée?s?$")


def _acceptable(words: Sequence[Token], lang: str, ev: CorpusEvidence) -> bool:
    first = words[0]
    capitals = [k for k, t in enumerate(words) if t.capitalised]
    tail = words[capitals[-1] + 1 :] if capitals else words
    content = [t for t in tail if not (t.particle or function_word(t.text) or t.text[-1] in "'’")]
    if len(content) > _LONGEST_LOWER_TAIL:
        return False
    folded = fold_words(first.text)
    # A lower-case phrase after a name is the sentence's, unless a head noun leads the name
    # (Sommet sur la sécurité nucléaire): Raimbrant | sur carreaux bleus.
    led = tail and capitals and tail[0].text.lower() in _PREPOSITIONS - _JOINS - {"et"}
    if led and content and folded not in head_words():
        return False
    # A known place and a past participle: the place in some state (un Irak unifié).
    state = len(words) == 2 and len(tail) == 1 and bool(_PARTICIPLE.search(tail[0].text))
    if state and _known(first.text) and not _known(f"{first.text} {tail[0].text}"):
        return False
    if any(
        t.text in ("et", "and") and k and people_word(words[k - 1].text)
        for k, t in enumerate(words)
    ):
        return False  # entre Israéliens et Palestiniens: peoples, not a name
    if {folded, folded.removesuffix("s")} & (titles() | not_names()):
        return False  # ministre des Affaires étrangères, capitaine Pouyade: the rules split it
    if len(words) == 1 and folded in head_words():
        return False  # le Comité, la Commission: a common noun alone
    if len(words) == 1:
        # A sentence's first word needs the corpus to capitalise it elsewhere (Lire, Discours).
        known = exonym_index().lookup(first.text) is not None
        opening = _loose_start(first, ev) and not inner_capitals(first, lang, ev)
        return _word_is_name(first, lang, ev) and (known or not opening)
    if not first.capitalised and fold_words(first.text) not in head_words():
        return False
    # A name word, a capitalised head noun (Temple de la renommée) or a word capitalised inside
    # a sentence (Maison blanche, Autorité palestinienne); never only lower case.
    return any(
        _word_is_name(t, lang, ev)
        or (t.capitalised and (fold_words(t.text) in head_words() or _mid_capital(t)))
        for t in words
    )


def _mid_capital(tok: Token) -> bool:
    folded = fold_words(tok.text)
    common = folded in not_names() or folded in titles() or bool(people_word(tok.text))
    return not tok.initial and not common


def _extends_by_particle(
    tokens: Sequence[Token],
    ours: Sequence[tuple[int, int]],
    inside: Sequence[int],
    start: int,
    end: int,
) -> bool:
    """The span is one rule name, then de/des/du and a capitalised word, the rules' name its
    start: two names (Alexei Miller de Gazprom, Loukachenko des Droits de l'Homme), where no
    head noun leads."""
    if len(inside) != 1 or ours[inside[0]][0] != start or ours[inside[0]][1] >= end:
        return False
    rest = [t for t in tokens if ours[inside[0]][1] <= t.start and t.end <= end]
    if not rest or rest[0].text.lower() not in _JOINS:
        return False
    # Afrique du Nord, Ossétie du sud: a compass point narrows the place, one name.
    if any(fold_words(t.text) in COMPASS_POINTS for t in rest):
        return False
    # A capital after "de (la)" starts a second name; a lower-case word continues the first
    # (Temple de la renommée du hockey).
    word = next((t for t in rest[1:] if t.text.lower() not in _ARTICLES), None)
    return word is not None and word.capitalised


def _owner_off(words: list[Token], ev: CorpusEvidence) -> list[Token]:
    """A body's or an event's name ends before de + a person: French names a thing after a
    person without "de" (Institut Pasteur, Centre Pompidou), so "d'Obama" says whose it is
    (le Sommet sur la sécurité nucléaire | d'Obama). A person is a surname of the corpus's
    full names of persons, alone or after a given name."""
    if len(words) < 4 or fold_words(words[0].text) not in head_words():
        return words
    for size in (1, 2):
        owner, particle = words[-size:], words[-size - 1]
        if particle.text.lower() not in _JOINS or not all(t.capitalised for t in owner):
            continue
        person = fold_words(owner[-1].text) in ev.surnames and not _known(owner[-1].text)
        if person and (size == 1 or given_name(owner[0].text) is not None):
            return words[: -size - 1]
    return words


def agree(
    text: str,
    tokens: Sequence[Token],
    spans: Sequence[NerSpan],
    ours: Sequence[tuple[int, int]],
    lang: str,
    ev: CorpusEvidence,
) -> Agreement:
    """Which recognised spans to add to a passage's rule mentions `ours` (local offsets)."""
    added: list[NerSpan] = []
    replaced: set[int] = set()
    for span in spans:
        words = _owner_off(_trimmed(text, tokens, span, ev), ev)
        if not words or not _acceptable(words, lang, ev):
            continue
        start, end = words[0].start, words[-1].end
        inside = [i for i, (s, e) in enumerate(ours) if start <= s and e <= end]
        crossing = any(s < end and start < e for i, (s, e) in enumerate(ours) if i not in inside)
        exact = any(s == start and e == end for s, e in ours)
        # Two rule names inside one span are one name only under a head noun (Conseil de
        # sécurité | des Nations unies); otherwise the rules' split stands (Syrie | de Bachar).
        headed = fold_words(words[0].text) in head_words()
        if crossing or exact or (len(inside) > 1 and not headed):
            continue
        if inside and not words[0].capitalised:
            continue  # canal Telegram, opération Bagration: the name is the rules' own
        if not headed and _extends_by_particle(tokens, ours, inside, start, end):
            continue  # Loukachenko | des Droits de l'Homme: a name the rules end before "de"
        if _after_title(tokens, words[0]):
            continue  # (ministre des) Affaires étrangères: a title's complement
        added.append(NerSpan(start, end, span.type))
        # A known name inside stays a name of its own too (Conseil de sécurité de l'ONU, ONU);
        # not a place the span narrows by a compass point (Afrique du Nord is not Afrique).
        replaced.update(
            i
            for i in inside
            if not _known(text[ours[i][0] : ours[i][1]]) or _narrowed(words, ours[i][1])
        )
    return Agreement(tuple(added), frozenset(replaced))
