"""The guidance library: documents, their passages (with stored embeddings) and indexing runs."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from actionagenda.uploads import GUIDANCE_FILES, MAX_GUIDANCE_FILE, UploadCheck
from actionagenda.validators import multi_line, one_line


class GuidanceDocument(models.Model):
    """A guidance document (or an FAQ entry) the assistant may answer with, under a stable key."""

    class Kind(models.TextChoices):
        DOCUMENT = "document", _("Guidance document")
        FAQ = "faq", _("Frequently asked question")

    class IndexStatus(models.TextChoices):
        PENDING = "pending", _("Waiting to be indexed")
        INDEXED = "indexed", _("Indexed")
        FAILED = "failed", _("Indexing failed")

    key = models.CharField(_("stable key"), max_length=64, unique=True,
                           help_text=_("Capital letters, digits and underscores, e.g. RA_GUIDANCE_2016. "
                                       "Never change it once published."), validators=[one_line])
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.DOCUMENT)
    title = models.CharField(_("title"), max_length=300, validators=[one_line])
    titles = models.JSONField(_("title in other languages"), default=dict, blank=True,
                              help_text=_("The official title in other languages, e.g. {\"fr\": \"...\", "
                                          "\"es\": \"...\"}. Shown to people asking in that language and read "
                                          "by the assistant with the passages in it."))
    publisher = models.CharField(_("publisher"), max_length=200, blank=True, validators=[one_line])
    year = models.CharField(_("year"), max_length=20, blank=True, help_text=_("A year or a span, e.g. 2016–2018."),
                            validators=[one_line])
    url = models.URLField(_("link"), max_length=500, blank=True, validators=[one_line])
    languages = models.JSONField(_("languages"), default=list, blank=True,
                                 help_text=_("Languages the document is published in, e.g. [\"en\", \"fr\"]."))
    gbf_targets = models.JSONField(_("GBF targets"), default=list, blank=True)
    ip_elements = models.JSONField(_("Implementation Plan elements"), default=list, blank=True)
    bch_record_type = models.CharField(_("BCH record type"), max_length=8, blank=True,
                                       help_text=_("VLR when the document is a Biosafety Virtual Library Resource."),
                                       validators=[one_line])
    file = models.FileField(_("content file"), upload_to="guidance/", blank=True,
                            validators=[UploadCheck(GUIDANCE_FILES, MAX_GUIDANCE_FILE)],
                            help_text=_("PDF, DOCX, HTML or plain text, up to 20 MB. Its text replaces the catalogue "
                                        "notes."))
    from_catalogue = models.BooleanField(_("from the shipped catalogue"), default=False)
    index_status = models.CharField(_("index status"), max_length=16, choices=IndexStatus.choices,
                                    default=IndexStatus.PENDING)
    index_error = models.TextField(_("indexing error"), blank=True, validators=[multi_line])
    updated = models.DateTimeField(_("updated"), auto_now=True)
    # Where an FAQ entry stands on the FAQ page (outreach.FAQEntry edits these with its question and answer).
    faq_category = models.ForeignKey("outreach.FAQCategory", on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="entries", verbose_name=_("FAQ category"))
    faq_position = models.PositiveSmallIntegerField(_("order in its category"), default=0)
    faq_highlight = models.BooleanField(_("shown on the landing page"), default=False)

    class Meta:
        verbose_name = _("guidance document")
        verbose_name_plural = _("guidance documents")
        ordering = ["key"]

    def __str__(self):
        return f"{self.key}: {self.title}"

    def title_in(self, language: str) -> str:
        """The title in `language` when the document has one, else the main title."""
        return (self.titles or {}).get(language) or self.title

    @property
    def anchor(self) -> str:
        """An FAQ entry's id on the FAQ page, from its stable key: FAQ_SMART is #faq-smart."""
        return self.key.lower().replace("_", "-")


class Passage(models.Model):
    """A piece of a document's text with its heading and page, the unit the assistant ranks and quotes."""

    document = models.ForeignKey(GuidanceDocument, on_delete=models.CASCADE, related_name="passages")
    position = models.PositiveIntegerField(_("position"))
    language = models.CharField(_("language"), max_length=8, validators=[one_line])
    heading = models.CharField(_("heading"), max_length=300, blank=True, validators=[one_line])
    page = models.PositiveIntegerField(_("page"), null=True, blank=True)
    text = models.TextField(_("text"), validators=[multi_line])
    # The embedding as float16 bytes (384 dimensions): filled in by the indexing task, empty until then.
    vector = models.BinaryField(null=True, blank=True)

    class Meta:
        verbose_name = _("passage")
        verbose_name_plural = _("passages")
        ordering = ["document", "position"]
        indexes = [models.Index(fields=["document", "position"])]

    def __str__(self):
        return f"{self.document.key} #{self.position}"


class IndexRun(models.Model):
    """One run of the indexing task, so the secretariat can watch its progress."""

    started = models.DateTimeField(_("started"), auto_now_add=True)
    finished = models.DateTimeField(_("finished"), null=True, blank=True)
    total = models.PositiveIntegerField(_("passages to embed"), default=0)
    done = models.PositiveIntegerField(_("passages embedded"), default=0)
    error = models.TextField(_("error"), blank=True, validators=[multi_line])

    class Meta:
        verbose_name = _("indexing run")
        verbose_name_plural = _("indexing runs")
        ordering = ["-started"]

    def __str__(self):
        return f"{self.started:%Y-%m-%d %H:%M} ({self.done}/{self.total})"

    @property
    def percent(self) -> int:
        return 100 if not self.total else int(100 * self.done / self.total)
