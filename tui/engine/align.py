"""The alignment table: rows of paragraphs, one list per source, that state the
same facts.

1. Every sentence gets its evidence (``evidence.py``).
2. Candidate sentence pairs come from an inverted index of the rarer evidence
   features, so the cost grows with the pairs that share evidence, not with
   all pairs.
3. A pair links strongly when it shares enough rare evidence, both in absolute
   weight and relative to what the two sentences say (or is one sentence
   lightly edited), and each is (nearly) the other's best match in its source.
   Sharing little but one figure or one name is a coincidence, never a link.
   Three sentences of three sources that are each other's best matches link
   on half that evidence: each telling confirms the other two. So do two
   whose paragraphs' neighbours (the ones before, or the ones after) are
   strongly linked: the two reports tell that passage in the same order.
4. Linked sentences form facts by average-link clustering: a sentence joins a
   fact when it is linked to most of it, two facts merge only when nearly all
   pairs across them are linked, so one chance link does not chain two facts
   together, and the sentences of one source in a fact must be neighbours or
   one must repeat the other, unless every other source (two at least) links
   the later one strongly. A sentence that states two facts also joins the
   second one; one that a fact keeps out and no fact holds makes a pair with
   the sentence of the fact it is strongly linked to.
5. Facts that share a paragraph and are linked across it are one passage,
   told in sentences cut differently, unless a source tells them in
   paragraphs of their own.
6. Each fact becomes a row of the paragraphs holding its sentences; a
   paragraph that states several facts sits in several rows. A paragraph that
   tells a fact across its sentences, none saying enough alone, joins the row
   whose paragraphs it shares enough with as a whole. Paragraphs in no fact
   get a row of their own. Rows follow one source's reading order, with the
   others' paragraphs placed between their neighbours.
"""

from __future__ import annotations

import gc
import hashlib
import math
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from .corpus import Corpus
from .evidence import (
    CLOSE_FIGURE,
    CLOSE_TIME,
    CLOSE_TIME_KEY,
    Evidence,
    build_evidence,
    self_weight,
    shared_weight,
    unhedged,
)

DEFAULT_STRICTNESS = 0.5


@dataclass(frozen=True)
class AlignParams:
    """Thresholds derived from one strictness setting in [0, 1].

    0 links sentences that share a little rare evidence; 1 links only those
    that share a lot. The default, 0.5, is the setting measured in
    ``benchmarks/``. Weights are counted in ``rare_unit``s: the weight of a
    word found in just two paragraphs of this corpus, so that the same
    setting means the same for two articles or for two hundred.
    """

    strictness: float = DEFAULT_STRICTNESS
    rare_unit: float = 1.0
    common_fraction: float = 0.08  # features in more paragraphs than this share (and than min_common_df)
    min_common_df: int = 40  # do not propose candidates; they still count in the score
    quorum: float = 0.8  # share of a fact's sentences (in other sources) a sentence must be linked to, to join it
    merge_quorum: float = 0.9  # the same for merging two facts that each hold several sources
    best_ratio: float = 0.8  # a link must come this close to each side's best match in the other source
    distinct_evidence: float = 0.5  # a sentence sits in a second fact when at most this share of what it
    # shares with that fact is also what it shares with its own
    beyond_figure: float = 0.25  # rare words' worth two sentences must share besides their heaviest
    # figure to be linked
    beyond_name: float = 0.5  # and besides their heaviest name
    repeat_share: float = 2.0  # two sentences of one source, paragraphs apart, tell one fact only when
    # they share this many times what a link that starts a fact needs: the source repeats itself
    confirmed_elsewhere: float = 1.5  # or when every other source of the fact (two at least) links the
    # later sentence this many times as strongly as that, on average: one fact told in two places
    leftover_similarity: float = 1.5  # two paragraphs that no fact placed pair when they share this many
    # times the relative weight a link needs: nothing else says they tell one fact

    @property
    def min_shared(self) -> float:
        """Least total weight of shared evidence for a link that can start a fact:
        1.6 to 3.2 rare words' worth."""
        return (1.6 + 1.6 * self.strictness) * self.rare_unit

    @property
    def min_similarity(self) -> float:
        """Least shared weight relative to the two sentences' own weight, for such a link."""
        return 0.12 + 0.16 * self.strictness

    @property
    def near_copy(self) -> float:
        """Shared weight relative to the heavier sentence's own above which the two
        are one sentence edited (a word cut, a figure changed), whatever their
        weight. Measured on the heavier one, so that a short sentence whose few
        words a long one also holds is not taken for a copy of it."""
        return 0.4 + 0.2 * self.strictness

    @property
    def min_support(self) -> float:
        """Least shared weight for a weaker link that only supports joining a fact."""
        return 0.5 * self.min_shared

    @property
    def min_average(self) -> float:
        """Least average shared weight between two groups of sentences to join them
        into one fact; pairs with no link count as 0."""
        return 0.55 * self.min_shared


@dataclass
class Row:
    id: str
    cells: dict[str, list[str]]  # source id -> paragraph ids, every source present
    score: float
    evidence: list[str]
    sentences: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # paragraph id -> matched sentence spans

    @property
    def sources(self) -> list[str]:
        return [s for s, ps in self.cells.items() if ps]

    @property
    def paragraphs(self) -> list[str]:
        return [p for ps in self.cells.values() for p in ps]

    def to_export(self) -> dict:
        return {
            "id": self.id,
            "cells": self.cells,
            "score": round(self.score, 3),
            "evidence": self.evidence,
            "sentences": {p: [list(s) for s in spans] for p, spans in self.sentences.items()},
        }


@dataclass
class Alignment:
    rows: list[Row]
    source_ids: list[str]
    anchor: str
    params: AlignParams
    evidence: Evidence


# ---------------------------------------------------------------- linking


@dataclass
class _Nodes:
    """Sentences with the same text are one node: wire copy repeated across
    outlets is scored once, and its copies count as already agreeing."""

    members: list[list[int]]  # node -> sentence indices
    sources: list[dict[str, int]]  # node -> source -> number of copies
    of: list[int]  # sentence index -> node
    places: list[dict[str, set[int]]]  # node -> source -> paragraph numbers


def _nodes(corpus: Corpus, evidence: Evidence) -> _Nodes:
    texts = {p.id: p.text for p in corpus.paragraphs()}
    index: dict[str, int] = {}
    members: list[list[int]] = []
    sources: list[dict[str, int]] = []
    of: list[int] = []
    places: list[dict[str, set[int]]] = []
    for i, ev in enumerate(evidence.sentences):
        key = texts[ev.paragraph][ev.start : ev.end]
        node = index.setdefault(key, len(members))
        if node == len(members):
            members.append([])
            sources.append({})
            places.append(defaultdict(set))
        members[node].append(i)
        sources[node][ev.source] = sources[node].get(ev.source, 0) + 1
        places[node][ev.source].add(_index(ev.paragraph))
        of.append(node)
    # Nodes are numbered in the order of their text, not of the files: where
    # two links weigh the same, the node numbers decide which is taken first,
    # and the result must not depend on the order or names of the files. For
    # the same reason a node's evidence is that of the copy whose evidence
    # sorts first: copies in reports of different days read "on Tuesday" as
    # different dates.
    for copies in members:
        if len(copies) > 1:
            copies.sort(key=lambda i: sorted(evidence.sentences[i].features.items()))
    by_text = sorted(index)
    renumber = [0] * len(members)
    for new, text in enumerate(by_text):
        renumber[index[text]] = new
    order = [index[text] for text in by_text]
    return _Nodes(
        [members[u] for u in order],
        [sources[u] for u in order],
        [renumber[u] for u in of],
        [places[u] for u in order],
    )


def _cross_pairs(a: dict[str, int], b: dict[str, int]) -> int:
    """Pairs of one sentence from each group that come from different sources."""
    if len(a) == 1 and len(b) == 1:
        (sa, na), (sb, nb) = next(iter(a.items())), next(iter(b.items()))
        return 0 if sa == sb else na * nb
    na, nb = sum(a.values()), sum(b.values())
    return na * nb - sum(n * b.get(s, 0) for s, n in a.items())


def _proposing(evidence: Evidence, params: AlignParams) -> set[str]:
    """The features rare enough to propose candidates from an inverted index."""
    max_df = max(params.min_common_df, int(params.common_fraction * evidence.paragraph_count))
    return {f for f, idf in evidence.idf.items() if evidence.paragraph_count / math.exp(idf) <= max_df + 0.5}


def _candidate_links(
    evidence: Evidence, nodes: _Nodes, params: AlignParams
) -> tuple[list[tuple[float, int, int, bool]], list[dict[str, float]], set[tuple[int, int]]]:
    """Scored node pairs, (shared weight, node, node, strong), each node's
    evidence weights, and the one-sided links: (x, y) when x shares enough
    with y and is y's best match in x's source, but y is not x's."""
    sents = evidence.sentences
    reps = [sents[m[0]] for m in nodes.members]
    weights = [evidence.weights(r) for r in reps]
    totals = [self_weight(w, r.groups) for w, r in zip(weights, reps, strict=True)]
    proposing = _proposing(evidence, params)

    postings: dict[str, list[int]] = {}
    common: list[dict[str, float]] = [{} for _ in weights]
    for u, w in enumerate(weights):
        for f, weight in w.items():
            if f in proposing:
                postings.setdefault(f, []).append(u)
            else:
                common[u][f] = weight
    common_total = [sum(c.values()) for c in common]

    # An upper bound of each pair's shared weight: u's weight of the proposing
    # features they share, plus all the common ones, then plus the common ones
    # they share; pairs that cannot reach a link are never scored. Nodes of one
    # source only are paired across sources only. Summed node by node, so that
    # only one node's partners are held at once.
    only_source = [next(iter(sources)) if len(sources) == 1 else "" for sources in nodes.sources]
    min_support = params.min_support
    reach = min_support * (1 - 1e-9)  # the bound is summed in another order: rounding must not drop a pair
    candidates: list[tuple[int, int]] = []
    for u, w in enumerate(weights):
        source = only_source[u]
        bound: dict[int, float] = defaultdict(float)
        for f, wf in w.items():
            holders = postings.get(f)  # in ascending order: the partners after u only
            if holders is not None:
                for v in islice(holders, bisect_right(holders, u), None):
                    bound[v] += wf
        own, own_common = common_total[u], common[u]
        for v, b in bound.items():
            if b + own < reach or b + common_total[v] < reach or (source and source == only_source[v]):
                continue
            if b < reach:
                other = common[v]
                b += sum(x if x < y else y for f, x in own_common.items() if (y := other.get(f)) is not None)
                if b < reach:
                    continue
            candidates.append((u, v))
    scored: list[tuple[float, float, float, int, int]] = []
    best: dict[tuple[int, str], float] = defaultdict(float)
    for u, total in enumerate(totals):
        for s in nodes.sources[u]:
            best[u, s] = total  # a word-for-word copy in that source
    for u, v in sorted(candidates):
        if not _cross_pairs(nodes.sources[u], nodes.sources[v]):
            continue
        shared = shared_weight(weights[u], weights[v], reps[u].groups, reps[v].groups)
        if shared < min_support:
            continue
        similarity = shared / math.sqrt(totals[u] * totals[v])
        containment = shared / max(totals[u], totals[v])
        scored.append((shared, similarity, containment, u, v))
        for s in nodes.sources[v]:
            best[u, s] = max(best[u, s], shared)
        for s in nodes.sources[u]:
            best[v, s] = max(best[v, s], shared)

    def near_best(u: int, v: int, shared: float) -> bool:
        return any(shared >= params.best_ratio * best[u, s] for s in nodes.sources[v] if s not in nodes.sources[u])

    # A fact is usually stated once per article: a strong link must be (nearly)
    # the best match each sentence has in the other's source.
    links: list[tuple[float, int, int, bool]] = []
    one_sided: set[tuple[int, int]] = set()
    weak: dict[int, set[int]] = defaultdict(set)
    for shared, similarity, containment, u, v in scored:
        coincidence = (similarity >= params.min_similarity or containment >= params.near_copy) \
            and _one_thing_in_common(weights[u], weights[v], shared, params)
        enough = not coincidence and (
            (shared >= params.min_shared and similarity >= params.min_similarity) or containment >= params.near_copy)
        u_best, v_best = enough and near_best(u, v, shared), enough and near_best(v, u, shared)
        strong = u_best and v_best
        if u_best != v_best:
            one_sided.add((v, u) if u_best else (u, v))
        if not strong and not coincidence and similarity >= params.min_similarity \
                and near_best(u, v, shared) and near_best(v, u, shared):
            weak[u].add(v)
            weak[v].add(u)
        links.append((shared, u, v, strong))
    corroborated = _corroborated(weak, nodes) | _between_neighbours(weak, nodes, links) | _twice_between(weak, nodes)
    if corroborated:
        links = [(shared, u, v, strong or (u, v) in corroborated) for shared, u, v, strong in links]
    links.sort(key=lambda t: (-t[0], t[1], t[2]))
    return links, weights, one_sided


def _one_thing_in_common(a: dict[str, float], b: dict[str, float], shared: float, params: AlignParams) -> bool:
    """Whether two sentences or paragraphs share little but one figure or one
    name: 1,200 staff and 1,200 landslides are a coincidence, not one fact,
    and so are two things a minister said or did on two occasions. Such a pair
    neither starts a fact nor is confirmed into one by its neighbours or a
    third report. A figure counts once, by its value or its closeness to
    another; a name by its heaviest part."""
    if len(a) > len(b):
        a, b = b, a
    figure = name = 0.0
    for f, w in a.items():
        if f in b:
            if f[0] in "fg" and not f.startswith(CLOSE_TIME_KEY):
                figure = max(figure, min(w, b[f]))
            elif f[0] == "n":
                name = max(name, min(w, b[f]))
    return (figure > 0.0 and shared - figure < params.beyond_figure * params.rare_unit) or (
        name > 0.0 and shared - name < params.beyond_name * params.rare_unit)


def _between_neighbours(
    weak: dict[int, set[int]], nodes: _Nodes, links: list[tuple[float, int, int, bool]]
) -> set[tuple[int, int]]:
    """Weak links whose paragraphs' neighbours, the one before in both sources
    or the one after in both, are strongly linked: two reports that tell
    the same passage in the same order confirm the step between."""
    if not weak:
        return set()
    strong: dict[int, set[int]] = defaultdict(set)
    for _, u, v, is_strong in links:
        if is_strong:
            strong[u].add(v)
            strong[v].add(u)
    in_paragraph: dict[tuple[str, int], list[int]] = defaultdict(list)
    for node, places in enumerate(nodes.places):
        for source, numbers in places.items():
            for number in numbers:
                in_paragraph[source, number].append(node)

    def linked(a: tuple[str, int], b: tuple[str, int]) -> bool:
        there = in_paragraph.get(b, [])
        return any(not strong.get(x, set()).isdisjoint(there) for x in in_paragraph.get(a, [])) if there else False

    out: set[tuple[int, int]] = set()
    for u, around in weak.items():
        for v in around:
            if v < u or (u, v) in out:
                continue
            if any(linked((sa, pa + d), (sb, pb + d))
                   for sa, pas in nodes.places[u].items() for sb, pbs in nodes.places[v].items() if sa != sb
                   for pa in pas for pb in pbs for d in (-1, 1)):
                out.add((u, v))
    return out


def _twice_between(weak: dict[int, set[int]], nodes: _Nodes) -> set[tuple[int, int]]:
    """Weak links that another weak link between the same two paragraphs, of
    two other sentences, confirms: two paragraphs that tell a passage sentence
    by sentence, in words that say too little one sentence at a time."""
    def place(node: int) -> tuple[str, int] | None:
        """The one paragraph a sentence is in; a sentence that several
        paragraphs copy word for word already agrees with its copies."""
        places = nodes.places[node]
        if len(places) != 1:
            return None
        ((source, numbers),) = places.items()
        return (source, next(iter(numbers))) if len(numbers) == 1 else None

    between: dict[tuple[tuple[str, int], tuple[str, int]], list[tuple[int, int]]] = defaultdict(list)
    for u, around in weak.items():
        a = place(u)
        if a is None:
            continue
        for v in around:
            if v > u and (b := place(v)) is not None:
                between[min(a, b), max(a, b)].append((u, v))
    out: set[tuple[int, int]] = set()
    for links in between.values():
        for i, (u1, v1) in enumerate(links):
            for u2, v2 in links[i + 1 :]:
                if len({u1, v1, u2, v2}) == 4:
                    out.update(((u1, v1), (u2, v2)))
    return out


def _corroborated(weak: dict[int, set[int]], nodes: _Nodes) -> set[tuple[int, int]]:
    """Weak links that a third source confirms: three sentences of three
    sources, each the other two's best match in its source and sharing at
    least half of what a strong link needs with each, are three tellings of one
    fact, though no two say enough alone ("is under tow to the Great Bitter
    Lake for inspection" / "is now anchored in the Great Bitter Lake, where its
    hull is being inspected" / "would be towed to the Great Bitter Lake ...
    where it would undergo a technical inspection")."""
    out: set[tuple[int, int]] = set()
    for u, around in weak.items():
        for v in around:
            if v < u:
                continue
            if nodes.sources[u].keys() & nodes.sources[v].keys():
                continue
            sources = nodes.sources[u].keys() | nodes.sources[v].keys()
            if any(not (nodes.sources[w].keys() & sources) for w in around & weak[v]):
                out.add((u, v))
    return out


# ---------------------------------------------------------------- clustering


def _root(parent: list[int], i: int) -> int:
    """The representative of ``i`` in a union-find forest, halving the path."""
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


class _Clusters:
    """Average-link clustering of nodes over a sparse graph of links."""

    def __init__(self, nodes: _Nodes) -> None:
        n = len(nodes.members)
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {u: [u] for u in range(n)}
        self.by_source: dict[int, dict[str, int]] = {u: dict(nodes.sources[u]) for u in range(n)}
        self.link_sum: dict[int, dict[int, float]] = defaultdict(dict)
        self.link_count: dict[int, dict[int, int]] = defaultdict(dict)
        self.node_links: dict[int, dict[int, float]] = defaultdict(dict)
        self.sources = nodes.sources

    def find(self, i: int) -> int:
        return _root(self.parent, i)

    def add_link(self, u: int, v: int, score: float, pairs: int) -> None:
        self.node_links[u][v] = self.node_links[v][u] = score
        for a, b in ((u, v), (v, u)):
            self.link_sum[a][b] = self.link_sum[a].get(b, 0.0) + score * pairs
            self.link_count[a][b] = self.link_count[a].get(b, 0) + pairs

    def average_link(self, a: int, b: int) -> tuple[float, float]:
        """(average shared weight, share of pairs linked) over the cross-source pairs."""
        pairs = _cross_pairs(self.by_source[a], self.by_source[b])
        if not pairs:
            return 0.0, 0.0
        return self.link_sum[a].get(b, 0.0) / pairs, self.link_count[a].get(b, 0) / pairs

    def source_link(self, u: int, b: int) -> tuple[float, float]:
        """(average, share linked) over the other sources in cluster ``b`` of
        node ``u``'s best link to each: a fact told in two sentences by one
        source is one telling of it."""
        best: dict[str, float] = {}
        links = self.node_links[u]
        for m in self.members[b]:
            score = links.get(m, 0.0)
            for s in self.sources[m]:
                if s not in self.sources[u] and score >= best.get(s, 0.0):
                    best[s] = score
        if not best:
            return 0.0, 0.0
        return sum(best.values()) / len(best), sum(1 for v in best.values() if v > 0) / len(best)

    def union(self, a: int, b: int) -> None:
        if len(self.members[a]) < len(self.members[b]):
            a, b = b, a
        self.parent[b] = a
        self.members[a] += self.members.pop(b)
        for s, n in self.by_source.pop(b).items():
            self.by_source[a][s] = self.by_source[a].get(s, 0) + n
        for table in (self.link_sum, self.link_count):
            merged: dict[int, dict[int, Any]] = table  # sums are floats, counts ints
            for other, value in merged.pop(b, {}).items():
                merged[other].pop(b, None)
                if other == a:
                    continue
                total = merged[a].get(other, 0) + value
                merged[a][other] = total
                merged[other][a] = total
            merged[a].pop(b, None)


def _cluster(
    nodes: _Nodes,
    links: list[tuple[float, int, int, bool]],
    params: AlignParams,
    weights: list[dict[str, float]],
    feature_groups: list[dict[str, int]],
    one_sided: AbstractSet[tuple[int, int]] = frozenset(),
) -> tuple[list[list[int]], list[list[int]]]:
    """Groups of nodes that state one fact; a node may sit in two. And the
    pairs a fact kept out: a sentence strongly linked to one of the fact's
    sentences, but not to most of its sources, and in no fact, with that
    sentence. The pair is one fact the two sources tell, whatever the others."""

    repeated = params.repeat_share * params.min_shared
    confirmed = params.confirmed_elsewhere * params.min_shared

    def related(a: int, b: int) -> bool:
        """A source tells a fact in one place: two facts with sentences of one
        source merge only when those sentences are neighbours or one repeats
        the other (a lead that a later paragraph tells again)."""
        for s in clusters.by_source[a].keys() & clusters.by_source[b].keys():
            mine = [x for x in clusters.members[a] if s in nodes.sources[x]]
            theirs = [y for y in clusters.members[b] if s in nodes.sources[y]]
            if not any(
                any(abs(i - j) <= 1 for i in nodes.places[x][s] for j in nodes.places[y][s])
                or shared_weight(weights[x], weights[y], feature_groups[x], feature_groups[y]) >= repeated
                for x in mine
                for y in theirs
            ):
                return False
        return True

    clusters = _Clusters(nodes)
    kept_out: dict[int, int] = {}  # node -> the partner of its strongest link that a fact refused
    for shared, u, v, _ in links:
        clusters.add_link(u, v, shared, _cross_pairs(nodes.sources[u], nodes.sources[v]))
    for _, u, v, strong in links:
        if not strong:
            continue
        a, b = clusters.find(u), clusters.find(v)
        if a == b:
            continue
        joining = len(clusters.members[a]) == 1 or len(clusters.members[b]) == 1  # one sentence, to a fact
        single, fact = (a, b) if len(clusters.members[a]) == 1 else (b, a)
        if not related(a, b):
            # "The real closed 2.6% stronger" two paragraphs before "Shares of Petrobras
            # tumbled 8.5%": one source splits a fact that the others tell in one place.
            if joining:
                average, linked = clusters.source_link(single, fact)
                if linked == 1.0 and average >= confirmed and len(clusters.by_source[fact]) >= 3:
                    clusters.union(a, b)
            continue
        if joining:
            average, linked = clusters.source_link(single, fact)
            need = params.quorum
        else:
            # Two facts told by several sources each merge only when nearly every
            # pair across them is linked: a chance link must not chain two facts.
            average, linked = clusters.average_link(a, b)
            several = len(clusters.by_source[a]) > 1 and len(clusters.by_source[b]) > 1
            need = params.merge_quorum if several else params.quorum
        if average >= params.min_average and linked >= need:
            clusters.union(a, b)
        elif joining:
            kept_out.setdefault(single, v if single == u else u)  # a lone sentence is its cluster's root
    # A sentence with no strong link of its own (its source repeats the fact
    # word for word, so it is nobody's best match) still joins a fact it is
    # linked to as strongly as a strong link, on average.
    for u in range(len(nodes.members)):
        a = clusters.find(u)
        if len(clusters.members[a]) > 1:
            continue
        best: tuple[float, int] | None = None
        for other in list(clusters.link_sum[a]):
            b = clusters.find(other)
            if len(clusters.by_source[b]) < 2 or not related(a, b):
                continue
            average, linked = clusters.source_link(u, b)
            if average >= params.min_shared and linked >= params.quorum:
                if best is None or average > best[0]:
                    best = (average, b)
        if best is not None:
            clusters.union(a, best[1])
    second = _second_facts(nodes, links, params, clusters, weights, one_sided)
    groups = [
        sorted(m + second.get(a, []))
        for a, m in clusters.members.items()
        if len(clusters.by_source[a]) > 1 or second.get(a)
    ]
    in_a_fact = {x for g in groups for x in g}
    pairs = [sorted((u, v)) for u, v in kept_out.items() if u not in in_a_fact]
    return sorted(groups), sorted(pairs)


def _merge_passages(
    groups: list[list[int]],
    nodes: _Nodes,
    evidence: Evidence,
    links: list[tuple[float, int, int, bool]],
    params: AlignParams,
) -> list[list[int]]:
    """Facts that share a paragraph, and whose other paragraphs are linked
    across them as a sentence joining a fact must be, are one passage that
    the sources cut into sentences differently ("the fire began on Tuesday
    | gusts of 60 mph drove it" against "it began Aug. 8, driven by 60 mph
    winds"): merge them. Paragraphs count as linked by their best sentences.
    Only where the two facts hold three sources or more: with two, the pairs a
    merge adds are those whose own link was too weak to join them, and no
    third report says they belong together. And not where a source tells the
    two facts in paragraphs of their own: that source says they are two, and
    the others only wrote them in one paragraph."""
    sents = evidence.sentences
    para_of = [sorted({sents[i].paragraph for i in m}) for m in nodes.members]
    source_of = {sents[i].paragraph: sents[i].source for m in nodes.members for i in m}
    para_links: dict[str, dict[str, float]] = defaultdict(dict)
    for shared, u, v, _ in links:
        for a in para_of[u]:
            for b in para_of[v]:
                if shared > para_links[a].get(b, 0.0):
                    para_links[a][b] = para_links[b][a] = shared
    members = [set(g) for g in groups]
    paras = [{p for u in g for p in para_of[u]} for g in groups]
    parent = list(range(len(groups)))
    grown: set[int] = set()  # groups that took in another since the ranking

    def find(x: int) -> int:
        return _root(parent, x)

    def agreement(x: int, y: int) -> tuple[float, float]:
        """(average link, share linked) over the cross-source pairs of the
        paragraphs only one of the two groups holds; unlinked pairs count 0."""
        only_x, only_y = paras[x] - paras[y], paras[y] - paras[x]
        per_source: dict[str, int] = defaultdict(int)
        for b in only_y:
            per_source[source_of[b]] += 1
        pairs = len(only_x) * len(only_y) - sum(per_source.get(source_of[a], 0) for a in only_x)
        if pairs <= 0:
            return 0.0, 0.0
        total, count = 0.0, 0
        for a in only_x:
            for b, score in para_links[a].items():
                if b in only_y and source_of[a] != source_of[b]:
                    total += score
                    count += 1
        return total / pairs, count / pairs

    def by_source(x: int) -> dict[str, set[str]]:
        out: dict[str, set[str]] = defaultdict(set)
        for p in paras[x]:
            out[source_of[p]].add(p)
        return out

    def told_apart(x: int, y: int) -> bool:
        """Whether a source tells the two facts in paragraphs of their own."""
        in_x, in_y = by_source(x), by_source(y)
        return any(not in_x[s] & in_y[s] for s in in_x.keys() & in_y.keys())

    groups_of: dict[str, list[int]] = defaultdict(list)
    for x, ps in enumerate(paras):
        for p in ps:
            groups_of[p].append(x)
    candidates = {(x, y) for xs in groups_of.values() for i, x in enumerate(xs) for y in xs[i + 1 :]}
    ranked = sorted(((*agreement(x, y), x, y) for x, y in candidates), key=lambda t: (-t[0], t[2], t[3]))
    for average, linked, x, y in ranked:
        x, y = find(x), find(y)
        if x == y:
            continue
        if x in grown or y in grown:
            average, linked = agreement(x, y)
        if average >= params.min_average and linked >= params.quorum \
                and len({source_of[p] for p in paras[x] | paras[y]}) >= 3 and not told_apart(x, y):
            parent[y] = x
            members[x] |= members[y]
            paras[x] |= paras[y]
            grown.add(x)
    return sorted(sorted(members[x]) for x in range(len(groups)) if find(x) == x)


def _second_facts(
    nodes: _Nodes,
    links: list[tuple[float, int, int, bool]],
    params: AlignParams,
    clusters: _Clusters,
    weights: list[dict[str, float]],
    one_sided: AbstractSet[tuple[int, int]] = frozenset(),
) -> dict[int, list[int]]:
    """Sentences that also state a second fact: "were forced to declare a
    ceasefire on Sept. 20 after a 24-hour operation" belongs with the other
    reports of the ceasefire and with those of the operation. A sentence joins a
    fact besides its own when it is linked to the fact's sentences as a sentence
    joining it would be, and what it shares with them is mostly not what it
    shares with its own fact. Returns fact -> extra sentences."""
    profiles: dict[int, dict[str, tuple[float, int]]] = {}

    def profile(fact: int) -> dict[str, tuple[float, int]]:
        """Feature -> (largest weight, number of members) over a fact's sentences."""
        if fact not in profiles:
            out: dict[str, tuple[float, int]] = {}
            for m in clusters.members[fact]:
                for f, w in weights[m].items():
                    top, count = out.get(f, (0.0, 0))
                    out[f] = (max(top, w), count + 1)
            profiles[fact] = out
        return profiles[fact]

    extra: dict[int, list[int]] = defaultdict(list)
    extra_sources: dict[int, set[str]] = defaultdict(set)
    for _, u, v, strong in links:
        ways: tuple[tuple[int, int], ...]
        if strong:
            ways = ((u, v), (v, u))
        else:
            ways = tuple(w for w in ((u, v), (v, u)) if w in one_sided)
        for x, y in ways:
            home, fact = clusters.find(x), clusters.find(y)
            if home == fact or set(nodes.sources[x]) & (set(clusters.by_source[fact]) | extra_sources[fact]):
                continue
            average, linked = clusters.source_link(x, fact)
            if average < params.min_average or linked < params.quorum:
                continue
            theirs, own = profile(fact), profile(home)
            there = {f: min(w, theirs[f][0]) for f, w in weights[x].items() if f in theirs}
            overlap = sum(w for f, w in there.items() if own[f][1] > 1)  # x itself is one of its own fact's
            if overlap > params.distinct_evidence * sum(there.values()):
                continue
            extra[fact].append(x)
            extra_sources[fact].update(nodes.sources[x])
    return extra


# ---------------------------------------------------------------- rows


def _row_id(cells: dict[str, list[str]]) -> str:
    key = "|".join(p for ps in cells.values() for p in sorted(ps))
    return "r-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _fact_rows(
    corpus: Corpus,
    evidence: Evidence,
    nodes: _Nodes,
    node_groups: list[list[int]],
    link_scores: dict[tuple[int, int], float],
) -> list[Row]:
    sents = evidence.sentences
    source_ids = [s.id for s in corpus.sources]
    by_members: dict[tuple[str, ...], Row] = {}
    merged: list[Row] = []
    for node_group in node_groups:
        group = sorted(i for u in node_group for i in nodes.members[u])
        found: dict[str, set[str]] = defaultdict(set)
        spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for i in group:
            ev = sents[i]
            found[ev.source].add(ev.paragraph)
            spans[ev.paragraph].append((ev.start, ev.end))
        if len(found) < 2:
            continue
        cells = {s: sorted(found.get(s, ()), key=lambda pid: int(pid.rsplit(":p", 1)[1])) for s in source_ids}
        scores = [
            link_scores[u, v] for x, u in enumerate(node_group) for v in node_group[x + 1 :] if (u, v) in link_scores
        ]
        if len(node_group) == 1:
            scores = [1.0]  # the same sentence, word for word, in several sources
        key = tuple(p for ps in cells.values() for p in ps)
        score = sum(scores) / len(scores) if scores else 0.0
        if key in by_members:
            row = by_members[key]
            row.score = max(row.score, score)
            for p, sp in spans.items():
                row.sentences[p] = sorted(set(row.sentences.get(p, [])) | set(sp))
            merged.append(row)
            continue
        by_members[key] = Row(
            id=_row_id(cells),
            cells=cells,
            score=min(1.0, score),
            evidence=_shared_labels(evidence, group),
            sentences={p: sorted(set(sp)) for p, sp in spans.items()},
        )
    if merged:
        by_paragraph = _sentences_by_paragraph(evidence)
        for row in merged:
            row.evidence = _told_labels(evidence, row, by_paragraph)
    return _drop_contained(list(by_members.values()), evidence)


def _sentences_by_paragraph(evidence: Evidence) -> dict[str, list[int]]:
    out: dict[str, list[int]] = defaultdict(list)
    for i, ev in enumerate(evidence.sentences):
        out[ev.paragraph].append(i)
    return out


def _told_labels(evidence: Evidence, row: Row, by_paragraph: dict[str, list[int]]) -> list[str]:
    """The evidence of all the sentences a row tells, as one list: a row that
    took in another fact's sentences names what they share once, not two
    lists side by side."""
    sents = evidence.sentences
    told = [i for p in row.paragraphs for i in by_paragraph[p]
            if (sents[i].start, sents[i].end) in row.sentences.get(p, ())]
    return _shared_labels(evidence, told)


def _drop_contained(rows: list[Row], evidence: Evidence) -> list[Row]:
    """A row whose paragraphs all sit in a larger row adds nothing to read: its
    sentences go to the larger row, whose evidence then covers them."""
    member_sets = [set(r.paragraphs) for r in rows]
    hosts: list[Row] = []
    keep = []
    for i, r in enumerate(rows):
        inside = [
            j
            for j, other in enumerate(member_sets)
            if j != i and member_sets[i] < other
        ]
        if inside:
            host = rows[inside[0]]
            for p, sp in r.sentences.items():
                host.sentences[p] = sorted(set(host.sentences.get(p, [])) | set(sp))
            hosts.append(host)
            continue
        keep.append(r)
    if hosts:
        by_paragraph = _sentences_by_paragraph(evidence)
        for host in hosts:
            host.evidence = _told_labels(evidence, host, by_paragraph)
    return keep


_CLOSE_SHOWN = 3  # figures named in a label of close figures


def _shared_labels(evidence: Evidence, group: list[int]) -> list[str]:
    """The evidence the sources in a fact have in common, heaviest first, in words."""
    sents = evidence.sentences
    by_feature: dict[str, set[str]] = defaultdict(set)
    labels: dict[str, str] = {}
    nearby: dict[str, dict[object, str]] = defaultdict(dict)  # a close-figure feature -> its figures by value
    for i in group:
        for f in sents[i].features:
            by_feature[f].add(sents[i].source)
            label = sents[i].labels.get(f, f[2:])
            labels.setdefault(f, label)
            if f[0] == "g":
                value = next(((fig.value, fig.unit) for fig in sents[i].figures
                              if label in (CLOSE_FIGURE + unhedged(fig.text), CLOSE_TIME + unhedged(fig.text))), label)
                nearby[f].setdefault(value, label)
    for f, told in nearby.items():
        # "figures 360 ≈ 377": what is close to what, not only the first of them
        for near, plural in ((CLOSE_FIGURE, "figures "), (CLOSE_TIME, "times ")):
            values = [label[len(near):] for label in told.values() if label.startswith(near)]
            if len(values) > 1 and len(by_feature[f]) > 1:
                labels[f] = plural + " ≈ ".join(values[:_CLOSE_SHOWN])
    shared = [
        (evidence.weight(f, sents[group[0]].features.get(f, 1.0)) * len(srcs), f)
        for f, srcs in by_feature.items()
        if len(srcs) > 1 and evidence.idf.get(f, 0) > 0
    ]
    shared.sort(key=lambda t: (-t[0], t[1]))
    order = {"f": 0, "g": 0, "q": 1, "n": 2, "d": 3, "h": 3, "m": 3, "t": 4, "y": 5, "s": 6, "w": 7}
    dated_months = {int(f[2:]) // 100 for _, f in shared if f[0] == "d"}  # "date Sept. 20" tells the month
    top: list[str] = []
    for _, f in shared:  # the parts of one name share its label: the name counts once
        if f[0] == "m" and int(f[2:]) in dated_months:
            continue
        if labels[f] not in {labels[t] for t in top}:
            top.append(f)
            if len(top) == 8:
                break
    top.sort(key=lambda f: order[f[0]])
    out: list[str] = []
    words: list[str] = []
    for f in top:
        if f[0] in "sw":
            words.append(labels[f])
        else:
            out.append(labels[f])
    if words:
        out.append("words " + ", ".join(dict.fromkeys(words)))
    # "figure close to 25" says nothing more when "figure 25" or "figure about 25" is there, nor
    # "time close to 1:28 a.m." beside "time 1:28 a.m.".
    for kind, close in (("figure ", CLOSE_FIGURE), ("time ", CLOSE_TIME)):
        stated = {unhedged(label[len(kind):]) for label in out if label.startswith(kind) and not label.startswith(close)}
        out = [label for label in out if not (label.startswith(close) and label[len(close):] in stated)]
    return list(dict.fromkeys(out))


def _paragraph_evidence(
    evidence: Evidence, weights: list[dict[str, float]], node_of: list[int], sentences: dict[str, list[int]]
) -> tuple[dict[str, dict[str, float]], dict[str, dict[str, int]]]:
    """Each paragraph's evidence weights, the heaviest of its sentences' (as
    their nodes weighed them), and the groups of features that count once.
    Copies of one paragraph share one bag, as their sentences share their
    features. ``sentences``: paragraph -> its sentence indices."""
    made: dict[tuple[int, ...], tuple[dict[str, float], dict[str, int]]] = {}
    bags: dict[str, dict[str, float]] = {}
    groups: dict[str, dict[str, int]] = {}
    for p, ids in sentences.items():
        key = tuple(id(evidence.sentences[i].features) for i in ids)
        if key not in made:
            bag: dict[str, float] = {}
            grouped: dict[str, int] = {}
            for i in ids:
                ev = evidence.sentences[i]
                for f, w in weights[node_of[i]].items():
                    if w > bag.get(f, 0.0):
                        bag[f] = w
                    g = ev.groups.get(f)
                    if g is not None and f not in grouped:
                        grouped[f] = ev.index * 1_000_000 + g
            made[key] = bag, grouped
        bags[p], groups[p] = made[key]
    return bags, groups


def _attach_paragraphs(
    rows: list[Row], evidence: Evidence, params: AlignParams, weights: list[dict[str, float]], node_of: list[int]
) -> list[Row]:
    """A fact a source tells across a paragraph's sentences, none of which says
    enough alone: a paragraph that as a whole shares enough with a row's
    paragraphs in most of its sources, as a sentence joining a fact must, joins
    that row. Decided on the rows as the sentences made them, so the order of
    the paragraphs does not matter."""
    source_of = {ev.paragraph: ev.source for ev in evidence.sentences}
    sentence_ids = _sentences_by_paragraph(evidence)
    bags, groups = _paragraph_evidence(evidence, weights, node_of, sentence_ids)
    multi = [r for r in rows if len(r.sources) > 1]
    sources_of = [r.sources for r in multi]
    # Feature -> row -> how many of the row's sources have it: a bound of what
    # a paragraph can share with the row's sources on average.
    profile: dict[str, dict[int, int]] = defaultdict(dict)
    for x, row in enumerate(multi):
        for s in sources_of[x]:
            for f in {f for q in row.cells[s] for f in bags[q]}:
                profile[f][x] = profile[f].get(x, 0) + 1
    # Copies of a paragraph share one bag: everything below is computed once per bag.
    totals: dict[int, float] = {}
    link_cache: dict[tuple[int, int], float] = {}
    bounds: dict[int, dict[int, float]] = {}

    def total(p: str) -> float:
        key = id(bags[p])
        if key not in totals:
            totals[key] = self_weight(bags[p], groups[p])
        return totals[key]

    def link(p: str, q: str) -> float:
        a, b = id(bags[p]), id(bags[q])
        key = (a, b) if a < b else (b, a)
        if key not in link_cache:
            shared = shared_weight(bags[p], bags[q], groups[p], groups[q])
            strong = shared >= params.min_shared and shared >= params.min_similarity * math.sqrt(total(p) * total(q))
            link_cache[key] = shared if strong else 0.0
        return link_cache[key]

    def bound(p: str) -> dict[int, float]:
        """Row -> the most p can share with the row's sources together."""
        key = id(bags[p])
        if key not in bounds:
            loose: dict[int, float] = defaultdict(float)
            grouped: dict[tuple[int, int], float] = {}
            for f, w in bags[p].items():
                g = groups[p].get(f)
                for x, n in profile.get(f, {}).items():
                    if g is None:
                        loose[x] += w * n
                    elif w * n > grouped.get((x, g), 0.0):
                        grouped[x, g] = w * n
            for (x, _), w in grouped.items():
                loose[x] += w
            bounds[key] = loose
        return bounds[key]

    def fits(p: str, x: int) -> float:
        """The average over row x's sources of p's best link there, or 0
        when fewer than a quorum of them are linked."""
        sources = sources_of[x]
        allowed = len(sources) * (1.0 - params.quorum)
        summed, missed = 0.0, 0
        for s in sources:
            best = max(link(p, q) for q in multi[x].cells[s])
            if not best:
                missed += 1
                if missed > allowed:
                    return 0.0
            summed += best
        return summed / len(sources)

    chosen: dict[tuple[int, str], tuple[float, int, str]] = {}  # (row, source) -> its best paragraph
    min_shared = params.min_shared
    least = [min_shared * len(sources) for sources in sources_of]
    for p in sorted(bags):
        source = source_of[p]
        best: tuple[float, int] | None = None
        for x in sorted(x for x, most in bound(p).items() if most >= least[x] and not multi[x].cells[source]):
            average = fits(p, x)
            if average >= min_shared and (best is None or average > best[0]):
                best = (average, x)
        if best is not None:
            candidate = (best[0], -_index(p), p)
            chosen[best[1], source] = max(chosen.get((best[1], source), candidate), candidate)
    sents = evidence.sentences
    for (x, source), (_, _, p) in sorted(chosen.items()):
        row = multi[x]
        row.cells[source] = [p]
        row.sentences[p] = [(sents[i].start, sents[i].end) for i in sentence_ids[p]]
        row.id = _row_id(row.cells)
        row.evidence = _told_labels(evidence, row, sentence_ids)
    return _drop_contained(rows, evidence) if chosen else rows


_FEW_HOLDERS = 8  # leftover paragraphs holding a feature, for it to propose them to each other


def _pair_leftovers(
    rows: list[Row], evidence: Evidence, params: AlignParams, weights: list[dict[str, float]], nodes: _Nodes,
    links: list[tuple[float, int, int, bool]], source_ids: list[str],
) -> list[Row]:
    """Paragraphs that no fact placed beside another source's: two of them from
    different sources that share a rare feature or whose sentences share some
    evidence, and that as wholes share enough, as a strong link must, and are
    each other's best such match, form a row; so do three or more that are all
    each other's. What they share must be a larger part of them than a
    sentence link's: two whole paragraphs hold more words to share by chance,
    and no fact or third report vouches for them."""
    placed = {p for r in rows if len(r.sources) > 1 for p in r.paragraphs}
    source_of = {ev.paragraph: ev.source for ev in evidence.sentences}
    sentence_ids: dict[str, list[int]] = defaultdict(list)
    for i, ev in enumerate(evidence.sentences):
        if ev.paragraph not in placed:
            sentence_ids[ev.paragraph].append(i)
    if len({source_of[p] for p in sentence_ids}) < 2:
        return rows
    bags, groups = _paragraph_evidence(evidence, weights, nodes.of, sentence_ids)
    totals = {p: self_weight(bags[p], groups[p]) for p in bags}
    # Candidates: paragraphs whose sentences share some evidence, as the scored
    # sentence pairs found, and paragraphs that share a word few others hold
    # ("blankets", "porridge", "umbrellas", one to a sentence).
    candidates: set[tuple[str, str]] = set()
    holders: dict[str, list[str]] = defaultdict(list)
    for p, bag in bags.items():
        for f in bag:
            holders[f].append(p)
    for ps in holders.values():
        if 1 < len(ps) <= _FEW_HOLDERS:
            for x, p in enumerate(ps):
                for q in ps[x + 1:]:
                    if source_of[p] != source_of[q]:
                        candidates.add((p, q) if p < q else (q, p))
    sents = evidence.sentences
    for _, u, v, _ in links:
        for i in nodes.members[u]:
            p = sents[i].paragraph
            if p not in bags:
                continue
            for j in nodes.members[v]:
                q = sents[j].paragraph
                if q in bags and sents[i].source != sents[j].source:
                    candidates.add((p, q) if p < q else (q, p))
    best: dict[tuple[str, str], tuple[float, str | None]] = {}  # None: two match it equally well
    scores: dict[tuple[str, str], float] = {}
    for p, q in sorted(candidates):
        shared = shared_weight(bags[p], bags[q], groups[p], groups[q])
        if shared < params.min_shared \
                or shared < params.leftover_similarity * params.min_similarity * math.sqrt(totals[p] * totals[q]) \
                or _one_thing_in_common(bags[p], bags[q], shared, params):
            continue
        scores[p, q] = shared
        for a, b in ((p, q), (q, p)):
            key = (a, source_of[b])
            if key not in best or shared > best[key][0]:
                best[key] = (shared, b)
            elif shared == best[key][0]:
                best[key] = (shared, None)
    mutual = {(p, q): shared for (p, q), shared in scores.items()
              if best[p, source_of[q]][1] == q and best[q, source_of[p]][1] == p}
    # Strongest first, a paragraph joins a group only if it is the mutual best
    # match of every paragraph in it: A-B and B-C make no row of A and C alone.
    group_of: dict[str, list[str]] = {}
    groups_made: list[list[str]] = []
    for (p, q), _ in sorted(mutual.items(), key=lambda item: (-item[1], item[0])):
        if p in group_of and q in group_of:
            continue
        if p not in group_of and q not in group_of:
            group_of[p] = group_of[q] = [p, q]
            groups_made.append(group_of[p])
            continue
        group, other = (group_of[p], q) if p in group_of else (group_of[q], p)
        if source_of[other] not in {source_of[x] for x in group} \
                and all(((x, other) if x < other else (other, x)) in mutual for x in group):
            group.append(other)
            group_of[other] = group
    for group in groups_made:
        cells: dict[str, list[str]] = {s: [] for s in source_ids}
        for p in sorted(group):
            cells[source_of[p]].append(p)
        told = [i for p in group for i in sentence_ids[p]]
        strongest = max(scores.get((a, b), 0.0) for a in group for b in group)
        rows.append(Row(
            id=_row_id(cells), cells=cells,
            score=min(1.0, strongest / (2 * params.min_shared)),
            evidence=_shared_labels(evidence, told),
            sentences={p: [(sents[i].start, sents[i].end) for i in sentence_ids[p]] for p in group},
        ))
    return rows


def _choose_anchor(corpus: Corpus, rows: list[Row]) -> str:
    counts: dict[str, int] = defaultdict(int)
    for r in rows:
        for s in r.sources:
            counts[s] += 1
    return min(corpus.sources, key=lambda s: (-counts.get(s.id, 0), -len(s.paragraphs), s.id)).id


def _index(pid: str) -> int:
    return int(pid.rsplit(":p", 1)[1])


def order_rows(rows: list[Row], source_ids: list[str], anchor: str) -> list[Row]:
    """Reading order: the anchor source's order; every other row goes where its
    paragraphs' neighbours are. For each of its sources, a row without an
    anchor paragraph is placed between the nearest paragraphs before and after
    it in that source that share a row with the anchor, spread in proportion,
    and at the middle of those places over its sources. A paragraph that one
    source reports out of step moves only its own row."""
    first_in: list[dict[str, int]] = [
        {s: min(_index(p) for p in ps) for s, ps in r.cells.items() if ps} for r in rows
    ]
    place: list[float | None] = [float(f[anchor]) if anchor in f else None for f in first_in]
    end = max((p for p in place if p is not None), default=0.0) + 1.0
    rows_at: dict[str, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, r in enumerate(rows):
        for s, ps in r.cells.items():
            for p in ps:
                rows_at[s][_index(p)].append(i)
    estimates: list[list[float]] = [[] for _ in rows]
    for s in source_ids:
        indices = sorted(rows_at[s])
        # (position in the source, place in the anchor's order) of its anchored paragraphs
        known = [(-1, -1.0)]
        for k in indices:
            anchored = [spot for i in rows_at[s][k] if (spot := place[i]) is not None]
            if anchored:
                known.append((k, min(anchored)))
        known.append((len(indices) and indices[-1] + 1, end))
        j = 0
        for k in indices:
            while known[j + 1][0] <= k:
                j += 1
            (k0, p0), (k1, p1) = known[j], known[j + 1]
            if k == k0:
                continue
            share = (k - k0) / (k1 - k0)
            estimate = p0 + (p1 - p0) * share if p1 > p0 else p0 + share
            for i in rows_at[s][k]:
                if place[i] is None and first_in[i][s] == k:
                    estimates[i].append(estimate)

    def key(i: int) -> tuple[float, int, str]:
        known_place = place[i]
        if known_place is not None:
            return (known_place, 0, rows[i].id)
        ests = sorted(estimates[i])
        if not ests:
            return (math.inf, 1, rows[i].id)
        middle = len(ests) // 2
        return (ests[middle] if len(ests) % 2 else (ests[middle - 1] + ests[middle]) / 2, 1, rows[i].id)

    return [rows[i] for i in sorted(range(len(rows)), key=key)]


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Aligning allocates millions of small objects (features, candidate pairs,
    cells) that reference counting frees; the cycle collector would walk them
    again and again and find nothing: a sixth of the time on 200 articles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def align(corpus: Corpus, strictness: float = DEFAULT_STRICTNESS, evidence: Evidence | None = None) -> Alignment:
    """Align the corpus. The result does not depend on the order of the files."""
    if not 0.0 <= strictness <= 1.0:
        raise ValueError("strictness must be between 0 and 1")
    with _collector_paused():
        return _align(corpus, strictness, evidence)


def _align(corpus: Corpus, strictness: float, evidence: Evidence | None) -> Alignment:
    evidence = evidence or build_evidence(corpus)
    params = AlignParams(strictness=strictness, rare_unit=evidence.rare_unit)
    nodes = _nodes(corpus, evidence)
    links, weights, one_sided = _candidate_links(evidence, nodes, params)
    link_scores = {(u, v): min(1.0, s / (2 * params.min_shared)) for s, u, v, _ in links}
    node_groups = [evidence.sentences[m[0]].groups for m in nodes.members]
    groups, pairs = _cluster(nodes, links, params, weights, node_groups, one_sided)
    groups = _merge_passages(groups, nodes, evidence, links, params)  # a pair stays a pair
    rows = _fact_rows(corpus, evidence, nodes, sorted(groups + pairs), link_scores)
    rows = _attach_paragraphs(rows, evidence, params, weights, nodes.of)
    source_ids = [s.id for s in corpus.sources]
    rows = _pair_leftovers(rows, evidence, params, weights, nodes, links, source_ids)
    placed = {p for r in rows for p in r.paragraphs}
    for src in corpus.sources:
        for p in src.paragraphs:
            if p.id not in placed:
                cells: dict[str, list[str]] = {s: [] for s in source_ids}
                cells[src.id] = [p.id]
                rows.append(Row(id=_row_id(cells), cells=cells, score=0.0, evidence=[]))
    anchor = _choose_anchor(corpus, rows)
    return Alignment(order_rows(rows, source_ids, anchor), source_ids, anchor, params, evidence)

