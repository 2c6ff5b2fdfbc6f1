"""Background work of the assistant, always queued for `actionagenda worker`: never inside a web request."""

from django.conf import settings
from django.utils.translation import gettext as _
from django_tasks import task

from . import services
from .extraction import ExtractionError
from .models import GuidanceDocument, IndexRun


@task(backend=settings.ACTIONAGENDA_QUEUED_TASKS)
def embed_passages(run_id: int | None = None) -> int:
    """Embed every passage still without a vector; progress is kept on an IndexRun."""
    run = IndexRun.objects.get(pk=run_id) if run_id else IndexRun.objects.create()
    try:
        services.embed_missing(run)
    except Exception as exc:
        run.error = str(exc)
        run.save(update_fields=["error"])
        raise
    return run.done


@task(backend=settings.ACTIONAGENDA_QUEUED_TASKS)
def reindex_document(document_id: int, run_id: int | None = None) -> int:
    """Extract an uploaded file into passages, then embed them; any failure leaves the document failed, with
    the reason shown in the admin."""
    document = GuidanceDocument.objects.get(pk=document_id)
    try:
        count = services.ingest_file(document) if document.file else 0
    except ExtractionError as exc:
        if run_id:
            IndexRun.objects.filter(pk=run_id).update(error=f"{document.key}: {exc}")
        return 0
    except Exception as exc:
        services.mark_failed(document, _("Indexing stopped on an unexpected error: %(error)r") % {"error": exc})
        raise
    try:
        embed_passages.call(run_id)
    except Exception as exc:
        services.mark_failed(document, _("The passages could not be embedded: %(error)r") % {"error": exc})
        raise
    return count
