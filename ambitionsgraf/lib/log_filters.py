"""Keep the secrets that travel in an address's path out of the log.

A personal link (``/r/<token>/``), an invitation (``/invitation/<token>/``) and a password
reset link carry the key itself: whoever reads it in a log can open the respondent's answers or
join the organisation. Django logs the path of every answer from 400 up (a refused form, a
closed round, a link not found), so every record that reaches the log's handler passes here
first and the key becomes "[key]"."""

import logging
import re

_KEY_IN_PATH = re.compile(r"(/(?:r|invitation)/|/password/reset/[^/\s]+/)[^/\s?\"']+")


def without_keys(text: str) -> str:
    return _KEY_IN_PATH.sub(r"\1[key]", text)


class HideKeysInPaths(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        hidden = without_keys(message)
        if hidden != message:
            record.msg, record.args = hidden, ()
        return True
