"""What the rounds tell the apps built on them.

``rounds_closed`` is sent once a closing is committed, with the rounds that closed
(``rounds=[Round, ...]``); ``results`` keeps their summaries then. Receivers are called robustly:
one that fails is logged and never undoes the closing.
"""

from django.dispatch import Signal

rounds_closed = Signal()
