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
    answer = None
    limited = False
    if form.is_valid():
        if ratelimits.allow("assistant", ratelimits.client_ip(request)):
            language = form.cleaned_data["lang"] or get_language()
            answer = services.ask(form.cleaned_data["q"], language)
        else:
            limited = True
    context = {"form": form, "answer": answer, "limited": limited, "summary_enabled": summary.enabled()}
    if roles.is_secretariat(request.user):
        context["library"] = {"documents": GuidanceDocument.objects.count(),
                              "semantic": retrieval.index().semantic,
                              "failed": GuidanceDocument.objects.filter(
                                  index_status=GuidanceDocument.IndexStatus.FAILED).count(),
                              "run": IndexRun.objects.first()}
    template = "assistant/_results.html" if request.htmx and not request.htmx.boosted else "assistant/ask.html"
    status = 429 if limited else 200
    return render(request, template, context, status=status)


def generated_summary(request):
    """An optional short summary written by a configured language model; the answer never waits for it."""
    form = AskForm(request.GET or None)
    text = ""
    if summary.enabled() and form.is_valid() and ratelimits.allow("assistant", ratelimits.client_ip(request)):
        answer = services.ask(form.cleaned_data["q"], form.cleaned_data["lang"] or get_language(),
                              with_related=False)
        text = summary.summarise(answer)
    return render(request, "assistant/_summary.html", {"text": text, "note": _("Generated summary")})
