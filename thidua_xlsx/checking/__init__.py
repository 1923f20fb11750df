"""Checking returned files: one file against the campaign, and a whole inbox (contained, in
parallel).
"""
