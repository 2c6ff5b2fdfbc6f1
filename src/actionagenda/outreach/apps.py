from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "actionagenda.outreach"
    verbose_name = _("Outreach")

    def ready(self):
        from actionagenda.assistant.models import GuidanceDocument

        from . import landing
        from .models import FeaturedCommitment, NewsItem, Quote

        # The landing page's sections are built once per change: any save or deletion of what they show
        # renews their version (a side effect of every path that writes them: the admin, the demo, a shell).
        for model in (NewsItem, Quote, FeaturedCommitment, GuidanceDocument):
            post_save.connect(landing.invalidate, sender=model, dispatch_uid=f"outreach.landing.{model.__name__}")
            post_delete.connect(landing.invalidate, sender=model,
                                dispatch_uid=f"outreach.landing.deleted.{model.__name__}")
