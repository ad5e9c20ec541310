from __future__ import annotations

import pytest

from tui.cli import main
from tui.engine.compare import compare, same_quantity
from tui.engine.figures import extract_figures


@pytest.fixture(scope="module")
def comparison(seed_corpus):
    return compare(seed_corpus)


def _joined(comparison, a, b):
    return any(a in g.forms and b in g.forms for g in comparison.variants)


@pytest.mark.parametrize(("a", "b"), [("Pashinian", "Pashinyan"), ("Davit", "David"), ("Defence", "Defense")])
def test_must_find_variants(comparison, a, b):
    assert _joined(comparison, a, b)


@pytest.mark.parametrize(
    ("a", "b"), [("Armenia", "Armenian"), ("Azerbaijan", "Azerbaijani"), ("Stepanyan", "Pashinyan")]
)
def test_never_joined(comparison, a, b):
    assert not _joined(comparison, a, b)


def test_variant_occurrences_carry_spans(seed_corpus, comparison):
    for group in comparison.variants:
        for form, occurrences in group.forms.items():
            for o in occurrences:
                assert seed_corpus.paragraph(o.paragraph).text[o.start : o.end] == form


def _group_with(comparison, status, *texts):
    for g in comparison.figures:
        found = {m.figure.text for m in g.mentions}
        if g.status == status and all(t in found for t in texts):
            return g
    return None


def test_arrivals_conflict_with_both_sentences(comparison):
    group = _group_with(comparison, "conflict", "377", "more than 1,000")
    assert group is not None
    sentences = {m.source: m.sentence for m in group.mentions}
    assert "377 people have arrived" in sentences["001_42660f7c9533477f"]
    assert "more than 1,000 people" in sentences["002_e26d6aa20c766d9e"]
    assert any("below" in r for r in group.reasons)


def test_tons_against_more_than_tonnes_is_a_conflict_with_a_reason(comparison):
    group = _group_with(comparison, "conflict", "125 tons", "more than 50 tonnes")
    assert group is not None
    assert any("more than" in r for r in group.reasons)


def test_agreements(comparison):
    assert _group_with(comparison, "agree", "99.9 percent", "Ninety-nine point nine percent")
    assert _group_with(comparison, "agree", "nearly 2,000", "around 2,000")


def test_every_conflict_has_quotes_from_two_sources(comparison):
    assert comparison.conflicts
    for group in comparison.conflicts:
        assert len({m.source for m in group.mentions}) >= 2
        assert all(m.sentence and m.figure.text in m.sentence for m in group.mentions)
        assert group.conflicting_pairs()


def _figure(text):
    (fig,) = [f for f in extract_figures(text) if f.kind not in ("date", "year")]
    return fig


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("130,000 munitions were given up", "about 5,000 units of ammunition", True),
        ("311 civilians were moved", "3,154 people were moved", True),
        ("102 children were moved", "3,154 people were moved", False),
        ("99.9 percent want to go", "Ninety-nine point nine percent want to go", True),
        ("125 tons of food", "50 tonnes of fuel", False),
        ("125 tons of food", "12 km of road", False),
    ],
)
def test_same_quantity(a, b, same):
    assert same_quantity(_figure(a), _figure(b)) is same


def test_discrepancies_command(capsys):
    assert main(["discrepancies", "--agree"]) == 0
    out = capsys.readouterr().out
    assert "Spelling variants" in out and "Pashinian" in out and "Pashinyan" in out
    assert "Figure conflicts" in out and "377" in out and "more than 1,000" in out
    assert "Figures that agree" in out


def test_bad_strictness_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["align", "--strictness", "2"])
    assert exc.value.code == 2
    assert "between 0 and 1" in capsys.readouterr().err
