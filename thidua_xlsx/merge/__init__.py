"""The use cases after the check: ranking the units (`merge --mode rank`) and composing sectors
into a parent's card (`--mode compose`).
"""
