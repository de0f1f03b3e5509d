"""The graph build: corpus and curated facts in, a validated graph and its serialisations out.

Steps run in pipeline order (read, curate, assemble, validate, serialise) and
no output is written here: the serialisations are kept in a folder of the
build's own (serialize.Outputs), and the caller writes them out only after
every step has passed, so a failed build leaves the previous outputs as they
were.
"""

from __future__ import annotations

import shutil
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from graph.assemble import CURATION_GRAPH, CURATORS, ONTOLOGY_GRAPH, READER, assemble, union
from graph.curate.loader import Curation, load_curation
from graph.errors import BuildError
from graph.model.namespaces import OA
from graph.links.table import load_links
from graph.model.ontology import load_shapes, vocabulary
from graph.model.terms import RG
from graph.parallel import collector_paused, together
from graph.resources import DEFAULT_CORPUS, data_dir as shipped_data, ontology_dir
from graph.validate import parts
from graph.verdicts import Verdicts, validator_digest
from graph.write import readback, serialize

SUMMARY_CLASSES = ("Person", "Organization", "Group", "Place", "LegalInstrument", "Event", "Office",
                   "OfficeTerm", "Publication", "Evidence")


@dataclass
class BuildResult:
    dataset: Dataset
    graph: Graph
    curation: Curation
    outputs: serialize.Outputs  # file name: text, kept on disk until read
    written: list[Path] = field(default_factory=list)
    verdicts: Verdicts | None = None  # how many report parts were validated, and how many were known
    seconds: dict[str, float] = field(default_factory=dict)  # wall time per step, for bench/ (never in outputs)


class Clock:
    """Wall time per build step, summed by name: where a build's time goes, for the benchmarks."""

    def __init__(self):
        self.seconds: dict[str, float] = {}

    def step(self, name: str, call, *args):
        start = time.perf_counter()
        try:
            return call(*args)
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start


def load(data_dir: Path, corpus: Path) -> Curation:
    """The curated facts with their link table: what the assembler needs, read and cross-checked."""
    curation = load_curation(data_dir, corpus)
    links_file = data_dir / "links.yaml"
    if links_file.exists():
        curation.links = load_links(links_file, set(curation.entities))
    return curation


def instances(graph: Graph, cls: URIRef) -> set:
    """Instances of cls and its subclasses, following rdfs:subClassOf in the graph."""
    classes = set(graph.transitive_subjects(RDFS.subClassOf, cls))
    return {s for c in classes for s in graph.subjects(RDF.type, c)}


def check_assertions(curation: Curation, graph: Graph) -> None:
    """Each source's minimum counts (data/sources.yaml) must be met."""
    for sid, source in sorted(curation.sources.items()):
        doc = curation.documents[sid]
        found = {
            "sentences": len(doc.sentences),
            "sections": len(doc.sections),
            "news_items": len(doc.news),
            "events": sum(1 for e in curation.events.values() if e.doc == sid),
        }
        for name, minimum in sorted(source.assertions.items()):
            if name not in found:
                raise BuildError(source.where, f"{sid!r}: unknown assertion {name!r} (known: {', '.join(sorted(found))})")
            if found[name] < minimum:
                raise BuildError(source.where, f"{sid!r}: expected at least {minimum} {name}, found {found[name]} in {doc.name}")


WRITERS = {"graph.jsonld": serialize.jsonld, "graph.ttl": serialize.turtle, "graph.trig": serialize.trig,
           "graph.nt": serialize.ntriples}  # slowest first (at 1,000 reports), so that two workers finish together


def _write(graphs: tuple[Graph, Dataset, int, int, Path], name: str) -> tuple[Path, float, float]:
    """One serialisation, read back, then kept in a file of the folder given (serialize.Outputs), and the seconds
    writing and reading back took; TriG is written from the named graphs (and holds `quads` statements), the
    others from their union (`triples`). Read back in the worker that wrote it, so the four checks run side by
    side too; only the file's name crosses the pipe. A writer makes no garbage cycles, but millions of objects
    that live until it is done, which the cycle collector would walk again and again (JSON-LD took 2.95 s
    instead of 2.1 s for 300 reports): the build pauses it, and so does a worker while a piece runs
    (graph/parallel.py)."""
    graph, dataset, triples, quads, folder = graphs
    start = time.perf_counter()
    data = readback.utf8(name, WRITERS[name](dataset if name == "graph.trig" else graph))  # the bytes write_atomic writes
    written = time.perf_counter()  # the text is gone before it is read back: pyoxigraph holds a JSON-LD document whole
    readback.check(name, data, quads if name == "graph.trig" else triples, streaming=True)  # JSON-LD node by node
    checked = time.perf_counter()
    kept = folder / name
    kept.write_bytes(data)
    return kept, written - start, checked - written


def _timed(given: tuple, piece) -> tuple[object, float]:
    """call(state, piece) for given (call, state), and the seconds it took: where a worker's time went."""
    call, state = given
    start = time.perf_counter()
    return call(state, piece), time.perf_counter() - start


def build(corpus: Path = DEFAULT_CORPUS, data_dir: Path | None = None, cache: Path | None = None,
          jobs: int | None = None) -> BuildResult:
    """Run the pipeline and return the graph with its serialisations; raise BuildError on bad input.

    Facts without a source are refused by the SHACL shapes (rgs:Sourced), the
    one place that rule is written. With a cache folder, reports whose part of
    the graph was validated before are not validated again (graph/verdicts.py); the others are validated
    side by side on `jobs` processes (every core by default), and so are the four serialisations.
    """
    with collector_paused():
        return _build(corpus, data_dir, cache, jobs)


def _build(corpus: Path, data_dir: Path | None, cache: Path | None, jobs: int | None) -> BuildResult:
    clock = Clock()
    data_dir = data_dir if data_dir is not None else shipped_data()
    curation = clock.step("load", load, data_dir, corpus)
    dataset = clock.step("assemble", assemble, curation)
    graph = clock.step("union", union, dataset)
    shared = {ONTOLOGY_GRAPH, CURATION_GRAPH}
    reports = {str(g.identifier): g for g in dataset.graphs() if isinstance(g.identifier, URIRef)
               and g.identifier not in shared and len(g)}
    verdicts = Verdicts(cache, validator_digest(ontology_dir()))
    work = clock.step("validate: parts prepared", parts, reports, [dataset.graph(i) for i in sorted(shared)],
                      load_shapes(), verdicts)
    # The four writers, the slowest first, then the validation's parts, on one pool (graph/parallel.py): the
    # writers need nothing the validation finds, and no output is written out unless it passes. Each output is
    # the writer's alone, whichever process ran it, and is read back (graph/write/readback.py) by that process.
    quads = sum(len(g) for g in dataset.graphs())
    folder = serialize.outputs_folder()  # serialize.Outputs removes it (or, if this build is killed, the next build)
    judge, state, pieces = work.job
    try:
        written, judged = clock.step("validate and write", together,
                                     [(_write, (graph, dataset, len(graph), quads, folder), list(WRITERS)),
                                      (_timed, (judge, state), pieces)], jobs)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    outputs = serialize.Outputs(folder)  # from here on, the folder goes with the outputs
    clock.seconds["validate: parts judged"] = sum(seconds for _, seconds in judged)
    violations = work.verdict([answer for answer, _ in judged])
    if violations:
        shown = "; ".join(str(v) for v in violations[:10])
        more = f" (and {len(violations) - 10} more)" if len(violations) > 10 else ""
        raise BuildError("SHACL", f"{len(violations)} violation(s): {shown}{more}")
    check_assertions(curation, graph)
    written = dict(zip(WRITERS, written))
    clock.seconds.update({f"write {name}": seconds for name, (_, seconds, _) in written.items()})
    clock.seconds["read back"] = sum(checked for _, _, checked in written.values())
    for name in ("graph.ttl", "graph.nt", "graph.jsonld", "graph.trig"):
        outputs.keep(name, written[name][0])
    return BuildResult(dataset, graph, curation, outputs, verdicts=verdicts, seconds=clock.seconds)


def uncovered(result: BuildResult) -> list[tuple[str, object]]:
    """(source id, sentence) for every text sentence of a report that no curated fact points at.

    Read off the built graph (evidence attributed to the curators), so whatever
    the assembler turns into evidence counts, and nothing else does. Headings,
    titles and datelines are the corpus reader's, not the curators'.
    """
    g = result.graph
    pointed: set[tuple[str, int]] = set()
    for node in g.subjects(PROV.wasAttributedTo, CURATORS):
        if (node, RDF.type, RG.Evidence) in g:
            source = g.value(node, OA.hasSource)
            pointed.add((str(g.value(source, RG.fileName)), int(g.value(node, RG.sentenceIndex))))
    out = []
    for doc_id, doc in sorted(result.curation.documents.items()):
        for s in doc.sentences:
            if s.kind == "text" and (doc.name, s.index) not in pointed:
                out.append((doc_id, s))
    return out


def coverage_line(result: BuildResult) -> str:
    total = sum(1 for doc in result.curation.documents.values() for s in doc.sentences if s.kind == "text")
    left = len(uncovered(result))
    share = 100 * (total - left) / total if total else 100.0
    return (f"coverage: {total - left} of {total} report sentences ({share:.0f}%) carry a curated fact; "
            f"{left} do not (rightsgraph build --uncovered lists them)")


def summary(result: BuildResult) -> str:
    """A few lines for the terminal: counts by class, events by year, unsourced facts."""
    g = result.graph
    lines = [f"triples: {len(g)}"]
    counts = {c: len(instances(g, RG[c])) for c in SUMMARY_CLASSES}
    lines.append("by class: " + ", ".join(f"{c} {n}" for c, n in counts.items()))
    years: Counter[str] = Counter()
    for event in instances(g, RG.Event):
        when = g.value(event, RG.date) or g.value(event, RG.startDate)
        years[str(when)[:4] if when is not None else "undated"] += 1
    lines.append("events by year: " + ", ".join(f"{y} {n}" for y, n in sorted(years.items())))
    vocab = vocabulary()
    types: Counter[str] = Counter()
    for event in instances(g, RG.Event):
        cls = g.value(event, RDF.type)
        types[vocab.top_event_type(str(cls).rsplit("#", 1)[-1]) or "other"] += 1
    lines.append("events by type: " + ", ".join(f"{t} {n}" for t, n in sorted(types.items())))
    # Counted as queries/counts_facts_by_provenance.rq counts them: facts, not the evidence nodes they point at.
    curated, read = (sum(1 for s in set(g.subjects(PROV.wasAttributedTo, agent)) if (s, RDF.type, RG.Evidence) not in g)
                     for agent in (CURATORS, READER))
    lines.append(f"provenance: {curated} facts by the curators, {read} found by the corpus reader "
                 "(evidence nodes not counted, as in the counts_facts_by_provenance query)")
    lines.append("facts without a source: 0 (the SHACL shapes refuse a build with any)")
    if result.verdicts is not None and result.verdicts.folder is not None:
        v = result.verdicts
        lines.append(f"validation: {v.misses} of {v.misses + v.hits} parts validated (each report, and the shared graphs "
                     f"once), {v.hits} unchanged since an earlier build (verdicts kept in {v.folder.parent})")
    lines.append(coverage_line(result))
    for path in result.written:
        lines.append(f"wrote {path}")
    return "\n".join(lines)
