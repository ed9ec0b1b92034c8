"""Known names in several languages: CLDR countries and cities (babel) plus a small curated list."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources

from glossary.model import EntityType, VariantKind
from glossary.text import fold_words

# Languages whose CLDR names we recognise in sources; "ru" gives the `original` column.
_LOCALES = ("en", "fr", "nl", "de", "es", "it")
# Words of a state's official long name before the country's short name (folded, so d' is "d").
_LONG_FORM = re.compile(
    r"^(?:republique|federation|royaume|principaute|etat|republic|kingdom|"
    r"principality|state|commonwealth) (?:de la|de l|d|de|du|des|of the|of) (.+)$"
)


@dataclass(frozen=True)
class Concept:
    """One known place or body with its English and French names."""

    concept_id: str
    type: EntityType
    english: str
    french: str
    original: str = ""
    kinds: tuple[tuple[str, VariantKind], ...] = field(default=())
    # A country or territory of CLDR (not a city, not a body of the curated list).
    country: bool = False
    # Every name the data gives it in English and in French (CLDR's, the IANA zone's English
    # city, the curated list's), the canonical ones first.
    names_en: tuple[str, ...] = ()
    names_fr: tuple[str, ...] = ()

    def names(self, lang: str) -> tuple[str, ...]:
        """The data's names of the concept in `lang` ("en" or "fr"), the canonical one first."""
        if lang == "fr":
            return self.names_fr or (self.french,)
        return self.names_en or (self.english,)

    def kind_of(self, form: str) -> VariantKind | None:
        """The kind the curated list gives this form (acronym, short...), if any."""
        for name, kind in self.kinds:
            if name == form:
                return kind
        folded = fold_words(form)
        for name, kind in self.kinds:
            if fold_words(name) == folded:
                return kind
        return None


@dataclass(frozen=True)
class ExonymIndex:
    """Folded name -> concept, for every language we know."""

    by_name: dict[str, tuple[Concept, ...]]
    longest_words: int
    # Acronyms match with their case only (UN, not the French article Un).
    acronyms: dict[str, Concept] = field(default_factory=dict)

    def lookup(self, form: str) -> Concept | None:
        """The one concept this name denotes, or None when unknown or ambiguous."""
        exact = self.acronyms.get(form)
        if exact:
            return exact
        folded = fold_words(form)
        found = self.by_name.get(folded, ())
        if len(found) == 1:
            return found[0]
        if found:
            return None
        # English writes some countries with their article (The Netherlands, the Gambia).
        if folded.startswith("the "):
            bare = self.by_name.get(folded[4:], ())
            if len(bare) == 1 and bare[0].country:
                return bare[0]
        # An official long name of a country: République d'Afrique du Sud, Republic of Turkey.
        long_form = _LONG_FORM.match(folded)
        if long_form:
            inner = self.by_name.get(long_form.group(1), ())
            if len(inner) == 1 and inner[0].country:
                return inner[0]
        return None


def _add(
    index: dict[str, list[Concept]], name: str, concept: Concept, *, city: bool = False
) -> None:
    key = fold_words(name)
    if not key:
        return
    if city and any(c.country for c in index.get(key, [])):
        return  # Singapore, Monaco: the country, not a second concept for its capital
    bucket = index.setdefault(key, [])
    if all(c.concept_id != concept.concept_id for c in bucket):
        bucket.append(concept)


def _cldr(index: dict[str, list[Concept]]) -> None:
    """Countries, regions and time-zone exemplar cities from CLDR."""
    from babel.localedata import load

    data = {loc: load(loc) for loc in (*_LOCALES, "ru")}
    for code, english in data["en"]["territories"].items():
        if "-alt-" in code or code in {"ZZ", "QO", "EU", "EZ", "UN", "001"}:
            continue  # bodies are in the curated list, with their acronyms
        french = data["fr"]["territories"].get(code, english).replace("’", "'")
        concept = Concept(
            f"cldr-{code.lower()}",
            EntityType.LOC,
            english.replace("’", "'"),
            french,
            data["ru"]["territories"].get(code, ""),
            country=True,
            names_en=(english.replace("’", "'"),),
            names_fr=(french,),
        )
        for loc in _LOCALES:
            name = data[loc]["territories"].get(code)
            if name:
                _add(index, name.replace("’", "'"), concept)
    # CLDR omits a city where it equals the zone id (Paris in French), so take zones from all.
    zones = sorted({z for d in data.values() for z, v in d["time_zones"].items() if "city" in v})
    for zone in zones:
        # IANA ids carry the older English exonym (Europe/Kiev) when CLDR has moved on.
        from_id = zone.rsplit("/", 1)[-1].replace("_", " ")
        english = data["en"]["time_zones"].get(zone, {}).get("city", from_id)
        french = data["fr"]["time_zones"].get(zone, {}).get("city", from_id)
        concept = Concept(
            f"city-{fold_words(english).replace(' ', '-')}",
            EntityType.LOC,
            english,
            french,
            data["ru"]["time_zones"].get(zone, {}).get("city", ""),
            names_en=tuple(dict.fromkeys((english, from_id))),
            names_fr=(french,),
        )
        _add(index, from_id, concept, city=True)
        for loc in _LOCALES:
            city = data[loc]["time_zones"].get(zone, {}).get("city")
            if city:
                _add(index, city, concept, city=True)


@dataclass(frozen=True)
class _Row:
    """One line of data/exonyms.tsv: a name of a concept, in a language, of a kind."""

    concept_id: str
    type: EntityType
    lang: str
    name: str
    kind: VariantKind


def _names(canonical: str, base: tuple[str, ...], rows: list[_Row], lang: str) -> tuple[str, ...]:
    """A concept's names in `lang`: the canonical one, CLDR's, then the curated list's."""
    return tuple(dict.fromkeys((canonical, *base, *(r.name for r in rows if r.lang == lang))))


def _curated(index: dict[str, list[Concept]], acronyms: dict[str, Concept]) -> None:
    """Bodies, acronyms and historical names from glossary/data/exonyms.tsv."""
    text = resources.files("glossary").joinpath("data/exonyms.tsv").read_text("utf-8")
    rows: dict[str, list[_Row]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            cells = line.split("\t")
            row = _Row(cells[0], EntityType(cells[1]), cells[2], cells[3], VariantKind(cells[4]))
            rows.setdefault(row.concept_id, []).append(row)
    known = {c.concept_id: c for bucket in index.values() for c in bucket}
    for concept_id, group in rows.items():
        canon = {r.lang: r.name for r in reversed(group) if r.kind is VariantKind.CANONICAL}
        base = known.get(concept_id)
        english = canon.get("en", base.english if base else group[0].name)
        french = canon.get("fr", base.french if base else group[0].name)
        concept = Concept(
            concept_id if base else f"list-{concept_id}",
            group[0].type,
            english,
            french,
            base.original if base else "",
            kinds=tuple((r.name, r.kind) for r in group),
            country=base.country if base else False,
            names_en=_names(english, base.names_en if base else (), group, "en"),
            names_fr=_names(french, base.names_fr if base else (), group, "fr"),
        )
        if base is not None:
            # A CLDR territory keeps its names in other languages, now under the richer concept.
            for bucket in index.values():
                bucket[:] = [concept if c is base else c for c in bucket]
        for row in group:
            if row.kind is VariantKind.ACRONYM:
                acronyms[row.name] = concept
                continue
            # The curated entry overrides a CLDR one of the same name (United Kingdom, Britain).
            index[fold_words(row.name)] = [concept]


@functools.lru_cache(maxsize=1)
def exonym_index() -> ExonymIndex:
    """Build the index once; it is read-only afterwards."""
    index: dict[str, list[Concept]] = {}
    acronyms: dict[str, Concept] = {}
    _cldr(index)
    _curated(index, acronyms)
    frozen = {k: tuple(v) for k, v in index.items()}
    return ExonymIndex(frozen, max(len(k.split()) for k in frozen), acronyms)


# Endings a country's or region's name drops before a demonym suffix: Albania/Albanians,
# Belgium/Belgian, Belgique/Belge, Europe/Européens, Italy/Italian, Kenya/Kenyan.
_NAME_ENDINGS = ("ique", "ium", "ia", "ie", "a", "e", "y", "o")
# Demonym suffixes of English and French, folded (Européens -> europ + eens), longest first.
_DEMONYM_ENDINGS = tuple(
    sorted(
        """ians ian eans ean ans an ese ish is i iens ienne iennes ien eens eenne eennes een
        ais aise aises ois oise oises ains aine aines ain es e s""".split(),  # noqa: SIM905
        key=len,
        reverse=True,
    )
)
_BARE_ENDINGS = frozenset({"e", "es", "s"})
_SINGULAR_ENDINGS = frozenset({"is", "ais", "ois"})  # Israelis is plural, but ends like Anglais
# A stem must keep this many letters: "as" of Asia is too short to tell Asians from a name.
_SHORTEST_STEM = 4


@functools.lru_cache(maxsize=1)
def _country_stems() -> tuple[frozenset[str], frozenset[str]]:
    """Country and region names (folded, one word) and the same cut at their ending.

    A whole name takes the longer suffixes only (Iran-ian, Israel-is); the bare e/es/s attach to
    a cut stem (Russ-es, German-s), so that "Frances" is not France's people.
    """
    names: set[str] = set()
    cut: set[str] = set()
    for key, concepts in exonym_index().by_name.items():
        if " " in key or not any(c.country for c in concepts):
            continue
        names.add(key)
        for ending in _NAME_ENDINGS:
            if key.endswith(ending) and len(key) - len(ending) >= _SHORTEST_STEM:
                cut.add(key[: -len(ending)])
                break
    return frozenset(names), frozenset(cut)


@functools.lru_cache(maxsize=100_000)
def demonym(word: str) -> str:
    """ "plural" or "singular" for a nationality or regional word made from a country's name
    (CLDR): Albanians, Européens; Belgian, Français. "" for anything else: the name itself (Iran),
    other words (Christian). French -ais and -ois words count as singular."""
    folded = fold_words(word)
    if " " in folded or lookup(word) is not None:
        return ""
    names, cut = _country_stems()
    if folded.endswith("s") and folded[:-1] in names:
        return ""  # the name with an s (Frances), not its people (Russes)
    for ending in _DEMONYM_ENDINGS:
        stem = folded[: -len(ending)]
        if not folded.endswith(ending) or len(stem) < _SHORTEST_STEM:
            continue
        if stem in cut or (ending not in _BARE_ENDINGS and stem in names):
            plural = ending.endswith("s") and ending not in _SINGULAR_ENDINGS
            return "plural" if plural else "singular"
    return ""


def is_long_form(form: str) -> bool:
    """True for a state's official long name (République d'Afrique du Sud, Republic of Turkey)."""
    return _LONG_FORM.match(fold_words(form)) is not None


# French names a region by a compass adjective or by "de l'Ouest", CLDR both ways (Afrique
# occidentale, Europe de l'Ouest): either form of a known region is the region.
_COMPASS_ADJECTIVES = {
    "occidental": "de l'ouest",
    "oriental": "de l'est",
    "septentrional": "du nord",
    "meridional": "du sud",
}
_COMPASS_PHRASE = re.compile(
    r"^(.+?) (?:(occidental|oriental|septentrional|meridional)(?:e|es|aux)?"
    r"|(de l ?ouest|de l ?est|du nord|du sud))$"
)


def compass_forms(form: str) -> tuple[str, ...]:
    """A French region's other forms by its compass point: Europe de l'Ouest for Europe
    occidentale, Europe occidentale and Europe occidental for Europe de l'Ouest; () for any
    form that names no compass point."""
    match = _COMPASS_PHRASE.match(fold_words(form))
    if match is None:
        return ()
    place, adjective, phrase = match.groups()
    if adjective:
        return (f"{place} {_COMPASS_ADJECTIVES[adjective]}",)
    phrase = phrase.replace("l ", "l'")
    names = [a for a, p in _COMPASS_ADJECTIVES.items() if p == phrase]
    return tuple(f"{place} {a}{e}" for a in names for e in ("e", ""))


def lookup(form: str) -> Concept | None:
    """The known concept a name denotes (Allemagne, Germany, URSS -> one concept each)."""
    return exonym_index().lookup(form)
