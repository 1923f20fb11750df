"""One home for the words people read: the issue catalogue and the exception and interface texts,
each in Vietnamese and English.
"""
