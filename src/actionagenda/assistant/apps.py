from django.apps import AppConfig
from django.db import transaction
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _


def _library_changed(**kwargs):
    from . import retrieval  # models are not ready when this module is imported

    transaction.on_commit(retrieval.invalidate)


class AssistantConfig(AppConfig):
    name = "actionagenda.assistant"
    verbose_name = _("Guidance assistant")

    def ready(self):
        # Deleting passages changes their count, hence the library's stamp; a deleted document must not wait for
        # the cached stamp to expire.
        post_delete.connect(_library_changed, sender="assistant.GuidanceDocument",
                            dispatch_uid="assistant-library-changed")
