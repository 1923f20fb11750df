"""The units a summary carries to the level above: its hidden data sheets, the codec of their
text, and the carried unit decoded from a row.
"""
