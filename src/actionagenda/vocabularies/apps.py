from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class VocabulariesConfig(AppConfig):
    name = "actionagenda.vocabularies"
    verbose_name = _("Vocabularies")

    def ready(self):
        # Imported once the app registry is ready: services imports models.
        from . import services

        # Terms follow the code data: every migrate brings new codes in (idempotent).
        post_migrate.connect(services.sync_terms_after_migrate, sender=self)
