"""API tokens as stored: a hash and a prefix, never the secret."""

from ambitionsgraf.api.models import ApiToken, Scope
from ambitionsgraf.lib.tokens import token_hash


def test_only_the_hash_and_a_prefix_are_stored(org_a):
    token, secret = ApiToken.issue(organisation=org_a, name="Program", scope=Scope.READ)

    assert secret.startswith("ag_") and len(secret) > 30
    assert token.token_hash == token_hash(secret)
    assert token.prefix == secret[:9]
    row = ApiToken.objects.filter(pk=token.pk).values().get()
    assert not any(secret in str(value) for value in row.values())


def test_a_token_is_found_by_its_secret_only(org_a):
    token, secret = ApiToken.issue(organisation=org_a, name="Program", scope=Scope.READ)

    assert ApiToken.find(secret) == token
    assert ApiToken.find(secret[:-1]) is None
    assert ApiToken.find(token.token_hash) is None
    assert ApiToken.find("") is None


def test_two_tokens_never_share_a_secret(org_a):
    secrets = {
        ApiToken.issue(organisation=org_a, name=str(n), scope=Scope.READ)[1] for n in range(20)
    }

    assert len(secrets) == 20


def test_revoke_happens_once(org_a):
    token, _secret = ApiToken.issue(organisation=org_a, name="Program", scope=Scope.READ_WRITE)

    assert token.revoke() is True
    assert token.revoke() is False
    assert not ApiToken.objects.active().exists()
