"""What `align run` and `align pair` write for people and CAT tools: one row per link (`rows`),
alignment.tmx (`tmx`) and the review workbook alignment.xlsx (`review`).
"""
