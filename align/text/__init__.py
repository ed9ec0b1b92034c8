"""Text in, languages and sentences out: lingua's scores read with the document as context
(`language`), what is text in no language (`noise`), repeated passages set aside (`repeats`),
Punkt's sentences with French and English rules (`sentences`), and the three together
(`analysis`).
"""
