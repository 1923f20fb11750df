"""The campaign definition: the workbook format, its loader, its writer and its text view (`thidua
show`).
"""
