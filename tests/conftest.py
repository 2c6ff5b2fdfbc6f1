import pytest


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path):
    """Uploads go to a temporary folder; the cache (rate limits, facet bitmaps) starts empty; every test starts
    in English, whatever language an earlier request left active in this thread."""
    from django.core.cache import cache
    from django.utils import translation

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.ACTIONAGENDA_ASSISTANT_FIT = tmp_path / "assistant-fit.npz"  # weights the worker refits, per test
    # Secretariat accounts made by the tests have no second factor; tests/accounts/test_secretariat_mfa.py
    # checks the requirement itself.
    settings.ACTIONAGENDA_SECRETARIAT_MFA = False
    cache.clear()
    translation.activate("en")
    yield
    translation.deactivate()
    cache.clear()
