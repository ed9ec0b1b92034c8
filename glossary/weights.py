"""Every numeric setting of the glossary side, in one place: when two forms are one entity, when a
capitalised word is a name, and when `check` reports an unknown form. The rules (word lists,
patterns, data tables) stay beside the code that reads them; all of it goes into the settings
signature of the workbooks' About sheet (glossary.signature).
"""

from __future__ import annotations

# --- same entity or not (similarity.py)
# Score from which two forms are taken for the same entity.
SAME_ENTITY = 0.85
# Given names must agree more closely than surnames: Andreï/Anatoli Gromyko are two people.
GIVEN_MIN = 0.85
# A short form (Ignatiev for Alexeï Ignatiev) is a little less certain than a full match.
SHORT_FACTOR = 0.95
# Two spellings of one name differ in length by at most this ratio (shorter / longer).
LENGTH_RATIO = 0.75
# One slip is a misspelling only in a word of this length (Busch/Bush); in shorter words it is
# another name as often as not (Chen/Chan, Kim/Kin, Lien/Lion).
ONE_SLIP_LENGTH = 5
# Two slips are a misspelling only in a word long enough to carry them (Bartoux, not Mira/Mark).
TWO_SLIPS_LENGTH = 6

# --- grouping forms into entities (cluster.py)
# Within a block, each name is compared with this many neighbours in key order (sorted
# neighbourhood), so a block of common surnames costs linear time, not quadratic.
WINDOW = 8
# A bare surname looks at no more than this many full names sharing its skeleton.
MAX_CANDIDATES = 32

# --- names in passages (mentions/)
# Shorter words with those endings are names as often as not (Ian, Eric).
SHORTEST_ADJECTIVE = 5

# A line with this share of capitalised words is a title or heading: its capitals prove nothing.
TITLE_LINE_SHARE = 0.6

# --- align check (check/)
# Below this similarity an unknown form is not reported as a misspelling of a known one.
MIN_CONFIDENCE = 0.85
# A short form before the entity's full name: the entity is likely, not certain.
SHORT_CONFIDENCE = 0.9

# Acronyms up to this length must be in capitals; longer ones may be title case (Otan, Unesco).
SHORT_ACRONYM = 3

# Words shorter than this get no deletion neighbourhood: it would match half the glossary.
MIN_DELETION_WORD = 5

# Unknown capitalised runs of up to this many words are matched fuzzily, with at most one edit
# per word up to SHORT_WORD letters and MAX_EDITS beyond; runs of fewer letters than MIN_LETTERS
# are not tried. A fuzzy match is never quite certain: its confidence stops at FUZZY_CEILING.
MAX_RUN = 6
MAX_EDITS = 2
SHORT_WORD = 5
FUZZY_CEILING = 0.99
MIN_LETTERS = 4

# --- names that translate each other over parallel links (cooccurrence.py)
# Dice score over linked sentence pairs from which a French and an English name are one entity,
# when each is the other's unambiguous best. Two names with a shared spelling (alike: word
# similarity from LINK_ALIKE, or an acronym inside the other) need LINK_MIN_TOGETHER links;
# two that share nothing (Pékin, Beijing) must recur in LINK_MIN_TOGETHER_UNLIKE links, unless they
# are of one type and the only names left in a link (Moyen-Orient, Middle East).
LINK_MIN_DICE = 0.5
# Such a lone pair met once must also be met mostly together: a name seen elsewhere without the
# other (Porsche in three English sentences, Mercedes in one French one: the finder missed the
# French Porsche and the English Mercedes) is more likely a missed mention than a rendering.
LINK_MIN_DICE_LONE = 0.6
LINK_MIN_TOGETHER = 1
LINK_MIN_TOGETHER_UNLIKE = 2
LINK_ALIKE = 0.65
# Rounds of competitive linking: a pair linked in one round leaves the counts of the next.
LINK_ROUNDS = 4
# Whole forms this alike through their transliteration keys (rapidfuzz Indel) are two spellings
# of one name (Al-Kaïda, al-Qaeda: .875), not a name and a longer one (Eurocup, Europe: .77).
LINK_SPELT = 0.8
