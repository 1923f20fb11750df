"""The trend workbook (``thidua trend``): units over periods, with XlsxWriter."""
