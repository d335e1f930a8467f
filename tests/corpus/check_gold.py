#!/usr/bin/env python3
"""Check the gold annotations of a test corpus against their articles.

A corpus directory holds ``NAME.txt`` articles, a ``sources.yaml`` and ``gold/NAME.yaml``. For every
article this verifies that the gold file parses, follows the gold schema (the one of the reference
scorer's seeds), names only actors listed in its own ``actors``, that every ``evidence``, ``content``
and ``mentions`` string is an exact substring of the article text, that ``made_at`` names a meeting of
the same gold file, and that dates are well formed.

Usable as a script::

    python tests/corpus/check_gold.py tests/corpus/dev tests/corpus/heldout [--qids FILE]

or imported (``check_corpus``, ``check_article``); ``tests/test_corpus_gold.py`` runs the same checks.
``--qids`` (optional, a YAML list of ``{label, qid, aliases, verified}``) additionally checks that
every ``qid:`` in the gold is a verified entry for that actor's name.
"""
from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path
from typing import Any

import yaml

ACTOR_TYPES = {"person", "country", "organisation"}
MEETING_KINDS = {"state_visit", "meeting", "phone_call", "talks", "summit"}
MEETING_STATUS = {"happened", "scheduled"}
SOURCE_KEYS = {"title", "publisher", "published", "url", "language"}

TOP_KEYS = {"article", "published", "actors", "meetings", "agreements", "statements"}
ACTOR_KEYS = {"name", "type", "role", "qid", "note"}
MEETING_KEYS = {"kind", "participants", "date", "end_date", "place", "status", "evidence", "note"}
AGREEMENT_KEYS = {"name", "parties", "date", "evidence", "mentions", "note"}
STATEMENT_KEYS = {"speaker", "speakers", "direct", "content", "made_at", "note"}

DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
QID_RE = re.compile(r"^Q[1-9]\d*$")
QUOTE_CHARS = "\"“”"


def date_text(value: Any) -> str | None:
    """The gold date as text (YAML turns unquoted ``2023-05-04`` into a date object)."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def valid_date(value: Any) -> bool:
    """True for null, a date object, or ``YYYY`` / ``YYYY-MM`` / ``YYYY-MM-DD`` text naming a real day."""
    if value is None or isinstance(value, dt.date):
        return True
    if isinstance(value, int):  # an unquoted year: `date: 2021`
        value = str(value)
    if not isinstance(value, str) or not DATE_RE.match(value):
        return False
    if len(value) == 10:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return False
    return True


def read_text(path: Path) -> str:
    """The article exactly as stored (no newline translation)."""
    return path.read_bytes().decode("utf-8")


def load_qid_names(path: Path) -> dict[str, set[str]]:
    """QID -> the lower-cased label and aliases of its verified entry."""
    names: dict[str, set[str]] = {}
    for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
        if entry.get("verified") and entry.get("qid"):
            names.setdefault(entry["qid"], set()).update(
                n.lower() for n in [entry.get("label", ""), *(entry.get("aliases") or [])])
    return names


def _unknown(where: str, item: dict, allowed: set[str]) -> list[str]:
    extra = set(item) - allowed
    return [f"{where}: unknown keys {sorted(extra)}"] if extra else []


def _substring(where: str, needle: Any, text: str) -> list[str]:
    if not isinstance(needle, str) or not needle.strip():
        return [f"{where}: must be a non-empty string"]
    if needle not in text:
        return [f"{where}: not an exact substring of the article: {needle!r}"]
    return []


def check_gold(gold: Any, text: str, article: str, source: dict | None = None,
               qid_names: dict[str, set[str]] | None = None) -> list[str]:
    """All problems found in one parsed gold document (an empty list when it is clean)."""
    if not isinstance(gold, dict):
        return ["gold file is not a mapping"]
    problems = _unknown("top level", gold, TOP_KEYS)
    missing = TOP_KEYS - set(gold)
    if missing:
        problems.append(f"top level: missing keys {sorted(missing)}")
    if gold.get("article") != article:
        problems.append(f"article: {gold.get('article')!r} is not the file stem {article!r}")
    if not valid_date(gold.get("published")) or (
            gold.get("published") is not None and len(date_text(gold["published"])) != 10):
        problems.append(f"published: {gold.get('published')!r} is not YYYY-MM-DD or null")
    if (source is not None and source.get("published") is not None
            and date_text(source["published"]) != date_text(gold.get("published"))):
        problems.append(f"published: gold {date_text(gold.get('published'))} != sources.yaml "
                            f"{date_text(source['published'])}")

    names: set[str] = set()
    for i, actor in enumerate(gold.get("actors") or []):
        where = f"actors[{i}]"
        if not isinstance(actor, dict):
            problems.append(f"{where}: not a mapping")
            continue
        problems += _unknown(where, actor, ACTOR_KEYS)
        name = actor.get("name")
        if not isinstance(name, str) or not name.strip():
            problems.append(f"{where}: name missing")
            continue
        if name in names:
            problems.append(f"{where}: duplicate actor {name!r}")
        names.add(name)
        if actor.get("type") not in ACTOR_TYPES:
            problems.append(f"{where} {name}: type {actor.get('type')!r} not in {sorted(ACTOR_TYPES)}")
        if "role" in actor and not isinstance(actor["role"], str):
            problems.append(f"{where} {name}: role must be text")
        if "qid" in actor:
            qid = actor["qid"]
            if not isinstance(qid, str) or not QID_RE.match(qid):
                problems.append(f"{where} {name}: qid {qid!r} is not Q<digits>")
            elif qid_names is not None and name.lower() not in qid_names.get(qid, set()):
                problems.append(f"{where} {name}: qid {qid} is not a verified entry for this name")

    def known(where: str, who: Any) -> list[str]:
        if who not in names:
            return [f"{where}: {who!r} is not listed in actors"]
        return []

    meeting_keys: set[str] = set()
    for i, meeting in enumerate(gold.get("meetings") or []):
        where = f"meetings[{i}]"
        if not isinstance(meeting, dict):
            problems.append(f"{where}: not a mapping")
            continue
        problems += _unknown(where, meeting, MEETING_KEYS)
        if meeting.get("kind") not in MEETING_KINDS:
            problems.append(f"{where}: kind {meeting.get('kind')!r} not in {sorted(MEETING_KINDS)}")
        if meeting.get("status") not in MEETING_STATUS:
            problems.append(f"{where}: status {meeting.get('status')!r} not in {sorted(MEETING_STATUS)}")
        parts = meeting.get("participants")
        if not isinstance(parts, list) or not parts:
            problems.append(f"{where}: participants must be a non-empty list")
            parts = []
        elif len(set(parts)) != len(parts):
            problems.append(f"{where}: repeated participant")
        for p in parts:
            problems += known(f"{where} participant", p)
        for key in ("date", "end_date"):
            if not valid_date(meeting.get(key)):
                problems.append(f"{where}: {key} {meeting.get(key)!r} is not YYYY[-MM[-DD]] or null")
        start, end = date_text(meeting.get("date")), date_text(meeting.get("end_date"))
        if end and not start:
            problems.append(f"{where}: end_date without date")
        if start and end and end < start:
            problems.append(f"{where}: end_date {end} before date {start}")
        if meeting.get("place") is not None and not isinstance(meeting.get("place"), str):
            problems.append(f"{where}: place must be text or null")
        problems += _substring(f"{where} evidence", meeting.get("evidence"), text)
        meeting_keys.add(f"{', '.join(str(p) for p in parts)}/{start if start else 'null'}")

    for i, agreement in enumerate(gold.get("agreements") or []):
        where = f"agreements[{i}]"
        if not isinstance(agreement, dict):
            problems.append(f"{where}: not a mapping")
            continue
        problems += _unknown(where, agreement, AGREEMENT_KEYS)
        if not isinstance(agreement.get("name"), str) or not agreement["name"].strip():
            problems.append(f"{where}: name missing")
        parties = agreement.get("parties")
        if not isinstance(parties, list) or not parties:
            problems.append(f"{where}: parties must be a non-empty list")
            parties = []
        for p in parties:
            problems += known(f"{where} party", p)
        if not valid_date(agreement.get("date")):
            problems.append(f"{where}: date {agreement.get('date')!r} is not YYYY[-MM[-DD]] or null")
        problems += _substring(f"{where} evidence", agreement.get("evidence"), text)
        for j, mention in enumerate(agreement.get("mentions") or []):
            problems += _substring(f"{where} mentions[{j}]", mention, text)

    for i, statement in enumerate(gold.get("statements") or []):
        where = f"statements[{i}]"
        if not isinstance(statement, dict):
            problems.append(f"{where}: not a mapping")
            continue
        problems += _unknown(where, statement, STATEMENT_KEYS)
        speakers = statement.get("speakers")
        if speakers is not None:
            if not isinstance(speakers, list) or len(speakers) < 2:
                problems.append(f"{where}: speakers must list two or more actors")
                speakers = []
            for s in speakers:
                problems += known(f"{where} speaker", s)
            if "speaker" in statement and statement["speaker"] not in speakers:
                problems.append(f"{where}: speaker {statement['speaker']!r} is not one of speakers")
        elif "speaker" in statement:
            problems += known(f"{where} speaker", statement["speaker"])
        else:
            problems.append(f"{where}: no speaker or speakers")
        if not isinstance(statement.get("direct"), bool):
            problems.append(f"{where}: direct must be true or false")
        content = statement.get("content")
        problems += _substring(f"{where} content", content, text)
        if statement.get("direct") is False and isinstance(content, str) and any(
                q in content for q in QUOTE_CHARS):
            problems.append(f"{where}: direct is false but the content holds quotation marks")
        made_at = statement.get("made_at")
        if made_at is not None and made_at not in meeting_keys:
            problems.append(f"{where}: made_at {made_at!r} names no meeting of this file "
                            f"(known: {sorted(meeting_keys)})")
    return problems


def check_article(text_path: Path, gold_path: Path, source: dict | None = None,
                  qid_names: dict[str, set[str]] | None = None) -> list[str]:
    """Problems of one article's gold file (parse errors included)."""
    if not gold_path.exists():
        return [f"no gold file {gold_path.name}"]
    try:
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        return [f"gold does not parse: {exc}"]
    return check_gold(gold, read_text(text_path), text_path.stem, source, qid_names)


def load_sources(corpus: Path) -> dict[str, dict]:
    """The corpus' sources.yaml (article file name -> metadata)."""
    path = corpus / "sources.yaml"
    if not path.exists():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def check_sources(corpus: Path) -> list[str]:
    """Problems of sources.yaml: an entry per article, known keys, dates in 2021-2024."""
    problems: list[str] = []
    if not (corpus / "sources.yaml").exists():
        return ["no sources.yaml"]
    sources = load_sources(corpus)
    articles = {p.name for p in corpus.glob("*.txt")}
    for name in sorted(articles - set(sources)):
        problems.append(f"sources.yaml: no entry for {name}")
    for name, meta in sources.items():
        if name not in articles:
            problems.append(f"sources.yaml: {name} has no article file")
        if not isinstance(meta, dict):
            problems.append(f"sources.yaml: {name} is not a mapping")
            continue
        extra = set(meta) - SOURCE_KEYS
        if extra:
            problems.append(f"sources.yaml: {name} has unknown keys {sorted(extra)}")
        published = date_text(meta.get("published"))
        if published is not None and not (
                valid_date(published) and len(published) == 10 and "2021" <= published[:4] <= "2024"):
            problems.append(f"sources.yaml: {name} published {published!r} is not a 2021-2024 date")
    golds = {p.stem for p in (corpus / "gold").glob("*.yaml")}
    for stem in sorted(golds - {Path(a).stem for a in articles}):
        problems.append(f"gold/{stem}.yaml has no article")
    return problems


def check_corpus(corpus: Path, qids_path: Path | None = None) -> dict[str, list[str]]:
    """Article stem (or ``sources.yaml``) -> its problems, for every article of a corpus directory."""
    qid_names = load_qid_names(qids_path) if qids_path else None
    sources = load_sources(corpus)
    report = {"sources.yaml": check_sources(corpus)}
    for text_path in sorted(corpus.glob("*.txt")):
        report[text_path.stem] = check_article(
            text_path, corpus / "gold" / f"{text_path.stem}.yaml", sources.get(text_path.name), qid_names)
    return report


def main(argv: list[str] | None = None) -> int:
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpora", nargs="*", type=Path, default=[here / "dev", here / "heldout"])
    ap.add_argument("--qids", type=Path, help="YAML list of {label, qid, aliases, verified}")
    args = ap.parse_args(argv)
    bad = 0
    for corpus in args.corpora:
        for name, problems in check_corpus(corpus, args.qids).items():
            for problem in problems:
                print(f"{corpus.name}/{name}: {problem}")
            bad += len(problems)
        print(f"{corpus}: {len(list(corpus.glob('*.txt')))} articles checked")
    print("OK" if not bad else f"{bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
