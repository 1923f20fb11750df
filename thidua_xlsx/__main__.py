"""``python -m thidua_xlsx`` runs the ``thidua`` command."""

from .cli import run

run()
