"""The site's icon: every page names it, and /favicon.ico (asked for where nothing names one) leads to it."""

import pytest

from factories import CommitmentFactory

pytestmark = pytest.mark.django_db

ICON = '<link rel="icon" href="/static/actionagenda/favicon.svg" type="image/svg+xml">'


def test_favicon_ico_leads_to_the_sites_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == "/static/actionagenda/favicon.svg"
    icon = client.get(response["Location"])
    assert icon.status_code == 200 and icon["Content-Type"] == "image/svg+xml"
    assert b"<svg" in b"".join(icon.streaming_content)


@pytest.mark.parametrize("path", ["/en/", "/fr/commitments/", "/en/accounts/login/", "/en/commitments/999999/",
                                  "/api/v1/docs"])
def test_pages_name_the_icon(client, path):
    assert ICON in client.get(path).content.decode()


def test_a_detail_page_names_the_icon(client):
    assert ICON in client.get(CommitmentFactory().get_absolute_url()).content.decode()


def test_the_server_error_page_names_the_icon(settings):
    assert ICON in (settings.PACKAGE_DIR / "templates" / "500.html").read_text()
