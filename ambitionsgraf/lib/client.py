"""The client's IP address, read one way for the rate limits and the audit log."""

import ipaddress

from ninja.throttling import BaseThrottle


def address(request) -> str | None:
    """The connection's address, or, with settings.NINJA_NUM_PROXIES (the NUM_PROXIES variable)
    proxies in front, the one the nearest of them saw (django-ninja's reading of
    X-Forwarded-For, which the rate limits count). None if that is not an IP address: a
    header a misconfigured proxy passed on from the client is never stored as one."""
    found = BaseThrottle().get_ident(request) or ""
    try:
        return str(ipaddress.ip_address(found.strip()))
    except ValueError:
        return None
