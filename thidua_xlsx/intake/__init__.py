"""Reading returned files: the only place that opens them and imports a reading backend (python-
calamine, xlrd, defusedxml).
"""
