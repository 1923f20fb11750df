"""``thidua web``: the local page (Starlette, Jinja2), a thin face over the library.

This module loads nothing of the web stack: the command line reads the default folder here
and imports :mod:`.app` only when the page is asked for."""

__all__ = ["DEFAULT_FOLDER"]

DEFAULT_FOLDER = "~/thidua-web"  # the work folder when --folder is not given
