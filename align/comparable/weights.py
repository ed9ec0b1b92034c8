"""Every weight of event pairing in comparable mode, in one place: what each kind of shared
evidence is worth, how much support a link needs, and when two words are cognates. All of them go
into the settings signature of the workbooks' About sheet.
"""

from __future__ import annotations

from align.links import EvidenceKind

# --- event links
# Weight of each kind of shared evidence, before the rarity factor.
WEIGHTS = {
    EvidenceKind.DATE: 4.0,
    EvidenceKind.MONTH: 3.0,
    EvidenceKind.YEAR: 2.0,
    EvidenceKind.DECADE: 1.5,
    EvidenceKind.CENTURY: 1.5,
    EvidenceKind.ORDINAL: 1.5,
    EvidenceKind.NUMBER: 2.0,
    EvidenceKind.NAME: 1.0,
    EvidenceKind.TERM: 1.0,
}
# A day written without its year (le 19 août) against that day in the other text: it may be
# another year's, so it weighs and supports a link as a month does.
YEARLESS_WEIGHT = 3.0
# Weight of a small number (under 10): too common to say much on its own.
SMALL_NUMBER_WEIGHT = 0.5
# A link needs this normalised score and this raw weight of shared evidence.
MIN_SCORE = 0.2
MIN_RAW = 3.0
# A feature in more English sentences than this is not looked up (too common to tell an event,
# and it would make the work quadratic in the length of the documents).
MAX_POSTINGS = 60
# At most this many pieces of evidence are shown with a link.
MAX_EVIDENCE = 8
# Support each piece of evidence lends; a pair needs MIN_SUPPORT: a day and a word, a month and
# a word, three words, a rare name and a word... but never one day, one year, one name or two
# common words alone (calibrated on dev/events and niagara_falls: BENCHMARKS.md, rounds 21, 24).
SUPPORT = {
    EvidenceKind.DATE: 1.5,
    EvidenceKind.MONTH: 1.5,
    EvidenceKind.YEAR: 0.75,
    EvidenceKind.DECADE: 0.75,
    EvidenceKind.CENTURY: 0.75,
    EvidenceKind.ORDINAL: 0.75,
}
YEARLESS_SUPPORT = 1.5
# Support a shared key term lends (a shared name's support is its rarity).
TERM_SUPPORT = 0.75
# ... a matched word that English writes as a name (russe = Russian, moscou = Moscow at the head
# of a French sentence): less than a common name, for the name is counted as well;
NAME_TERM_SUPPORT = 0.375
# ... a title or role (president, minister, leaders: align.comparable.lexicon.TITLES), less: it
# names the same person in every passage of a report;
TITLE_SUPPORT = 0.25
# ... a translation from the lexicon met in one passage of each document (motards = motorcycle,
# voiture = limousine), more than a word of the topic;
RARE_TERM_SUPPORT = 0.875
# ... and a word only loosely like its counterpart (appelé/appeared, confisquer/confirm).
LOOSE_SUPPORT = 0.25
MIN_SUPPORT = 1.75
# A sentence already linked is linked again, to a sentence telling another happening, with
# this much support and a date or number of its own.
SECOND_SUPPORT = 3.0
# A sentence joins its neighbour's link with this much support of its own (one name, one key
# term), up to MAX_PASSAGE sentences a side: an event told in two or three sentences.
JOIN_SUPPORT = 0.5
MAX_PASSAGE = 3
# Names in more than about 1 passage in 50 are common ones (log 50 = 3.9).
COMMON_IDF = 4.0

# --- content words and cognates
# Shorter words are function words (acronyms aside); shorter still, cognates must be identical
# (homme/home, main/man).
MIN_WORD = 4
MIN_FUZZY = 5
# Cognates: similar after accent folding, with a shared start.
COGNATE_SIMILARITY = 0.8
COGNATE_PREFIX = 2
# A looser likeness (mutuelle/mutual) needs a shared start covering most of the shorter word.
LOOSE_SIMILARITY = 0.65
LOOSE_PREFIX = 4
LOOSE_COVER = 0.6
