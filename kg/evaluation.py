"""Score the knowledge graph against hand-made gold annotations.

The graph side is the SPARQL 1.1 JSON results of the four contract queries (``actors``,
``meetings``, ``statements``, ``agreements``; columns in DESIGN.md). The gold side is one YAML
document per article, keyed by the article's file stem (schema: ``tests/corpus/README.md``).

Items are paired per article, greedily and one-to-one: every candidate pair gets a score, pairs are
taken best first, and an item already paired is never paired again. Rows of articles that have no
gold are ignored. The rules:

- **actors** — the same Wikidata QID when both sides have one; otherwise the same normalised name,
  or two multi-word names with the same last word and the same first initial. Every distinct actor
  of an article's rows that pairs with no gold actor is a false positive.
- **meetings** — at least two gold participants (all of them, if fewer) are found among the
  meeting's participants; the share of participants found, plus a bonus when the dates agree,
  ranks the candidates. A KG date agrees when it starts with the gold date, so a more precise KG date
  is right and a less precise one wrong.
- **statements** — the text overlaps the gold content (token overlap at least 0.5) *and* a speaker
  matches (for a joint statement, any of its speakers). ``statement_spans`` counts the overlap alone.
- **agreements** — both are the 2015 Iran nuclear deal by alias, or (neither being it) the label
  overlaps the gold name (at least 0.3) or the dates agree.
- **wikidata** — of gold actors with a verified QID, how many paired KG actors carry it
  (``correct``), how many carry none (``missing``), and how many KG actors have the gold actor's name
  but another QID (``wrong``; such an actor does not pair under the QID rule, so it is also an actor
  miss and a false positive).

Example::

    gold = load_gold(Path("tests/corpus/dev/gold"))
    results = load_results(Path("out"))          # out/actors.json, out/meetings.json, ...
    print(format_report(score(gold, results, load_qids(Path("wikidata-qids.yaml"))), details=True))
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml

QUERIES = ("actors", "meetings", "statements", "agreements")
CATEGORIES = ("actors", "meetings", "statements", "statement_spans", "agreements")

STATEMENT_OVERLAP = 0.5
AGREEMENT_OVERLAP = 0.3
DATE_BONUS = 0.5
CONTAINMENT_WEIGHT = 0.9

# Function words that carry no content when comparing a statement's text or an agreement's name.
_STOPWORDS = frozenset({
    "a", "an", "and", "are", "as", "be", "by", "for", "has", "have", "in", "is", "it", "its", "of", "on",
    "that", "the", "their", "this", "to", "was", "with",
})

# Agreements known under several unrelated names: canonical key -> phrases naming it.
AGREEMENT_ALIASES: dict[str, tuple[str, ...]] = {
    "jcpoa": ("jcpoa", "joint comprehensive plan of action", "nuclear deal", "2015 nuclear deal",
              "iran nuclear deal", "nuclear agreement"),
}

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})
_TOKEN = re.compile(r"[a-z0-9]+")

T = TypeVar("T")
K = TypeVar("K")


# ---------------------------------------------------------------------------------------------
# text helpers

def normalise(text: Any) -> str:
    """Compare-ready text: accents stripped, quotes unified, whitespace collapsed, lower case."""
    if text is None:
        return ""
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_QUOTES)
    return " ".join(plain.split()).lower()


def content_tokens(text: Any) -> frozenset[str]:
    """The set of alphanumeric tokens of ``text`` without function words."""
    return frozenset(t for t in _TOKEN.findall(normalise(text)) if t not in _STOPWORDS)


def token_overlap(a: Any, b: Any) -> float:
    """Similarity of two texts in [0, 1]: the Jaccard index of their content tokens, or — when one
    text is (nearly) contained in the other — the shorter side's covered share weighted by 0.9."""
    ta, tb = content_tokens(a), content_tokens(b)
    if not ta or not tb:
        return 0.0
    shared = len(ta & tb)
    return max(shared / len(ta | tb), CONTAINMENT_WEIGHT * shared / min(len(ta), len(tb)))


def qid_of(value: Any) -> str | None:
    """``Q123`` from ``Q123`` or ``http://www.wikidata.org/entity/Q123``; None when empty."""
    if not value:
        return None
    tail = str(value).rstrip("/").rsplit("/", 1)[-1]
    return tail or None


def date_text(value: Any) -> str | None:
    """A gold or KG date as text (YAML reads unquoted dates as ``date`` objects, years as ints)."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    return None if not text or text.lower() == "null" else text


def dates_agree(gold: Any, kg: Any) -> bool | None:
    """None when the gold gives no date; else whether the KG date starts with the gold date."""
    g = date_text(gold)
    if g is None:
        return None
    k = date_text(kg)
    return bool(k) and k.startswith(g)


def same_actor(gold_name: str, label: Any, gold_qid: str | None = None, kg_qid: Any = None) -> bool:
    """Whether a KG actor (label, QID) is the gold actor (name, QID); see the module docstring."""
    kq = qid_of(kg_qid)
    if gold_qid and kq:
        return gold_qid == kq
    g, k = normalise(gold_name), normalise(label)
    if not g or not k:
        return False
    if g == k:
        return True
    gw, kw = g.split(), k.split()
    return (len(gw) > 1 and len(kw) > 1 and gw[-1] == kw[-1]
            and (gw[0] == kw[0] or gw[0][0] == kw[0][0]))


def agreement_alias(name: Any) -> str | None:
    """The canonical key of an agreement known by aliases (the 2015 nuclear deal), if ``name`` is one."""
    text = normalise(name)
    for key, phrases in AGREEMENT_ALIASES.items():
        if any(phrase in text for phrase in phrases):
            return key
    return None


def greedy_pairs(golds: Sequence[T], kgs: Sequence[K],
                 score: Callable[[T, K], float]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, KG index), best score first; pairs scoring 0 or less never pair.
    Equal scores go to the later gold item, then the later KG item — the reference scorer's order, so
    that both pair tied items alike (which can change accuracies, and rarely counts)."""
    candidates = []
    for gi, g in enumerate(golds):
        for ki, k in enumerate(kgs):
            s = score(g, k)
            if s > 0:
                candidates.append((s, gi, ki))
    candidates.sort(reverse=True)
    used_g: set[int] = set()
    used_k: set[int] = set()
    pairs = []
    for _, gi, ki in candidates:
        if gi not in used_g and ki not in used_k:
            used_g.add(gi)
            used_k.add(ki)
            pairs.append((gi, ki))
    return pairs


# ---------------------------------------------------------------------------------------------
# report

@dataclass
class Tally:
    """True positives, false positives and false negatives of one category."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, float | int]:
        return {"p": round(self.precision, 3), "r": round(self.recall, 3), "f1": round(self.f1, 3),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Accuracy:
    """Right and wrong judgements of a property of paired items (e.g. meeting dates)."""

    right: int = 0
    wrong: int = 0

    @property
    def value(self) -> float | None:
        total = self.right + self.wrong
        return self.right / total if total else None

    def add(self, other: Accuracy) -> None:
        self.right += other.right
        self.wrong += other.wrong

    def to_dict(self) -> dict[str, float | int | None]:
        value = self.value
        return {"acc": None if value is None else round(value, 3), "right": self.right, "wrong": self.wrong}


@dataclass
class WikidataTally:
    """Wikidata links of gold actors that have a verified QID: right, wrong (another QID) and absent."""

    expected: int = 0
    correct: int = 0
    wrong: int = 0

    @property
    def missing(self) -> int:
        return self.expected - self.correct - self.wrong

    def add(self, other: WikidataTally) -> None:
        self.expected += other.expected
        self.correct += other.correct
        self.wrong += other.wrong

    def to_dict(self) -> dict[str, int]:
        return {"expected": self.expected, "correct": self.correct, "wrong": self.wrong,
                "missing": self.missing}


@dataclass
class ArticleDetails:
    """What went wrong in one article, as short human-readable lines."""

    missed: dict[str, list[str]] = field(default_factory=dict)     # category -> gold items not found
    spurious: dict[str, list[str]] = field(default_factory=dict)   # category -> KG items not in gold
    speakers_wrong: list[str] = field(default_factory=list)
    dates_wrong: list[str] = field(default_factory=list)
    places_wrong: list[str] = field(default_factory=list)
    wikidata_wrong: list[str] = field(default_factory=list)

    def note(self, kind: str, category: str, items: Iterable[str]) -> None:
        lines = list(items)
        if lines:
            getattr(self, kind).setdefault(category, []).extend(lines)

    def empty(self) -> bool:
        return not (self.missed or self.spurious or self.speakers_wrong or self.dates_wrong
                    or self.places_wrong or self.wikidata_wrong)


@dataclass
class Report:
    """Scores over all gold articles; ``details`` holds the per-article misses and false positives."""

    articles: int = 0
    actors: Tally = field(default_factory=Tally)
    meetings: Tally = field(default_factory=Tally)
    statements: Tally = field(default_factory=Tally)
    statement_spans: Tally = field(default_factory=Tally)
    agreements: Tally = field(default_factory=Tally)
    meeting_dates: Accuracy = field(default_factory=Accuracy)
    meeting_places: Accuracy = field(default_factory=Accuracy)
    wikidata: WikidataTally = field(default_factory=WikidataTally)
    details: dict[str, ArticleDetails] = field(default_factory=dict)

    def tally(self, category: str) -> Tally:
        """The tally of one of ``CATEGORIES``."""
        if category not in CATEGORIES:
            raise KeyError(category)
        return getattr(self, category)

    def add(self, other: Report) -> None:
        self.articles += other.articles
        for category in CATEGORIES:
            self.tally(category).add(other.tally(category))
        self.meeting_dates.add(other.meeting_dates)
        self.meeting_places.add(other.meeting_places)
        self.wikidata.add(other.wikidata)
        self.details.update(other.details)

    def to_dict(self, details: bool = False) -> dict[str, Any]:
        """JSON-ready scores (with ``details`` the per-article problems as well)."""
        out: dict[str, Any] = {"articles": self.articles}
        for category in CATEGORIES:
            out[category] = self.tally(category).to_dict()
        out["meeting_dates"] = self.meeting_dates.to_dict()
        out["meeting_places"] = self.meeting_places.to_dict()
        out["wikidata"] = self.wikidata.to_dict()
        if details:
            out["details"] = {a: asdict(d) for a, d in sorted(self.details.items()) if not d.empty()}
        return out


# ---------------------------------------------------------------------------------------------
# loading

def load_gold(gold_dir: Path) -> dict[str, dict]:
    """Every ``*.yaml`` of ``gold_dir``, keyed by file stem (the article id)."""
    gold: dict[str, dict] = {}
    for path in sorted(Path(gold_dir).glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(doc, dict):
            raise ValueError(f"{path}: a gold file must be a mapping")
        gold[path.stem] = doc
    return gold


def load_qids(path: Path) -> dict[str, str]:
    """Normalised label and aliases -> QID, from a YAML list of ``{label, qid, aliases, verified}``
    (verified entries only; the first entry naming a string wins)."""
    qids: dict[str, str] = {}
    for entry in yaml.safe_load(Path(path).read_text(encoding="utf-8")) or []:
        if not isinstance(entry, dict) or not entry.get("verified") or not entry.get("qid"):
            continue
        for name in [entry.get("label"), *(entry.get("aliases") or [])]:
            if name:
                qids.setdefault(normalise(name), str(entry["qid"]))
    return qids


def load_results(results_dir: Path) -> dict[str, dict]:
    """``NAME.json`` (SPARQL 1.1 JSON results) of each contract query found in ``results_dir``."""
    results = {}
    for name in QUERIES:
        path = Path(results_dir) / f"{name}.json"
        if path.exists():
            results[name] = json.loads(path.read_text(encoding="utf-8"))
    return results


def result_rows(result: Any) -> list[dict[str, str]]:
    """Flat rows ``{variable: value}`` of SPARQL JSON results (also accepts a bare list of bindings).
    Unbound variables are absent from a row."""
    if not result:
        return []
    bindings = result.get("results", {}).get("bindings", []) if isinstance(result, Mapping) else result
    rows = []
    for binding in bindings or []:
        row = {}
        for var, cell in binding.items():
            value = cell.get("value") if isinstance(cell, Mapping) else cell
            if value is not None and value != "":
                row[var] = str(value)
        rows.append(row)
    return rows


# ---------------------------------------------------------------------------------------------
# KG items of one article

@dataclass
class _KGActor:
    label: str | None
    qid: str | None


@dataclass
class _KGMeeting:
    iri: str
    participants: list[tuple[str | None, str | None]]   # (label, qid), one per distinct participant
    date: str | None
    place: str | None


@dataclass
class _KGStatement:
    iri: str
    speakers: list[tuple[str | None, str | None]]
    text: str | None


@dataclass
class _KGAgreement:
    iri: str
    label: str | None
    date: str | None


def _first(rows: Iterable[dict[str, str]], *vars_: str) -> str | None:
    for row in rows:
        for var in vars_:
            if row.get(var):
                return row[var]
    return None


def _group(rows: Iterable[dict[str, str]], key: str) -> dict[str, list[dict[str, str]]]:
    groups: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        groups.setdefault(row.get(key, ""), []).append(row)
    return groups


def _members(rows: Iterable[dict[str, str]], iri: str, label: str, wikidata: str) -> list[tuple]:
    """Distinct (label, qid) of the participants/speakers named in a group's rows."""
    seen: dict[str, tuple[str | None, str | None]] = {}
    for row in rows:
        if not (row.get(iri) or row.get(label) or row.get(wikidata)):
            continue
        key = row.get(iri) or f"{row.get(label)}|{row.get(wikidata)}"
        seen.setdefault(key, (row.get(label), qid_of(row.get(wikidata))))
    return list(seen.values())


def _kg_actors(rows: list[dict[str, str]]) -> list[_KGActor]:
    groups = _group(rows, "actor")
    return [_KGActor(_first(g, "actorLabel"), qid_of(_first(g, "wikidata"))) for g in groups.values()]


def _kg_meetings(rows: list[dict[str, str]]) -> list[_KGMeeting]:
    return [_KGMeeting(iri, _members(g, "participant", "participantLabel", "participantWikidata"),
                       _first(g, "date"), _first(g, "placeLabel"))
            for iri, g in _group(rows, "meeting").items()]


def _kg_statements(rows: list[dict[str, str]]) -> list[_KGStatement]:
    return [_KGStatement(iri, _members(g, "speaker", "speakerLabel", "speakerWikidata"), _first(g, "text"))
            for iri, g in _group(rows, "statement").items()]


def _kg_agreements(rows: list[dict[str, str]]) -> list[_KGAgreement]:
    return [_KGAgreement(iri, _first(g, "agreementLabel"), _first(g, "date"))
            for iri, g in _group(rows, "agreement").items()]


# ---------------------------------------------------------------------------------------------
# scoring

class _ArticleScorer:
    """Scores one article's gold against that article's rows."""

    def __init__(self, article: str, gold: dict, rows: dict[str, list[dict[str, str]]],
                 qids: Mapping[str, str]) -> None:
        self.article = article
        self.gold = gold
        self.rows = rows
        self.qids = qids
        # a gold actor's own `qid:` field backs up the verified list for names it lacks
        self.own_qids = {normalise(a.get("name")): str(a["qid"])
                         for a in gold.get("actors") or [] if isinstance(a, dict) and a.get("qid")}
        self.report = Report(articles=1)
        self.details = ArticleDetails()
        self.report.details[article] = self.details

    def gold_qid(self, name: Any) -> str | None:
        key = normalise(name)
        return self.qids.get(key) or self.own_qids.get(key)

    def names(self, name: Any, members: Iterable[tuple[str | None, str | None]]) -> bool:
        q = self.gold_qid(name)
        return any(same_actor(str(name), label, q, wd) for label, wd in members)

    def run(self) -> Report:
        self.score_actors()
        self.score_meetings()
        self.score_statements()
        self.score_agreements()
        return self.report

    def score_actors(self) -> None:
        golds = [a for a in self.gold.get("actors") or [] if isinstance(a, dict)]
        kgs = _kg_actors(self.rows["actors"])
        pairs = greedy_pairs(golds, kgs, lambda g, k: 1.0 if same_actor(
            g.get("name", ""), k.label, self.gold_qid(g.get("name")), k.qid) else 0.0)
        self._count(self.report.actors, "actors", pairs, golds, kgs,
                    lambda g: str(g.get("name")), lambda k: f"{k.label} {k.qid or ''}".strip())
        wd = self.report.wikidata
        for gi, ki in pairs:
            expected = self.gold_qid(golds[gi].get("name"))
            if expected:
                wd.expected += 1
                wd.correct += int(kgs[ki].qid == expected)
        # A KG actor named like a gold actor but linked to another entity does not pair above (two QIDs
        # that differ name two entities); it is the link that is wrong, so count it here.
        paired_g, paired_k = {gi for gi, _ in pairs}, {ki for _, ki in pairs}
        left_g = [i for i in range(len(golds)) if i not in paired_g and self.gold_qid(golds[i].get("name"))]
        left_k = [i for i in range(len(kgs)) if i not in paired_k and kgs[i].qid]
        misnamed = greedy_pairs(left_g, left_k, lambda gi, ki: 1.0 if same_actor(
            golds[gi].get("name", ""), kgs[ki].label) else 0.0)
        for a, b in misnamed:
            gi, ki = left_g[a], left_k[b]
            wd.expected += 1
            wd.wrong += 1
            self.details.wikidata_wrong.append(
                f"{golds[gi].get('name')}: {kgs[ki].qid} != {self.gold_qid(golds[gi].get('name'))}")

    def score_meetings(self) -> None:
        golds = [m for m in self.gold.get("meetings") or [] if isinstance(m, dict)]
        kgs = _kg_meetings(self.rows["meetings"])

        def score(g: dict, k: _KGMeeting) -> float:
            wanted = g.get("participants") or []
            found = sum(1 for name in wanted if self.names(name, k.participants))
            if not wanted or found < min(2, len(wanted)):
                return 0.0
            bonus = DATE_BONUS if dates_agree(g.get("date"), k.date) else 0.0
            return found / max(len(wanted), len(k.participants)) + bonus

        pairs = greedy_pairs(golds, kgs, score)
        self._count(self.report.meetings, "meetings", pairs, golds, kgs, _describe_gold_meeting,
                    lambda k: f"{[label for label, _ in k.participants]} {k.date}")
        for gi, ki in pairs:
            g, k = golds[gi], kgs[ki]
            agree = dates_agree(g.get("date"), k.date)
            if agree is not None:
                self.report.meeting_dates.add(Accuracy(int(agree), int(not agree)))
                if not agree:
                    self.details.dates_wrong.append(
                        f"{g.get('participants')}: gold {date_text(g.get('date'))} kg {k.date}")
            if g.get("place"):
                ok = same_actor(str(g["place"]), k.place)
                self.report.meeting_places.add(Accuracy(int(ok), int(not ok)))
                if not ok:
                    self.details.places_wrong.append(
                        f"{g.get('participants')}: gold {g['place']} kg {k.place}")

    def score_statements(self) -> None:
        golds = [s for s in self.gold.get("statements") or [] if isinstance(s, dict)]
        kgs = _kg_statements(self.rows["statements"])

        def speaker_right(g: dict, k: _KGStatement) -> bool:
            return any(self.names(n, k.speakers) for n in _gold_speakers(g))

        def score(g: dict, k: _KGStatement) -> float:
            overlap = token_overlap(g.get("content"), k.text)
            if overlap < STATEMENT_OVERLAP:
                return 0.0
            return overlap + (1.0 if speaker_right(g, k) else 0.0)

        spans = greedy_pairs(golds, kgs, score)
        right = [(gi, ki) for gi, ki in spans if speaker_right(golds[gi], kgs[ki])]
        self._count(self.report.statements, "statements", right, golds, kgs,
                    _describe_gold_statement, _describe_kg_statement)
        span_tally = self.report.statement_spans
        span_tally.tp += len(spans)
        span_tally.fp += len(kgs) - len(spans)
        span_tally.fn += len(golds) - len(spans)
        for gi, ki in spans:
            if (gi, ki) not in right:
                self.details.speakers_wrong.append(
                    f"gold {' / '.join(map(str, _gold_speakers(golds[gi])))} "
                    f"kg {' / '.join(str(label) for label, _ in kgs[ki].speakers)}: "
                    f"{_clip(golds[gi].get('content'))}")

    def score_agreements(self) -> None:
        golds = [a for a in self.gold.get("agreements") or [] if isinstance(a, dict)]
        kgs = _kg_agreements(self.rows["agreements"])

        def score(g: dict, k: _KGAgreement) -> float:
            g_alias, k_alias = agreement_alias(g.get("name")), agreement_alias(k.label)
            if g_alias or k_alias:
                return 1.0 if g_alias == k_alias else 0.0
            overlap = token_overlap(g.get("name"), k.label)
            same_date = bool(dates_agree(g.get("date"), k.date))
            if overlap < AGREEMENT_OVERLAP and not same_date:
                return 0.0
            return overlap + (DATE_BONUS if same_date else 0.0)

        pairs = greedy_pairs(golds, kgs, score)
        self._count(self.report.agreements, "agreements", pairs, golds, kgs,
                    lambda g: f"{g.get('name')} {date_text(g.get('date'))}", lambda k: f"{k.label} {k.date}")

    def _count(self, tally: Tally, category: str, pairs: list[tuple[int, int]], golds: Sequence,
               kgs: Sequence, describe_gold: Callable, describe_kg: Callable) -> None:
        paired_g = {gi for gi, _ in pairs}
        paired_k = {ki for _, ki in pairs}
        tally.tp += len(pairs)
        tally.fp += len(kgs) - len(paired_k)
        tally.fn += len(golds) - len(paired_g)
        self.details.note("missed", category,
                          (describe_gold(g) for i, g in enumerate(golds) if i not in paired_g))
        self.details.note("spurious", category,
                          (describe_kg(k) for i, k in enumerate(kgs) if i not in paired_k))


def _gold_speakers(statement: dict) -> list[Any]:
    return list(statement.get("speakers") or [statement.get("speaker")])


def _clip(text: Any, width: int = 70) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _describe_gold_meeting(g: dict) -> str:
    return f"{g.get('kind')} {g.get('participants')} {date_text(g.get('date'))}"


def _describe_gold_statement(g: dict) -> str:
    return f"{' / '.join(map(str, _gold_speakers(g)))}: {_clip(g.get('content'))}"


def _describe_kg_statement(k: _KGStatement) -> str:
    return f"{' / '.join(str(label) for label, _ in k.speakers)}: {_clip(k.text)}"


def score(gold: dict[str, dict], results: dict[str, dict], qids: dict[str, str] | None = None) -> Report:
    """Score the four contract queries' results against gold documents (article id -> gold).

    ``results`` maps a query name to its SPARQL JSON results (a missing query counts as no rows);
    ``qids`` maps a normalised actor name or alias to its verified QID (see ``load_qids``). Rows are
    joined to gold by ``articleId``; rows of articles without gold are ignored.
    """
    by_article: dict[str, dict[str, list[dict[str, str]]]] = {
        article: {name: [] for name in QUERIES} for article in gold}
    for name in QUERIES:
        for row in result_rows((results or {}).get(name)):
            article = row.get("articleId")
            if article in by_article:
                by_article[article][name].append(row)
    report = Report()
    for article in sorted(gold):
        report.add(_ArticleScorer(article, gold[article] or {}, by_article[article], qids or {}).run())
    return report


# ---------------------------------------------------------------------------------------------
# output

def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def format_report(report: Report, details: bool = False) -> str:
    """A plain-text table of the scores; with ``details``, every article's misses and false positives."""
    lines = [f"{'':17}{'P':>6}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>5}{'fn':>5}   ({report.articles} articles)"]
    for category in CATEGORIES:
        t = report.tally(category)
        lines.append(f"{category:17}{t.precision:6.2f}{t.recall:7.2f}{t.f1:7.2f}{t.tp:6}{t.fp:5}{t.fn:5}")
    d, p, w = report.meeting_dates, report.meeting_places, report.wikidata
    lines.append(f"meeting dates    {_fmt(d.value)} ({d.right} right, {d.wrong} wrong)   "
                 f"meeting places {_fmt(p.value)} ({p.right} right, {p.wrong} wrong)")
    lines.append(f"wikidata         {w.correct} correct, {w.wrong} wrong, {w.missing} missing "
                 f"(of {w.expected} expected)")
    if details:
        for article, info in sorted(report.details.items()):
            if info.empty():
                continue
            lines.append("")
            lines.append(f"## {article}")
            for kind in ("missed", "spurious"):
                for category, items in getattr(info, kind).items():
                    for item in items:
                        lines.append(f"  {kind} {category}: {item}")
            for label, items in (("speaker wrong", info.speakers_wrong), ("date wrong", info.dates_wrong),
                                 ("place wrong", info.places_wrong), ("wikidata wrong", info.wikidata_wrong)):
                lines.extend(f"  {label}: {item}" for item in items)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """``python -m kg.evaluation --gold DIR --results DIR [--qids FILE] [--details] [--json OUT]``"""
    ap = argparse.ArgumentParser(description="Score canned-query results against gold annotations.")
    ap.add_argument("--gold", required=True, type=Path, help="directory of gold YAML files")
    ap.add_argument("--results", required=True, type=Path,
                    help="directory with actors.json, meetings.json, statements.json, agreements.json")
    ap.add_argument("--qids", type=Path, help="YAML list of {label, qid, aliases, verified}")
    ap.add_argument("--details", action="store_true", help="list misses and false positives per article")
    ap.add_argument("--json", type=Path, help="also write the scores as JSON to this file")
    args = ap.parse_args(argv)
    report = score(load_gold(args.gold), load_results(args.results),
                   load_qids(args.qids) if args.qids else None)
    print(format_report(report, details=args.details))
    if args.json:
        args.json.write_text(json.dumps(report.to_dict(details=args.details), indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())


def contract_results(store_location: Path, queries_dir: Path) -> dict[str, dict]:
    """The SPARQL JSON results of the four contract queries on a built store."""
    from kg.queries import get_query
    from kg.sparql import result_to_json, run_query
    from kg.store import KnowledgeStore

    view = KnowledgeStore.open(store_location)
    return {name: result_to_json(run_query(view, get_query(queries_dir, name).sparql)) for name in QUERIES}


def evaluate_corpus(corpus: Path, gold_dir: Path, ontology_file: Path, queries_dir: Path,
                    qids: dict[str, str] | None = None) -> Report:
    """Build ``corpus`` into a scratch store, run the contract queries and score them against gold."""
    import tempfile

    from kg.build import build_corpus

    with tempfile.TemporaryDirectory(prefix="kg-eval-") as tmp:
        location = Path(tmp) / "store"
        build_corpus(corpus, location, ontology_file)
        results = contract_results(location, queries_dir)
    return score(load_gold(gold_dir), results, qids)
