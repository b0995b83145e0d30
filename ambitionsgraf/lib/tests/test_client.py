"""What the rate limits count a client as (lib.client.counted_as)."""

import pytest
from django.test import RequestFactory

from ambitionsgraf.lib import client


@pytest.mark.parametrize(
    "address, counted",
    [
        ("198.51.100.7", "198.51.100.7"),
        ("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"),
        ("2001:DB8:1:2::1", "2001:db8:1:2::/64"),
        ("::ffff:198.51.100.7", "198.51.100.7"),
        ("not an address", "not an address"),
        ("", "unknown"),
    ],
)
def test_a_client_is_counted_as_its_ipv4_address_or_ipv6_64_network(address, counted):
    assert client.counted_as(RequestFactory().get("/", REMOTE_ADDR=address)) == counted


def test_behind_a_proxy_the_forwarded_ipv6_address_counts_as_its_network(settings):
    settings.NINJA_NUM_PROXIES = 1
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="2001:db8:5:6::9"
    )
    assert client.counted_as(request) == "2001:db8:5:6::/64"
