from django.db import models
from django.utils.translation import gettext_lazy as _

from actionagenda.validators import one_line


class PartnerSource(models.Model):
    """Another platform whose commitments this one shows: the CBD Action Agenda, a partner's instance, a feed."""

    class Kind(models.TextChoices):
        CBD = "cbd", _("CBD Action Agenda format (JSON)")
        INSTANCE = "actionagenda", _("Another actionagenda platform (its API)")
        CSV = "csv", _("CSV in the open data columns (commitments.csv)")

    name = models.CharField(_("name"), max_length=200, unique=True, validators=[one_line],
                            help_text=_("Shown with each of its commitments, as “From” and this name."))
    kind = models.CharField(_("format"), max_length=16, choices=Kind.choices, default=Kind.CBD)
    url = models.URLField(_("address"), blank=True, validators=[one_line],
                          help_text=_("For another actionagenda platform, its address (https://example.org); for a "
                                      "CBD-format feed or a CSV, the address of the file. Empty: nothing is "
                                      "harvested (files are imported with import-cbd-actions)."))
    trusted = models.BooleanField(_("trusted"), default=False,
                                  help_text=_("Publish its new commitments at once. Otherwise each waits in the "
                                              "moderation queue."))
    harvest_every = models.PositiveSmallIntegerField(
        _("harvest every (hours)"), default=24, help_text=_("0: only by hand (actionagenda harvest)."))
    # Where the last harvest of another platform stopped: its changes are read after this point next time.
    cursor_time = models.DateTimeField(null=True, blank=True, editable=False)
    cursor_id = models.PositiveIntegerField(default=0, editable=False)
    last_harvest = models.DateTimeField(_("last harvested"), null=True, blank=True, editable=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("partner source")
        verbose_name_plural = _("partner sources")
        ordering = ["name"]

    def __str__(self):
        return self.name


class PartnerRecord(models.Model):
    """Where a partner commitment came from: its source, its identifier there, the record as received and a link
    back. One per commitment and per (source, identifier), so importing the same record again updates it."""

    source = models.ForeignKey(PartnerSource, on_delete=models.PROTECT, related_name="records",
                               verbose_name=_("source"))
    external_id = models.CharField(_("identifier at the source"), max_length=200, validators=[one_line])
    commitment = models.OneToOneField("commitments.Commitment", on_delete=models.CASCADE,
                                      related_name="partner_record", verbose_name=_("commitment"))
    url = models.URLField(_("address at the source"), blank=True, max_length=500)
    record = models.JSONField(_("record as received"), default=dict)
    digest = models.CharField(max_length=64, editable=False)  # SHA-256 of the record: unchanged ones are skipped
    first_imported = models.DateTimeField(_("first imported"), auto_now_add=True)
    last_imported = models.DateTimeField(_("last imported"), auto_now=True)

    class Meta:
        verbose_name = _("partner record")
        verbose_name_plural = _("partner records")
        constraints = [models.UniqueConstraint(fields=["source", "external_id"], name="interop_one_record_per_id")]

    def __str__(self):
        return f"{self.source}: {self.external_id}"


class OpenDataRelease(models.Model):
    """One build of the open data files (see interop.opendata): what data it shows, when it was built, the size of
    each file. Its files are under `opendata/<id>/` in the configured storage."""

    data_version = models.CharField(max_length=80, editable=False)
    count = models.PositiveIntegerField(_("commitments"))
    built_at = models.DateTimeField(_("built"))
    sizes = models.JSONField(_("file sizes"), default=dict)
    ready = models.BooleanField(default=False)  # every file stored

    class Meta:
        verbose_name = _("open data release")
        verbose_name_plural = _("open data releases")

    def __str__(self):
        return f"{self.built_at:%Y-%m-%d %H:%M} ({self.count})"

    def path(self, name: str) -> str:
        return f"opendata/{self.pk}/{name}"


class HarvestLog(models.Model):
    """One harvest of a partner source: what it did, and each record it could not take and why."""

    class Status(models.TextChoices):
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Stopped by an error")

    source = models.ForeignKey(PartnerSource, on_delete=models.CASCADE, related_name="harvests",
                               verbose_name=_("source"))
    started = models.DateTimeField(_("started"), auto_now_add=True)
    finished = models.DateTimeField(_("finished"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.RUNNING)
    counts = models.JSONField(_("counts"), default=dict)  # created, updated, unchanged, withdrawn, refused
    errors = models.JSONField(_("records not taken"), default=list)  # [{"id": ..., "reasons": [...]}]
    message = models.TextField(_("message"), blank=True)

    class Meta:
        verbose_name = _("harvest")
        verbose_name_plural = _("harvests")
        ordering = ["-started", "-pk"]

    def __str__(self):
        return f"{self.source} {self.started:%Y-%m-%d %H:%M}"
