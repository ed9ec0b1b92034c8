"""align-glossary: French-English alignment and a bilingual glossary of proper names."""

__version__ = "0.1.0"
