"""Every response carries the site's Content-Security-Policy (tests/e2e/test_content_security_policy.py checks
in Chromium that the pages keep it)."""

import pytest

pytestmark = pytest.mark.django_db

POLICY = ("default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
          "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'")


@pytest.mark.parametrize("path", ["/en/", "/en/commitments/", "/en/accounts/login/", "/api/v1/docs",
                                  "/api/v1/commitments", "/en/commitments/999999/"])
def test_every_response_carries_the_policy(client, path):
    policy = client.get(path)["Content-Security-Policy"]
    assert [directive for directive in POLICY if directive not in policy] == []
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_the_api_documentation_loads_swagger_ui_from_the_site_itself(client):
    page = client.get("/api/v1/docs").content.decode()
    assert '<script src="/static/ninja/swagger-ui-bundle.js">' in page
    assert "cdn" not in page.lower() and "https://" not in page
    assert client.get("/static/ninja/swagger-ui-bundle.js").status_code == 200
