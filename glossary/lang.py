"""The languages the tool tells apart: a module of its own, so that what only needs a language
(the aligner, `align pair --presplit`) does not define the glossary's types (`glossary.model`)."""

from __future__ import annotations

from enum import StrEnum


class Lang(StrEnum):
    """A language the tool recognises (ISO 639-1), or `und`: no language (noise, numbers, URLs)
    or too little text to tell. French and English are aligned; the others are set aside."""

    EN = "en"
    FR = "fr"
    DE = "de"
    NL = "nl"
    ES = "es"
    IT = "it"
    PT = "pt"
    PL = "pl"
    RU = "ru"
    UK = "uk"
    BE = "be"
    CS = "cs"
    SV = "sv"
    RO = "ro"
    EL = "el"
    UND = "und"
