"""An optional generated summary through an OpenAI-compatible chat endpoint (off unless configured).

Settings: ACTIONAGENDA_ASSISTANT_LLM = {"url": ".../v1", "model": "...", "api_key": "..."}. The retrieval
answer never depends on it: any failure gives an empty summary.
"""

import json
import logging
import urllib.request

from django.conf import settings

logger = logging.getLogger(__name__)
TIMEOUT_SECONDS = 20


def enabled() -> bool:
    config = getattr(settings, "ACTIONAGENDA_ASSISTANT_LLM", None) or {}
    return bool(config.get("url") and config.get("model"))


def summarise(answer) -> str:
    if not enabled() or not answer.documents:
        return ""
    config = settings.ACTIONAGENDA_ASSISTANT_LLM
    sources = "\n\n".join(f"[{found.document.key}] {found.title}\n" +
                          "\n".join(quote.text for quote in found.passages) for found in answer.documents)
    body = {"model": config["model"], "temperature": 0.2, "max_tokens": 300, "messages": [
        {"role": "system", "content": "Answer in the user's language (" + answer.language + ") in at most four "
         "sentences, only from the sources given, citing their keys in brackets. If they do not answer, say so."},
        {"role": "user", "content": f"Question: {answer.question}\n\nSources:\n{sources}"}]}
    request = urllib.request.Request(config["url"].rstrip("/") + "/chat/completions",
                                     data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json",
                                              "Authorization": f"Bearer {config.get('api_key', '')}"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 (configured URL)
            return json.load(response)["choices"][0]["message"]["content"].strip()
    except (OSError, ValueError, KeyError, IndexError) as exc:
        logger.warning("Generated summary unavailable: %s", exc)
        return ""
