"""The ranked summary workbook."""
