"""Filling the organisation form as a person would, shared by the authoring and journey tests."""


def fill_organisation_commitment(page, *, organisation: str, organisation_type: str, title: str, description: str,
                                 start: str, end: str, resources: str, audience: str = "Farmers and producers"):
    page.get_by_label("Name of the organisation").fill(organisation)
    page.get_by_label("Organisation type").select_option(organisation_type)
    page.get_by_label("Title").fill(title)
    page.get_by_label("Description").fill(description)
    page.get_by_role("group", name="Target audiences").get_by_label(audience).check()
    page.get_by_label("Start date").fill(start)
    page.get_by_label("End date").fill(end)
    page.get_by_role("textbox", name="Resources").fill(resources)


def fill_first_kpi(page, *, indicator: str, unit: str, baseline: str, target: str, target_date: str):
    kpi = page.get_by_role("group", name="KPI 1")
    kpi.get_by_label("Indicator").fill(indicator)
    kpi.get_by_label("Unit").fill(unit)
    kpi.get_by_label("Baseline value").fill(baseline)
    kpi.get_by_label("Target value").fill(target)
    kpi.get_by_label("Target date").fill(target_date)
