"""What is text in no language, for every step that must skip it: web addresses, tags, Telegram's
item markers and interface lines, and lines with no words."""

from __future__ import annotations

import re

# A web address: with its scheme or www., or a bare domain of the sites news and Telegram dumps
# cite (t.me/..., telegra.ph/..., ria.ru/...) followed by a path.
URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+\.(?:com|org|net|ru|fr|ph|me|io)/\S*", re.I)
# Hashtags and mentions (#RussieAfrique, @mid_rf).
TAG = re.compile(r"[#@]\w+")
# Emoji and pictographs and flags (regional indicators): a Telegram post starts its items with
# them. MARKER_CHARS adds the arrows, joiners and selectors that decorate them.
PICTOGRAPHS = "\U0001f300-\U0001faff\u2600-\u27bf\u2b00-\u2bff\U0001f1e6-\U0001f1ff"
MARKER_CHARS = PICTOGRAPHS + "\u2190-\u21ff\u2300-\u23ff\u200d\ufe0f\ufe0e\u20e3\u2049\u203c"
# Telegram's interface text, copied into dumps: not part of any post.
INTERFACE_LINES = frozenset(
    {
        "view in telegram",
        "please open telegram to view this post",
        "media is too big",
        "this media is not supported in your browser",
        "show more",
    }
)
_LETTER = re.compile(r"[^\W\d_]")
# What every match of URL or TAG holds: a text without any is left as it is by both.
_ADDRESS_MARK = re.compile(r"[/#@]|www\.", re.I)


def without_addresses(text: str) -> str:
    """`text` with its URLs and tags replaced by spaces (one scan when it has none)."""
    if _ADDRESS_MARK.search(text) is None:
        return text
    return TAG.sub(" ", URL.sub(" ", text))


def is_noise(text: str) -> bool:
    """True for material with no language: counters, URLs, numbers, tags, rules, Telegram chrome."""
    if " ".join(text.split()).casefold() in INTERFACE_LINES:
        return True
    # Fewer than two letters outside addresses: two searches rather than a list of every letter.
    words = without_addresses(text)
    first = _LETTER.search(words)
    return first is None or _LETTER.search(words, first.end()) is None
