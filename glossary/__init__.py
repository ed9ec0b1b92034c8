"""Names, variants, entities and canonical forms; the workbook and its round trip; checking."""
