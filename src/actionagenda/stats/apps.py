from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatsConfig(AppConfig):
    name = "actionagenda.stats"
    verbose_name = _("Statistics")

    def ready(self):
        # A cache to drop when KPI figures change: a side effect, so a signal (the progress app knows nothing
        # of the statistics).
        from actionagenda.progress import signals

        from . import figures

        signals.figures_changed.connect(figures.invalidate, dispatch_uid="stats-figures")
