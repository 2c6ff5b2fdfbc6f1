import pytest
from django.core.management import call_command

from actionagenda.assistant import retrieval, services
from actionagenda.assistant.models import GuidanceDocument, Passage


def test_the_catalogue_has_every_key_guidance_document_of_the_reference_and_nothing_else_but_faq():
    # The keys of the domain reference's table (f), "key guidance documents", copied here so the check always runs.
    keys = {entry["key"] for entry in services.catalogue_entries()}
    expected = {"CPB_TEXT", "NKLSP_TEXT", "GBF_DEC_15_4", "GBF_T17_NOTES", "GBF_MONITORING_15_5", "CPB_IP",
                "CPB_CBAP", "CBD_LTSF_CB", "RA_GUIDANCE_2016", "RA_TRAINING_MANUAL", "RA_EGD_2024", "SEC_GUIDANCE",
                "PAEP_POW", "AARHUS_CBD_POCKET_GUIDE", "LUCCA_GUIDELINES", "BCH_KB", "DI_TRAINING_MANUAL",
                "DI_TECH_TOOLS", "HTPI_DOC_REQS", "UTM_ART17", "CPB_IUCN_GUIDE", "NKLSP_GUIDE", "SYNBIO_TS82",
                "GEF_T17_FUNDING", "AA_CRITERIA_FAQ", "AA_BIOSAFETY_FORUM", "CPB_NR5_FORMAT", "WHO_LBM4",
                "UNIDO_BIOSAFETY_MANUAL"}
    assert {key for key in keys if not key.startswith("FAQ_")} == expected


def test_every_catalogue_section_is_written_in_english_french_and_spanish():
    for entry in services.catalogue_entries():
        for section in entry["sections"]:
            assert set(section["heading"]) == set(section["text"]) == {"en", "fr", "es"}, entry["key"]


@pytest.mark.django_db
def test_load_guidance_stores_documents_and_passages_with_shipped_vectors(capsys):
    call_command("load_guidance")
    assert GuidanceDocument.objects.count() == len(services.catalogue_entries())
    assert GuidanceDocument.objects.filter(kind="faq").exists()
    assert not Passage.objects.filter(vector__isnull=True).exists()
    assert "0 passages waiting for their vector" in capsys.readouterr().out
    retrieval.invalidate()
    assert retrieval.index().semantic


@pytest.mark.django_db
def test_loading_twice_keeps_one_copy_of_each_passage():
    services.load_catalogue()
    count = Passage.objects.count()
    services.load_catalogue()
    assert Passage.objects.count() == count


@pytest.mark.django_db
def test_load_guidance_leaves_the_secretariats_edits_alone_and_says_so(capsys):
    services.load_catalogue()
    GuidanceDocument.objects.filter(key="WHO_LBM4").update(title="WHO Laboratory biosafety manual (our copy)")
    edited = GuidanceDocument.objects.get(key="CPB_TEXT")
    edited.passages.filter(position=0, language="en").update(text="Our own summary of the Protocol.")
    GuidanceDocument.objects.filter(key="BCH_KB").delete()
    call_command("load_guidance")
    out = capsys.readouterr().out
    assert GuidanceDocument.objects.get(key="WHO_LBM4").title == "WHO Laboratory biosafety manual (our copy)"
    assert edited.passages.get(position=0, language="en").text == "Our own summary of the Protocol."
    assert GuidanceDocument.objects.get(key="BCH_KB").passages.exists()  # what was missing is created again
    assert "1 catalogue documents created" in out
    assert "Left alone, as edited since they were loaded" in out
    assert "CPB_TEXT, WHO_LBM4." in out
    call_command("load_guidance")
    assert "0 catalogue documents created" in capsys.readouterr().out
