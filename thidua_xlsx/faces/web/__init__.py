"""``thidua web``: the local page (Starlette, Jinja2), a thin face over the library."""
