"""The client's IP address, read one way for the rate limits and the audit log, and what the
rate limits count it as."""

import ipaddress

from ninja.throttling import BaseThrottle


def _ident(request) -> str:
    """The address as the rate limits read it (django-ninja's reading of X-Forwarded-For)."""
    return (BaseThrottle().get_ident(request) or "").strip()


def _ip(found: str):
    try:
        return ipaddress.ip_address(found)
    except ValueError:
        return None


def address(request) -> str | None:
    """The connection's address, or, with settings.NINJA_NUM_PROXIES (the NUM_PROXIES variable)
    proxies in front, the one the nearest of them saw. None if that is not an IP address: a
    header a misconfigured proxy passed on from the client is never stored as one."""
    ip = _ip(_ident(request))
    return None if ip is None else str(ip)


def counted_as(request) -> str:
    """What the rate limits count the client as: an IPv4 address as it is; an IPv6 address as
    its /64 network, since one home or office is given a whole /64 and could otherwise count
    afresh from each of its 2**64 addresses; anything else (a misconfigured proxy's header)
    as the text itself."""
    found = _ident(request)
    ip = _ip(found)
    if ip is None:
        return found or "unknown"
    if ip.version == 6 and ip.ipv4_mapped:
        return str(ip.ipv4_mapped)
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)
