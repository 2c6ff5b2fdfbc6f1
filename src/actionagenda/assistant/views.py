from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from actionagenda import ratelimits
from actionagenda.accounts import roles

from . import retrieval, services, summary
from .forms import AskForm
from .models import GuidanceDocument, IndexRun


def ask(request):
    """The Ask page: a question in, the guidance documents that answer it out (htmx swaps the results)."""
    form = AskForm(request.GET or None)
    answer = refusal = None
    if form.is_valid():
        try:
            ratelimits.consume("assistant", ratelimits.client_ip(request))
        except ratelimits.RateLimited as error:
            refusal = error
        else:
            language = form.cleaned_data["lang"] or get_language()
            answer = services.ask(form.cleaned_data["q"], language)
    context = {"form": form, "answer": answer, "limited": refusal is not None, "summary_enabled": summary.enabled()}
    if roles.is_secretariat(request.user):
        context["library"] = {"documents": GuidanceDocument.objects.count(),
                              "semantic": retrieval.index().semantic,
                              "failed": GuidanceDocument.objects.filter(
                                  index_status=GuidanceDocument.IndexStatus.FAILED).count(),
                              "run": IndexRun.objects.first()}
    template = "assistant/_results.html" if request.htmx and not request.htmx.boosted else "assistant/ask.html"
    response = render(request, template, context)
    return ratelimits.refuse(response, refusal) if refusal else response


def generated_summary(request):
    """An optional short summary written by a configured language model; the answer never waits for it."""
    form = AskForm(request.GET or None)
    text, refusal = "", None
    if summary.enabled() and form.is_valid():
        try:
            ratelimits.consume("assistant", ratelimits.client_ip(request))
        except ratelimits.RateLimited as error:
            refusal = error
        else:
            answer = services.ask(form.cleaned_data["q"], form.cleaned_data["lang"] or get_language(),
                                  with_related=False)
            text = summary.summarise(answer)
    response = render(request, "assistant/_summary.html", {"text": text, "note": _("Generated summary")})
    return ratelimits.refuse(response, refusal) if refusal else response
