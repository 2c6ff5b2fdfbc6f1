from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from actionagenda import dbcache


class AccountsConfig(AppConfig):
    name = "actionagenda.accounts"
    verbose_name = _("Accounts")

    def ready(self):
        # Imported once the app registry is ready: services imports models.
        from . import services

        # A side effect of signing in (also right after sign-up): e-mails follow the language the person uses.
        user_logged_in.connect(services.remember_language, dispatch_uid="accounts.remember_language")
        # Sign-in and other rate limits count in the cache, a database table when no Redis is configured.
        post_migrate.connect(dbcache.create_tables, sender=self, dispatch_uid="accounts.create_cache_tables")
        # A release that adds a model (news, quotes) adds its admin rights to an existing Secretariat group.
        post_migrate.connect(services.refresh_secretariat_rights, dispatch_uid="accounts.refresh_secretariat")
