from django.conf import settings


def site(request):
    """Values every page needs: the public address (for share links and Open Graph tags)."""
    return {"SITE_URL": settings.SITE_URL}
