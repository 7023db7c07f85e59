"""The ``actorgraph`` command line: a thin shell over library functions.

Each command module registers its sub-commands with :func:`register`; the work itself is done by
functions in ``graph``, ``queries`` and ``loaders`` that the tests call directly.
"""
