"""Every error has the same JSON body, {"error": {"code", "message", "details"}}, in English."""

import json

import pytest

from ambitionsgraf.api.testing import bearer


def error(response) -> dict:
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "details"}
    return body["error"]


def test_401_without_a_token_says_how_to_send_one(client, org_a):
    response = client.get(f"/api/v1/organisations/{org_a.code}")

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert error(response)["code"] == "not_authenticated"
    assert "Authorization: Bearer" in error(response)["message"]


@pytest.mark.parametrize(
    "header", ["Bearer", "Bearer ag_wrong", "Token ag_x", "Basic YTpi", "Bearer " + "x" * 500]
)
def test_401_for_a_wrong_token_or_scheme(client, org_a, header):
    response = client.get(f"/api/v1/organisations/{org_a.code}", HTTP_AUTHORIZATION=header)

    assert response.status_code == 401
    assert error(response)["code"] == "not_authenticated"


def test_401_for_a_revoked_token_says_it_is_revoked(client, org_a, token_a):
    token, secret = token_a
    token.revoke()

    response = client.get(f"/api/v1/organisations/{org_a.code}", **bearer(secret))

    assert response.status_code == 401
    assert error(response) == {
        "code": "token_revoked",
        "message": "This API token is revoked.",
        "details": None,
    }


def test_404_for_an_unknown_address_or_object(client, org_a, token_a):
    for path in ("/api/v1/nothing/here", f"/api/v1/organisations/{org_a.code}/rounds/nosuchround"):
        response = client.get(path, **bearer(token_a[1]))
        assert response.status_code == 404
        assert error(response) == {"code": "not_found", "message": "Not found.", "details": None}


def test_405_for_a_wrong_method_keeps_the_allow_header(client):
    response = client.delete("/api/v1/model-versions")

    assert response.status_code == 405
    assert response["Allow"] == "GET"
    assert error(response)["code"] == "method_not_allowed"


def test_422_lists_where_and_what(client, model_version):
    response = client.get("/api/v1/model-versions/ambitionsgraf/notanumber")

    assert response.status_code == 422
    (detail,) = error(response)["details"]
    assert detail["location"] == ["path", "version"]
    assert detail["message"] and detail["type"]


def test_a_path_code_with_odd_characters_is_422_before_any_query(client, org_a, token_a):
    response = client.get(f"/api/v1/organisations/{org_a.code}/rounds/%00x", **bearer(token_a[1]))

    assert response.status_code == 422


def test_500_is_logged_and_tells_nothing_of_the_cause(
    client, org_a, round_a, token_a, monkeypatch, caplog
):
    def broken(round_):
        raise RuntimeError("secret internals")

    monkeypatch.setattr("ambitionsgraf.api.operations.organisation.load_round", broken)

    response = client.get(
        f"/api/v1/organisations/{org_a.code}/rounds/{round_a.code}/results", **bearer(token_a[1])
    )

    assert response.status_code == 500
    assert error(response)["code"] == "server_error"
    assert "secret internals" not in response.content.decode()
    assert "secret internals" in caplog.text


def test_errors_are_english_on_a_swedish_request(client, org_a):
    response = client.get(f"/api/v1/organisations/{org_a.code}", HTTP_ACCEPT_LANGUAGE="sv")

    assert "A valid API token is needed" in error(response)["message"]


def test_the_index_points_to_the_schema_and_the_docs(client):
    body = client.get("/api/v1/").json()

    assert body == {
        "openapi": "http://testserver/api/v1/openapi.json",
        "docs": "http://testserver/api/v1/docs",
    }


def test_the_schema_documents_the_error_body_and_the_token(client):
    schema = client.get("/api/v1/openapi.json").json()

    assert schema["openapi"].startswith("3.")
    assert "ErrorBody" in schema["components"]["schemas"]
    assert schema["components"]["securitySchemes"]["TokenAuth"] == {
        "type": "http",
        "scheme": "bearer",
    }
    invite = schema["paths"]["/api/v1/organisations/{code}/rounds/{round_code}/respondents"]["post"]
    assert set(invite["responses"]) >= {"201", "401", "403", "404", "409", "422", "429"}
    assert json.dumps(invite["responses"]["403"]).count("ErrorBody") == 1
