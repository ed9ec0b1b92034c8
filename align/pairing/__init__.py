"""Which documents go together and how: French documents paired with the English ones that share
their events (`documents`), a text and its translation told from separate reports (`mode`), and
one pair aligned in its mode (`pair`). The weights are in `weights`.
"""
