"""Helpers for the immutable values of the MRZ core."""


def fast_new(cls, **values):
    """Make a frozen dataclass instance without running its ``__init__``.

    The parser builds tens of thousands of documents a second, and a frozen
    dataclass's ``__init__`` sets each field through ``object.__setattr__``;
    filling the instance dictionary at once is twice as fast. Every field
    must be given: nothing checks it here.
    """
    obj = object.__new__(cls)
    obj.__dict__.update(values)
    return obj
