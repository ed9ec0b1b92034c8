"""What is text in no language, for every step that must skip it: web addresses."""

from __future__ import annotations

import re

# A web address: with its scheme or www., or a bare domain of the sites news and Telegram dumps
# cite (t.me/..., telegra.ph/..., ria.ru/...) followed by a path.
URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+\.(?:com|org|net|ru|fr|ph|me|io)/\S*", re.I)
