"""``python -m thidua_xlsx`` runs the ``thidua`` command."""

from .console import run

run()
