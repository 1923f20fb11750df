"""``python -m thidua_xlsx`` runs the ``thidua`` command."""

from .faces.console import run

run()
