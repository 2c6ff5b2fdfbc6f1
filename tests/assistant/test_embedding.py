import numpy as np

from actionagenda.assistant import embedding


class CountingModel:
    def __init__(self):
        self.calls = []

    def query(self, text):
        self.calls.append(text)
        vector = np.random.default_rng(len(self.calls)).normal(size=embedding.DIM).astype(np.float32)
        return vector / np.linalg.norm(vector)  # a different vector at every call: a second call would show


def test_it_embeds_a_repeated_question_once(monkeypatch):
    model = CountingModel()
    monkeypatch.setattr(embedding, "model", lambda: model)
    embedding._embed_query.cache_clear()
    try:
        first = embedding.embed_query("Who pays  for damage?")
        again = embedding.embed_query(" Who pays for damage? ")
        other = embedding.embed_query("Who pays for restoration?")
    finally:
        embedding._embed_query.cache_clear()
    assert model.calls == ["Who pays for damage?", "Who pays for restoration?"]
    assert np.array_equal(first, again)
    assert not np.array_equal(first, other)
    assert not first.flags.writeable  # a caller cannot spoil the cached vector
