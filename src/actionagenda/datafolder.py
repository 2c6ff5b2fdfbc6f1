"""The embedded run's data folder (ACTIONAGENDA_DATA_DIR, default `./data`) and the secret key kept in it.

Reading the settings never writes to disk. The commands that run the site (`demo`, `serve`, `migrate`) call
`prepare()` before the settings are read: it creates the folder (the SQLite database lives there) and, unless
SECRET_KEY is set, a secret key kept there so that sessions survive restarts.
"""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

SECRET_KEY_FILE = "secret_key"


def location() -> Path:
    return Path(os.environ.get("ACTIONAGENDA_DATA_DIR") or Path.cwd() / "data").resolve()


def read_secret_key(folder: Path) -> str:
    """The key `prepare()` made in `folder`, or "" when there is none yet."""
    try:
        return (folder / SECRET_KEY_FILE).read_text().strip()
    except FileNotFoundError:
        return ""


def prepare() -> Path:
    """Create the data folder and, unless SECRET_KEY is set, its secret key (kept when it exists)."""
    folder = location()
    folder.mkdir(parents=True, exist_ok=True)
    if not os.environ.get("SECRET_KEY"):
        try:
            # Created readable by its owner only, and never overwritten by a second command starting at once.
            handle = os.open(folder / SECRET_KEY_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return folder
        with os.fdopen(handle, "w") as key_file:
            key_file.write(secrets.token_urlsafe(50))
    return folder


def require_secret_key() -> None:
    """Stop a web process at start, saying what to do, when it has no secret key (rather than fail each request)."""
    try:
        settings.SECRET_KEY  # noqa: B018 (Django refuses an empty key when it is read)
    except ImproperlyConfigured as missing:
        raise ImproperlyConfigured(
            f"No secret key: set SECRET_KEY, or run `actionagenda migrate` (or `demo`, `serve`) once to generate "
            f"one in {location()}.") from missing
