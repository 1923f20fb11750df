"""The pure core: the campaign model, exact scoring, ranking, submissions and the result types. It
imports no spreadsheet library (checked by import-linter and tests/test_layers.py).
"""
