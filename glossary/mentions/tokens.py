"""Word tokens of a passage for name finding: elisions split off, hashtags and starts marked."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from glossary.text import APOSTROPHES, ELISIONS, PARTICLES

# A name with its edition's year or number, joined by a hyphen: Euro-2004, JO-92, Mondial-82.
# An elided article may stand before it (l'Euro-2004): the elision is split off below.
_EDITION = r"(?:[^\W\d_]['’])?[^\W\d_a-z][^\W\d_]*[-‐](?:\d{4}|\d{2})(?![-‐]?\w)"
# One capital and a number make the name of a model, a group or a road (Gulfstream G550, G20,
# A1 Moto); two capitals and a number are a formula or a code more often (CO2, S2CID).
_LETTER_NUMBER = r"(?<![\w.,:/‐-])[^\W\d_a-z]\d{1,4}(?![\w‐-]|[.,:/]\d)"
# A word, or capitals with dots: an acronym (U.S., R.I.I.A., and U.E without its last dot,
# after an elided article maybe: l'U.E.) or a middle initial (Franklin D.); a company's suffix
# (Occidental Petroleum Inc.) or a place's (St. Petersburg) keeps its dot.
_ELIDED = r"(?:(?i:l|d|qu)['’])?"
_DOTTED = rf"{_ELIDED}(?:(?:[^\W\d_a-z]\.){{2,}}|(?:[^\W\d_a-z]\.)+[^\W\d_a-z](?![^\W_]))"
_TOKEN = re.compile(
    rf"{_EDITION}|{_LETTER_NUMBER}|{_DOTTED}|[^\W\d_a-z]\.(?= [^\W\d_a-z])"
    r"|(?:Inc|Corp|Ltd|Co|St|Mt)\.(?=[ ,;:)])"
    r"|[^\W\d_]+(?:[-‐'’][^\W\d_]+)*",
    re.UNICODE,
)
# French elided articles and pronouns before a vowel: l'URSS, d'Arabie, qu'Ignatiev.
_ELISION = re.compile(
    f"(?i)^(?:{'|'.join(sorted(ELISIONS, key=lambda w: (-len(w), w)))})[{APOSTROPHES}]"
)
_POSSESSIVE = re.compile(r"['’]s$")
# A gap of spaces, commas and digits continues a sentence (the 2012 Nuclear Security Summit);
# anything else (. : « emoji newline) starts one.
# An opening bracket does too: "(World Cup 82 in Spain", "(Quatar, Australia)".
_CONTINUES = re.compile(r"[ \t\u00a0,\d]*(?:\([ \t\u00a0]*)?")
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|as|ash|an|ar|at|az)-(?=\w)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a passage with its local offsets and what its surroundings say about it.

    Slotted: the name finder holds every word of the corpus at once (1.4 million at 1,000
    documents), and slots take a third less memory per word."""

    text: str
    start: int
    end: int
    initial: bool
    hashtag: bool
    gap_before: str
    glued: bool = False

    @property
    def capitalised(self) -> bool:
        """Starts with an upper-case letter, or is an Arabic-article name (al-Assad)."""
        return _capitalised(self.text)

    @property
    def compound(self) -> bool:
        """Words joined by a hyphen (Nazi-Soviet, US-backed); an Arabic article and its name
        (al-Qaeda, el-Sisi) are one word."""
        return "-" in _ARABIC_ARTICLE.sub("", self.text, count=1)

    @property
    def acronym(self) -> bool:
        """Two or more letters, all upper case (URSS, NATO)."""
        return _acronym(self.text)

    @property
    def model_number(self) -> bool:
        """One capital and a number: a model's, a group's or a road's name (G550, G20, A1)."""
        return len(self.text) >= 2 and self.text[0].isupper() and self.text[1:].isdigit()

    @property
    def initial_letter(self) -> bool:
        """A capital and a dot: a middle initial (the D. of Franklin D. Roosevelt)."""
        return len(self.text) == 2 and self.text[1] == "." and self.text[0].isupper()

    @property
    def particle(self) -> bool:
        """A lower-case name particle (de, von, bin) or an elided d'."""
        return _particle(self.text)


# What a token's properties say depends on its word alone, and the finder asks them of every
# word many times over (a Token is slotted: no room to keep them on it); so kept per word.
@functools.lru_cache(maxsize=400_000)
def _capitalised(word: str) -> bool:
    return word[:1].isupper() or bool(_ARABIC_ARTICLE.match(word))


@functools.lru_cache(maxsize=400_000)
def _acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@functools.lru_cache(maxsize=400_000)
def _particle(word: str) -> bool:
    return word.lower().rstrip(APOSTROPHES) in PARTICLES


def _glued(text: str, start: int, end: int) -> bool:
    """Stuck to digits or dots: file names and identifiers (01.JPG, S2CID), not words."""
    before = text[start - 2 : start] if start >= 2 else " " + text[:start]
    after = text[end : end + 2]
    return (
        before[-1:].isalnum()
        or after[:1].isdigit()
        or (after[:1] == "-" and after[1:2].isdigit())
        or (after[:1] == "." and after[1:2].isalnum())
        or (before[-1:] == "." and before[:1].isalnum())
    )


def tokenize(text: str) -> list[Token]:
    """Words of `text` in order; elided articles become their own tokens."""
    tokens: list[Token] = []
    prev_end = 0
    for match in _TOKEN.finditer(text):
        start, word = match.start(), match.group()
        gap = text[prev_end:start]
        hashtag = gap.endswith("#") or gap.endswith("@")
        initial = not tokens or not _CONTINUES.fullmatch(gap)
        elided = _ELISION.match(word)
        if elided and len(word) > elided.end():
            cut = elided.end()
            tokens.append(Token(word[:cut], start, start + cut, initial, hashtag, gap))
            start, word, gap, initial = start + cut, word[cut:], "", False
        possessive = _POSSESSIVE.search(word)
        if possessive:
            word = word[: possessive.start()]
        end = start + len(word)
        tokens.append(Token(word, start, end, initial, hashtag, gap, _glued(text, start, end)))
        prev_end = match.end()
    return tokens
