from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from actionagenda.admin_defaults import HTTPS_LINKS

from . import tasks
from .models import GuidanceDocument, IndexRun


@admin.register(GuidanceDocument)
class GuidanceDocumentAdmin(admin.ModelAdmin):
    """The secretariat's guidance library: metadata, an uploaded file, and re-indexing in the task worker."""

    list_display = ("key", "title", "kind", "publisher", "year", "index_status", "passage_count")
    formfield_overrides = HTTPS_LINKS
    list_filter = ("kind", "index_status", "from_catalogue")
    search_fields = ("key", "title", "publisher")
    readonly_fields = ("index_status", "index_error", "from_catalogue", "updated")
    exclude = ("faq_category", "faq_position", "faq_highlight")  # an FAQ entry's place: Outreach › FAQ entries
    actions = ["reindex"]

    def get_queryset(self, request):
        # FAQ entries are edited with their question and answer under Outreach › FAQ entries (the same records).
        return super().get_queryset(request).exclude(kind=GuidanceDocument.Kind.FAQ)

    @admin.display(description=_("passages"))
    def passage_count(self, obj):
        return obj.passages.count()

    def save_model(self, request, obj, form, change):
        reading = "file" in form.changed_data and bool(obj.file)
        if reading:
            obj.index_status, obj.index_error = GuidanceDocument.IndexStatus.PENDING, ""
        super().save_model(request, obj, form, change)
        if reading:
            run = IndexRun.objects.create()
            tasks.reindex_document.enqueue(obj.pk, run.pk)
            self._report(request, obj)
        elif change and {"title", "titles"} & set(form.changed_data) and obj.passages.exists():
            # Every passage is embedded with its document's title: a new title means new vectors.
            obj.passages.update(vector=None)
            obj.index_status = GuidanceDocument.IndexStatus.PENDING
            obj.save(update_fields=["index_status", "updated"])
            run = IndexRun.objects.create()
            tasks.embed_passages.enqueue(run.pk)
            self._report(request, obj)

    def _report(self, request, obj):
        self.message_user(request, _("%(key)s is queued for indexing; its index status here and the Ask page show "
                                     "the progress, or why it failed.") % {"key": obj.key})

    @admin.action(description=_("Re-index the selected documents"))
    def reindex(self, request, queryset):
        run = IndexRun.objects.create()
        for document in queryset:
            tasks.reindex_document.enqueue(document.pk, run.pk)
        self.message_user(request, ngettext("%(count)d document queued for indexing.",
                                            "%(count)d documents queued for indexing.", queryset.count())
                          % {"count": queryset.count()})


@admin.register(IndexRun)
class IndexRunAdmin(admin.ModelAdmin):
    list_display = ("started", "finished", "done", "total", "error")
    readonly_fields = ("started", "finished", "done", "total", "error")
