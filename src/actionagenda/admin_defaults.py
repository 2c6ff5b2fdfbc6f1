"""Defaults shared by the admin classes of every app."""

from django.db import models

# Links typed without a scheme are https (Django 6's default, adopted now; silences its deprecation warning).
HTTPS_LINKS = {models.URLField: {"assume_scheme": "https"}}
