import io
import json

from actionagenda.assistant import summary


def test_the_ask_page_has_no_generated_summary_by_default(client, small_library):
    html = client.get("/en/ask/", {"q": "gene drive mosquitoes"}).content.decode()
    assert "/ask/summary/" not in html


def test_a_configured_endpoint_writes_a_summary_from_the_passages(client, small_library, settings, monkeypatch):
    settings.ACTIONAGENDA_ASSISTANT_LLM = {"url": "http://llm.invalid/v1", "model": "small", "api_key": "k"}
    sent = {}

    def fake_urlopen(request, timeout):
        sent["body"] = json.loads(request.data)
        return io.BytesIO(json.dumps({"choices": [{"message": {"content": "Use [GENE_DRIVE_NOTE]."}}]}).encode())

    monkeypatch.setattr(summary.urllib.request, "urlopen", fake_urlopen)
    assert "/ask/summary/" in client.get("/en/ask/", {"q": "gene drive mosquitoes"}).content.decode()
    html = client.get("/en/ask/summary/", {"q": "gene drive mosquitoes", "lang": "en"}).content.decode()
    assert "Use [GENE_DRIVE_NOTE]." in html
    assert "Engineered gene drives" in sent["body"]["messages"][1]["content"]


def test_a_failing_endpoint_leaves_the_answer_alone(client, small_library, settings, monkeypatch):
    settings.ACTIONAGENDA_ASSISTANT_LLM = {"url": "http://llm.invalid/v1", "model": "small"}

    def broken(request, timeout):
        raise OSError("connection refused")

    monkeypatch.setattr(summary.urllib.request, "urlopen", broken)
    assert client.get("/en/ask/summary/", {"q": "gene drive mosquitoes"}).content.decode().strip() == ""
    assert "Risk assessment of gene-drive mosquitoes" in client.get(
        "/en/ask/", {"q": "gene drive mosquitoes"}).content.decode()
