"""The checker's index over a glossary: every known form by its words, and blocks for fuzzy lookup.

Built once per glossary. Looking a text up costs one hash per word for known forms and one small
block per capitalised word for unknown ones, so it hardly depends on the glossary's size.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum

from glossary.check.keys import Memo, block_keys, compare_key, fold, strip_elision, tokens
from glossary.model import Entity, EntityType, Glossary, Lang, Variant, VariantKind, VariantStatus
from glossary.text import is_particle
from glossary.weights import SHORT_ACRONYM

CHECK_LANGS = (Lang.EN, Lang.FR)
# A canonical cell may list alternatives, "Sergey Lavrov|Sergei Lavrov": all are accepted and the
# first is the one suggested (the development gold writes them so; a real name holds no "|").


class Case(StrEnum):
    """What a word of a known form asks of the same word in a text."""

    ANY = "any"
    INITIAL = "initial"  # a capital first letter: "Paris" the city, not "paris" the bets
    UPPER = "upper"  # a short acronym in capitals: "UN", not the French article "Un"


class Role(StrEnum):
    """Where an indexed form comes from."""

    CANONICAL = "canonical"
    VARIANT = "variant"
    SUFFIX = "suffix"  # the last words of a person's form: "Ouchakov" of "Iouri Ouchakov"


@dataclass(frozen=True)
class Form:
    """One spelling the checker knows, with what it means for its entity."""

    entity_id: str
    surface: str
    compare: str
    words: tuple[str, ...]
    cases: tuple[Case, ...]
    lang: str
    role: Role
    kind: VariantKind
    status: VariantStatus
    count: int = 0

    @property
    def is_short(self) -> bool:
        """A short form: fewer words than the form it was cut from, or marked short."""
        return self.role is Role.SUFFIX or self.kind is VariantKind.SHORT


KeyFunction = Callable[[str], str]


@dataclass(frozen=True)
class FormIndex:
    """Known forms by folded words (exact lookup), and by blocking key (fuzzy lookup)."""

    entities: dict[str, Entity]
    canonicals: dict[tuple[str, str], tuple[str, ...]]
    exact: dict[tuple[str, ...], tuple[Form, ...]]
    prefixes: frozenset[tuple[str, ...]]
    fuzzy_forms: tuple[Form, ...]
    fuzzy_folds: tuple[str, ...]
    fuzzy_keys: tuple[str, ...]
    blocks: dict[str, tuple[str, ...]]
    word_forms: dict[str, tuple[int, ...]]
    rejected: dict[str, frozenset[str]]
    fold: Memo
    match_key: Memo
    # Fuzzy lookups already made: comparison key -> (form index, confidence) or None.
    closest: dict[str, tuple[int, float] | None] = field(default_factory=dict)
    word_blocks: dict[str, frozenset[int]] = field(default_factory=dict)
    # Mentions of each form in the glossary's own sources: (entity, comparison key, lang) -> n.
    attested: dict[tuple[str, str, str], int] = field(default_factory=dict)

    def count(self, entity_id: str, form: str, lang: str) -> int:
        """How often the glossary's sources in `lang` write `form` for the entity."""
        return self.attested.get((entity_id, compare_key(form), str(lang)), 0)

    def canonical(self, entity_id: str, lang: str) -> tuple[str, ...]:
        """The accepted canonical forms of an entity in `lang` (the other language's if empty)."""
        own = self.canonicals.get((entity_id, lang), ())
        if own:
            return own
        other = next(code for code in CHECK_LANGS if code != lang) if lang in CHECK_LANGS else ""
        return self.canonicals.get((entity_id, other), ())

    def candidates(self, words: tuple[str, ...]) -> list[int]:
        """Indices into fuzzy_forms that share a blocking key with one of (folded) `words`."""
        found: set[int] = set()
        for word in words:
            block = self.word_blocks.get(word)
            if block is None:
                keys = block_keys(word) | block_keys(self.match_key(word))
                near = {w for key in keys for w in self.blocks.get(key, ())}
                block = frozenset(i for w in near for i in self.word_forms[w])
                self.word_blocks[word] = block
            found.update(block)
        return sorted(found)


def build_index(glossary: Glossary, match_key: KeyFunction) -> FormIndex:
    """Index every canonical form, every variant not rejected, and the surnames of persons."""
    keys = Memo(match_key)
    folder = Memo(fold)
    # A rejected entity is not a name, or not wanted: none of its forms is matched.
    entities = {e.entity_id: e for e in glossary.entities if not e.rejected}
    canonicals: dict[tuple[str, str], tuple[str, ...]] = {}
    forms: list[Form] = []
    for entity in entities.values():
        for lang in CHECK_LANGS:
            alternatives = entity.canonicals(lang)
            canonicals[(entity.entity_id, lang)] = alternatives
            for alternative in alternatives:
                forms.extend(
                    _forms_of(
                        entity,
                        alternative,
                        lang,
                        Role.CANONICAL,
                        VariantKind.CANONICAL,
                        folder=folder,
                    )
                )
    rejected: dict[str, set[str]] = {}
    for variant in glossary.variants:
        owner = entities.get(variant.entity_id)
        if owner is None:
            continue
        if variant.status is VariantStatus.REJECTED:
            rejected.setdefault(compare_key(variant.variant), set()).add(variant.entity_id)
            continue
        forms.extend(_variant_forms(owner, variant, folder))
    forms = [f for f in forms if f.entity_id not in rejected.get(f.compare, ())]
    forms = _deduplicate(forms)
    index = _assemble(entities, canonicals, forms, rejected, keys, folder)
    for variant in glossary.variants:
        if variant.status is not VariantStatus.REJECTED and variant.count:
            key = (variant.entity_id, compare_key(variant.variant), str(variant.lang))
            index.attested[key] = index.attested.get(key, 0) + variant.count
    return index


def _variant_forms(entity: Entity, variant: Variant, folder: Memo) -> list[Form]:
    return _forms_of(
        entity,
        variant.variant,
        variant.lang,
        Role.VARIANT,
        variant.kind,
        variant.status,
        variant.count,
        folder=folder,
    )


def _forms_of(
    entity: Entity,
    surface: str,
    lang: str,
    role: Role,
    kind: VariantKind,
    status: VariantStatus = VariantStatus.AUTO,
    count: int = 0,
    *,
    folder: KeyFunction = fold,
) -> list[Form]:
    """The form itself and, for a person, each of its tails ("de Gaulle", "Gaulle")."""
    surface = strip_elision(surface.strip())
    toks = tokens(surface, folder)
    if not toks:
        return []
    words = tuple(t.folded for t in toks)
    # A particle inside a name may be written either way: "al-Qaeda" is "Al-Qaeda".
    cases = tuple(
        Case.ANY if i and is_particle(t.folded) else _case(surface[t.start : t.end])
        for i, t in enumerate(toks)
    )
    if len(toks) > 1 and is_particle(toks[0].folded):
        cases = (Case.ANY, *cases[1:])
    whole = Form(
        entity.entity_id,
        surface,
        compare_key(surface),
        words,
        cases,
        lang,
        role,
        kind,
        status,
        count,
    )
    result = [whole]
    # A person's tails must end on a capitalised word of three letters or more: "Gaulle", not "D".
    if entity.type is EntityType.PER and cases[-1] is not Case.ANY and len(words[-1]) >= 3:
        for i in range(1, len(toks)):
            tail = surface[toks[i].start :]
            result.append(
                replace(
                    whole,
                    surface=tail,
                    compare=compare_key(tail),
                    words=words[i:],
                    cases=cases[i:],
                    role=Role.SUFFIX,
                )
            )
    return result


def _case(word: str) -> Case:
    if word.isupper() and 2 <= len(word) <= SHORT_ACRONYM:
        return Case.UPPER
    return Case.INITIAL if word[0].isupper() else Case.ANY


def _deduplicate(forms: list[Form]) -> list[Form]:
    # The same spelling may come as a canonical form and as a variant row; keep both roles but
    # drop exact repeats so that ambiguity counts stay honest.
    seen: set[tuple[str, str, str, Role, str, VariantStatus]] = set()
    kept = []
    for form in forms:
        key = (form.entity_id, form.compare, form.lang, form.role, form.kind, form.status)
        if key not in seen:
            seen.add(key)
            kept.append(form)
    return kept


def _assemble(
    entities: dict[str, Entity],
    canonicals: dict[tuple[str, str], tuple[str, ...]],
    forms: list[Form],
    rejected: dict[str, set[str]],
    match_key: Memo,
    folder: Memo,
) -> FormIndex:
    exact: dict[tuple[str, ...], list[Form]] = {}
    prefixes: set[tuple[str, ...]] = set()
    for form in forms:
        exact.setdefault(form.words, []).append(form)
        prefixes.update(form.words[:n] for n in range(1, len(form.words) + 1))
    # Unknown forms are matched to persons only: places and bodies have derived words (German,
    # Soviets, Eastern European) as close to them as any typo.
    people = [f for f in forms if entities[f.entity_id].type is EntityType.PER]
    fuzzy_forms = tuple(sorted(people, key=lambda f: (f.entity_id, f.compare, f.role, f.lang)))
    fuzzy_keys = tuple(" ".join(match_key(w) for w in f.words) for f in fuzzy_forms)
    # Two levels, blocking key -> glossary words -> forms: persons share given names and
    # surnames, so each word's neighbourhood is computed once.
    word_forms: dict[str, list[int]] = {}
    for i, form in enumerate(fuzzy_forms):
        for word in dict.fromkeys(form.words):
            word_forms.setdefault(word, []).append(i)
    blocks: dict[str, list[str]] = {}
    for word in word_forms:
        for key in block_keys(word) | block_keys(match_key(word)):
            blocks.setdefault(key, []).append(word)
    return FormIndex(
        entities=entities,
        canonicals=canonicals,
        exact={k: tuple(v) for k, v in exact.items()},
        prefixes=frozenset(prefixes),
        fuzzy_forms=fuzzy_forms,
        fuzzy_folds=tuple(" ".join(f.words) for f in fuzzy_forms),
        fuzzy_keys=fuzzy_keys,
        blocks={k: tuple(v) for k, v in blocks.items()},
        word_forms={k: tuple(v) for k, v in word_forms.items()},
        rejected={k: frozenset(v) for k, v in rejected.items()},
        fold=folder,
        match_key=match_key,
    )
