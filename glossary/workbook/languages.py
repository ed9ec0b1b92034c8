"""The `lang` cell of a Variants row as a person types it: "FR ", "Français", "English", "fr-CA".

What is unambiguous becomes the code the tool writes (ISO 639-1, as in glossary.model.Lang):
case and spaces, a region or script after the code ("fr-CA", "en_GB"), and the name of one
of the tool's languages in French, in English or in that language itself (CLDR's names, from
babel), accents optional ("francais"). Anything else is not read as a language: the parser
keeps the cell as typed and warns, and the tool uses its own value until a person corrects it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from glossary.model import Lang

_SUBTAG = re.compile(r"[-_ ]")


def accepted_langs() -> str:
    """The values a `lang` cell may hold, as a warning names them."""
    codes = ", ".join(m.value for m in Lang)
    return f"{codes}, or a language's name such as français or English"


def lang_code(typed: str) -> str | None:
    """The code `typed` stands for, or None when it names none of the tool's languages."""
    key = _key(typed)
    if not key:
        return None
    if key in _codes():
        return key  # the cell as the tool writes it: no need to load CLDR's names
    found = _names().get(key)
    if found is not None:
        return found
    # A code with a region or a script after it: fr-CA, en_GB, sr-Latn.
    head = _SUBTAG.split(key, 1)[0]
    if head != key and head in _codes():
        return head
    return None


def _key(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", " ".join(text.split()).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def _codes() -> frozenset[str]:
    return frozenset(m.value for m in Lang)


@cache
def _names() -> dict[str, str]:
    """Every accepted spelling (as `_key` makes it) to its code."""
    from babel import Locale, UnknownLocaleError

    names = {code: code for code in _codes()}
    for code in _codes() - {Lang.UND.value}:
        for where in ("fr", "en", code):
            try:
                name = Locale.parse(where).languages.get(code)
            except (UnknownLocaleError, ValueError):
                continue
            if name:
                names.setdefault(_key(name), code)
    return names
