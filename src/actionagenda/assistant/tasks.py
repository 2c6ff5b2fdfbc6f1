"""Background work of the assistant (in-process or `actionagenda worker`)."""

from django_tasks import task

from . import services
from .extraction import ExtractionError
from .models import GuidanceDocument, IndexRun


@task()
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


@task()
def reindex_document(document_id: int, run_id: int | None = None) -> int:
    """Extract an uploaded file into passages, then embed them."""
    document = GuidanceDocument.objects.get(pk=document_id)
    try:
        count = services.ingest_file(document) if document.file else 0
    except ExtractionError as exc:
        if run_id:
            IndexRun.objects.filter(pk=run_id).update(error=f"{document.key}: {exc}")
        return 0
    embed_passages.call(run_id)
    return count
