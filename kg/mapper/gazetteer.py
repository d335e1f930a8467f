"""Reference data (kg/data/*.yaml), loaded once and compiled into matchers."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
# Cultures that put the surname first: a lone first token refers to the person ("Wang" after "Wang Yi").
_TRANSLIT = str.maketrans({"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
                           "æ": "ae", "Æ": "AE", "œ": "oe", "þ": "th"})
SURNAME_FIRST = {"China", "Taiwan", "North Korea", "South Korea", "Vietnam", "Hungary"}


def slug(text: str) -> str:
    """ASCII slug for keys: "Li Ming" → "li-ming"."""
    text = text.translate(_TRANSLIT)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("’", "").replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


@dataclass(frozen=True)
class Position:
    role: str
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass
class Entity:
    """One reference actor or place."""

    key: str
    label: str
    type: str  # person, country, ministry, …, place
    qid: str | None = None
    country: str | None = None  # key of the country
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capital: str | None = None
    metonyms: tuple[str, ...] = ()
    positions: tuple[Position, ...] = ()


@dataclass(frozen=True)
class RefAgreement:
    key: str
    label: str
    patterns: tuple[re.Pattern[str], ...]
    parties: tuple[str, ...]  # country keys
    date: str | None = None
    duration_years: int | None = None
    topics: tuple[str, ...] = ()
    reference_label: bool = False


@dataclass
class Gazetteer:
    entities: dict[str, Entity]
    # surface form → list of (entity key, mention kind); kinds: name, alias, demonym, metonym, place
    surfaces: dict[str, list[tuple[str, str]]]
    matcher: re.Pattern[str]
    country_by_label: dict[str, str]
    agreements: tuple[RefAgreement, ...]
    surnames: dict[str, list[str]] = field(default_factory=dict)  # "Mendes" → [person keys]

    def entity(self, key: str | None) -> Entity | None:
        return self.entities.get(key) if key else None

    def holders(self, role_words: list[str], country: str | None, on: dt.date | None) -> list[str]:
        """Reference people holding a role (any of ``role_words``) in ``country`` on a date."""
        out = []
        for e in self.entities.values():
            if e.type != "person" or (country and e.country != country):
                continue
            for p in e.positions:
                role = p.role.lower()
                if not any(w in role for w in role_words):
                    continue
                if on and ((p.start and p.start > on) or (p.end and p.end < on)):
                    continue
                out.append(e.key)
                break
        return out


def _date(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _read(name: str) -> Any:
    return yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8")) or []


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """Trigger lists and patterns of kg/data/lexicon.yaml."""
    return _read("lexicon.yaml")


def _key(qid: str | None, etype: str, label: str) -> str:
    return f"wd:{qid}" if qid else f"{etype}:{slug(label)}"


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer, built once per process."""
    entities: dict[str, Entity] = {}
    surfaces: dict[str, list[tuple[str, str]]] = {}
    country_by_label: dict[str, str] = {}

    def add_surface(form: str, key: str, kind: str) -> None:
        form = form.strip()
        if form.lower().startswith("the "):
            form = form[4:]
        if len(form) < 2:
            return
        lst = surfaces.setdefault(form, [])
        if (key, kind) not in lst:
            lst.append((key, kind))

    for row in _read("countries.yaml"):
        key = _key(row.get("qid"), "country", row["label"])
        country_by_label[row["label"]] = key
        e = Entity(
            key, row["label"], "country", row.get("qid"), key,
            tuple(row.get("aliases") or ()), tuple(row.get("demonyms") or ()), row.get("capital"),
            tuple(row.get("metonyms") or ()),
        )
        entities[key] = e
        add_surface(e.label, key, "name")
        for a in e.aliases:
            add_surface(a, key, "alias")
        for d in e.demonyms:
            add_surface(d, key, "demonym")
        for m in e.metonyms:
            add_surface(m, key, "metonym")

    for row in _read("places.yaml"):
        key = _key(row.get("qid"), "place", row["label"])
        e = Entity(key, row["label"], "place", row.get("qid"), country_by_label.get(row.get("country") or ""),
                   tuple(row.get("aliases") or ()))
        entities[key] = e
        add_surface(e.label, key, "place")
        for a in e.aliases:
            add_surface(a, key, "place")
    # capitals and metonym cities are places too
    for e in list(entities.values()):
        if e.type != "country":
            continue
        # (in a fixed order, capital first: "Brasília" and "Brasilia" are one place, labelled as the capital is)
        for city in dict.fromkeys(c for c in (e.capital, *e.metonyms) if c):
            if city.startswith(("the ", "The ")) or city in {"White House", "Kremlin", "Zhongnanhai", "Downing Street"}:
                continue
            if not any(kind == "place" for _, kind in surfaces.get(city, [])):
                pkey = f"place:{slug(city)}"
                entities.setdefault(pkey, Entity(pkey, city, "place", None, e.key))
                add_surface(city, pkey, "place")

    for row in _read("organizations.yaml"):
        key = _key(row.get("qid"), row["type"], row["label"])
        e = Entity(key, row["label"], row["type"], row.get("qid"), country_by_label.get(row.get("country") or ""),
                   tuple(row.get("aliases") or ()))
        entities[key] = e
        add_surface(e.label, key, "name")
        for a in e.aliases:
            add_surface(a, key, "alias")

    surnames: dict[str, list[str]] = {}
    for row in _read("people.yaml"):
        key = _key(row.get("qid"), "person", row["label"])
        country = country_by_label.get(row.get("country") or "")
        positions = tuple(
            Position(p["role"], _date(p.get("from")), _date(p.get("to"))) for p in row.get("positions") or ()
        )
        e = Entity(key, row["label"], "person", row.get("qid"), country, tuple(row.get("aliases") or ()),
                   positions=positions)
        entities[key] = e
        add_surface(e.label, key, "name")
        for a in e.aliases:
            if len(a.split()) > 1 or a.isupper():
                add_surface(a, key, "alias")
        for form in (e.label, *e.aliases):
            for s in short_forms(form, (row.get("country") or "") in SURNAME_FIRST):
                surnames.setdefault(s, [])
                if key not in surnames[s]:
                    surnames[s].append(key)

    agreements = []
    for row in _read("agreements.yaml"):
        agreements.append(RefAgreement(
            key=row["key"], label=row["label"],
            patterns=tuple(re.compile(rf"(?<![\w-]){p}(?![\w-])", re.IGNORECASE) for p in row.get("patterns") or ()),
            parties=tuple(country_by_label[p] for p in row.get("parties") or () if p in country_by_label),
            date=str(row["date"]) if row.get("date") else None,
            duration_years=row.get("duration_years"),
            topics=tuple(row.get("topics") or ()),
            reference_label=row.get("label_policy") == "reference",
        ))

    matcher = re.compile(r"(?<![\w])" + _trie_pattern(list(surfaces)) + r"(?![\w])")
    return Gazetteer(entities, surfaces, matcher, country_by_label, tuple(agreements), surnames)


def _trie_pattern(forms: list[str]) -> str:
    """One regex for many literal forms, as a character trie: the same matches as the longest-first alternation,
    much faster to run (each position tries a few first characters, not every form)."""
    trie: dict[str, Any] = {}
    for f in forms:
        node = trie
        for ch in f:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        kids = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch != ""]
        if not kids:
            return ""
        body = kids[0] if len(kids) == 1 else "(?:" + "|".join(kids) + ")"
        if ends:  # longer forms first, then the form ending here
            return "(?:" + body + ")?"
        return body

    return "(?:" + build(trie) + ")"


_PARTICLES = {"al", "bin", "ibn", "el", "de", "van", "von", "ben", "abu", "da", "di"}


def short_forms(name: str, surname_first: bool) -> list[str]:
    """Short forms a full name is later referred to by: surname, hyphen parts, surname-first family name."""
    parts = [p for p in re.split(r"\s+", name.strip()) if p]
    if len(parts) < 2:
        return []
    out: list[str] = []
    if surname_first:
        out.append(parts[0])
    last = parts[-1]
    out.append(last)
    if "-" in last:
        out.extend(p for p in last.split("-") if len(p) > 3)
    if len(parts) >= 3 and parts[-2].lower() in _PARTICLES:
        out.append(" ".join(parts[-2:]))
        if len(parts) >= 4 and not surname_first:
            out.append(parts[-3])  # "Lula" after "Luiz Inácio Lula da Silva"
    for p in parts[1:-1]:
        if "-" in p:  # "Hossein Amir-Abdollahian Jr" style
            out.append(p)
    if len(parts) == 3 and not surname_first and len(parts[1]) > 3 and "-" not in parts[1]:
        out.append(parts[1])  # a double surname: "Ruiz" after "Marta Ruiz Soto"
    if len(parts) == 4 and not surname_first and not any(p.lower() in _PARTICLES for p in parts):
        out.extend([parts[2], " ".join(parts[2:])])  # "Benítez", "Benítez Acosta" after "Julio César Benítez Acosta"
    return [o for o in out if (o[:1].isupper() or re.match(r"(?:al|el|ad|as|ash|at|az|bin|ibn|abu|abd|ul)-[A-Z]", o))
            and len(o) > 1]
