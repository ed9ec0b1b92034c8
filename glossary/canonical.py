"""Canonical English and French forms, the Cyrillic original, entity ids and variant kinds."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from glossary.cluster import Cluster, FormStats
from glossary.exonyms import Concept, compass_forms, is_long_form, lookup
from glossary.expansions import spells_word
from glossary.model import EntityType, Lang, Mention, VariantKind
from glossary.similarity import name_parts
from glossary.text import fold_words, is_particle, slug
from glossary.translit import (
    english_from_third,
    foreign_romanisation,
    given_name,
    is_russian_name,
    match_key,
    respell,
    to_cyrillic,
    to_english,
    to_french,
)

_TYPE_ORDER = list(EntityType)
_ID_LENGTH = 60


@dataclass(frozen=True)
class Canonical:
    """What a cluster is called in each language, and how it is typed."""

    type: EntityType
    english: str
    french: str
    original: str
    concept: Concept | None
    russian: bool
    # The canonical cells (canonical_en, canonical_fr) that no source or data attests: a guess
    # a person should review.
    guessed: tuple[str, ...] = ()


def _words(form: FormStats) -> int:
    return len(name_parts(form.form, form.lang).keys)


def _attestation(form: FormStats) -> tuple[int, int, int, int, str]:
    """Better attested first: documents, distinct contexts, mentions, then the fuller spelling."""
    return (len(form.sources), form.contexts, form.count, len(form.form), form.form)


def _best(forms: Sequence[FormStats]) -> FormStats:
    return max(forms, key=_attestation)


def _best_worded(forms: Sequence[FormStats]) -> FormStats:
    """The best attested form of a place's or a body's name; at equal attestation, the one of
    more name words, then the one whose words its language's texts write more (Ministère du
    pétrole irakien beside iraquien, where the French texts write irakien elsewhere): such a
    name is made of the language's words. (Not a person's: Mark, a slip for Marco Rubio, is
    written as often as the name.)"""

    def rank(form: FormStats) -> tuple[int, int, int, int, int, int, str]:
        documents, contexts, count, length, text = _attestation(form)
        return documents, contexts, count, _words(form), form.words_written, length, text

    return max(forms, key=rank)


def _spelling_score(candidate: FormStats, forms: Sequence[FormStats]) -> int:
    """Contexts of every form written with the candidate's words (Witkoff attests Steve Witkoff)."""
    words = set(fold_words(candidate.form).split())
    return sum(f.contexts for f in forms if set(fold_words(f.form).split()) <= words)


def _agreed(main: Sequence[FormStats], forms: Sequence[FormStats]) -> list[FormStats]:
    """Per language, the full forms the other language writes alike (Iouri Ouchakov beside
    Yuri Ushakov), if any: a name cut too wide (Selon Ouchakov) then never becomes canonical."""
    keys: dict[str, set[str]] = {}
    for f in forms:
        keys.setdefault(f.lang, set()).add(match_key(f.form))
    kept: list[FormStats] = []
    for lang in dict.fromkeys(f.lang for f in main):
        group = [f for f in main if f.lang == lang]
        elsewhere = set().union(*(k for other, k in keys.items() if other != lang))
        kept += [f for f in group if match_key(f.form) in elsewhere] or group
    return kept


def _pick_spelling(
    main: Sequence[FormStats], forms: Sequence[FormStats], lang: str, *, worded: bool = False
) -> str:
    """A form attested in `lang` unless another language attests a better spelling (Whitkoff);
    `worded`: a place's or a body's name (_best_worded)."""
    scores = {f: _spelling_score(f, forms) for f in main}
    top = max(scores.values())
    best = [f for f in main if scores[f] == top]
    pool = [f for f in best if f.lang == lang] or best
    return (_best_worded(pool) if worded else _best(pool)).form


def _own_spelling(main: Sequence[FormStats], forms: Sequence[FormStats], lang: str) -> str:
    """The spelling `lang`'s own sources write most, bare surnames included (Milinkevitch)."""
    return _pick_spelling(main, [f for f in forms if f.lang == lang], lang)


def _documents(candidate: str, forms: Sequence[FormStats]) -> int:
    """Documents that write the candidate's words, alone or as a part (Teixeira, Ricardo
    Teixeira): a text and its translation weigh one each."""
    words = set(fold_words(candidate).split())
    return len(set().union(*(f.sources for f in forms if set(fold_words(f.form).split()) <= words)))


def _slip_signs(form: str, russian: bool) -> tuple[bool, int]:
    """What makes a spelling the slip of two: a Russian name whose surname lost its Russian
    shape (Ershow beside Ershov, Carole beside Korolev), then fewer letters (a letter dropped
    is the commonest slip: Hoffman, Kinkh, Klitchko)."""
    shaped = not russian or is_russian_name(form)
    return shaped, sum(1 for c in form if c.isalpha())


def translation_signs(mentions: Iterable[Mention]) -> dict[str, int]:
    """Per source, the known places it writes only as the other language does (Belgique,
    Pays-Bas in an English text; Damascus in a French one): a translator leaves such names of
    the text translated in, so the more a document has, the more it is the translation."""
    written: Counter[tuple[str, str, str]] = Counter(
        (m.form, m.lang, m.source) for m in mentions if m.lang in _CELLS
    )
    foreign: dict[tuple[str, str], bool] = {}
    signs: Counter[str] = Counter()
    for (form, lang, source), count in sorted(written.items()):
        if (form, lang) not in foreign:
            foreign[(form, lang)] = _other_languages_only(form, Lang(lang))
        if foreign[(form, lang)]:
            signs[source] += count
    return dict(signs)


def _other_languages_only(form: str, lang: Lang) -> bool:
    """A known place's name the other language writes and `lang` does not (Belgique, English)."""
    concept = lookup(form)
    if concept is None:
        return False
    other = Lang.FR if lang == Lang.EN else Lang.EN
    folded = fold_words(form)
    theirs = {fold_words(n) for n in concept.names(other)}
    return folded in theirs and folded not in {fold_words(n) for n in concept.names(lang)}


def _one_spelling(
    english: str,
    french: str,
    forms: Sequence[FormStats],
    *,
    russian: bool = False,
    signs: Mapping[str, int] | None = None,
) -> str:
    """One spelling of a person's name for both languages where their sources disagree
    (David Morris, Davis Morris): one side's translator slipped. More documents first, then
    the spelling that does not look like the slip; at a full tie, the source text's: the
    English unless the English documents show more signs of being the translation
    (`signs`, translation_signs) than the French ones, as a copy is where a slip comes in."""
    english_first = _translated(Lang.FR, forms, signs) >= _translated(Lang.EN, forms, signs)

    def rank(form: str) -> tuple[int, tuple[bool, int], bool]:
        return (
            _documents(form, forms),
            _slip_signs(form, russian),
            (form == english) == (english_first),
        )

    return max((english, french), key=rank)


def _translated(lang: Lang, forms: Sequence[FormStats], signs: Mapping[str, int] | None) -> int:
    """The signs of translation in the documents where `lang`'s forms of the name are met."""
    if not signs:
        return 0
    sources = set().union(*(f.sources for f in forms if f.lang == lang))
    return sum(signs.get(source, 0) for source in sources)


# Letters of the Czech and German romanisations of Russian (Vjačeslav, Walujew), which neither
# language's reading of Latin letters follows: such a form differs by its romanisation, not by a
# slip.
_THIRD_ROMANISATION = re.compile(r"[čšžěřňůćł]|w|(?<![aeiouyd])j|ij\b")


def _name_words(form: str) -> int:
    return len(name_parts(form).keys)


def _slip_between(english: str, french: str) -> bool:
    """Whether a person's English and French spellings are one name with a slip on one side
    (David Morris, Davis Morris; Timo Hoffmann, Timo Hoffman), not the name as each language
    writes it: accents (José), a romanisation of each language's (Saud, Saoud; Muammar,
    Mouammar) or a third one (Grigoriy, Grigorij), a French form (Élisabeth, Elizabeth), or
    another name (a slip is a letter or two)."""
    if fold_words(english) == fold_words(french) or min(map(_name_words, (english, french))) < 2:
        return False  # one word is too little to tell a slip (Geneva, Genève typed a person)
    if any(_THIRD_ROMANISATION.search(f.lower()) for f in (english, french)):
        return False
    if _FRENCH_ACCENTS & (set(french.lower()) - set(english.lower())):
        return False
    if not _a_slip_apart(english, french):
        return False
    return not foreign_romanisation(french, Lang.EN) and not foreign_romanisation(english, Lang.FR)


# Letters French writes and English does not: a French form has them where English has none.
_FRENCH_ACCENTS = set("àâçéèêëîïôùûüÿœ")
# A slip changes this many letters at most (Smimov for Smirnov, Margasa for Magarsa).
_SLIP_EDITS = 2


def _a_slip_apart(a: str, b: str, *, russian: bool = False) -> bool:
    """Two spellings a letter or two apart: as written (Peter is not a slip of Pierre), or for
    a Russian name as its romanisations read (Carole, Korolev: c and k are one letter)."""
    from rapidfuzz.distance import DamerauLevenshtein

    if russian:
        a, b = match_key(a), match_key(b)
    return DamerauLevenshtein.distance(fold_words(a), fold_words(b)) <= _SLIP_EDITS


_NO_DIAERESIS = str.maketrans("ïë", "ie")


def _french_given_marks(form: str) -> str:
    """A Russian given name written in the French romanisation less its diaeresis gets it back
    (Serguei Lebedev -> Sergueï Lebedev); one the English spelling also writes is left as the
    source has it (Mikhail, Nikolai)."""
    words = form.split(" ")
    for at, word in enumerate(words):
        known = given_name(word)
        if (
            known is not None
            and word != known.french
            and word == known.french.translate(_NO_DIAERESIS)
            and fold_words(word) != fold_words(known.english)
        ):
            words[at] = known.french
    return " ".join(words)


def _two_names(english: str, french: str) -> bool:
    """Whether a Russian name's English and French canonical forms spell different names, not
    one name in two romanisations (Loukachenko and Lukashenko read as one Cyrillic name)."""
    if fold_words(english) == fold_words(french) or match_key(english) == match_key(french):
        return False
    if min(map(_name_words, (english, french))) < 2 or not _a_slip_apart(
        english, french, russian=True
    ):
        return False  # one word is too little to tell a slip, and a slip is a letter or two
    if any(_THIRD_ROMANISATION.search(f.lower()) for f in (english, french)):
        return False
    readings = {(to_cyrillic(english, Lang.EN), to_cyrillic(french, Lang.FR))}
    readings.add((to_cyrillic(english), to_cyrillic(french)))
    return all(en != fr for en, fr in readings)


# Articles that open the name of a paper, a band or a body in English and German (The Times,
# Der Spiegel), never a person's. (French and Arabic ones do: Le Pen, La Fontaine, El Masri.)
_ARTICLES = frozenset({"the", "der", "die", "das"})


def _entity_type(forms: Sequence[FormStats]) -> EntityType:
    """Vote of the mentions, full names weighing double; PER, LOC, ORG, MISC on ties. A name
    opened by an English or German article is no person's: MISC, if nothing else is voted."""
    votes: Counter[EntityType] = Counter()
    for f in forms:
        weight = 2 if _words(f) >= 2 else 1
        for kind, count in f.types:
            votes[kind] += count * weight
    if any(f.form.split()[0].casefold() in _ARTICLES for f in forms if f.form.split()):
        votes.pop(EntityType.PER, None)
        if not votes:
            return EntityType.MISC
    return max(votes, key=lambda t: (votes[t], -_TYPE_ORDER.index(t)))


_CELLS = {Lang.EN: "canonical_en", Lang.FR: "canonical_fr"}


def _concept_name(concept: Concept, forms: Sequence[FormStats], lang: Lang) -> str:
    """The data's name in `lang`, unless that language's sources never write it but write
    another of the concept's full names (Kiev, not CLDR's newer Kyiv)."""
    own = concept.english if lang == Lang.EN else concept.french
    written = [f for f in forms if f.lang == lang]
    # Another of the data's names written letter for letter where its own never is: that
    # spelling, though it differs only by an accent (Taiwan beside Taïwan in French).
    exact = {n.casefold() for n in concept.names(lang)} - {own.casefold()}
    if not any(f.form.casefold() == own.casefold() for f in written):
        spelt = [f for f in written if f.form.casefold() in exact and _full_name(concept, f)]
        if spelt:
            return _best(spelt).form
    # A body's fuller name holding the data's (UN Security Council beside Security Council):
    # the full name is the canonical one; one the data lists first, then the best attested.
    # A place's is most often another place or a body in it (Berne Arena, Moscow State
    # University); an article is no more of the name (The Soviet Union at a sentence start).
    fuller = [
        f
        for f in written
        if concept.type != EntityType.LOC
        and _holds(f, own)
        and _full_name(concept, f)
        and not _article_added(f.form, own)
    ]
    if fuller:
        listed = {fold_words(n) for n in concept.names(lang)}
        return max(fuller, key=lambda f: (fold_words(f.form) in listed, _attestation(f))).form
    if not written or any(fold_words(f.form) == fold_words(own) for f in written):
        return own
    names = {fold_words(n) for n in concept.names(lang)}
    known = [
        f
        for f in written
        # One of the data's names for it in `lang`, or a region's other compass form (Europe
        # occidentale for Europe de l'Ouest), not an official long form (République d'Afrique
        # du Sud) nor another language's (the German Teheran in an English text).
        if (
            fold_words(f.form) in names
            or (lang == Lang.FR and any(fold_words(c) in names for c in compass_forms(f.form)))
        )
        and _full_name(concept, f)
    ]
    return _best(known).form if known else own


def _holds(form: FormStats, name: str) -> bool:
    """The form is the name with more name words before or after it, not an official long
    form (UN Security Council, Conseil de sécurité des Nations unies for Security Council)."""
    return _holds_name(form.form, form.lang, name)


def _holds_name(form: str, lang: str, name: str) -> bool:
    keys, inner = name_parts(form, lang).keys, name_parts(name, lang).keys
    if is_long_form(form) or not inner or len(keys) <= len(inner):
        return False
    return inner in (keys[: len(inner)], keys[-len(inner) :])


def _article_added(form: str, name: str) -> bool:
    """The form is the name after an English article (The Netherlands, Netherlands)."""
    first, _, rest = form.partition(" ")
    return first.casefold() == "the" and fold_words(rest) == fold_words(name)


def _full_name(concept: Concept, form: FormStats) -> bool:
    """Not an official long form (République d'Afrique du Sud), a short one or an acronym."""
    return (
        not is_long_form(form.form)
        and concept.kind_of(form.form) in (None, VariantKind.CANONICAL, VariantKind.EXONYM)
        and not _is_acronym(form.form)
    )


def _counterpart(concept: Concept, name: str, lang: Lang, other: Lang) -> str | None:
    """The data's name in `other` listed as the same kind of name, in the same place, as `name`
    in `lang` (Great Britain, Grande-Bretagne: another name of the United Kingdom in each),
    for a language whose sources never name the entity; None for a canonical name."""
    kind = concept.kind_of(name)
    canonical = concept.english if lang == Lang.EN else concept.french
    if kind in (None, VariantKind.CANONICAL) or name == canonical:
        return None  # the list's kinds name no language: Taiwan is English's canonical name
    ours = [n for n, k in concept.kinds if k == kind and n in concept.names(lang)]
    theirs = [n for n, k in concept.kinds if k == kind and n in concept.names(other)]
    if name not in ours or len(ours) != len(theirs):
        return None
    return theirs[ours.index(name)]


def _is_acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _unabbreviated(own: str | None, other: str | None) -> str | None:
    """A language that writes only a body's acronym takes the other language's name when that
    is one word whose letters hold the acronym's, from its first (KMT, Kuomintang): a name of
    one word is a name, not words a translation renders, and both languages write it alike;
    the fuller form is the canonical one. A name of several words (Service fédéral de
    sécurité for FSB) is the other language's rendering and is left to it."""
    if own is None or other is None or not _is_acronym(own) or _is_acronym(other):
        return own
    if len(other.split()) != 1 or _name_words(other) != 1 or not spells_word(other, own):
        return own
    return other


def _own_form(forms: Sequence[FormStats], lang: Lang) -> str | None:
    """The fullest form `lang`'s sources write, the most attested; a form the other language's
    sources write too gives way to one of the language's own (England, not Angleterre)."""
    own = [f for f in forms if f.lang == lang]
    other = {fold_words(f.form) for f in forms if f.lang in _CELLS and f.lang != lang}
    # ...but not to a form of its own that holds the shared one's words or is held in them:
    # that is the same name cut otherwise (de Zelenograd beside Zelenograd; Petroleum Corp.
    # beside Chinese National Petroleum Corp.), not the language's own name.
    shared = [set(_name_keys(f)) for f in own if fold_words(f.form) in other]
    own = [
        f
        for f in own
        if fold_words(f.form) not in other
        and not any(keys <= set(_name_keys(f)) or set(_name_keys(f)) <= keys for keys in shared)
    ] or own
    if not own:
        return None
    most = max(_words(f) for f in own)
    full = [f for f in own if _words(f) == most]
    # A form opening on a linking word is a name cut too wide (de Zelenograd).
    full = [f for f in full if not is_particle(f.form.split()[0])] or full
    return _pick_spelling(full, own, lang, worded=True)


def _name_keys(form: FormStats) -> tuple[str, ...]:
    return name_parts(form.form, form.lang).keys


# Letters French (and so English) spelling has; a name written with others keeps them.
_FRENCH_LETTERS = set("àâäçéèêëîïôöùûüÿœæ")


def _foreign_letters(form: str) -> int:
    return sum(
        1 for c in form.lower() if c.isalpha() and not c.isascii() and c not in _FRENCH_LETTERS
    )


def _own_letters(chosen: str, forms: Sequence[FormStats]) -> str:
    """The spelling with the name's own letters, where a source keeps them and the chosen one
    drops them (Bakira Hasečić, not Hasecic): neither language spells them otherwise."""
    same = [f.form for f in forms if fold_words(f.form) == fold_words(chosen)]
    best = max(same, key=lambda f: (_foreign_letters(f), f == chosen), default=chosen)
    return best if _foreign_letters(best) > _foreign_letters(chosen) else chosen


# What stands between the words of a name: spaces or a hyphen (Maison Blanche, Maison-Blanche).
_SEPARATOR = re.compile(r"([\s\-\u2010\u2011]+)")


def _case_free(form: str) -> str:
    return " ".join(_SEPARATOR.sub(" ", form).casefold().split())


def _hyphens(form: str) -> int:
    return sum(1 for piece in _SEPARATOR.findall(form) if not piece.isspace())


def _majority_spelling(chosen: str, forms: Sequence[FormStats], lang: Lang) -> str:
    """The spelling most sources write among those of the chosen form's words that differ only
    in capitals and hyphens (Maison Blanche beside Maison blanche and Maison-Blanche): each
    word's capitals and each joint between words is a vote of the contexts that write it. At a
    tie English takes the spaced spelling, as its press writes a name of several words (Middle
    East, not Middle-East); French, which hyphenates compound place names (Moyen-Orient, Pays-Bas),
    keeps the form chosen."""
    key = _case_free(chosen)
    weights: Counter[str] = Counter()
    for f in forms:
        if _case_free(f.form) == key:
            weights[f.form] += f.contexts
    pieces = {form: _SEPARATOR.split(form) for form in weights}
    size = len(pieces.get(chosen) or _SEPARATOR.split(chosen))
    pieces = {form: cut for form, cut in pieces.items() if len(cut) == size}
    if len(pieces) < 2:
        return chosen
    votes: dict[int, Counter[str]] = defaultdict(Counter)
    for form, cut in pieces.items():
        for place, piece in enumerate(cut):
            votes[place][piece] += weights[form]

    def agreement(form: str) -> tuple[int, int, bool]:
        spaced = -_hyphens(form) if lang == Lang.EN else 0
        votes_for = sum(votes[place][piece] for place, piece in enumerate(pieces[form]))
        return votes_for, spaced, form == chosen

    return max(sorted(pieces), key=agreement)


def _own_romanisation(forms: Sequence[FormStats], lang: Lang) -> list[FormStats]:
    """The forms written in `lang`'s own romanisation, or all if none is."""
    return [f for f in forms if not foreign_romanisation(f.form, lang)] or list(forms)


def _cut_wide(form: FormStats, forms: Sequence[FormStats]) -> bool:
    """A form whose name words hold, at their start or end, a name of two words or more that
    the other language writes where this one glued a word to it (Croate Duje Draganja beside
    the English Duje Draganja; Mohammed bin Salman bin Abdulaziz Al-Saoud beside Mohammed bin
    Salman): the longer form is the mention cut too wide, not the full name."""
    keys = name_parts(form.form, form.lang).keys
    others = [f for f in forms if f.lang != form.lang and f.lang in _CELLS]
    if any(name_parts(f.form, f.lang).keys == keys for f in others):
        return False  # both languages write it so: the full name
    for other in others:
        inner = name_parts(other.form, other.lang).keys
        if 2 <= len(inner) < len(keys) and inner in (keys[: len(inner)], keys[-len(inner) :]):
            return True
    return False


def _uncut(forms: Sequence[FormStats]) -> list[FormStats]:
    """The forms less those cut too wide, when the other language writes the name alone."""
    if not any(f.lang != forms[0].lang for f in forms):
        return list(forms)
    return [f for f in forms if not _cut_wide(f, forms)] or list(forms)


def choose_canonical(cluster: Cluster, signs: Mapping[str, int] | None = None) -> Canonical:
    """Canonical forms: a known concept's names (CLDR, curated), else each language's own
    attested forms; persons keep one spelling across languages, Russian names are written in
    each language's romanisation. A cell nothing attests is the other's form, marked guessed.
    An attested form is written as most sources write its words (capitals, hyphens).
    `signs`: per source, signs it is a translation (translation_signs), for a person's two
    spellings at a full tie."""
    canon = _choose(list(cluster.forms), signs)
    if canon.concept is not None:
        return canon  # the data's names, as the data writes them
    english = _majority_spelling(canon.english, cluster.forms, Lang.EN)
    french = _majority_spelling(canon.french, cluster.forms, Lang.FR)
    return dataclasses.replace(canon, english=english, french=french)


def _choose(forms: list[FormStats], signs: Mapping[str, int] | None = None) -> Canonical:
    concept = next((c for c in (lookup(f.form) for f in forms) if c is not None), None)
    if concept is not None:
        name_en = _concept_name(concept, forms, Lang.EN)
        name_fr = _concept_name(concept, forms, Lang.FR)
        if not any(f.lang == Lang.FR for f in forms):
            name_fr = _counterpart(concept, name_en, Lang.EN, Lang.FR) or name_fr
        if not any(f.lang == Lang.EN for f in forms):
            name_en = _counterpart(concept, name_fr, Lang.FR, Lang.EN) or name_en
        return Canonical(concept.type, name_en, name_fr, concept.original, concept, False)
    uncut = _uncut(forms)
    most = max(_words(f) for f in uncut)
    full = [f for f in uncut if _words(f) == most] or forms
    # The full names say what the entity is; a bare surname is often untyped (Ribbentrop).
    kind = _entity_type(full)
    main = _agreed([f for f in full if f.lang in (Lang.EN, Lang.FR)] or full, forms)
    russian = kind == EntityType.PER and any(is_russian_name(f.form) for f in full)
    if kind == EntityType.PER and not russian:
        # A person's name is spelt alike in both languages: the best spelling wins (Witkoff),
        # but never a French romanisation in English (Staline, Khrouchtchev).
        written_fr = {fold_words(f.form) for f in forms if f.lang == Lang.FR}
        english_ok = [
            f
            for f in main
            if not (foreign_romanisation(f.form, Lang.EN) and fold_words(f.form) in written_fr)
        ]
        en = _pick_spelling(english_ok or main, forms, Lang.EN)
        fr = _pick_spelling(main, forms, Lang.FR)
        # A Czech or German romanisation of a Russian name in English (Denis Kuljaš beside
        # the French Denis Kuliash): English's own (Denis Kulyash).
        en = english_from_third(en, fr) or en
        if en in {f.form for f in english_ok} and _slip_between(en, fr):
            en = fr = _one_spelling(en, fr, forms, signs=signs)
        return Canonical(kind, _own_letters(en, forms), _own_letters(fr, forms), "", None, False)
    if not russian:
        # Places, bodies and events have a form of their own in each language (Bosnie, Bosnia).
        own_en, own_fr = _own_form(forms, Lang.EN), _own_form(forms, Lang.FR)
        own_en, own_fr = _unabbreviated(own_en, own_fr), _unabbreviated(own_fr, own_en)
        guess = _best(main).form
        guessed = tuple(
            _CELLS[lang] for lang, own in ((Lang.EN, own_en), (Lang.FR, own_fr)) if own is None
        )
        return Canonical(
            kind, own_en or own_fr or guess, own_fr or own_en or guess, "", None, False, guessed
        )
    # Each language's own romanisation first, where its sources write it (Alexandre Loukachenko
    # beside Alexandre Lukashenko in French).
    english = _own_romanisation([f for f in main if f.lang == Lang.EN], Lang.EN)
    french = _own_romanisation([f for f in main if f.lang == Lang.FR], Lang.FR)
    # Each language's own spelling, the one its forms (bare surnames too) write most, in that
    # language's romanisation (an English source that keeps the French Ziouganov: Zyuganov).
    en = _own_spelling(english, forms, Lang.EN) if english else _best(main).form
    fr = _own_spelling(french, forms, Lang.FR) if french else _best(main).form
    # French sources commonly keep the international spelling of a Russian name (Yumatova):
    # only English, whose press has one settled romanisation, is respelt.
    en = respell(en, Lang.EN) if english else to_english(en)
    fr = _french_given_marks(fr) if french else to_french(fr)
    en = english_from_third(en, fr) or en
    if english and french and _two_names(en, fr):
        # Not one name in two romanisations but a slip on one side (Smimov for Smirnov,
        # Yuri Carole for Yuri Korolev): the better spelling, in each language's romanisation.
        one = _one_spelling(en, fr, forms, russian=True, signs=signs)
        en, fr = respell(one, Lang.EN), one
    original = to_cyrillic(fr, Lang.FR) if french else to_cyrillic(en, Lang.EN)
    return Canonical(kind, en, fr, original or "", None, True)


def entity_id(kind: EntityType, english: str) -> str:
    """Readable id from the type and English name: per-yuri-ushakov."""
    short = slug(english)[:_ID_LENGTH].rstrip("-")
    return f"{kind.value.lower()}-{short or 'name'}"


def free_id(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`... whichever is not taken yet."""
    ident, number = base, 1
    while ident in taken:
        number += 1
        ident = f"{base}-{number}"
    return ident


def variant_kind(form: str, lang: str, canon: Canonical) -> VariantKind:
    """How a form relates to the entity's canonical forms (canonical, acronym, short...)."""
    form = form.replace("’", "'")
    canonicals: dict[str, str] = {Lang.EN: canon.english, Lang.FR: canon.french}
    own = canonicals.get(lang)
    if form in (own, canon.english, canon.french) and (own is None or form == own):
        return VariantKind.CANONICAL
    if canon.concept is not None:
        listed = canon.concept.kind_of(form)
        if listed is not None and listed != VariantKind.CANONICAL:
            return listed
        # Another fuller name of a body whose canonical is a fuller one than the data's
        # (Conseil de sécurité de l'ONU beside Conseil de sécurité des Nations unies): both
        # hold the data's name, neither is a slip of the other.
        data_name = canon.concept.english if lang == Lang.EN else canon.concept.french
        if lang in _CELLS and _holds_name(form, lang, data_name) and data_name != own:
            return VariantKind.EXONYM
    letters = [c for c in form if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return VariantKind.ACRONYM
    if form in (canon.english, canon.french):
        return VariantKind.OTHER_LANGUAGE
    reference = own or canon.english
    parts, whole = name_parts(form, lang), name_parts(reference)
    size = len(whole.keys)
    if len(parts.keys) > size >= 2 and whole.keys in (parts.keys[:size], parts.keys[-size:]):
        # A fuller form holding the canonical one is another name of it, not a misspelling (as
        # Union of Soviet Socialist Republics beside Soviet Union).
        return VariantKind.EXONYM
    if len(parts.keys) < len(whole.keys):
        # A short form spelt otherwise than the full name is a spelling slip first (Bartoux).
        keys = set(whole.keys) | set(name_parts(canon.english).keys)
        return VariantKind.SHORT if set(parts.keys) <= keys else VariantKind.SPELLING
    if canon.concept is not None or lang not in (Lang.EN, Lang.FR):
        return VariantKind.TRANSLITERATION if canon.russian else VariantKind.EXONYM
    if match_key(form) == match_key(reference) and fold_words(form) != fold_words(reference):
        return VariantKind.TRANSLITERATION if canon.russian else VariantKind.SPELLING
    if canon.russian and match_key(form) == match_key(canon.english):
        return VariantKind.TRANSLITERATION
    return VariantKind.SPELLING
