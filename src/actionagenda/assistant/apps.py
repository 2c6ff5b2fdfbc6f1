from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssistantConfig(AppConfig):
    name = "actionagenda.assistant"
    verbose_name = _("Guidance assistant")
