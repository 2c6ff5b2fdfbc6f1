"""The statistics page's filter form: the explore facets as one menu each."""

from actionagenda.commitments import explore, facets


def form(query: explore.Query, index: facets.Index) -> list[dict]:
    """One menu per explore facet: its name, label and options (code, label, selected). Countries are those
    named by a published commitment (in the facet `index`), and any the query names."""
    chosen = query.filters
    menus = []
    for facet in facets.FACETS:
        if facet == "country":
            codes = set(index.values.get("country", {})) | set(chosen.get("country", ()))
            options = sorted(((code, explore.value_label(facet, code)) for code in codes), key=lambda item: item[1])
        else:
            options = [(entry.code, str(entry.label)) for entry in explore.VOCABULARIES[facet]]
        menus.append({"name": facet, "label": explore.facet_label(facet), "options": [
            (code, label, code in chosen.get(facet, ())) for code, label in options]})
    return menus
