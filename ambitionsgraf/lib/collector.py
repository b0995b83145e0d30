"""Keeping Python's cyclic garbage collector out of a page that builds many objects at once.

The national picture makes some 900,000 objects per request (a unit per round of the
country, its mappings, the figures). Reference counting frees them when the page is done;
they are not cycles. The collector still walks them while they live: on the full data set
about 150 young and a dozen middle collections and one full collection per request, some
30 ms of a page of 200, to free a few dozen objects. ``paused()`` switches it off while such
a page is made; the little cyclic garbage it leaves goes at the next collection after it.
"""

import gc
from contextlib import contextmanager


@contextmanager
def paused():
    """The collector off for the block (or the decorated view), and on again after it, error
    or not, if it was on before. The switch is process-wide: in a threaded server another
    thread's block may end the pause early, which costs time, never memory or correctness."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
