"""The embed builder: a partner picks a component and its options, sees it live (the real embed.js on this
page) and copies the snippet for a script or for an <iframe>. The form is a GET form: it works without
JavaScript, and htmx swaps the preview and the snippets as the options change."""

from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from actionagenda import links
from actionagenda.commitments import explore
from actionagenda.vocabularies import catalogue

COMPONENTS = {
    "commitments": _("A list of commitments"),
    "commitment": _("One commitment with its progress"),
    "statistics": _("Statistics: totals and a chart"),
    "categories": _("The biosafety action categories with counts"),
}
# The options each component reads, as element attributes (and iframe parameters).
OPTIONS = {
    "commitments": ("actor_type", "country", "gbf_target", "search", "limit"),
    "commitment": ("commitment_id",),
    "statistics": ("facet",),
    "categories": (),
}
CHART_FACETS = ("region", "actor_type", "gbf_target", "ip_element", "action_area", "phase", "scale")


def _choices(vocabulary) -> list[tuple[str, str]]:
    return [("", _("Any"))] + [(entry.code, entry.label) for entry in vocabulary]


class EmbedForm(forms.Form):
    component = forms.ChoiceField(label=_("Component"), choices=COMPONENTS.items(), initial="commitments",
                                  widget=forms.RadioSelect)
    lang = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES, initial="en")
    actor_type = forms.ChoiceField(label=_("Actor type"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    gbf_target = forms.ChoiceField(label=_("GBF target"), required=False)
    search = forms.CharField(label=_("Words to search for"), required=False, max_length=explore.MAX_SEARCH_LENGTH)
    limit = forms.IntegerField(label=_("Number of commitments shown"), min_value=1, max_value=100, initial=5,
                               required=False)
    commitment_id = forms.IntegerField(label=_("Commitment number"), min_value=1, required=False,
                                       help_text=_("The number in the address of the commitment's page."))
    facet = forms.ChoiceField(label=_("Chart"), required=False, initial="region")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actor_type"].choices = _choices(catalogue.ACTOR_TYPES)
        self.fields["country"].choices = _choices(catalogue.countries())
        self.fields["gbf_target"].choices = _choices(catalogue.GBF_TARGETS)
        self.fields["facet"].choices = [(facet, explore.facet_label(facet)) for facet in CHART_FACETS]

    def clean(self):
        data = super().clean()
        if data.get("component") == "commitment" and not data.get("commitment_id"):
            self.add_error("commitment_id", _("Give the number of the commitment to show."))
        return data

    def options(self) -> list[tuple[str, str]]:
        """The chosen component's options that differ from its defaults, as (attribute name, value)."""
        data = self.cleaned_data
        chosen = [(name, data.get(name)) for name in OPTIONS[data["component"]]]
        defaults = {"limit": 5, "facet": "region"}
        return [(name.replace("_", "-"), str(value)) for name, value in chosen
                if value not in (None, "") and defaults.get(name) != value]


def snippets(component: str, lang: str, options: list[tuple[str, str]]) -> dict:
    """The element, the script snippet and the iframe snippet for `component` with `options`."""
    tag = f"aa-{component}"
    attributes = [("lang", lang), *options]
    element = format_html("<{}{}></{}>", tag, format_html_join("", ' {}="{}"', attributes), tag)
    script = format_html('<script src="{}" defer></script>', links.absolute(static("interop/embed.js")))
    frame_path = (reverse("frames:commitment", args=[dict(options)["commitment-id"]]) if component == "commitment"
                  else reverse(f"frames:{component}"))
    frame_query = urlencode([("lang", lang)] + [(name, value) for name, value in options if name != "commitment-id"])
    frame_url = links.absolute(f"{frame_path}?{frame_query}")
    with translation.override(lang):  # the frame's title is read out on the partner's page, in its language
        title = str(COMPONENTS[component])
    frame = format_html('<iframe src="{}" title="{}" width="100%" height="480" loading="lazy"></iframe>',
                        frame_url, title)
    return {"element": element, "script_snippet": f"{script}\n{element}", "frame_snippet": str(frame),
            "frame_url": frame_url}


@require_safe
def builder(request):
    """The builder page; an htmx request gets only the part that changes (preview and snippets)."""
    form = EmbedForm(request.GET or {"component": "commitments", "lang": request.LANGUAGE_CODE, "limit": 5,
                                     "facet": "region"})
    context = {"form": form}
    if form.is_valid():
        context.update(snippets(form.cleaned_data["component"], form.cleaned_data["lang"], form.options()))
    partial = request.headers.get("HX-Request") and not request.headers.get("HX-History-Restore-Request")
    response = render(request, "interop/_builder_result.html" if partial else "interop/builder.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response
