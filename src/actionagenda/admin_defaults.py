"""Defaults shared by the admin classes of every app."""

from django.db import models

# Links typed without a scheme are https (Django 6's default, adopted now; silences its deprecation warning).
HTTPS_LINKS = {models.URLField: {"assume_scheme": "https"}}


class ReadOnlyAdminMixin:
    """Records the platform writes itself (decisions, vocabulary terms): shown in the admin, never edited."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
