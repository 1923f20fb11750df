"""The unit's scorecard: its layout (cells and formulas), its writer, the blank cards per unit and
the feedback copies.
"""
