"""robots.txt: crawlers may read every public page; the admin, the account pages, the authoring and moderation
pages and the API's write paths are closed to them; the sitemap index is named."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation

from actionagenda import links

# Pages only a signed-in person can use (each under every language prefix).
PRIVATE = ["admin:index", "account_login", "commitments:start", "commitments:mine", "commitments:moderation",
           "commitments:smart", "consultations:import", "consultations:profile"]
# The API's write-only paths (its read paths are open data; crawlers never send a POST).
API_WRITES = ["/api/v1/commitments/*/reports"]


def private_paths() -> list[str]:
    paths = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for name in PRIVATE:
                path = reverse(name)
                # The account pages are all under the sign-in page's folder (/en/accounts/).
                paths.append(path.rsplit("/", 2)[0] + "/" if name == "account_login" else path)
    return paths


def robots_txt(request):
    lines = ["User-agent: *", "Allow: /"]
    lines += [f"Disallow: {path}" for path in [*private_paths(), *API_WRITES, reverse("set_language")]]
    lines += ["", f"Sitemap: {links.absolute(reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
