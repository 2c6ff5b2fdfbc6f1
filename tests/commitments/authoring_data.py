"""A complete POST for the authoring forms, shared by the form and view tests."""

from actionagenda.vocabularies.models import Term


def term_pks(scheme: str, *codes: str) -> list[str]:
    return [str(pk) for pk in Term.objects.filter(scheme=scheme, code__in=codes).values_list("pk", flat=True)]


def post_data(kind: str = "organization", action: str = "submit", **changes) -> dict:
    data = {
        "title": "Biosafety radio in every district",
        "description": "Weekly radio programmes on living modified organisms for farmers in all 47 counties, "
                       "with call-in shows answering questions from listeners.",
        "language": "en",
        "countries": term_pks("country", "KE"),
        "action_areas": term_pks("action_area", "BIOSAFETY"),
        "gbf_targets": term_pks("gbf_target", "GBF-17"),
        "ip_elements": term_pks("ip_element", "IP-PAEP"),
        "audiences": term_pks("audience", "farmers"),
        "start_date": "2025-01-01", "end_date": "2027-12-31", "scale": "national",
        "partners": "", "resources": "Two producers and donated airtime.", "expected_impact": "",
        "contact_name": "Wanjiku", "contact_email": "wanjiku@example.org", "website": "",
        "kpis-TOTAL_FORMS": "1", "kpis-INITIAL_FORMS": "0", "kpis-MIN_NUM_FORMS": "0",
        "kpis-MAX_NUM_FORMS": "20",
        "kpis-0-name": "Listeners reached", "kpis-0-unit": "people", "kpis-0-baseline_value": "0",
        "kpis-0-baseline_date": "2025-01-01", "kpis-0-target_value": "100000",
        "kpis-0-target_date": "2027-12-31",
        "action": action,
    }
    data.update({
        "organization": {"actor-name": "Kenya Biosafety Network", "actor-organization_type": "ngo",
                         "actor-country": "KE"},
        "business": {"actor-name": "Seeds Ltd", "actor-sector": "seeds_agriculture", "actor-size": "small",
                     "actor-country": "KE", "supply_chain_scope": "upstream"},
        "local_government": {"actor-name": "Nakuru County", "actor-government_level": "district",
                             "actor-population_served": "2000000", "actor-country": "KE"},
        "individual": {"actor-name": "Wanjiku Kamau"},
    }[kind])
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def bch_rows(*rows: tuple[str, str, str], initial: int = 0) -> dict:
    """The BCH citation rows of a POST: (record type, identifier, address) each."""
    data = {"bch-TOTAL_FORMS": str(len(rows)), "bch-INITIAL_FORMS": str(initial), "bch-MIN_NUM_FORMS": "0",
            "bch-MAX_NUM_FORMS": "20"}
    for index, (record_type, identifier, url) in enumerate(rows):
        data.update({f"bch-{index}-record_type": record_type, f"bch-{index}-identifier": identifier,
                     f"bch-{index}-url": url})
    return data


def field_values(form) -> dict:
    """What a browser posts back for `form` as it was rendered."""
    data = {}
    for bound in form:
        value = bound.value()
        if value is None or value is False:
            continue
        if value is True:
            data[bound.html_name] = "on"
        elif isinstance(value, list | tuple):
            data[bound.html_name] = [str(item) for item in value]
        else:
            data[bound.html_name] = str(value)
    return data


def page_values(response, **changes) -> dict:
    """What the authoring page of `response` posts back untouched, with `changes` (None removes a key)."""
    forms = response.context["forms"]
    data = {**field_values(forms.form), **field_values(forms.kpis.management_form)}
    for kpi_form in forms.kpis.forms:
        data.update(field_values(kpi_form))
        interim = getattr(kpi_form, "interim", None)
        if interim is not None:
            data.update(field_values(interim.management_form))
            for row in interim.forms:
                data.update(field_values(row))
    data.update(field_values(forms.bch.management_form))
    for row in forms.bch.forms:
        data.update(field_values(row))
    if forms.actor:
        data.update(field_values(forms.actor))
    if response.context.get("amendment"):
        data["amendment_version"] = str(response.context["amendment"].version)
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}
