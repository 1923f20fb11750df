"""How work runs and lands: contained reader workers, the bulk-run context, atomic outputs and the
output guard.
"""
