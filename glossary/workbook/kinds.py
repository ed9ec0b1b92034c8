"""What the tool puts in the cells a person leaves to it: a variant's kind and language, an
entity's type, worked out from the entity's canonical forms as the workbook gives them."""

from __future__ import annotations

from collections.abc import Iterable

from glossary.canonical import Canonical, variant_kind
from glossary.exonyms import lookup
from glossary.model import Entity, EntityType, Lang, VariantKind, form_key
from glossary.translit import is_russian_name


def canonical_of(entity: Entity, forms: Iterable[str] = ()) -> Canonical | None:
    """The entity's canonical forms (the first alternative of each cell) as the kinds need them;
    None when the entity has no canonical form at all."""
    english = next(iter(entity.canonicals(Lang.EN)), "")
    french = next(iter(entity.canonicals(Lang.FR)), "")
    if not (english or french):
        return None
    concept = lookup(english) if english else None
    if concept is None and french:
        concept = lookup(french)
    names = (english, french, *forms)
    russian = entity.type == EntityType.PER and any(is_russian_name(f) for f in names if f)
    return Canonical(
        entity.type, english or french, french or english, entity.original, concept, russian
    )


def kind_of(form: str, lang: str, entity: Entity, canon: Canonical | None) -> VariantKind:
    """How `form` relates to the entity's canonical forms as a person left them."""
    if form_key(form) in {form_key(f) for f in entity.canonicals(lang)}:
        return VariantKind.CANONICAL
    if canon is None:
        return VariantKind.SPELLING
    return variant_kind(form, lang, canon)


def lang_of(form: str, entity: Entity) -> str:
    """The language of a form typed without one: the canonical cell it appears in, else `und`."""
    key = form_key(form)
    for lang in (Lang.EN, Lang.FR):
        if key in {form_key(f) for f in entity.canonicals(lang)}:
            other = Lang.FR if lang == Lang.EN else Lang.EN
            if key not in {form_key(f) for f in entity.canonicals(other)}:
                return lang
    return Lang.UND


def type_of(entity: Entity) -> EntityType:
    """The type of an entity typed without one: a known place or body's, else MISC."""
    for lang in (Lang.EN, Lang.FR):
        for form in entity.canonicals(lang):
            concept = lookup(form)
            if concept is not None:
                return concept.type
    return EntityType.MISC
