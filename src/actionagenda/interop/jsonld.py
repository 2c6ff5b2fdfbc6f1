"""schema.org JSON-LD of a published commitment (an `Action`), for search engines and harvesters reading its page."""

import json

from django.utils.safestring import SafeString, mark_safe

from actionagenda import links
from actionagenda.markup import plain_text, strip_html

STATUS = {  # phase -> schema.org ActionStatusType
    "planning": "PotentialActionStatus", "development": "PotentialActionStatus",
    "implementation": "ActiveActionStatus", "evaluation": "ActiveActionStatus",
    "completed": "CompletedActionStatus", "discontinued": "FailedActionStatus",
}
AGENT = {"individual": "Person", "local_government": "GovernmentOrganization"}  # else Organization
# What json.dumps leaves that could end the script element or start markup inside it (as Django's json_script).
ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def action(commitment, countries) -> dict:
    actor = commitment.actor
    data = {
        "@context": "https://schema.org", "@type": "Action",
        "name": strip_html(commitment.title), "description": plain_text(commitment.description),
        "url": links.absolute(commitment.get_absolute_url()), "inLanguage": commitment.language,
        "agent": {"@type": AGENT.get(actor.kind, "Organization"), "name": strip_html(actor.display_name)},
        "location": [{"@type": "Country", "name": str(country.label), "identifier": country.code}
                     for country in countries],
    }
    if actor.website and actor.kind != "individual":
        data["agent"]["url"] = actor.website
    if commitment.start_date:
        data["startTime"] = commitment.start_date.isoformat()
    if commitment.end_date:
        data["endTime"] = commitment.end_date.isoformat()
    if commitment.phase in STATUS:
        data["actionStatus"] = f"https://schema.org/{STATUS[commitment.phase]}"
    return data


def script(commitment, countries) -> SafeString:
    """The <script type="application/ld+json"> element of `commitment`, safe to put in a page as it is."""
    text = json.dumps(action(commitment, countries), ensure_ascii=False).translate(ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
