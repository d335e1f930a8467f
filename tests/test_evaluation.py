"""The scorer (kg.evaluation): matching rules of the gold contract, on small hand-made cases."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from kg.evaluation import (
    CATEGORIES,
    Report,
    dates_agree,
    format_report,
    load_gold,
    load_qids,
    normalise,
    same_actor,
    score,
    token_overlap,
)

CORPUS = Path(__file__).resolve().parent / "corpus"
WD = "http://www.wikidata.org/entity/"


# ---------------------------------------------------------------------------------------------
# helpers: what a graph would return


def _cell(value: object, kind: str = "literal") -> dict[str, str]:
    return {"type": kind, "value": str(value)}


def _sparql(rows: list[dict[str, object]]) -> dict:
    """SPARQL 1.1 JSON results from flat rows (IRIs for the IRI columns, literals for the rest)."""
    iri_vars = {"actor", "meeting", "statement", "agreement", "participant", "speaker", "party", "place",
                "article", "wikidata", "participantWikidata", "speakerWikidata", "partyWikidata"}
    bindings = []
    for row in rows:
        bindings.append({k: _cell(v, "uri" if k in iri_vars else "literal")
                         for k, v in row.items() if v is not None})
    variables = sorted({k for b in bindings for k in b})
    return {"head": {"vars": variables}, "results": {"bindings": bindings}}


def _date(value: object) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def perfect_results(gold: dict[str, dict], qids: dict[str, str] | None = None) -> dict[str, dict]:
    """The four contract queries' results for a graph that holds exactly the gold facts."""
    qids = qids or {}
    rows: dict[str, list[dict[str, object]]] = {
        n: [] for n in ("actors", "meetings", "statements", "agreements")}
    for article, doc in gold.items():
        base = f"urn:test:{article}:"
        own = {a["name"]: a.get("qid") for a in doc.get("actors") or []}

        def wikidata(name: str, own: dict = own) -> str | None:
            qid = qids.get(normalise(name)) or own.get(name)
            return f"{WD}{qid}" if qid else None

        common = {"article": f"urn:article:{article}", "articleId": article}
        for i, actor in enumerate(doc.get("actors") or []):
            rows["actors"].append({"actor": f"{base}actor{i}", "actorLabel": actor["name"],
                                   "type": actor.get("type"), "wikidata": wikidata(actor["name"]), **common})
        for i, meeting in enumerate(doc.get("meetings") or []):
            for j, name in enumerate(meeting.get("participants") or []):
                rows["meetings"].append({
                    "meeting": f"{base}meeting{i}", "kind": meeting.get("kind"),
                    "date": _date(meeting.get("date")),
                    "endDate": _date(meeting.get("end_date")), "placeLabel": meeting.get("place"),
                    "participant": f"{base}meeting{i}p{j}", "participantLabel": name,
                    "participantWikidata": wikidata(name), **common})
        for i, statement in enumerate(doc.get("statements") or []):
            for j, name in enumerate(statement.get("speakers") or [statement["speaker"]]):
                rows["statements"].append({
                    "statement": f"{base}statement{i}", "speaker": f"{base}statement{i}s{j}",
                    "speakerLabel": name, "speakerWikidata": wikidata(name), "text": statement["content"],
                    "direct": str(statement.get("direct")).lower(), **common})
        for i, agreement in enumerate(doc.get("agreements") or []):
            for j, name in enumerate(agreement.get("parties") or []):
                rows["agreements"].append({
                    "agreement": f"{base}agreement{i}", "agreementLabel": agreement["name"],
                    "date": _date(agreement.get("date")), "party": f"{base}agreement{i}p{j}",
                    "partyLabel": name, "partyWikidata": wikidata(name), **common})
    return {name: _sparql(r) for name, r in rows.items()}


def _gold() -> dict[str, dict]:
    """Two small articles in the gold schema."""
    return {
        "a1": {
            "article": "a1", "published": dt.date(2023, 5, 4),
            "actors": [
                {"name": "Ana Paula Ribeiro", "type": "person"},
                {"name": "Hakan Kaya", "type": "person"},
                {"name": "Brazil", "type": "country"},
                {"name": "Turkey", "type": "country"},
            ],
            "meetings": [
                {"kind": "talks", "participants": ["Ana Paula Ribeiro", "Hakan Kaya"],
                 "date": dt.date(2023, 5, 3), "place": "Ankara", "status": "happened"},
                {"kind": "meeting", "participants": ["Ana Paula Ribeiro", "Hakan Kaya"],
                 "date": "2023-10", "place": "Brasília", "status": "scheduled"},
            ],
            "agreements": [
                {"name": "memorandums of understanding in trade and tourism", "parties": ["Brazil", "Turkey"],
                 "date": dt.date(2023, 5, 3)},
            ],
            "statements": [
                {"speaker": "Ana Paula Ribeiro", "direct": True,
                 "content": "Brazil and Turkey are two large emerging economies that talk too little"},
                {"speaker": "Hakan Kaya", "direct": False,
                 "content": "bilateral trade could double by 2026 if barriers on farm goods fall"},
                {"speakers": ["Ana Paula Ribeiro", "Hakan Kaya"], "speaker": "Ana Paula Ribeiro",
                 "direct": False, "content": "to set up a working group on aviation and tourism"},
            ],
        },
        "a2": {
            "article": "a2", "published": None,
            "actors": [{"name": "Vladimir Putin", "type": "person"},
                       {"name": "Almazbek Toktorov", "type": "person"}],
            "meetings": [{"kind": "phone_call", "participants": ["Vladimir Putin", "Almazbek Toktorov"],
                          "date": "2024-07", "place": None, "status": "happened"}],
            "agreements": [{"name": "2015 nuclear deal", "parties": ["Vladimir Putin"], "date": "2015"}],
            "statements": [{"speaker": "Vladimir Putin", "direct": False,
                            "content": "gas deliveries to Kyrgyzstan will resume within a week"}],
        },
    }


QIDS = {"vladimir putin": "Q7747", "putin": "Q7747"}


def _drop(results: dict, query: str, **match: str) -> dict:
    """``results`` without the rows of ``query`` whose values include ``match``."""
    bindings = results[query]["results"]["bindings"]
    results[query]["results"]["bindings"] = [
        b for b in bindings if not all(b.get(k, {}).get("value") == v for k, v in match.items())]
    return results


def _edit(results: dict, query: str, where: dict[str, str], **changes: str | None) -> dict:
    """Change columns of the rows of ``query`` whose values include ``where`` (None unbinds)."""
    hits = 0
    for b in results[query]["results"]["bindings"]:
        if all(b.get(k, {}).get("value") == v for k, v in where.items()):
            hits += 1
            for k, v in changes.items():
                if v is None:
                    b.pop(k, None)
                else:
                    b[k] = _cell(v, b.get(k, {}).get("type", "literal"))
    assert hits, f"no {query} row matches {where}"
    return results


def _add(results: dict, query: str, **row: str) -> dict:
    results[query]["results"]["bindings"].append(_sparql([row])["results"]["bindings"][0])
    return results


# ---------------------------------------------------------------------------------------------
# perfect and empty graphs


def test_perfect_graph_scores_one_everywhere() -> None:
    report = score(_gold(), perfect_results(_gold(), QIDS), QIDS)
    assert report.articles == 2
    for category in CATEGORIES:
        tally = report.tally(category)
        assert (tally.precision, tally.recall, tally.f1) == (1.0, 1.0, 1.0), category
        assert tally.fp == tally.fn == 0
    assert report.actors.tp == 6 and report.meetings.tp == 3 and report.statements.tp == 4
    assert report.meeting_dates.value == 1.0 and report.meeting_dates.right == 3
    assert report.meeting_places.value == 1.0 and report.meeting_places.right == 2
    assert (report.wikidata.expected, report.wikidata.correct, report.wikidata.wrong) == (1, 1, 0)


def test_empty_results_count_every_gold_item_missed() -> None:
    for results in ({}, {"actors": {"head": {"vars": []}, "results": {"bindings": []}}}):
        report = score(_gold(), results)
        assert report.actors.tp == 0 and report.actors.fn == 6 and report.actors.fp == 0
        assert report.statements.fn == 4 and report.meetings.fn == 3 and report.agreements.fn == 2
        assert report.actors.f1 == 0.0 and report.meeting_dates.value is None


def test_article_without_rows_counts_only_its_own_misses() -> None:
    results = perfect_results({"a1": _gold()["a1"]})
    report = score(_gold(), results)
    assert report.actors.tp == 4 and report.actors.fn == 2 and report.actors.fp == 0
    assert report.details["a2"].missed["actors"] == ["Vladimir Putin", "Almazbek Toktorov"]
    assert "a1" not in report.to_dict(details=True)["details"]


# ---------------------------------------------------------------------------------------------
# one mistake at a time


def test_wrong_speaker_is_a_wrong_statement_but_a_right_span() -> None:
    results = _edit(perfect_results(_gold()), "statements", {"speakerLabel": "Hakan Kaya", "articleId": "a1",
                                                             "statement": "urn:test:a1:statement1"},
                    speakerLabel="Brazil")
    report = score(_gold(), results)
    assert (report.statements.tp, report.statements.fp, report.statements.fn) == (3, 1, 1)
    assert (report.statement_spans.tp, report.statement_spans.fp, report.statement_spans.fn) == (4, 0, 0)
    assert report.details["a1"].speakers_wrong and "Brazil" in report.details["a1"].speakers_wrong[0]


def test_joint_statement_is_right_when_any_of_its_speakers_is_named() -> None:
    results = _drop(perfect_results(_gold()), "statements", statement="urn:test:a1:statement2",
                    speakerLabel="Ana Paula Ribeiro")
    assert score(_gold(), results).statements.f1 == 1.0
    results = _edit(results, "statements", {"statement": "urn:test:a1:statement2"}, speakerLabel="Turkey")
    assert score(_gold(), results).statements.tp == 3


def test_text_that_barely_overlaps_is_no_match() -> None:
    results = _edit(perfect_results(_gold()), "statements", {"statement": "urn:test:a2:statement0"},
                    text="Putin discussed the weather")
    report = score(_gold(), results)
    assert report.statements.fn == 1 and report.statement_spans.fn == 1
    # a faithful sub-span of the gold content still matches
    results = _edit(results, "statements", {"statement": "urn:test:a2:statement0"},
                    text="gas deliveries to Kyrgyzstan will resume")
    assert score(_gold(), results).statements.fn == 0


def test_missed_meeting_lowers_recall_only() -> None:
    results = _drop(perfect_results(_gold()), "meetings", meeting="urn:test:a1:meeting1")
    report = score(_gold(), results)
    assert (report.meetings.tp, report.meetings.fp, report.meetings.fn) == (2, 0, 1)
    assert report.meetings.precision == 1.0 and report.meetings.recall == pytest.approx(2 / 3)
    assert report.details["a1"].missed["meetings"] == ["meeting ['Ana Paula Ribeiro', 'Hakan Kaya'] 2023-10"]


def test_meeting_needs_two_gold_participants() -> None:
    results = _drop(perfect_results(_gold()), "meetings", meeting="urn:test:a2:meeting0",
                    participantLabel="Almazbek Toktorov")
    report = score(_gold(), results)
    assert report.meetings.fn == 1 and report.meetings.fp == 1


def test_two_meetings_of_one_pair_pair_by_date() -> None:
    results = perfect_results(_gold())
    for b in results["meetings"]["results"]["bindings"]:   # swap the order in which they are listed
        b["meeting"]["value"] = b["meeting"]["value"].replace("meeting0", "X").replace("meeting1", "meeting0")
        b["meeting"]["value"] = b["meeting"]["value"].replace("X", "meeting1")
    report = score(_gold(), results)
    assert report.meeting_dates.value == 1.0 and report.meetings.tp == 3


def test_less_precise_date_is_wrong_more_precise_is_right() -> None:
    less = _edit(perfect_results(_gold()), "meetings", {"meeting": "urn:test:a1:meeting0"}, date="2023-05")
    report = score(_gold(), less)
    assert report.meetings.tp == 3, "the meeting still matches"
    assert (report.meeting_dates.right, report.meeting_dates.wrong) == (2, 1)
    assert report.details["a1"].dates_wrong == [
        "['Ana Paula Ribeiro', 'Hakan Kaya']: gold 2023-05-03 kg 2023-05"]

    more = _edit(perfect_results(_gold()), "meetings", {"meeting": "urn:test:a2:meeting0"}, date="2024-07-11")
    assert score(_gold(), more).meeting_dates.value == 1.0

    undated = _edit(perfect_results(_gold()), "meetings", {"meeting": "urn:test:a2:meeting0"}, date=None)
    assert score(_gold(), undated).meeting_dates.wrong == 1


def test_wrong_place_lowers_place_accuracy() -> None:
    results = _edit(perfect_results(_gold()), "meetings", {"meeting": "urn:test:a1:meeting0"},
                    placeLabel="Istanbul")
    report = score(_gold(), results)
    assert (report.meeting_places.right, report.meeting_places.wrong) == (1, 1)


def test_false_positive_actor() -> None:
    results = _add(perfect_results(_gold()), "actors", actor="urn:x:reuters", actorLabel="Reuters",
                   articleId="a1")
    report = score(_gold(), results)
    assert (report.actors.tp, report.actors.fp, report.actors.fn) == (6, 1, 0)
    assert report.actors.precision == pytest.approx(6 / 7) and report.actors.recall == 1.0
    assert report.details["a1"].spurious["actors"] == ["Reuters"]


def test_actor_rows_repeated_for_one_actor_count_once() -> None:
    results = _add(perfect_results(_gold()), "actors", actor="urn:test:a1:actor0",
                   actorLabel="Ana Paula Ribeiro", articleId="a1")
    assert score(_gold(), results).actors.fp == 0


def test_short_name_with_same_surname_and_initial_matches() -> None:
    assert same_actor("Ana Paula Ribeiro", "Ana Ribeiro")
    assert same_actor("Ana Paula Ribeiro", "A. Ribeiro")
    assert not same_actor("Ana Paula Ribeiro", "Ribeiro"), "a bare surname is not enough"
    assert not same_actor("Ana Paula Ribeiro", "Maria Ribeiro")
    assert same_actor("José Martí", "jose  marti"), "accents, case and spacing do not matter"


def test_wrong_qid_is_counted_wrong() -> None:
    results = _edit(perfect_results(_gold(), QIDS), "actors", {"actorLabel": "Vladimir Putin"},
                    wikidata=f"{WD}Q1")
    report = score(_gold(), results, QIDS)
    assert report.wikidata.wrong == 1 and report.wikidata.correct == 0
    assert report.details["a2"].wikidata_wrong == ["Vladimir Putin: Q1 != Q7747"]
    # two QIDs that differ name two different entities: the actor itself does not match either
    assert report.actors.fn == 1 and report.actors.fp == 1


def test_missing_qid_is_neither_correct_nor_wrong() -> None:
    results = _edit(perfect_results(_gold(), QIDS), "actors", {"actorLabel": "Vladimir Putin"}, wikidata=None)
    report = score(_gold(), results, QIDS)
    assert report.actors.f1 == 1.0
    wd = report.wikidata
    assert (wd.expected, wd.correct, wd.wrong, wd.missing) == (1, 0, 0, 1)


def test_qid_decides_over_the_label() -> None:
    results = _edit(perfect_results(_gold(), QIDS), "actors", {"actorLabel": "Vladimir Putin"},
                    actorLabel="the Russian president")
    report = score(_gold(), results, QIDS)
    assert report.actors.fn == 0 and report.wikidata.correct == 1


def test_gold_qid_field_is_used_when_the_list_lacks_the_name() -> None:
    gold = _gold()
    gold["a2"]["actors"][1]["qid"] = "Q42"
    results = _edit(perfect_results(gold), "actors", {"actorLabel": "Almazbek Toktorov"}, wikidata=f"{WD}Q43")
    report = score(gold, results)
    assert report.wikidata.wrong == 1


def test_agreements_match_by_alias_name_or_date() -> None:
    results = _edit(perfect_results(_gold()), "agreements", {"agreementLabel": "2015 nuclear deal"},
                    agreementLabel="JCPOA", date=None)
    assert score(_gold(), results).agreements.tp == 2
    results = _edit(results, "agreements", {"agreement": "urn:test:a1:agreement0"},
                    agreementLabel="deals signed in Ankara")
    assert score(_gold(), results).agreements.tp == 2, "same date"
    results = _edit(results, "agreements", {"agreement": "urn:test:a1:agreement0"}, date="2022")
    report = score(_gold(), results)
    assert report.agreements.tp == 1 and report.agreements.fp == 1 and report.agreements.fn == 1


def test_rows_are_joined_to_gold_by_article() -> None:
    results = perfect_results(_gold())
    # a2's facts reported under a1, and facts of an article without gold
    for b in results["statements"]["results"]["bindings"]:
        if b["articleId"]["value"] == "a2":
            b["articleId"]["value"] = "a1"
    _add(results, "actors", actor="urn:x:z", actorLabel="Zed", articleId="unknown-article")
    report = score(_gold(), results)
    assert report.statements.tp == 3 and report.statements.fp == 1 and report.statements.fn == 1
    assert report.details["a1"].spurious["statements"][0].startswith("Vladimir Putin:")
    assert report.details["a2"].missed["statements"][0].startswith("Vladimir Putin:")
    assert report.actors.fp == 0, "rows of articles without gold are ignored"


def test_each_article_that_reports_a_fact_is_scored_for_it() -> None:
    gold = _gold()
    gold["a3"] = {**gold["a2"], "article": "a3"}
    results = perfect_results(gold)
    for b in results["meetings"]["results"]["bindings"]:
        if b["articleId"]["value"] == "a3":   # the same meeting IRI, reported by a second article
            b["meeting"]["value"] = b["meeting"]["value"].replace("a3", "a2")
    report = score(gold, results)
    assert report.meetings.tp == 4 and report.meetings.fp == 0


# ---------------------------------------------------------------------------------------------
# helpers and output


def test_token_overlap_and_dates() -> None:
    assert token_overlap("The talks were constructive", "talks were  constructive.") == 1.0
    assert token_overlap("The talks were constructive", "talks constructive") == pytest.approx(0.9)
    assert token_overlap("a b c d", "") == 0.0
    assert 0 < token_overlap("trade could double by 2026", "trade will double") < 1
    assert dates_agree("2023-05", "2023-05-03") is True
    assert dates_agree("2023-05-03", "2023-05") is False
    assert dates_agree(dt.date(2023, 5, 3), "2023-05-03") is True
    assert dates_agree(None, "2023") is None
    assert normalise("  Ankara’s  “talks” ") == "ankara's \"talks\""


def test_load_gold_and_qids(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text(yaml.safe_dump({"article": "x", "actors": []}), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    assert load_gold(tmp_path) == {"x": {"article": "x", "actors": []}}
    qfile = tmp_path / "qids.yaml"
    qfile.write_text(yaml.safe_dump([
        {"label": "Xi Jinping", "qid": "Q15031", "aliases": ["Xi"], "verified": True},
        {"label": "Someone", "qid": "Q9", "verified": False},
        {"label": "Xi", "qid": "Q1", "verified": True},
    ]), encoding="utf-8")
    assert load_qids(qfile) == {"xi jinping": "Q15031", "xi": "Q15031"}


def test_format_report_and_to_dict() -> None:
    results = _drop(perfect_results(_gold()), "meetings", meeting="urn:test:a1:meeting1")
    report = score(_gold(), results)
    text = format_report(report)
    for category in CATEGORIES:
        assert category in text
    assert "meeting dates" in text and "wikidata" in text and "(2 articles)" in text
    assert "missed meetings" not in text
    detailed = format_report(report, details=True)
    assert "## a1" in detailed
    assert "missed meetings: meeting ['Ana Paula Ribeiro', 'Hakan Kaya'] 2023-10" in detailed
    data = report.to_dict()
    assert data["meetings"] == {"p": 1.0, "r": 0.667, "f1": 0.8, "tp": 2, "fp": 0, "fn": 1}
    assert data["wikidata"] == {"expected": 0, "correct": 0, "wrong": 0, "missing": 0}
    assert "details" not in data
    assert isinstance(Report().to_dict()["meeting_dates"]["acc"], type(None))


# ---------------------------------------------------------------------------------------------
# the test corpus, as a perfect graph would return it


def _corpus_gold() -> dict[str, dict]:
    gold: dict[str, dict] = {}
    for split in ("dev", "heldout"):
        gold.update(load_gold(CORPUS / split / "gold"))
    return gold


def test_perfect_graph_of_the_test_corpus_scores_one() -> None:
    gold = _corpus_gold()
    assert len(gold) >= 24
    report = score(gold, perfect_results(gold))
    for category in CATEGORIES:
        assert report.tally(category).f1 == 1.0, (category, format_report(report, details=True))
    assert report.meeting_dates.wrong == 0 and report.meeting_places.wrong == 0
    assert report.wikidata.expected > 0 and report.wikidata.correct == report.wikidata.expected
