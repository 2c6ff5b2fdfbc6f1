"""The secretariat's pages of the progress app: the list of overdue and inactive commitments."""

from django import forms
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actionagenda import ids, spreadsheets
from actionagenda.accounts import roles

from . import overdue
from .choices import TrafficLight

PAGE_SIZE = 50


class OverdueFilters(forms.Form):
    light = forms.ChoiceField(label=_("Reporting"), required=False, choices=[("", _("Overdue (amber or red)"))] + [
        (light.value, light.label) for light in overdue.LIGHTS])
    inactive = forms.BooleanField(label=_("Inactive only"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=[
        ("light", _("Most overdue first")), ("due", _("Report due longest ago")),
        ("last_report", _("Last report, oldest first")), ("title", _("Title")), ("actor", _("Actor"))])


@roles.secretariat_required
def overdue_list(request):
    """Published commitments with a report overdue or no report for two years; `?format=csv` downloads them."""
    form = OverdueFilters(request.GET)
    data = form.cleaned_data if form.is_valid() else {}
    rows = overdue.scorecards(light=data.get("light", ""), inactive=data.get("inactive", False),
                              sort=data.get("sort") or "light")
    if request.GET.get("format") == "csv":
        body = spreadsheets.csv_bytes(overdue.csv_header(),
                                      (overdue.csv_row(card) for card in rows.iterator()))
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="overdue-{timezone.localdate():%Y-%m-%d}.csv"'
        return response
    page = Paginator(rows, PAGE_SIZE).get_page(ids.page_number(request.GET.get("page")))
    params = request.GET.copy()
    params.pop("page", None)
    params.pop("format", None)
    return render(request, "progress/overdue.html", {
        "form": form, "page": page, "params": params.urlencode(), "red": TrafficLight.RED,
        "csv_params": (params.urlencode() + "&" if params else "") + "format=csv"})
