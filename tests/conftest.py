import secrets

import pytest
from django.conf import settings as django_settings


def pytest_configure(config):
    # The suite signs with a key of its own: it needs no data folder, and writes none.
    django_settings.SECRET_KEY = "tests-" + secrets.token_urlsafe(32)


@pytest.fixture(autouse=True, scope="session")
def _static_files_listed_once():
    """WhiteNoise lists every static file (some 450 with the admin's) and reads its metadata each time a middleware
    chain is built, and the test client builds one per Client, several hundred a run at about 16 ms of CPU each:
    list them once per process for each set of settings that decides what is served, and how."""
    from whitenoise.middleware import WhiteNoiseMiddleware

    list_files = WhiteNoiseMiddleware.add_files_from_finders
    listed = {}

    def add_files_from_finders(middleware):
        key = repr([(name, getattr(django_settings, name)) for name in dir(django_settings)
                    if name.startswith("WHITENOISE_") or name in
                    ("DEBUG", "STATIC_URL", "STATICFILES_DIRS", "STATICFILES_FINDERS", "INSTALLED_APPS")])
        if key not in listed:
            list_files(middleware)
            listed[key] = dict(middleware.files)
        middleware.files.update(listed[key])

    WhiteNoiseMiddleware.add_files_from_finders = add_files_from_finders
    yield
    WhiteNoiseMiddleware.add_files_from_finders = list_files


@pytest.fixture(autouse=True)
def _isolated(request, settings, tmp_path):
    """Uploads go to a temporary folder; passwords are hashed fast; the caches (rate limits in a database table,
    facet bitmaps in memory) start empty; every test starts in English, whatever language an earlier request left
    active in this thread."""
    from django.core.cache import cache, caches
    from django.utils import translation

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.ACTIONAGENDA_ASSISTANT_FIT = tmp_path / "assistant-fit.npz"  # weights the worker refits, per test
    # The real hasher takes a noticeable part of a second per password, and the tests make hundreds of users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Secretariat accounts made by the tests have no second factor; tests/accounts/test_secretariat_mfa.py
    # checks the requirement itself.
    settings.ACTIONAGENDA_SECRETARIAT_MFA = False
    # The cache lives in the database: only a test that may use the database can (or needs to) empty it. A test
    # in a transaction leaves it as it found it; a transactional one, whose tables are flushed, does not.
    uses_db = bool(request.node.get_closest_marker("django_db")
                   or {"db", "transactional_db", "live_server"} & set(request.fixturenames))
    if uses_db:
        request.getfixturevalue("_django_db_helper")
        cache.clear()
    caches["index"].clear()
    translation.activate("en")
    yield
    translation.deactivate()
    caches["index"].clear()
    if uses_db:
        cache.clear()


@pytest.fixture
def run_worker():
    """Run, in the test, the tasks web requests queued for `actionagenda worker` (the database queue), as its
    worker would; returns how many ran."""
    from django.conf import settings
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    backend = settings.ACTIONAGENDA_QUEUED_TASKS

    def run() -> int:
        worker = Worker(queue_names=["*"], interval=0, batch=True, backend_name=backend, startup_delay=False,
                        max_tasks=None, worker_id="tests", excluded_queue_names=[])
        count = 0
        while (queued := DBTaskResult.objects.ready().filter(backend_name=backend).first()) is not None:
            queued.claim(worker.worker_id)
            worker.run_task(queued)
            count += 1
        return count

    return run


@pytest.fixture(autouse=True)
def _rate_limit_clock(monkeypatch):
    """Rate-limit windows are aligned to the clock: a test whose requests straddled a minute would start a new
    window halfway and see its limit reset. Their clock stands still at one second into the day."""
    import time
    import types

    from actionagenda import ratelimits

    start = time.time() // 86400 * 86400 + 1
    monkeypatch.setattr(ratelimits, "time", types.SimpleNamespace(time=lambda: start))


@pytest.fixture
def author(db):
    """A signed-up author (password `factories.PASSWORD`); a module that needs them signed in says so with
    `def author(client, author)`."""
    from factories import UserFactory  # conftest is read before Django is set up: models load later

    return UserFactory(email="author@example.org", name="Wanjiku Kamau")


@pytest.fixture
def secretariat(db):
    """A secretariat member (Secretariat group, verified address, password `factories.PASSWORD`); a module that
    needs them signed in says so with `def secretariat(client, secretariat)`."""
    from actionagenda.accounts.services import make_secretariat
    from factories import PASSWORD

    return make_secretariat("sec@example.org", password=PASSWORD)[0]
