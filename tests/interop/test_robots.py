"""robots.txt: public pages open to crawlers, the admin, accounts and authoring pages and the API's write
paths closed, the sitemap named at the public address."""

from django.test import override_settings


@override_settings(SITE_URL="https://commitments.example.org")
def test_robots_txt_closes_private_paths_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[:2] == ["User-agent: *", "Allow: /"]
    disallowed = {line.removeprefix("Disallow: ") for line in lines if line.startswith("Disallow: ")}
    for code in ("en", "fr", "es"):
        assert {f"/{code}/admin/", f"/{code}/accounts/", f"/{code}/commitments/new/",
                f"/{code}/commitments/moderation/"} <= disallowed
    assert "/api/v1/commitments/*/reports" in disallowed
    # The public pages stay open: nothing closes explore, a commitment, events or consultations.
    assert not [path for path in disallowed if path in ("/", "/en/", "/en/commitments/", "/en/events/")]
    assert "Sitemap: https://commitments.example.org/sitemap.xml" in lines
