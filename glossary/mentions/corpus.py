"""Corpus evidence about capitalised words, and whether one word alone is a name."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from glossary.exonyms import exonym_index
from glossary.mentions.cues import (
    COMPASS_POINTS,
    adjective_form,
    catalogue_label,
    dash_compound,
    derived_noun,
    head_words,
    language_names,
    noun_follows,
    press_words,
    word_follows,
)
from glossary.mentions.people import people_word
from glossary.mentions.tokens import Token
from glossary.model import Lang, Passage
from glossary.text import fold_words, listed_words, titles
from glossary.translit import given_name, is_russian_name
from glossary.weights import TITLE_LINE_SHARE

# Words that make a capitalised word after them a common noun: "leur Patrie", "a Union".
# Definite articles are left out: "the Kremlin", "la France" precede names all the time.
_CUE_WORDS = """un une leur leurs notre nos votre vos mon ma mes ton ta tes son sa ses
a an their our my your his its"""
_COMMON_CUES = frozenset(_CUE_WORDS.split())
# "les Américains", "the Bolsheviks": a capitalised plural after a plural article is a people.
_PLURAL_CUES = frozenset({"les", "des", "aux", "the"})


@dataclass(frozen=True)
class CorpusEvidence:
    """What the whole corpus says about each capitalised word, per language."""

    lower: frozenset[tuple[str, str]]
    cued: frozenset[tuple[str, str]]
    mid_cap: frozenset[tuple[str, str]]
    tails: frozenset[str]
    # Words seen as adjectives before a noun (American troops, Nazi-Soviet non-aggression).
    attributive: frozenset[tuple[str, str]] = frozenset()
    # Sentence-initial words seen without a capitalised word after them (However, Today).
    loose: frozenset[tuple[str, str]] = frozenset()
    # Two capitalised words written together mid-sentence in two passages or more, the first
    # also a common word (United Russia): (lang, "united russia").
    paired: frozenset[tuple[str, str]] = frozenset()
    # Folded surnames of the corpus's full names of persons (obama of Barack Obama).
    surnames: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=1)
def not_names() -> frozenset[str]:
    """Titles and conventionally capitalised nouns (data/not_names.tsv), months and weekdays."""
    from babel import Locale

    # A compass point is a word of a name (Corée du Sud, South Russia), only never one alone;
    # so is a faith (Catholic Church): mentions.people decides those alone.
    listed = listed_words()
    words = {
        w
        for why, group in listed.items()
        if why not in ("direction", "people", "abbreviation")
        for w in group
    }
    for loc in ("en", "fr", "nl", "de"):
        locale = Locale(loc)
        for table in (locale.months, locale.days):
            words.update(table["format"]["wide"].values())
    return frozenset(fold_words(w) for w in words)


@functools.lru_cache(maxsize=1)
def first_words() -> frozenset[str]:
    """Folded first words of the known names of two words or more (Saudi of Saudi Arabia,
    union of Union soviétique)."""
    return frozenset(name.split()[0] for name in exonym_index().by_name if " " in name)


def inner_capitals(tok: Token, lang: str, ev: CorpusEvidence) -> bool:
    """A compound whose every part is capitalised (Exxon-Mobil) is written so for a name,
    even at a sentence's start: the capital after the hyphen is not the sentence's. Not a
    compound adjective (Franco-German, Anglo-Saxon, Spanish-Portuguese), nor one with a part
    the corpus writes in lower case or lists as no name (Vice-President)."""
    parts = [p for p in re.split(r"[-‐]", tok.text) if p]
    if len(parts) < 2 or tok.acronym or adjective_form(tok.text):
        return False
    for part in parts:
        folded = fold_words(part)
        if not part[:1].isupper() or len(part) < 2 or (lang, folded) in ev.lower:
            return False
        if folded in not_names() or folded in titles() or _people(part):
            return False
    return True


def common_abbreviation(tok: Token) -> bool:
    """Capitals that abbreviate a common noun (TV, PDG, GDP: data/not_names.tsv)."""
    return tok.acronym and fold_words(tok.text) in listed_words().get("abbreviation", frozenset())


@functools.lru_cache(maxsize=1)
def month_abbreviations() -> frozenset[str]:
    """Folded abbreviated months of English and French (CLDR): Oct, Apr, janv, déc. Only with
    their dot are they months (Jan is a given name, Mar a sea)."""
    from babel import Locale

    return frozenset(
        fold_words(name.rstrip("."))
        for loc in ("en", "fr")
        for name in Locale(loc).months["format"]["abbreviated"].values()
    )


def title_line(text: str, tokens: Sequence[Token]) -> bool:
    """A heading or tag list: most words capitalised, no closing stop; capitals say nothing."""
    words = [t for t in tokens if not t.hashtag and not t.particle]
    if len(words) < 3 or text.rstrip()[-1:] in (".", "!", "?", ":", ";"):
        return False
    return sum(t.capitalised for t in words) / len(words) >= TITLE_LINE_SHARE


def compass_place(word: str) -> bool:
    """A hyphenated place named by a compass point (East-Jerusalem, Middle-East, Nord-Kivu):
    a name even before a noun, unlike a compound of directions (East-West) or of names
    (Nazi-Soviet, US-backed), which modifies it."""
    parts = fold_words(word).split()
    compass = sum(part in COMPASS_POINTS for part in parts)
    return len(parts) == 2 and compass == 1 and all(p[:1].isupper() for p in word.split("-"))


def collect_evidence(
    passages: Sequence[Passage], tokenised: Sequence[list[Token]], citations: frozenset[int]
) -> CorpusEvidence:
    """What every passage says: lower-case uses, cues, mid-sentence capitals, adjectives."""
    return combined_evidence(
        [
            # Titles of cited works are in title case: their capitals say nothing.
            passage_evidence(passage, tokens, title_line(passage.text, tokens) or n in citations)
            for n, (passage, tokens) in enumerate(zip(passages, tokenised, strict=True))
        ]
    )


@dataclass(frozen=True)
class PassageEvidence:
    """What one passage says of its words (`collect_evidence` is the union over the corpus)."""

    lower: frozenset[tuple[str, str]]
    cued: frozenset[tuple[str, str]]
    mid_cap: frozenset[tuple[str, str]]
    attributive: frozenset[tuple[str, str]]
    loose: frozenset[tuple[str, str]]
    # Two capitalised words written together mid-sentence: (lang, "united russia").
    pairs: frozenset[tuple[str, str]]


def passage_evidence(passage: Passage, tokens: Sequence[Token], heading: bool) -> PassageEvidence:
    """One passage's part of the corpus evidence; `heading`: a title line or a citation."""
    lower, cued, mid_cap, attributive, loose = set(), set(), set(), set(), set()
    pairs: set[tuple[str, str]] = set()
    for i, tok in enumerate(tokens):
        key = (passage.lang, fold_words(tok.text))
        if not tok.capitalised:
            lower.add(key)
            continue
        if i and not tok.acronym and tok.gap_before.strip() == "":
            prev = tokens[i - 1].text
            prev = prev.lower()
            if prev in _COMMON_CUES or (prev in _PLURAL_CUES and tok.text.endswith("s")):
                cued.add(key)
        compound = tok.compound and not compass_place(tok.text)
        adjectival = adjective_form(tok.text) or compound
        if adjectival and not tok.acronym and noun_follows(passage.text, tokens, i):
            attributive.add(key)
        if tok.initial and not capital_follows(passage.text, tokens, i):
            loose.add(key)  # However, ...: a sentence-initial word standing alone
        # "le Musée de l'Homme": a noun after an article is no evidence of a name.
        after_article = i > 0 and fold_words(tokens[i - 1].text) == "l"
        if not tok.initial and not heading and not after_article:
            mid_cap.add(key)
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if nxt is not None and nxt.capitalised and joined(passage.text, tok, nxt):
                pairs.add((passage.lang, f"{key[1]} {fold_words(nxt.text)}"))
    return PassageEvidence(
        frozenset(lower),
        frozenset(cued),
        frozenset(mid_cap),
        frozenset(attributive),
        frozenset(loose),
        frozenset(pairs),
    )


def combined_evidence(parts: Sequence[PassageEvidence]) -> CorpusEvidence:
    """The corpus's evidence from each passage's (tails left empty: the finder adds them)."""
    lower = frozenset().union(*(p.lower for p in parts))
    seen: Counter[tuple[str, str]] = Counter(pair for p in parts for pair in p.pairs)
    return CorpusEvidence(
        lower,
        frozenset().union(*(p.cued for p in parts)),
        frozenset().union(*(p.mid_cap for p in parts)),
        frozenset(),
        frozenset().union(*(p.attributive for p in parts)),
        frozenset().union(*(p.loose for p in parts)),
        frozenset(
            pair
            for pair, count in seen.items()
            if count >= 2 and (pair[0], pair[1].split()[0]) in lower
        ),
    )


def capital_follows(text: str, tokens: Sequence[Token], i: int) -> bool:
    """The next word is capitalised and joined by one space (Pablo Picasso), or a particle
    before one (Qassim al Atwani, Charles de Gaulle)."""
    if i + 1 >= len(tokens) or not joined(text, tokens[i], tokens[i + 1]):
        return False
    nxt = tokens[i + 1]
    if nxt.particle and nxt.text.islower() and i + 2 < len(tokens):
        return tokens[i + 2].capitalised and joined(text, nxt, tokens[i + 2])
    return nxt.capitalised


def joined(text: str, left: Token, right: Token) -> bool:
    """Two words of one name: one space (or none) between them, no hashtag after."""
    gap = text[left.end : right.start]
    return gap in (" ", "\u00a0", "") and not right.hashtag


def common_neighbour(tokens: Sequence[Token], k: int, ctx: WordContext) -> bool:
    """A joined capitalised neighbour is a common word: Big Three, Great Depression, Third World."""
    text, lang = ctx.passage.text, ctx.passage.lang
    near: list[int] = []
    j = k - 1
    while j >= 0 and joined(text, tokens[j], tokens[j + 1]) and not tokens[j].capitalised:
        if not (tokens[j].particle or tokens[j].text in ("l'", "l’")):
            break
        j -= 1
    if j >= 0 and joined(text, tokens[j], tokens[j + 1]):
        near.append(j)
        linked = tokens[j + 1].text.lower() in ("d'", "d’", "des") and j + 1 < k
        if linked and fold_words(tokens[j].text) in titles():
            return True  # Chargé d'Affaires, Ministre des Affaires: part of a title
    if k + 1 < len(tokens) and joined(text, tokens[k], tokens[k + 1]):
        near.append(k + 1)
    for n in near:
        tok = tokens[n]
        if not tok.capitalised or tok.acronym or tok.initial or ctx.taken[n] or ctx.flags[n]:
            continue
        key = (lang, fold_words(tok.text))
        folded = fold_words(tok.text)
        if folded in not_names() or folded in head_words() or folded in titles():
            continue  # President Trump, Hitler–Stalin Pact, M. Assad
        if key in ctx.ev.lower or key in ctx.ev.cued:
            return True
    return False


@dataclass(frozen=True)
class WordContext:
    """One passage with its name flags, the words known phrases took, and corpus evidence."""

    passage: Passage
    flags: Sequence[bool]
    taken: Sequence[bool]
    ev: CorpusEvidence
    adjectives: frozenset[str]
    # Folded word -> languages it is seen written in lower case in.
    lower_langs: Mapping[str, frozenset[str]]


def lone_word_is_name(tokens: Sequence[Token], k: int, ctx: WordContext) -> bool:
    """Whether one capitalised word, alone, is a name rather than an adjective or a label."""
    tok, text, lang = tokens[k], ctx.passage.text, ctx.passage.lang
    folded = fold_words(tok.text)
    if exonym_index().lookup(tok.text) is not None or given_name(tok.text) is not None:
        return True
    if folded in language_names() or folded in listed_words().get("direction", frozenset()):
        return False
    if folded in head_words() or folded.removesuffix("s") in head_words():
        return False  # the Press, le Bureau, the two countries' State Departments
    if catalogue_label(text, tok):
        return False  # ISBN 978-..., Bestanddeelnr 911-1157
    parts = folded.split()
    if len(parts) > 1 and all(p in language_names() or _people(p) for p in parts):
        return False  # the Spanish-Portuguese bid: peoples' adjectives joined, no name
    if (lang, folded) in ctx.ev.attributive or dash_compound(text, tok) in ctx.adjectives:
        return False
    if adjective_form(tok.text) and word_follows(text, tokens, k):
        return False  # American troops, Crimean War
    if derived_noun(tok.text):
        return False  # Bolshevization, Sovietologists: common nouns made from names
    # English puts an adjective before its noun (French after it: l'Arabie exige...).
    before_noun = lang == Lang.EN and noun_follows(text, tokens, k) and not tok.initial
    # A compass point alone is a region (the West since March: _compass_names), not West Bank's.
    if before_noun and folded in first_words() and folded not in COMPASS_POINTS:
        return False  # the Saudi high rollers, former Soviet nations: Saudi Arabia's adjective
    following = fold_words(tokens[k + 1].text) if k + 1 < len(tokens) else ""
    if noun_follows(text, tokens, k) and following in head_words() - press_words():
        return False  # the White movement, the Stalin pact: a modifier here
    others = ctx.lower_langs.get(folded, frozenset()) - {lang}
    if others & {"en", "fr"} and not is_russian_name(tok.text):
        return False  # Affaires, Liberation: a common word in the other language
    return not common_neighbour(tokens, k, ctx)


def _people(word: str) -> bool:
    return bool(people_word(word))


def titled_name(text: str, tokens: Sequence[Token], k: int) -> bool:
    """A title stands right before the name: le capitaine Steverov, colonel Laroche."""
    return (
        k > 0
        and joined(text, tokens[k - 1], tokens[k])
        and fold_words(tokens[k - 1].text) in titles()
    )
