"""Site profiles: page classes that override only the generic page's fields a layout needs.

A profile is used by naming it in a publisher (``extractors/publishers/<country>/<name>.py``); the
profiles import nothing of the registry.
"""
