"""The open data page (/<lang>/open-data/: the downloads and their data dictionary) and the files
(/open-data/<name>, one address whatever the language)."""

import datetime

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import condition, require_safe

from . import opendata

RETRY_SECONDS = 300  # the worker looks for changes every five minutes


@require_safe
def open_data(request):
    release = opendata.current()
    downloads = [(download, release.sizes.get(download.name) if release else None)
                 for download in opendata.DOWNLOADS.values()]
    return render(request, "interop/open_data.html", {
        "release": release, "downloads": downloads, "commitment_columns": opendata.COMMITMENT_COLUMNS,
        "kpi_columns": opendata.KPI_COLUMNS, "retry_minutes": RETRY_SECONDS // 60})


def _release(request):
    """The current release, read once per request: the ETag, the date and the file served are of one build, even
    when the worker finishes another meanwhile."""
    if not hasattr(request, "open_data_release"):
        request.open_data_release = opendata.current()
    return request.open_data_release


def _etag(request, name):
    release = _release(request)
    return f'"{release.pk}"' if release and name in opendata.DOWNLOADS else None


def _modified(request, name):
    release = _release(request)
    return release.built_at if release and name in opendata.DOWNLOADS else None


@require_safe
def schema(request):
    response = JsonResponse(opendata.schema(), json_dumps_params={"indent": 2, "ensure_ascii": False})
    response["Content-Type"] = "application/schema+json"
    response["Cache-Control"] = "public, max-age=3600"
    return response


@require_safe
@condition(etag_func=_etag, last_modified_func=_modified)
def download(request, name):
    if name not in opendata.DOWNLOADS:
        raise Http404
    release = _release(request)
    if release is None:
        response = HttpResponse(_("The open data files are being prepared: try again in a few minutes."),
                                status=503, content_type="text/plain; charset=utf-8")
        response["Retry-After"] = str(RETRY_SECONDS)
        return response
    response = FileResponse(default_storage.open(release.path(name), "rb"), as_attachment=True, filename=name,
                            content_type=opendata.DOWNLOADS[name].content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = f"public, max-age={RETRY_SECONDS}"
    response["X-Generated-At"] = release.built_at.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return response
