"""Find names of people, places, bodies and events in French and English passages."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from glossary.exonyms import compass_forms, demonym, exonym_index
from glossary.memo import Keeper, PassageMemo, Watch, grouped, passage_key, ungrouped
from glossary.mentions.agree import agree
from glossary.mentions.bodies import translated_bodies
from glossary.mentions.corpus import (
    CorpusEvidence,
    PassageEvidence,
    WordContext,
    combined_evidence,
    common_abbreviation,
    first_words,
    inner_capitals,
    joined,
    language_names,
    lone_word_is_name,
    month_abbreviations,
    not_names,
    passage_evidence,
    title_line,
    titled_name,
)
from glossary.mentions.cues import (
    COMPASS_POINTS,
    GEO_PARTS,
    ORDINALS,
    PLACE_ARTICLES,
    adjective_form,
    citation_passages,
    event_words,
    function_word,
    geo_words,
    head_words,
    org_words,
    place_cue,
)
from glossary.mentions.ner import NerSpan, Recogniser, french_entities
from glossary.mentions.people import people_word
from glossary.mentions.tokens import Token, tokenize
from glossary.model import EntityType, Lang, Mention, Passage
from glossary.text import TITLE_ABBREVIATIONS, fold_words, snippet, titles
from glossary.translit import given_name, is_russian_name

_ROMAN = re.compile(r"^[IVXLC]+$")
_WORDS = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# The example cell shows about this many characters around a mention.
CONTEXT = 120


_FIRST_PERSON = re.compile(r"I['’](?:m|ve|ll|d)$")


def _is_name_word(tok: Token, lang: str, heading: bool, ev: CorpusEvidence) -> bool:
    """Decide whether one capitalised word can be part of a name."""
    if tok.hashtag or tok.glued or not tok.capitalised or len(tok.text) < 2 or tok.initial_letter:
        return False
    folded = fold_words(tok.text)
    if folded in not_names() or folded.removesuffix("s") in not_names():
        return False
    if tok.model_number:
        return True  # G550, G20: no common word is written so (the key "g" would say "a")
    if lang == Lang.EN and _FIRST_PERSON.match(tok.text):
        return False  # I'm, I've: the English pronoun is always capitalised
    if not tok.acronym and people_word(tok.text) == "plural":
        return False  # a people (Albanians, Européens, Sunnis), not a name
    if _name_led_adjective(tok.text):
        return False  # the Russia-dependent Belarus, US-backed forces: an adjective
    if tok.acronym:
        if common_abbreviation(tok):
            return False  # TV, PDG, GDP
        # In a heading, capitals are shouting (VIEW IN TELEGRAM); roman numerals are numbers.
        known = exonym_index().lookup(tok.text) is not None
        letters = sum(c.isalpha() for c in tok.text)  # R.I.I.A. has four
        return known or (letters <= 6 and not heading and not _ROMAN.match(tok.text))
    key = (lang, folded)
    known = exonym_index().lookup(tok.text) is not None or given_name(tok.text) is not None
    # Euro-2004, Mondiaux-2009: common words take no edition number, even where the corpus
    # writes the word alone in lower case (l'euro, les championnats mondiaux) or at a start.
    if known or _EDITION_WORD.match(tok.text) is not None:
        return True
    if key in ev.lower or key in ev.cued:
        return False
    if tok.initial or heading:
        return key in ev.mid_cap or (not heading and inner_capitals(tok, lang, ev))
    return True


def _name_led_adjective(word: str) -> bool:
    """A known name and a lower-case word joined by a hyphen (Russia-dependent, US-backed):
    a compound adjective, as a name's parts are all capitalised (a romanised Chinese given name
    is no known name: Ma Ying-jeou)."""
    head, dash, tail = word.partition("-")
    if not dash or not tail.isalpha() or not tail.islower() or "-" in tail:
        return False
    return exonym_index().lookup(head) is not None


def _name_flags(passage: Passage, tokens: Sequence[Token], ev: CorpusEvidence) -> list[bool]:
    """Which tokens can be part of a name; a surname right after a given name always can."""
    heading = title_line(passage.text, tokens)
    flags = [_is_name_word(t, passage.lang, heading, ev) for t in tokens]
    for i in range(1, len(tokens)):
        # M. Ma, M. Lien, Mr Bond: an abbreviated honorific is only ever written before a
        # person's name, so the word after it is one even where the corpus writes it lower case.
        tok, prev = tokens[i], tokens[i - 1]
        if flags[i] or heading or not tok.capitalised or tok.acronym or tok.glued:
            continue
        honorific = fold_words(prev.text) in TITLE_ABBREVIATIONS and prev.text[:1].isupper()
        if honorific and joined(passage.text, prev, tok) and fold_words(tok.text) not in titles():
            flags[i] = len(tok.text) >= 2 and not tok.initial_letter
    for i, tok in enumerate(tokens):
        # Gulfstream G550, A1 Moto: the make before a model's number and the words after a
        # group's are the name's, though "a Gulfstream representative" reads as a common noun.
        if flags[i] or heading or not tok.capitalised or tok.acronym or tok.glued:
            continue
        near = [k for k in (i - 1, i + 1) if 0 <= k < len(tokens) and tokens[k].model_number]
        if not any(joined(passage.text, tokens[min(i, k)], tokens[max(i, k)]) for k in near):
            continue
        folded = fold_words(tok.text)
        opening = tok.initial and (passage.lang, folded) not in ev.mid_cap
        if not opening and folded not in not_names() and folded not in titles():
            flags[i] = len(tok.text) >= 2 and not tok.initial_letter
    for i in range(len(tokens) - 2, -1, -1):
        # United Russia, written so in several sentences: a common word that a known place's
        # name takes in (a party, a region); before other words it may be a description.
        tok, nxt = tokens[i], tokens[i + 1]
        if flags[i] or not flags[i + 1] or heading or tok.initial or tok.acronym:
            continue
        folded = fold_words(tok.text)
        if folded in not_names() or folded in titles() or tok.glued or tok.hashtag:
            continue
        # The corpus's pairs first: a set lookup, where the place index is not (a hot loop).
        if (passage.lang, f"{folded} {fold_words(nxt.text)}") not in ev.paired or nxt.acronym:
            continue
        if exonym_index().lookup(nxt.text) is not None and joined(passage.text, tok, nxt):
            flags[i] = True
    for i in range(1, len(tokens)):
        tok, prev = tokens[i], tokens[i - 1]
        if flags[i] or not flags[i - 1] or not tok.capitalised or tok.hashtag or tok.acronym:
            continue
        if given_name(prev.text) is None or not joined(passage.text, prev, tok):
            continue
        key = (passage.lang, fold_words(tok.text))
        if fold_words(tok.text) not in not_names() and key not in ev.lower and key not in ev.cued:
            flags[i] = True
    text = passage.text
    for i in range(len(tokens) - 1):
        # "Pablo Picasso was", "Karl Radek also", "Askale Tafa Magarsa of", "Qassim al Atwani,":
        # a sentence-initial word no text writes as a common word, before a name, is its start.
        tok, nxt = tokens[i], tokens[i + 1]
        particle = (
            nxt.particle
            and nxt.text.islower()
            and i + 2 < len(tokens)
            and flags[i + 2]
            and joined(text, nxt, tokens[i + 2])
        )
        if flags[i] or not (flags[i + 1] or particle) or not tok.initial or heading:
            continue
        if not joined(text, tok, nxt) or nxt.initial or nxt.acronym or tok.acronym:
            continue
        if exonym_index().lookup(nxt.text) is not None or given_name(nxt.text) is not None:
            continue
        key = (passage.lang, fold_words(tok.text))
        common = key in ev.lower or key in ev.cued or key in ev.loose
        common = common or fold_words(tok.text) in not_names() or function_word(tok.text)
        if tok.capitalised and len(tok.text) >= 3 and not tok.particle and not common:
            flags[i] = exonym_index().lookup(tok.text) is None and not tok.hashtag
    for i in range(1, len(tokens)):
        # A head noun ends the name before it: Crimean War, White Caucasus Army, Western Bloc.
        tok = tokens[i]
        if flags[i] or not flags[i - 1] or heading or tok.initial or tok.acronym:
            continue
        if not tok.capitalised or fold_words(tok.text) not in head_words():
            continue
        start = i - 1
        while start > 0 and flags[start - 1] and joined(text, tokens[start - 1], tokens[start]):
            start -= 1
        # Molotov–Ribbentrop Pact: a pact named after two names; each stays a name.
        dashed = start > 0 and text[tokens[start].start - 1] in "–—-"
        if joined(text, tokens[i - 1], tok) and not dashed:
            flags[i] = True
    if passage.lang == Lang.FR and not heading:
        for i in range(len(tokens) - 1):
            # French puts the head noun first: la République Fédérale, le Parti Communiste.
            tok = tokens[i]
            if flags[i] or not flags[i + 1] or tok.initial or tok.acronym or not tok.capitalised:
                continue
            if fold_words(tok.text) in head_words() and joined(text, tok, tokens[i + 1]):
                flags[i] = not tokens[i + 1].acronym
        _french_complements(passage, tokens, flags)
    for i, tok in enumerate(tokens):
        if fold_words(tok.text) in month_abbreviations() and text[tok.end : tok.end + 1] == ".":
            flags[i] = False  # Oct. 1, 12 Apr.
    _soft_capitals(passage, tokens, flags, ev, heading)
    _link_words(passage, tokens, flags, ev)
    for i in range(1, len(tokens) - 1):
        # Franklin D. Roosevelt, George W. Bush: a middle initial between two words of a name.
        prev, tok, nxt = tokens[i - 1], tokens[i], tokens[i + 1]
        if tok.initial_letter and flags[i - 1] and nxt.capitalised and not nxt.acronym:
            flags[i] = joined(text, prev, tok) and joined(text, tok, nxt)
            flags[i + 1] = flags[i + 1] or flags[i]
    _national_bodies(passage, tokens, flags)
    for i, tok in enumerate(tokens):
        # A singular demonym stays only inside a longer name (Georgian Dream, Union
        # Européenne); so do given names shaped like one (George Bush, François Richier).
        if not flags[i] or tok.acronym or not people_word(tok.text):
            continue
        after = i + 1 < len(tokens) and flags[i + 1] and joined(text, tok, tokens[i + 1])
        before = i > 0 and flags[i - 1] and joined(text, tokens[i - 1], tok)
        if not (after or before):
            flags[i] = False
        elif before and not after:
            _trailing_people_word(text, tokens, flags, i)
    _title_complements(passage, tokens, flags)
    _dateline(passage, tokens, flags, ev)
    _compass_names(passage, tokens, flags)
    return flags


def _french_complements(passage: Passage, tokens: Sequence[Token], flags: list[bool]) -> None:
    """A head noun capitalised inside a French sentence, then de/d'/du/des and a capitalised
    word: the capital after the preposition is the name's (Centre d'Etude de Nonprolifération,
    Conseil de Sécurité), though the corpus writes the word in lower case elsewhere."""
    text = passage.text
    for i in range(len(tokens) - 2):
        tok = tokens[i]
        if tok.initial or tok.acronym or not tok.capitalised or tok.hashtag:
            continue
        if fold_words(tok.text) not in head_words():
            continue
        k = i + 1
        if fold_words(tokens[k].text) not in ("de", "d", "du", "des") or not joined(
            text, tok, tokens[k]
        ):
            continue
        if fold_words(tokens[k + 1].text) in ("l", "la") and k + 2 < len(tokens):
            if not joined(text, tokens[k], tokens[k + 1]):
                continue
            k += 1
        word = tokens[k + 1]
        if not joined(text, tokens[k], word) or not word.capitalised or word.acronym:
            continue
        folded = fold_words(word.text)
        if folded in not_names() or folded in titles() or people_word(word.text):
            continue
        flags[i] = flags[k + 1] = True


def _compass_names(passage: Passage, tokens: Sequence[Token], flags: list[bool]) -> None:
    """A compass point capitalised after the article, alone, names a region of the world: the
    West, l'Est (the direction is written in lower case: west of the capital, à l'est)."""
    text = passage.text
    for i in range(1, len(tokens)):
        tok, before = tokens[i], tokens[i - 1]
        if flags[i] or tok.initial or not tok.text[:1].isupper() or tok.acronym:
            continue
        if fold_words(tok.text) not in COMPASS_POINTS or not joined(text, before, tok):
            continue
        if before.text.lower() not in ("the", "l'", "l’"):
            continue
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if after is None or not (after.capitalised and joined(text, tok, after)):
            flags[i] = True


# A news dateline: a place (or a heading's subject) before a spaced dash opens the passage,
# with the agency in brackets maybe: "Hamburg - Vitali Klitschko...", "Moscou (AFP) – ...".
_DATELINE_END = re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*)?[-–—]\s")


def _dateline(
    passage: Passage, tokens: Sequence[Token], flags: list[bool], ev: CorpusEvidence
) -> None:
    """The capitalised words of a dateline are a name, though they open the sentence."""
    text = passage.text
    if not tokens or text[: tokens[0].start].strip():
        return
    for j in range(min(3, len(tokens))):
        tok = tokens[j]
        key = (passage.lang, fold_words(tok.text))
        if not tok.capitalised or key in ev.lower or key in ev.cued or function_word(tok.text):
            return
        if fold_words(tok.text) in not_names() or (j and not joined(text, tokens[j - 1], tok)):
            return
        if _DATELINE_END.match(text, tok.end):
            for k in range(j + 1):
                flags[k] = True
            return


def _national_bodies(passage: Passage, tokens: Sequence[Token], flags: list[bool]) -> None:
    """English capitalises a body's head noun after a nationality only in the body's name: the
    Russian Parliament, the Bosnian Ministry of Culture (not "the Russian parliament")."""
    if passage.lang != Lang.EN:
        return
    text = passage.text
    for i in range(len(tokens) - 1):
        tok, head = tokens[i], tokens[i + 1]
        if tok.initial or head.initial or not head.capitalised or head.acronym:
            continue
        folded = fold_words(head.text)
        if not joined(text, tok, head) or folded not in org_words() or folded in not_names():
            continue  # the Syrian Government: capitalised by convention, as le Gouvernement
        if people_word(tok.text) == "singular" or (tok.capitalised and adjective_form(tok.text)):
            flags[i] = flags[i + 1] = True


def _trailing_people_word(text: str, tokens: Sequence[Token], flags: list[bool], i: int) -> None:
    """A people's word ends a name only after a head noun (Union Européenne, Conseil Européen);
    after a place it names the people (Kosovo Albanian, West European), and a compass point left
    alone goes with it (East African)."""
    start = i
    while start > 0 and flags[start - 1] and joined(text, tokens[start - 1], tokens[start]):
        start -= 1
    if any(fold_words(t.text) in head_words() for t in tokens[start:i]):
        return
    flags[i] = False
    if all(fold_words(t.text) in _COMPASS for t in tokens[start:i]):
        for k in range(start, i):
            flags[k] = False


def _title_complements(passage: Passage, tokens: Sequence[Token], flags: list[bool]) -> None:
    """A title's complement before a full name is part of the title: Secretary of State | Hillary
    Rodham Clinton, Minister of Sport | Miroslav Drzeviecki; a known place stays a name (Special
    Envoy for the Middle East | Steve Witkoff), and so does a body (the Kurdistan Regional
    Government)."""
    text, n = passage.text, len(tokens)
    for i in range(1, n - 2):
        if tokens[i].text.lower() not in _LINKS | {"de", "du", "des"}:
            continue
        if fold_words(tokens[i - 1].text) not in titles():
            continue
        k = i + 2 if tokens[i + 1].text.lower() in ("the", "la", "le", "l'") else i + 1
        if k + 1 >= n or not flags[k] or not flags[k + 1]:
            continue
        compass = any(fold_words(t.text) in _COMPASS for t in tokens[k : k + 3])
        known = exonym_index().lookup(tokens[k].text) or _phrase_at(text, tokens, k) or compass
        if not joined(text, tokens[k], tokens[k + 1]) or known:
            continue
        m = k + 1
        while m < n and flags[m] and joined(text, tokens[m - 1], tokens[m]):
            m += 1
        person = m - k - 1 >= 2 and not any(fold_words(t.text) in head_words() for t in tokens[k:m])
        if given_name(tokens[k].text) is None and person:
            flags[k] = False


# English words that join the parts of a body's or an event's name after its head noun:
# Union of Democratic Forces, Centre for Economic and Financial Research, Hall of Fame.
_LINKS = frozenset({"of", "for", "and", "on", "in"})
_OF_FOR = frozenset({"of", "for"})  # only these take an article: Secretary of the Treasury


def _link_words(
    passage: Passage, tokens: Sequence[Token], flags: list[bool], ev: CorpusEvidence
) -> None:
    """Flag the linking words inside English names headed by a body's or an event's noun, and the
    capitalised words they bring in (Ministry of Internal Affairs, Commonwealth of Independent
    States); a title's complement is no name (Secretary of State, Minister of Sport)."""
    if passage.lang != Lang.EN:
        return
    text, n = passage.text, len(tokens)
    heads = org_words() | event_words() | geo_words()
    for i, tok in enumerate(tokens):

        def named(k: int) -> bool:
            # A head noun may open the sentence: "(FSB), Ministry of Internal Affairs".
            tok = tokens[k]
            head = tok.capitalised and not tok.acronym and fold_words(tok.text) in heads
            return flags[k] or _soft(tok, passage.lang, ev) or head

        if flags[i] or tok.text not in _LINKS or i == 0 or not named(i - 1):
            continue
        if tok.text == "in" and fold_words(tokens[i - 1].text) in heads:
            continue  # Olympic Games in Barcelona: where the event is held, not its name
        start = i - 1
        while start > 0 and named(start - 1) and joined(text, tokens[start - 1], tokens[start]):
            start -= 1
        if not any(t.capitalised and fold_words(t.text) in heads for t in tokens[start:i]):
            continue
        k = i + 1
        if (
            k < n
            and tokens[k].text == "the"
            and joined(text, tok, tokens[k])
            and tok.text in _OF_FOR
        ):
            k += 1
        if k >= n or not all(joined(text, tokens[m], tokens[m + 1]) for m in range(i - 1, k)):
            continue
        if not (flags[k] or _soft(tokens[k], passage.lang, ev) or _people_inside(text, tokens, k)):
            continue
        if tok.text == "and" and not _and_continues(text, tokens, k, flags, passage.lang, ev):
            continue  # the Russian Federation and Russia: two names
        for m in range(start, k + 1):
            flags[m] = True
        m = k + 1
        while (
            m < n and _soft(tokens[m], passage.lang, ev) and joined(text, tokens[m - 1], tokens[m])
        ):
            flags[m] = True
            m += 1


def _soft_name(group: Sequence[Token]) -> bool:
    """Common words capitalised together are a name when one of them is a body's, an event's or a
    place's head noun (White House, World Bank) or a compass point (Far East); not epithets (Great
    Depression, Big Three, Fascist Italy) nor ordinals (Second Congress)."""
    folded = [fold_words(t.text) for t in group]
    if folded[0] in ORDINALS:
        return False
    return any(w in head_words() or w in _COMPASS for w in folded)


def _and_continues(
    text: str, tokens: Sequence[Token], k: int, flags: Sequence[bool], lang: str, ev: CorpusEvidence
) -> bool:
    """After "and", a word that is no name alone and leads on to more of the name (Centre for
    Economic and Financial Research)."""
    if exonym_index().lookup(tokens[k].text) is not None or k + 1 >= len(tokens):
        return False
    if fold_words(tokens[k].text) in ORDINALS:
        return False  # the Non-Aligned Movement and Third World countries
    nxt = tokens[k + 1]
    # ... Security and Cooperation in Europe: a linking word may lead on as well.
    return joined(text, tokens[k], nxt) and (
        flags[k + 1] or _soft(nxt, lang, ev) or nxt.text in _LINKS - {"and"}
    )


def _people_inside(text: str, tokens: Sequence[Token], k: int) -> bool:
    """A people's adjective after a body's linking word that leads on to more of the name:
    Centre for Russian and Eurasian Studies, School of Oriental Studies (not "of Russian gas")."""
    tok = tokens[k]
    if k + 1 >= len(tokens) or tok.initial or people_word(tok.text) != "singular":
        return False
    nxt = tokens[k + 1]
    more = nxt.text == "and" or (nxt.capitalised and not nxt.acronym and not nxt.initial)
    return more and joined(text, tok, nxt)


def _soft(tok: Token, lang: str, ev: CorpusEvidence) -> bool:
    """Capitalised inside a sentence, though the corpus may write it in lower case (White)."""
    if tok.initial or tok.hashtag or tok.glued or tok.acronym or tok.initial_letter:
        return False
    folded = fold_words(tok.text)
    if not tok.capitalised or len(tok.text) < 2 or folded in not_names() or folded in titles():
        return False
    return not people_word(tok.text) and folded not in language_names()


def _soft_capitals(
    passage: Passage, tokens: Sequence[Token], flags: list[bool], ev: CorpusEvidence, heading: bool
) -> None:
    """Common words capitalised together inside a sentence make a name (White House, World Bank,
    Far East), unless a capitalised title follows: then they belong to it (National Security
    Advisor, Foreign Minister)."""
    if heading or passage.lang != Lang.EN:
        return  # French capitalises only a name's first word (Maison blanche): spaCy's signal
    text, n = passage.text, len(tokens)
    soft = [flags[i] or _soft(t, passage.lang, ev) for i, t in enumerate(tokens)]
    for i in range(n - 1):
        # October Square, the Sunday Times: a month or a day leads a name with a head noun.
        if not soft[i] and not tokens[i].initial and fold_words(tokens[i].text) in _calendar():
            nxt = tokens[i + 1]
            common = not flags[i + 1] or fold_words(nxt.text) in head_words()
            soft[i] = soft[i + 1] and common and joined(text, tokens[i], nxt)
    i = 0
    while i < n:
        j = i
        while j + 1 < n and soft[j] and soft[j + 1] and joined(text, tokens[j], tokens[j + 1]):
            j += 1
        after = tokens[j + 1] if j + 1 < n and joined(text, tokens[j], tokens[j + 1]) else None
        titled = after is not None and after.capitalised and fold_words(after.text) in titles()
        if soft[i] and titled:
            for k in range(i, j + 1):  # Special Envoy, Foreign Minister: part of the title
                if not exonym_index().lookup(tokens[k].text) and not tokens[k].acronym:
                    flags[k] = False
        elif j > i and not all(flags[i : j + 1]) and _soft_name(tokens[i : j + 1]):
            for k in range(i, j + 1):
                flags[k] = True
        i = j + 1


def _runs(text: str, tokens: Sequence[Token], flags: Sequence[bool]) -> list[list[Token]]:
    """Maximal sequences of name words joined by single spaces, with particles inside."""
    runs: list[list[Token]] = []
    i = 0
    while i < len(tokens):
        if not (flags[i] or (tokens[i].particle and i + 1 < len(tokens) and flags[i + 1])):
            i += 1
            continue
        run = [tokens[i]]
        j = i + 1
        while j < len(tokens) and joined(text, tokens[j - 1], tokens[j]):
            if flags[j]:
                run.append(tokens[j])
            elif tokens[j].particle and j + 1 < len(tokens) and flags[j + 1]:
                if not joined(text, tokens[j], tokens[j + 1]):
                    break
                run.append(tokens[j])
            elif _article_link(text, tokens, j, flags):
                # "Musée de l'Homme": de + elided article inside a name.
                run.extend(tokens[j : j + 2])
                j += 1
            else:
                break
            j += 1
        runs.append(run)
        i = j
    return runs


def _article_link(text: str, tokens: Sequence[Token], j: int, flags: Sequence[bool]) -> bool:
    """Tokens j, j+1 are "de l'" before a name word."""
    if j + 2 >= len(tokens) or not flags[j + 2] or fold_words(tokens[j].text) != "de":
        return False
    elided = tokens[j + 1].text in ("l'", "l’") and tokens[j + 1].end == tokens[j + 2].start
    return elided and joined(text, tokens[j], tokens[j + 1])


def _phrase_at(text: str, tokens: Sequence[Token], i: int) -> int:
    """Length in tokens of the longest known multi-word name starting at token i (0 if none)."""
    index = exonym_index()
    top = min(len(tokens) - i, index.longest_words + 2)
    for size in range(top, 1, -1):
        last = tokens[i + size - 1]
        if not last.text[:1].isalpha():
            continue
        if any(not joined(text, tokens[k], tokens[k + 1]) for k in range(i, i + size - 1)):
            continue
        if _known_phrase(text[tokens[i].start : last.end]):
            return size
    return 0


def _known_phrase(form: str) -> bool:
    """A known name, or a known region's other French compass form."""
    return exonym_index().lookup(form) is not None or _known_phrase_by_compass(fold_words(form))


def _known_phrase_by_compass(folded: str) -> bool:
    """A known region's other French compass form (Europe occidentale, Europe de l'Ouest)."""
    index = exonym_index()
    return any(index.lookup(other) is not None for other in compass_forms(folded))


def _lower_case_phrase(
    text: str, tokens: Sequence[Token], i: int, lang: str, ev: CorpusEvidence
) -> int:
    """Length in tokens of a known name of two words or more that starts with a lower-case word
    (l'ex union soviétique, exports to western Europe), 0 if none: a writer's slip of case, or
    a region's compass adjective. The name needs a capital in it, or a first word the corpus
    capitalises inside sentences elsewhere; an article or a particle opens no name (the United
    States)."""
    tok = tokens[i]
    folded = fold_words(tok.text)
    if tok.particle or function_word(tok.text) or folded not in first_words():
        return 0
    size = _phrase_at(text, tokens, i)
    if not size or tok.hashtag or tok.glued:
        return 0
    # The name itself, not a description the index reads as one (state of Russia, a long form).
    phrase = fold_words(text[tok.start : tokens[i + size - 1].end])
    if phrase not in exonym_index().by_name and not _known_phrase_by_compass(phrase):
        return 0
    capital = any(tokens[k].capitalised for k in range(i + 1, i + size))
    return size if capital or (lang, folded) in ev.mid_cap else 0


def _names_a_body(
    text: str, tokens: Sequence[Token], flags: Sequence[bool], j: int, stop: int = 0
) -> bool:
    """Name words from token j on (to `stop` if given), joined to what precedes, include a
    body's head noun."""
    k = j
    while k < len(tokens) and flags[k] and joined(text, tokens[k - 1], tokens[k]):
        k += 1
    return any(fold_words(t.text) in org_words() | event_words() for t in tokens[j : stop or k])


def _split_at_particle(
    text: str, run: list[Token], surnames: frozenset[str] = frozenset()
) -> tuple[list[Token], list[Token]] | None:
    """Two names joined by de/du/des/of: a full name and a place (Juan Carlos Gomez de Cuba,
    Chris Arreola des USA), or a place and a full name (Syrie de Bachar al-Assad).

    One name stays one when its head is a single word (Alexandre de Yougoslavie, Charles de
    Gaulle), names a body (Central Bank of Russia) or the whole is a known name; but a surname
    the corpus writes after a given name (`surnames`), no given name itself, and one more name
    after "de" are two names (rapprochant Medvedev de Robin).
    """
    index = exonym_index()
    if index.lookup(text[run[0].start : run[-1].end]) is not None:
        return None
    for p in range(1, len(run) - 1):
        if fold_words(run[p].text) not in _JOINING:
            continue
        head, tail = run[:p], run[p + 1 :]
        while tail and tail[0].particle and len(tail) > 1:
            tail = tail[1:]  # du, de la, de l'
        head_text = text[head[0].start : head[-1].end]
        tail_text = text[tail[0].start : tail[-1].end]
        bodies = any(fold_words(t.text) in head_words() for t in run)
        if bodies or any(t.particle for t in head):
            return None
        if len(head) >= 2 and index.lookup(tail_text) is not None:
            return head, tail
        if len(head) >= 2 and _type_of(head_text, [t.text for t in head]) == EntityType.PER:
            return head, tail  # Alexei Miller | de Gazprom: a full name needs no "of"
        if index.lookup(head_text) is not None and len(tail) >= 2:
            return head, tail
        surname = len(head) == 1 and fold_words(head_text) in surnames
        if surname and len(tail) == 1 and given_name(head_text) is None:
            return head, tail
        return None
    return None


_ARTICLE_BEFORE = re.compile(r"(?:^|[\s(«\"])(?:the|le|la|l['’])\s*$", re.IGNORECASE)


def _member_before_name(text: str, run: Sequence[Token]) -> bool:
    """A people's member, after an article, before a full name: le Croate Duje Draganja, the
    Nigerian Samuel Peter. Not before an initial (the George W. Bush years) nor in a body's or a
    place's name (the American Red Cross)."""
    if len(run) < 3 or run[1].initial_letter or demonym(run[0].text) != "singular":
        return False
    if not _ARTICLE_BEFORE.search(text[max(0, run[0].start - 6) : run[0].start]):
        return False
    return not _headed([t.text for t in run[1:]])


@functools.lru_cache(maxsize=1)
def _calendar() -> frozenset[str]:
    """Folded English names of months and days (CLDR)."""
    from babel import Locale

    locale = Locale("en")
    tables = (locale.months["format"]["wide"], locale.days["format"]["wide"])
    return frozenset(fold_words(name) for table in tables for name in table.values())


def _arabic(tok: Token) -> bool:
    """An Arabic article written apart from its name (al Qaeda, el Baradei)."""
    return tok.text in ("al", "el")


# Compass points end place names (Middle East, Afrique du Nord) and never start a person's.
_COMPASS = COMPASS_POINTS | GEO_PARTS

# The particles that join two names into a longer one, or stand between two names.
_JOINING = frozenset({"de", "du", "des", "d", "of"})


def _split_run(
    text: str, run: list[Token], tails: frozenset[str], surnames: frozenset[str] = frozenset()
) -> list[list[Token]]:
    """Cut a run where a known place ends (Russie | Iouri Ouchakov) or a place name leads."""
    # A particle written with its capital (El Masri, De Gaulle) or an Arabic article (al Qaeda)
    # is the name's first word; "de" before a name (Charles de Gaulle's "de Gaulle") is not.
    while run and run[0].particle and not run[0].capitalised and not _arabic(run[0]):
        if fold_words(text[run[0].start : run[-1].end]) in tails:
            break
        run = run[1:]
    while run and (run[-1].particle or run[-1].text in _LINKS | {"the"}):
        run = run[:-1]
    while run and run[0].text in _LINKS | {"the"}:
        run = run[1:]  # a link whose name before it was given up: "and Nazi Germany"
    if not run:
        return []
    dashed = text[run[0].start - 1 : run[0].start] in ("–", "—")
    if len(run) > 1 and dashed and fold_words(run[-1].text) in head_words():
        # Molotov–Ribbentrop Pact: the pact is named after two names; each stays a name.
        return _split_run(text, run[:-1], tails, surnames)
    if _member_before_name(text, run):
        return _split_run(text, run[1:], tails, surnames)
    # A club or body's letters and its city after them are one name (CSKA Moscow, FC Porto).
    city = len(run) == 2 and run[0].acronym and exonym_index().lookup(run[1].text) is not None
    if len(run) > 1 and run[0].acronym != run[1].acronym and "." not in run[0].text and not city:
        # An acronym does not prefix a name (FAFL | Normandie-Niemen).
        return [run[:1], *_split_run(text, run[1:], tails, surnames)]
    index = exonym_index()
    for cut in range(len(run) - 1, 0, -1):
        head = text[run[0].start : run[cut - 1].end]
        if any(fold_words(t.text) in head_words() for t in run[cut:]):
            continue  # Yalta Conference, Kurdistan Regional Government: a place names the body
        if index.lookup(head) is None or run[cut].particle:
            continue
        tail = run[cut:]
        # One word after a place is the place's own name (Russia Beyond), unless itself a name.
        lone = len(tail) == 1 and index.lookup(tail[0].text) is None
        if not lone or given_name(tail[0].text) is not None:
            return [run[:cut], *_split_run(text, tail, tails, surnames)]
    for cut in range(2, len(run) - 1):
        # Middle East | Steve Witkoff: a compass point ends a place name before a full name.
        tail = run[cut:]
        compass = fold_words(run[cut - 1].text) in _COMPASS
        body = any(t.particle or fold_words(t.text) in head_words() for t in tail)
        if compass and not body:
            return [run[:cut], *_split_run(text, tail, tails, surnames)]
    joined_pair = _split_at_particle(text, run, surnames)
    if joined_pair is not None:
        return [piece for part in joined_pair for piece in _split_run(text, part, tails, surnames)]
    # "le Moyen-Orient Steve Whitkoff": a hyphenated place before a two-word personal name.
    hyphenated = "-" in run[0].text and not given_name(run[0].text)
    if len(run) >= 3 and hyphenated and all(not t.particle for t in run[1:]):
        return [run[:1], run[1:]]
    return [run]


def _type_of(
    form: str,
    words: Sequence[str],
    titled: bool = False,
    adjectives: frozenset[str] = frozenset(),
    placed: bool = False,
    common: bool = False,
) -> EntityType:
    """PER, LOC, ORG or MISC from known names, head nouns and evidence of a person or place.

    `common`: every word is one the corpus also writes in lower case (Old City, World Cup).
    """
    index = exonym_index()
    concept = index.lookup(form)
    if concept is not None:
        return concept.type
    if _known_phrase(form):
        return EntityType.LOC  # Europe occidentale: a region named as CLDR names it otherwise
    if _DOTTED_ACRONYM.fullmatch(form):
        return EntityType.ORG  # U.E, L.A.: a body's letters, as NATO
    if any(c.isdigit() for c in form):
        return EntityType.MISC  # an event's edition: Euro-2004, 2012 Olympic Games
    lowered = [fold_words(w) for w in words]
    if words[0].isupper() and (len(words) == 1 or (len(words) == 2 and len(words[0]) > 1)):
        return EntityType.ORG  # NATO; CSKA Moscow: a body's letters, with its city maybe
    parts = set(" ".join(lowered).split())  # Extrême-Orient: the part orient is a place word
    for kind, heads in (
        (EntityType.MISC, event_words()),
        (EntityType.ORG, org_words()),
        (EntityType.LOC, geo_words() | GEO_PARTS),
    ):
        if heads & parts:
            return kind
    if parts & _COMPASS and not titled:
        return EntityType.LOC  # South Ossetia, Middle East, Afrique du Nord
    if titled or is_russian_name(form) or given_name(words[0]) is not None:
        return EntityType.PER
    if placed or (len(words) > 1 and lowered[0] in PLACE_ARTICLES):
        return EntityType.LOC  # la ville de Lens; Le Bourget, La Rochelle
    if index.lookup(words[0]) is not None and index.lookup(words[-1]) is None:
        return EntityType.MISC  # Russia Beyond: something named after a place
    if any(index.lookup(w) is not None for w in words):
        return EntityType.LOC
    caps = [w for w in words if w[:1].isupper()]
    # A name led by an adjective (White Guard, British Journal) is not a person's.
    adjective = lowered[0] in adjectives or lowered[0] in language_names()
    if adjective or adjective_form(words[0]):
        return EntityType.MISC
    if common:
        # Common words make no person's name: a place by a compass point (Far East), else MISC.
        return EntityType.LOC if parts & _COMPASS else EntityType.MISC
    return EntityType.PER if len(caps) >= 2 else EntityType.MISC


_DOTTED_ACRONYM = re.compile(r"(?:[^\W\d_a-z]\.)+[^\W\d_a-z]?\.?")


def _mention(passage: Passage, start: int, end: int, kind: EntityType | None = None) -> Mention:
    text = passage.text
    form = text[start:end]
    before = text[:start]
    newlines = before.count("\n")
    if newlines:
        line, column = passage.line + newlines, start - before.rfind("\n")
    else:
        line, column = passage.line, passage.column + start
    words = _WORDS.findall(form)
    return Mention(
        form=form,
        lang=passage.lang,
        type=kind or _type_of(form, words),
        source=passage.source,
        start=passage.start + start,
        end=passage.start + end,
        line=line,
        column=column,
        context=snippet(text, start, end, CONTEXT),
    )


def _with_recognised(
    passage: Passage,
    tokens: Sequence[Token],
    here: list[Mention],
    spans: Sequence[NerSpan],
    ev: CorpusEvidence,
) -> list[Mention]:
    """The passage's rule mentions with the recogniser's agreed spans in (see `agree`)."""
    ours = [(m.start - passage.start, m.end - passage.start) for m in here]
    agreement = agree(passage.text, tokens, spans, ours, passage.lang, ev)
    kept = [m for i, m in enumerate(here) if i not in agreement.replaced]
    for span in agreement.added:
        form = passage.text[span.start : span.end]
        words = _WORDS.findall(form)
        kind = _type_of(form, words)
        if exonym_index().lookup(form) is None and not _headed(words):
            kind = span.type  # the rules' guess from capitals alone: the model knows better
        kept.append(_mention(passage, span.start, span.end, kind))
    kept.sort(key=lambda m: (m.start, m.end))
    return kept


def _headed(words: Sequence[str]) -> bool:
    """A head noun of a body, event or place is among the words (Conseil, traité, mer)."""
    parts = set(" ".join(fold_words(w) for w in words).split())
    return bool(parts & (head_words() | GEO_PARTS))


def _tails(
    passages: Sequence[Passage], tokenised: Sequence[list[Token]], ev: CorpusEvidence
) -> tuple[set[str], set[str]]:
    """Particle + surname endings of full names (de Gaulle from Charles de Gaulle), and the
    folded surnames of the corpus's full names of persons (obama of Barack Obama)."""
    tails: set[str] = set()
    surnames: set[str] = set()
    for passage, tokens in zip(passages, tokenised, strict=True):
        more_tails, more_surnames = _passage_tails(passage, tokens, ev)
        tails |= more_tails
        surnames |= more_surnames
    return tails, surnames


def _passage_tails(
    passage: Passage, tokens: Sequence[Token], ev: CorpusEvidence
) -> tuple[set[str], set[str]]:
    """The particle + surname endings of the full names of one passage, and their surnames."""
    tails: set[str] = set()
    surnames: set[str] = set()
    flags = _name_flags(passage, tokens, ev)
    for run in _runs(passage.text, tokens, flags):
        form = passage.text[run[0].start : run[-1].end]
        if _type_of(form, [t.text for t in run]) != EntityType.PER:
            continue
        if len(run) >= 2 and run[-1].capitalised and not run[-1].acronym:
            surnames.add(fold_words(run[-1].text))
        for tok in run[1:-1]:
            if tok.particle and tok.text.islower():
                tails.add(fold_words(passage.text[tok.start : run[-1].end]))
                break
    return tails, surnames


# The year or number of an edition after an event's name (Euro 2012, World Cup 82), a year before
# it (the 2012 Olympic Games); not a score, a time or a span of years (2:07, 2018-2022).
_EDITION_AFTER = re.compile(r" (?:(?:1[89]|20)\d{2}|\d{2})(?![-‐–/:.,]?\d)(?!\w)")
# French gives an event's year after "de" (le Championnat européen de 2012); not a span of
# years (Président de 2000 à 2008).
_EDITION_DE = re.compile(r" de (?:1[89]|20)\d{2}(?![-‐–/:.,]?\d)(?!\w)(?! (?:à|au|et) \d)")
_EDITION_BEFORE = re.compile(r"(?<![\w.,:/‐–-])(?:1[89]|20)\d{2} $")
_EDITION_WORD = re.compile(r"^(.+)[-‐](?:\d{4}|\d{2})$")


def _edition_names(tokenised: Sequence[list[Token]]) -> frozenset[str]:
    """Folded names the corpus writes with an edition (Euro of Euro-2004, JO of JO-92)."""
    return frozenset(name for tokens in tokenised for name in _passage_editions(tokens))


def _passage_editions(tokens: Sequence[Token]) -> frozenset[str]:
    """Folded names one passage writes with an edition."""
    return frozenset(
        fold_words(match.group(1)) for tok in tokens if (match := _EDITION_WORD.match(tok.text))
    )


def _with_edition(passage: Passage, m: Mention, editions: frozenset[str]) -> Mention:
    """An event's name with the year or number of its edition: "Euro 2012", "1992 Olympic
    Games", "World Cup 82"; the event alone when no number stands by it."""
    folded = fold_words(m.form)
    event = any(w in event_words() for w in folded.split())
    if not event and folded not in editions:
        return m
    text, start, end = passage.text, m.start - passage.start, m.end - passage.start
    after = _EDITION_AFTER.match(text, end)
    if after is None and event and passage.lang == Lang.FR:
        after = _EDITION_DE.match(text, end)
    before = _EDITION_BEFORE.search(text[max(0, start - 6) : start]) if event else None
    if not (after or before):
        return m
    start -= len(before.group()) if before else 0
    end = after.end() if after else end
    return _mention(passage, start, end, EntityType.MISC)


# French writes the generic noun of a place name in lower case and its specific part with a
# capital (mer Noire, hauteurs du Golan, place Rouge, golfe de Finlande): the two are one name.
_FRENCH_GENERICS = (
    "mer océan golfe détroit baie île îles lac fleuve mont monts vallée péninsule hauteurs "
    "rue avenue boulevard"
)
_STREETS = frozenset({"rue", "avenue", "boulevard", "place"})
# "place" takes only a specific of its own: "la place de la Russie" is Russia's standing.
_GENERIC_BEFORE = re.compile(
    r"(?<![\w'’-])(?:(?:" + "|".join(_FRENCH_GENERICS.split()) + r")"
    r"(?: de la | de l['’]| du | des | de | d['’]| )|place )$"
)


def _with_generic(passage: Passage, m: Mention) -> Mention:
    """A French place name with the lower-case generic noun written before it (mer Noire)."""
    if passage.lang != Lang.FR or m.type is EntityType.ORG:
        return m
    start = m.start - passage.start
    before = _GENERIC_BEFORE.search(passage.text, max(0, start - 24), start)
    if before is None:
        return m
    # Streets are named after people (rue Koutouzov, avenue Foch); seas and lakes are not.
    if m.type is EntityType.PER and before.group().split()[0] not in _STREETS:
        return m
    return _mention(passage, before.start(), m.end - passage.start, EntityType.LOC)


def _plain(word: str) -> bool:
    """Letters only, hyphens between them allowed (Botsan-Kharchenko)."""
    return word.replace("-", "").isalpha()


def _joined_places(passage: Passage, m: Mention) -> list[Mention]:
    """Two or more known places joined by hyphens, as in joint bids and pairs of countries
    ("Pays-Bas-Belgique", "Belgium-The Netherlands"), are as many names; a hyphenated name that
    is itself known (Bosnie-Herzégovine) or whose parts are not all known places stays one."""
    if "-" not in m.form or exonym_index().lookup(m.form) is not None:
        return [m]
    offset = m.start - passage.start
    cuts = [k for k, c in enumerate(m.form) if c == "-"]
    parts = _known_parts(m.form, 0, cuts)
    if parts is None or len(parts) < 2:
        return [m]
    return [_mention(passage, offset + a, offset + b) for a, b in parts]


def _known_parts(form: str, start: int, cuts: list[int]) -> list[tuple[int, int]] | None:
    """form[start:] cut at some of the hyphens into known places, fewest cuts first."""
    for cut in [*(c for c in cuts if c > start), len(form)]:
        if exonym_index().lookup(form[start:cut]) is None:  # The Netherlands is known too
            continue
        if cut == len(form):
            return [(start, cut)]
        rest = _known_parts(form, cut + 1, cuts)
        if rest is not None:
            return [(start, cut), *rest]
    return None


def _document_surnames(
    items: Sequence[Passage],
    tokenised: Sequence[list[Token]],
    found: Sequence[tuple[int, Mention]],
    citations: frozenset[int],
) -> list[tuple[int, Mention]]:
    """A person's surname alone, where the same document names the person in full: news gives
    the full name first and the surname after ("Angelina Jolie ... Jolie offered"), so the
    surname is the person's in that document whatever the word means elsewhere in the corpus
    (une jolie voiture). Words that also name a place, words listed as not names and surnames
    of four letters or fewer stay out.
    """
    surnames = _surnames(items, found, citations)
    covered = _covered(found)
    extra: list[tuple[int, Mention]] = []
    for n, (passage, tokens) in enumerate(zip(items, tokenised, strict=True)):
        names = surnames.get(passage.source)
        if not names or n in citations:
            continue
        extra.extend((n, m) for m in _passage_surnames(passage, tokens, names, covered.get(n, [])))
    return extra


def _surnames(
    items: Sequence[Passage], found: Sequence[tuple[int, Mention]], citations: frozenset[int]
) -> dict[str, set[str]]:
    """Each document's surnames of the full names of people it gives."""
    surnames: dict[str, set[str]] = {}
    for n, m in found:
        words = m.form.split()
        if m.type is not EntityType.PER or len(words) < 2 or n in citations:
            continue
        last = words[-1]
        # A short surname alone is too easily another name's spelling (Lien, Lyon).
        if last[:1].isupper() and not last.isupper() and len(last) >= 5 and _plain(last):
            surnames.setdefault(items[n].source, set()).add(last)
    return surnames


def _covered(found: Sequence[tuple[int, Mention]]) -> dict[int, list[tuple[int, int]]]:
    covered: dict[int, list[tuple[int, int]]] = {}
    for n, m in found:
        covered.setdefault(n, []).append((m.start, m.end))
    return covered


def _passage_surnames(
    passage: Passage,
    tokens: Sequence[Token],
    names: Collection[str],
    spans: Sequence[tuple[int, int]],
) -> list[Mention]:
    """The surnames `names` of its document, alone in one passage, outside its names `spans`."""
    extra: list[Mention] = []
    for tok in tokens:
        if tok.text not in names or tok.hashtag or tok.glued:
            continue
        start, end = passage.start + tok.start, passage.start + tok.end
        if any(a < end and start < b for a, b in spans):
            continue
        folded = fold_words(tok.text)
        if folded in not_names() or exonym_index().lookup(tok.text) is not None:
            continue
        extra.append(_mention(passage, tok.start, tok.end, EntityType.PER))
    return extra


def find_mentions(
    passages: Iterable[Passage],
    recogniser: Recogniser | None = None,
    *,
    keeper: Keeper | None = None,
) -> list[Mention]:
    """All name mentions in the passages, using corpus-wide evidence for capitalised words.

    `recogniser`: entities of French passages as one more signal (default: spaCy's French
    pipeline, `ner.french_entities`; `ner.no_entities` for the rules alone). `keeper`: where
    each passage's part of the work is kept and taken back from when still valid (see
    `glossary.memo`; one keeper serves one recogniser), for the same mentions in less time.
    """
    items = list(passages)
    citations = citation_passages(items)
    tokenised = _Tokenised(items)
    memo = PassageMemo(keeper, [passage_key(p, str(n in citations)) for n, p in enumerate(items)])

    def facts(n: int) -> _Facts:
        tokens, heading = tokenised[n], title_line(items[n].text, tokenised[n])
        return _Facts(
            passage_evidence(items[n], tokens, heading or n in citations),
            heading,
            _passage_editions(tokens),
        )

    per_passage = memo.each("facts", facts, _Facts.value, _Facts.read)
    watch = Watch() if keeper is not None else None
    ev = combined_evidence([f.evidence for f in per_passage])
    asked = _watched(ev, watch, frozenset(), frozenset(), {})[0]
    tails = memo.each(
        "tails",
        lambda n: _passage_tails(items[n], tokenised[n], asked),
        lambda found: [sorted(found[0]), sorted(found[1])],
        lambda value: (frozenset(value[0]), frozenset(value[1])),
        watch=watch,
    )
    ev = replace(
        ev,
        tails=frozenset().union(*(t for t, _ in tails)),
        surnames=frozenset().union(*(n for _, n in tails)),
    )
    adjectives = frozenset(w for _, w in ev.attributive)
    editions = frozenset().union(*(f.editions for f in per_passage))
    langs: dict[str, set[str]] = {}
    for lang, word in ev.lower:
        langs.setdefault(word, set()).add(lang)
    lower_langs = {word: frozenset(group) for word, group in langs.items()}
    watch = Watch() if keeper is not None else None
    view = _watched(ev, watch, adjectives, editions, lower_langs)
    decided = memo.reused("mentions", _read_mentions, watch)
    french = [
        n
        for n, p in enumerate(items)
        if p.lang == Lang.FR and n not in citations and not per_passage[n].heading
    ]
    # Each distinct text once: repeated lines (headers, quotes, copies) cost the model nothing.
    distinct = list(dict.fromkeys(items[n].text for n in french if decided[n] is None))
    recognised = dict(zip(distinct, (recogniser or french_entities)(distinct), strict=True))
    spans = {n: recognised[items[n].text] for n in french if decided[n] is None}
    per_found = memo.filled(
        "mentions",
        decided,
        lambda n: _passage_mentions(items[n], tokenised[n], view, spans.get(n, ())),
        _mentions_value,
        watch,
    )
    found = [(n, m) for n, here in enumerate(per_found) for m in here]
    surnames = _surnames(items, found, citations)
    covered = _covered(found)

    def surnames_key(n: int) -> str:
        names = sorted(surnames.get(items[n].source, ()))
        return passage_key(items[n], str(n in citations), repr(names), repr(covered.get(n)))

    wanted = [n for n, p in enumerate(items) if surnames.get(p.source) and n not in citations]
    extra = memo.each(
        "surnames",
        lambda n: _passage_surnames(
            items[n], tokenised[n], surnames[items[n].source], covered.get(n, [])
        ),
        _mentions_value,
        _read_mentions,
        only=wanted,
        keys=[surnames_key(n) for n in wanted],
    )
    found.extend((n, m) for n, here in zip(wanted, extra, strict=True) for m in here)
    # A reference list names authors and journals: keep only names the text itself uses.
    used = {fold_words(m.form) for n, m in found if n not in citations}

    def owner(n: int, m: Mention) -> bool:  # St. Martin's Press: a publisher, not the place
        after = m.end - items[n].start
        return items[n].text[after : after + 2] in ("'s", "’s")

    kept = [
        m
        for n, m in found
        if n not in citations
        or fold_words(m.form) in used
        or (exonym_index().lookup(m.form) and not owner(n, m))
    ]
    kept.sort(key=lambda m: (m.source, m.start, m.end))
    phrases = _wanted_phrases(kept)
    if phrases:
        watch = Watch() if keeper is not None else None
        asked_for = _watched_phrases(phrases, watch)
        common = memo.each(
            "common",
            lambda n: _passage_common(items[n], tokenised[n], asked_for),
            sorted,
            frozenset,
            watch=watch,
        )
        kept = _without(kept, frozenset().union(*common))
    kept = translated_bodies(items, tokenised.__getitem__, kept, _translated)
    kept.sort(key=lambda m: (m.source, m.start, m.end))
    return _one_type_per_name(kept)


def _translated(passage: Passage, start: int, end: int, english: Mention) -> Mention:
    """The mention of a French body's lower-case name, of its English name's type."""
    return _mention(passage, start, end, english.type)


def _passage_mentions(
    passage: Passage, tokens: Sequence[Token], view: _View, spans: Sequence[NerSpan]
) -> list[Mention]:
    """The names of one passage, with what the corpus says (`view`) and the recogniser's spans."""
    ev, adjectives, editions, lower_langs = view
    text = passage.text
    flags = _name_flags(passage, tokens, ev)
    taken = [False] * len(tokens)
    here: list[Mention] = []
    i = 0
    while i < len(tokens):
        if tokens[i].capitalised:
            size = _phrase_at(text, tokens, i)
        else:
            size = _lower_case_phrase(text, tokens, i, passage.lang, ev)
        if size and _names_a_body(text, tokens, flags, i + size):
            size = 0  # St. Petersburg State University: the place names the body
        prefixed = i > 0 and flags[i - 1] and joined(text, tokens[i - 1], tokens[i])
        if size and prefixed and _names_a_body(text, tokens, flags, i, i + size):
            size = 0  # U.N. Security Council: a known body with its owner before it
        if size and not tokens[i].hashtag:
            here.append(_mention(passage, tokens[i].start, tokens[i + size - 1].end))
            for k in range(i, i + size):
                taken[k] = True
                flags[k] = False
            i += size
        else:
            i += 1
    ctx = WordContext(passage, flags, taken, ev, adjectives, lower_langs)
    position = {t.start: k for k, t in enumerate(tokens)}
    for run in _runs(text, tokens, flags):
        for piece in _split_run(text, run, ev.tails, ev.surnames):
            k = position[piece[0].start]
            edition = fold_words(piece[0].text) in editions and _EDITION_AFTER.match(
                text, piece[0].end
            )
            if len(piece) == 1 and not edition and not lone_word_is_name(tokens, k, ctx):
                continue  # Euro 2012 stays, written Euro-2004 elsewhere: a name by its year
            form = text[piece[0].start : piece[-1].end]
            words = _WORDS.findall(form)
            titled = titled_name(text, tokens, k)
            common = all((passage.lang, fold_words(t.text)) in ev.lower for t in piece)
            placed = place_cue(text, tokens, k, passage.lang)
            kind = _type_of(form, words, titled, adjectives, placed, common)
            here.append(_mention(passage, piece[0].start, piece[-1].end, kind))
    if spans:
        here = _with_recognised(passage, tokens, here, spans, ev)
    here = [_with_edition(passage, m, editions) for m in here]
    here = [part for m in here for part in _joined_places(passage, m)]
    return [_with_generic(passage, m) for m in here]


# What a passage's decisions read of the corpus: the evidence, the words seen as adjectives,
# the names written with an edition, the languages each word is seen in lower case in.
_View = tuple[CorpusEvidence, frozenset[str], frozenset[str], Mapping[str, frozenset[str]]]


def _watched(
    ev: CorpusEvidence,
    watch: Watch | None,
    adjectives: frozenset[str],
    editions: frozenset[str],
    lower_langs: Mapping[str, frozenset[str]],
) -> _View:
    """The view, its sets noting their look-ups to `watch` (as it is without one)."""
    if watch is None:
        return ev, adjectives, editions, lower_langs
    fields = {f.name: watch.set(f.name, getattr(ev, f.name)) for f in dataclasses.fields(ev)}
    return (
        CorpusEvidence(**fields),
        watch.set("adjectives", adjectives),
        watch.set("editions", editions),
        watch.mapping("lower_langs", lower_langs),
    )


@dataclass(frozen=True)
class _Facts:
    """What the finder draws from one passage alone."""

    evidence: PassageEvidence
    heading: bool
    editions: frozenset[str]

    def value(self) -> dict[str, Any]:
        ev = self.evidence
        return {
            "evidence": {f.name: grouped(getattr(ev, f.name)) for f in dataclasses.fields(ev)},
            "heading": self.heading,
            "editions": sorted(self.editions),
        }

    @staticmethod
    def read(value: Any) -> _Facts:
        sets = {k: ungrouped(v) for k, v in value["evidence"].items()}
        return _Facts(PassageEvidence(**sets), bool(value["heading"]), frozenset(value["editions"]))


def _mentions_value(mentions: Sequence[Mention]) -> list[Any]:
    return [
        [m.form, m.lang, m.type.value, m.source, m.start, m.end, m.line, m.column, m.context]
        for m in mentions
    ]


def _read_mentions(value: Any) -> list[Mention]:
    return [
        Mention(str(form), Lang(lang), EntityType(kind), str(source), int(start), int(end),
                int(line), int(column), str(context))
        for form, lang, kind, source, start, end, line, column, context in value
    ]  # fmt: skip


class _Tokenised(Sequence[list[Token]]):
    """Each passage's tokens, made on first use (a reused passage is never tokenised)."""

    def __init__(self, items: Sequence[Passage]) -> None:
        self._items = items
        self._tokens: list[list[Token] | None] = [None] * len(items)

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, n: int) -> list[Token]:  # type: ignore[override]
        tokens = self._tokens[n]
        if tokens is None:
            tokens = self._tokens[n] = tokenize(self._items[n].text)
        return tokens


def _wanted_phrases(mentions: Sequence[Mention]) -> dict[str, frozenset[str]]:
    """The phrases to look for in lower case, by their first word: a phrase of common words
    capitalised by convention (les Droits de l'Homme) is no name where the corpus also writes
    the whole phrase in lower case (droits de l'homme). Not a known name written so (a slip of
    case: union soviétique), nor a name with a head noun, which French writes in lower case as
    often (Ministère du pétrole, ministère du pétrole; the World Bank), nor a title led by its
    article (Le Monde)."""
    index = exonym_index()
    wanted: dict[str, set[str]] = {}
    for m in mentions:
        words = m.form.split()
        first = fold_words(words[0])
        if first in PLACE_ARTICLES or first in ("the", "l") or _headed(words):
            continue
        if len(words) >= 2 and m.form != m.form.lower() and index.lookup(m.form) is None:
            phrase = _plain_quotes(m.form.lower())
            wanted.setdefault(fold_words(words[0]), set()).add(phrase)
    return {first: frozenset(phrases) for first, phrases in wanted.items()}


def _watched_phrases(
    wanted: Mapping[str, frozenset[str]], watch: Watch | None
) -> Mapping[str, frozenset[str]]:
    return wanted if watch is None else watch.mapping("wanted", wanted)


def _passage_common(
    passage: Passage, tokens: Sequence[Token], wanted: Mapping[str, frozenset[str]]
) -> set[str]:
    """The phrases of `wanted` one passage writes in lower case."""
    common: set[str] = set()
    text = passage.text
    for tok in tokens:
        if not tok.text.islower():
            continue
        phrases = wanted.get(fold_words(tok.text))
        if not phrases:
            continue
        for phrase in phrases - common:
            seen = _plain_quotes(text[tok.start : tok.start + len(phrase)])
            after = text[tok.start + len(phrase) : tok.start + len(phrase) + 1]
            if seen == phrase and not after.isalnum():
                common.add(phrase)
    return common


def _without(mentions: list[Mention], common: frozenset[str]) -> list[Mention]:
    if not common:
        return mentions
    return [m for m in mentions if _plain_quotes(m.form.lower()) not in common]


def _plain_quotes(text: str) -> str:
    return text.replace("’", "'")


def _one_type_per_name(mentions: list[Mention]) -> list[Mention]:
    """Spellings of one name that differ only by case, accents or hyphens (Dalaï-Lama, Dalaï
    Lama) take the type (person, place or body) most of their mentions have: the recogniser's
    type of one sentence (a place) yields to the corpus's. MISC says only "not known", so it
    neither votes nor changes (Obama alone stays MISC beside Barack Obama)."""
    votes: dict[str, Counter[EntityType]] = {}
    for m in mentions:
        if m.type is not EntityType.MISC:
            votes.setdefault(fold_words(m.form), Counter())[m.type] += 1
    chosen: dict[str, EntityType] = {}
    for name, counts in votes.items():
        (top, most), *rest = counts.most_common(2)
        if rest and most > rest[0][1]:
            chosen[name] = top
    return [
        replace(m, type=chosen[fold_words(m.form)])
        if m.type is not EntityType.MISC and chosen.get(fold_words(m.form), m.type) != m.type
        else m
        for m in mentions
    ]
