"""Stage 5: agreements — known agreements by their many names, and documents signed or to be signed."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from kg.facts import DateValue
from kg.mapper.gazetteer import Gazetteer, RefAgreement, lexicon, load, slug
from kg.mapper.mentions import Ment
from kg.mapper.text import Sentence
from kg.mapper.timex import time_expressions, when_clause_time


@dataclass
class AgreementCand:
    key: str
    name: str
    sent: int
    rule: str
    parties: list[str] = field(default_factory=list)
    status: str = "mentioned"
    date: DateValue | None = None
    duration_years: int | None = None
    topics: tuple[str, ...] = ()
    aliases: list[str] = field(default_factory=list)
    ref: RefAgreement | None = None
    sents: list[int] = field(default_factory=list)
    local_id: str = ""
    confidence: float = 0.75


@lru_cache(maxsize=1)
def _res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], dict[str, str]]:
    lx = lexicon()
    docs = sorted(lx["document_nouns"], key=len, reverse=True)
    doc = "|".join(re.escape(d) for d in docs)
    verbs = lx["signing_verbs"]
    verb = "|".join(sorted((re.escape(v) for v in verbs), key=len, reverse=True))
    active = re.compile(
        rf"(?<![\w])(?P<aux>will |would |to |are expected to |is expected to |are set to |plan to |agreed to )?"
        rf"(?P<verb>{verb})\s+(?P<np>(?:(?:a|an|the|two|three|four|five|several|a package of|\d+|[\w’'–-]+)\s+){{0,6}}?"
        rf"(?P<doc>{doc}))(?![\w])",
        re.IGNORECASE,
    )
    passive = re.compile(
        rf"(?P<np>(?:(?:a|an|the|[\w’'–-]+)\s+){{0,6}}?(?P<doc>{doc}))"
        # "The Agreement on Border Health Cooperation, whose text was finalised this week, will be signed"
        rf"(?:\s+(?:on|of|for)\s+[^,.;:]{{3,60}}?)?(?:\s*,\s*(?:whose|which|the text of which)\s[^,;]{{3,140}}?,)?"
        rf"\s+(?:was|were|had been|has been|have been|"
        rf"will be|to be|,)\s*(?P<verb>signed|inked|concluded|sealed|finalized|finalised)",
        re.IGNORECASE,
    )
    # "signed the Agreement on X and a Memorandum of Understanding on Y": the second document of the same verb
    coordinated = re.compile(
        rf"(?<![\w])(?P<aux>will |would |to |are expected to |is expected to |are set to |plan to |agreed to )?"
        rf"(?P<verb>{verb})\s+(?:(?:a|an|the|two|three|[\w’'–-]+)\s+){{0,6}}?(?:{doc})(?![\w])[^.;:]{{0,100}}?\s+and\s+"
        rf"(?P<np>(?:a|an|the)\s+(?:[\w’'–-]+\s+){{0,4}}?(?P<doc>{doc}))(?![\w])",
        re.IGNORECASE,
    )
    anaphor = re.compile(r"(?<![\w])(?:" + "|".join(lx["anaphoric_agreement"]) + r")(?![\w])", re.IGNORECASE)
    return active, passive, coordinated, anaphor, {k.lower(): v for k, v in verbs.items()}


@lru_cache(maxsize=1)
def _mention_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Agreements named without a signing verb of their own: "the 1997 mining treaty", "the X agreement the two
    countries signed in 2022", "an accord signed by A and B", "a gas deal between A and B"."""
    lx = lexicon()
    doc = "|".join(re.escape(d) for d in sorted(lx["document_nouns"], key=len, reverse=True))
    post = (r"(?:\s+(?:of|on|for)\s+[^,.;:()“”\"]{3,60}?)?(?=\s+(?:between|with|which|that|signed|since|and|but|"
            r"in\s+\d|in\s+[A-Z]|to|as|under|whereby|by\s+which|in\s+which|from|was|were|had|has)\b|[,.;:)]|$)")
    dated = re.compile(
        rf"(?<![\w])(?:the|a|an|its|their|his|her)\s+(?P<year>(?:19|20)\d\d)\s+"
        rf"(?P<np>(?:[\w’'–-]+\s+){{0,4}}?(?:{doc}){post})", re.IGNORECASE)
    relative = re.compile(
        rf"(?<![\w])(?i:the|a|an)\s+(?P<np>(?:[\w’'–-]+\s+){{0,4}}?(?:{doc}))\s+(?:that\s+|which\s+)?"
        rf"(?P<subj>the two (?:countries|sides|nations|governments)|both (?:countries|sides)|they|"
        rf"[A-Z][\w’'–-]+(?:\s+and\s+[A-Z][\w’'–-]+)?)\s+(?:had\s+|have\s+)?(?P<verb>signed|inked|concluded)\b")
    participle = re.compile(
        rf"(?<![\w])(?i:the|a|an)\s+(?P<np>(?:[\w’'–-]+\s+){{0,4}}?(?:{doc}))\s*,?\s+"
        rf"(?P<verb>signed|inked|concluded|(?:(?<=statement )|(?<=release )|(?<=communiqué )|(?<=communique ))"
        rf"(?:issued|released|adopted)|"
        rf"(?<=declaration )(?:issued|released|adopted))\s+"
        rf"(?=by\b|in\s+(?:\d|[A-Z])|on\s+[A-Z]|last\b|earlier\b|after\b|at\s+the\s+end\b|in\s+the\s+presence\b|"
        rf"during\b|at\s+(?:a|the)\s+(?:ceremony|signing)\b)")
    between = re.compile(
        rf"(?<![\w])(?i:the|a|an)\s+(?P<np>(?:[\w’'–-]+\s+){{1,3}}?(?:{doc}))\s+(?=between\s)")
    return dated, relative, participle, between


_NEGATED = re.compile(r"\b(?:not|never|n[’']t|no longer|yet to|failed to|refused to|hope to|hopes to|hoped to|"
                      r"hoping to|seek to|seeks to|sought to|want to|wants to|aim to|aims to|aimed to)\s+(?:\w+\s+)?$",
                      re.IGNORECASE)
_HOPED = re.compile(r"\b(?:expect(?:s|ed)?|hope[sd]?|want(?:s|ed)?|would like)\b[^.;]{0,40}$", re.IGNORECASE)


_KEYWORDS = ("agreement", "deal", "pact", "accord", "treat", "plan", "program", "jcpoa", "document", "roadmap",
             "road map", "memorand", "mou", "contract", "protocol", "declaration", "charter", "statement", "communiqu",
             "press release", "instrument", "start", "letter of intent", "letters of intent", "convention")
_SIGN_STEMS = ("sign", "ink", "conclu", "finali", "sealed", "struck", "reached", "clinched", "penned", "initialed",
               "ratified", "entered into", "exchanged", "issued", "adopted")
_PASSIVE_HINT = re.compile(r"(?:was|were|been|be|,)\s*(?:signed|inked|concluded|sealed|finali[sz]ed)", re.IGNORECASE)
_SIGN_WORD = re.compile(r"\b(?:sign|signs|signed|signing|ink|inked|conclude|concluded|finali[sz]ed|sealed|struck|"
                        r"reached|clinched|penned|initialed|ratified|entered into|exchanged|issued|adopted)\b",
                        re.IGNORECASE)
_STRIP_DET = re.compile(r"^(?:the|a|an|this|that|their|its|his|her)\s+", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\w-])((?:19|20)\d\d)(?![\w-])")


def _countries_in(s: Sentence, ms: list[Ment], g: Gazetteer, pc: dict[str, str]) -> list[str]:
    out: list[str] = []
    for m in ms:
        if not m.key:
            continue
        c = None
        e = g.entity(m.key)
        if m.etype == "country":
            c = m.key
        elif m.etype == "person" and m.kind != "pronoun":
            c = pc.get(m.key) or (e.country if e else None)
        if c and c not in out:
            out.append(c)
    return out


def _subject_countries(s: Sentence, ms: list[Ment], pos: int, g: Gazetteer, pc: dict[str, str],
                       group_keys: list[str]) -> list[str]:
    """Countries of the actors before a signing verb ("Iran and China signed", "their delegations will sign")."""
    left_text = s.text[: pos - s.start]
    clause_start = max(left_text.rfind(", "), left_text.rfind(" and their "), -1)
    # "Mali, Burkina Faso and Niger signed": the commas of a list of actors do not end the clause
    while clause_start > 0 and any(m.end - s.start == clause_start and m.etype in ("country", "person") and m.key
                                   for m in ms):
        clause_start = left_text.rfind(", ", 0, clause_start)
    cands = [m for m in ms if m.end <= pos and (m.key or m.keys) and (s.start + clause_start) <= m.start
             and not m.modifier and m.etype in ("country", "person", "group")]
    if not cands:
        cands = [m for m in ms if m.end <= pos and m.key and not m.modifier and m.etype in ("country", "person")][-2:]
    out: list[str] = []
    for m in cands:
        keys = list(m.keys) if m.etype == "group" else [m.key]
        for k in keys:
            e = g.entity(k)
            c = k if (e and e.type == "country") or (k or "").startswith("country:") else (pc.get(k or "") or
                                                                                            (e.country if e else None))
            if c and c not in out:
                out.append(c)
    if not out and re.search(r"\btheir\s+(?:delegations|governments|countries|sides|leaders)\b", left_text):
        for k in group_keys:
            e = g.entity(k)
            c = k if e and e.type == "country" else (pc.get(k) or (e.country if e else None))
            if c and c not in out:
                out.append(c)
    return out


def _subject_of(name: str) -> str | None:
    """What a document's name says it is about: "Cooperation in River Navigation" in "Memorandum of Understanding on
    Cooperation in River Navigation" (None for a name without one)."""
    m = re.search(r"(?<![\w])(?:on|for|concerning|regarding)\s+(?:the\s+)?(.+)$", name)
    return m.group(1).lower() if m else None


def _sign_date(s: Sentence, published: dt.date | None, pos: int | None = None) -> DateValue | None:
    """The time expression of the sentence nearest the signing verb (a dateline is not one)."""
    if pos is not None:
        clause = when_clause_time(time_expressions(s.text, published, "past"), s.text, pos - s.start)
        if clause is not None:
            return clause.date
    exprs = [e for e in time_expressions(s.text, published, "past") if e.kind in ("point",) and e.date
             and not re.search(r"(?:take|takes|took|come|comes|enter|enters|go|goes) (?:effect|into force)\b[^,.]*$",
                               s.text[: e.start])
             # "replacing the 2010 letter of intent": a year naming another document
             and not (e.date.precision == "year"
                      and re.search(r"(?<![\w])(?:the|a|an|its|their)\s+$", s.text[: e.start], re.IGNORECASE))]
    dl = re.match(r"^[A-Z][A-Z .'’-]+,\s*[A-Z][a-z]+\.? \d{1,2}", s.text)
    if dl:
        exprs = [e for e in exprs if e.start >= dl.end()]
    if not exprs:
        return None
    if pos is None:
        return exprs[0].date
    rel = pos - s.start
    return min(exprs, key=lambda e: abs(e.start - rel)).date


def find_agreements(
    sentences: list[Sentence], ments: list[Ment], published: dt.date | None, people_country: dict[str, str],
    context_participants: dict[int, list[str]], context_dates: dict[int, DateValue | None] | None = None,
) -> list[AgreementCand]:
    """Agreements of the article, one per real agreement, with aliases."""
    g = load()
    active, passive, coordinated, anaphor, verbs = _res()
    by_sent: dict[int, list[Ment]] = {}
    for m in ments:
        by_sent.setdefault(m.sent, []).append(m)
    found: dict[str, AgreementCand] = {}
    order: list[str] = []
    last_key: str | None = None
    touched: list[str] = []

    def touch(key: str, name: str, s: Sentence, rule: str, ref: RefAgreement | None) -> AgreementCand:
        nonlocal last_key
        if key not in found:
            found[key] = AgreementCand(key, name, s.index, rule, ref=ref)
            order.append(key)
        ac = found[key]
        if name not in ac.aliases:
            ac.aliases.append(name)
        if s.index not in ac.sents:
            ac.sents.append(s.index)
        last_key = key
        touched.append(key)
        return ac

    mentioned = {m.key for m in ments if m.key and m.etype == "country"} | set(people_country.values())
    for s in sentences:
        low = s.text.lower()
        if not any(w in low for w in _KEYWORDS):
            continue
        ms = by_sent.get(s.index, [])
        spans: list[tuple[int, int]] = []
        for ref in g.agreements:
            for p in ref.patterns:
                for m in p.finditer(s.text):
                    if any(a < m.end() and m.start() < b for a, b in spans):
                        continue
                    if not _ref_fits(ref, s, ms, m.start(), mentioned):
                        continue
                    spans.append((m.start(), m.end()))
                    ac = touch(ref.key, m.group(), s, "agreement.reference", ref)
                    y = _YEAR.search(m.group())
                    if y and not ac.date:
                        ac.date = DateValue(y.group(1))
                    _status_near(ac, s, m.start(), m.end(), verbs, published)
        if not any(w in low for w in _SIGN_STEMS) or not _SIGN_WORD.search(s.text):
            rxs: tuple[re.Pattern[str], ...] = ()
        else:
            rxs = (active, passive, coordinated)
        for rx in rxs:
            if rx is passive and not _PASSIVE_HINT.search(s.text):
                continue  # the passive pattern is slow; most sentences cannot match it
            for m in rx.finditer(s.text):
                a, b = m.start("np"), m.end("np")
                pre = s.text[: m.start()]
                if rx is not passive and _NEGATED.search(pre + (m.group("aux") or "")):
                    continue  # "did not sign any documents", "a deal they hope to sign"
                if rx is passive and re.search(r"\bto be\s*$", s.text[m.end("np"): m.start("verb")]) and (
                        _HOPED.search(s.text[: m.start("np")]) or re.search(r"\b(?:expected|hope[sd]?)\b",
                                                                             m.group("np"), re.IGNORECASE)):
                    continue  # "expects the accord to be signed": hoped for, not scheduled
                if rx is passive and re.search(r"\b(?:and|but|or|expected|said|saw)\b", m.group("np")):
                    continue
                if any(x < b and a < y for x, y in spans):
                    # the signing of a known agreement: status and date
                    ac = next((found[k] for k in order if s.index in found[k].sents), None)
                    if ac:
                        _apply_verb(ac, m, s, verbs, published, ms, g, people_country, context_participants,
                                    context_dates)
                    continue
                np_text = _STRIP_DET.sub("", re.sub(r"^(?:of|for)\s+", "", m.group("np"), flags=re.I)).strip()
                np_text = re.sub(r"^(?:a\s+)?(?:number|series|raft|host|range|set)\s+of\s+", "", np_text, flags=re.I)
                # (up to a second document: "the Agreement on X and a Memorandum of Understanding on Y")
                post = re.match(r"\s+(?:on|for|in|of|to)\s+[^,.;()]{3,80}?(?=\s+(?:on|at|with|between|during|after|"
                                r"before|which|that|in\s+\d{4}|in\s+[A-Z]\w+)\b|\s+and\s+(?:a|an|the)\s+[A-Z]|"
                                r"\s+(?:and|but)\s+(?:also\s+|then\s+)?[a-z]+ed\b|[,.;()]|$)",
                                s.text[m.end("np"):])
                if post and post.group().split()[0] == "in" and any(
                        x.etype in ("place", "country") and x.start == s.start + m.end("np") + post.group().index("in")
                        + 3 for x in ms):
                    post = None  # "signed a trade agreement in Lima": where, not which
                if post and not re.search(r"\b(?:on|in)\s+\w+day\b|\b(?:19|20)\d\d\b|\b(?:in|on|by)\s+"
                                          r"(?:early |late |mid-)?(?:January|February|March|April|May|June|July|"
                                          r"August|September|October|November|December)\b", post.group()):
                    np_text = (np_text + post.group()).strip()
                np_text = re.sub(r"^(?:signed|inked|concluded)\s+", "", np_text, flags=re.IGNORECASE)
                if _QUANTIFIED.match(np_text):
                    continue  # "Too many of our agreements have been signed and forgotten": no document in particular
                if np_text.lower() in {"agreement", "deal", "documents", "document", "accord", "pact", "treaty"} and \
                        last_key:
                    ac = found[last_key]
                    _apply_verb(ac, m, s, verbs, published, ms, g, people_country, context_participants, context_dates)
                    continue
                parties = _subject_countries(s, ms, s.start + m.start("verb"), g, people_country,
                                             context_participants.get(s.index, []))
                bt = re.match(r"\s+between\s+(?:the\s+)?([\w\s,]+?)(?:\s+(?:in|on|at|for)\b|[,.]|$)", s.text[b:])
                if bt:
                    parties += [c for c in _countries_in(s, [x for x in ms if x.start >= s.start + b], g,
                                                          people_country) if c not in parties]
                sig_date = _sign_date(s, published, s.start + m.start("verb"))
                ref = _matching_ref(parties, sig_date, g, np_text)
                if ref:
                    ac = touch(ref.key, np_text, s, "agreement.reference_signed", ref)
                else:
                    key = "agr:" + "-".join(sorted(slug(g.entities[p].label) for p in parties if p in g.entities))
                    key += f"-{sig_date.value[:4]}" if sig_date else ""
                    key += f"-{slug(np_text)}"
                    ac = touch(key, np_text, s, "agreement.signing", None)
                    ac.parties = list(parties)
                _apply_verb(ac, m, s, verbs, published, ms, g, people_country, context_participants, context_dates)
                spans.append((a, b))
        _mentioned(s, ms, spans, touch, published, g, people_country, context_participants)
        for m in anaphor.finditer(s.text):
            if any(a <= m.start() < b for a, b in spans) or not last_key:
                continue
            key = last_key
            if _doc_class(found[key].name) not in ("agreement", "mou") and re.search(
                    r"(?:agreement|deal|pact|accord|treaty)$", m.group(), re.IGNORECASE):
                # "a joint statement said the 2015 nuclear deal … remained valid. They called for a return to the
                # accord": the deal, not the statement
                key = next((k for k in reversed(touched) if k in found and (
                    found[k].ref or _doc_class(found[k].name) == "agreement")), key)
            ac = touch(key, m.group(), s, "agreement.anaphor", found[key].ref)
    # one document named twice ("signed memorandums …", "the trade accords"): same parties, compatible dates
    for key in list(order):
        if key not in found:
            continue  # merged into an earlier one
        ac = found[key]
        if ac.ref:
            continue
        for other in order:
            o = found.get(other)
            if o is None or other == key or o.ref or set(o.parties) != set(ac.parties) or not ac.parties:
                continue
            if ac.date and o.date and not (ac.date.value.startswith(o.date.value) or
                                           o.date.value.startswith(ac.date.value)):
                continue
            if "statement" in (_doc_class(ac.name), _doc_class(o.name)) and _doc_class(ac.name) != _doc_class(o.name):
                continue  # a joint statement beside the documents signed
            if _subject_of(ac.name) and _subject_of(o.name) and _subject_of(ac.name) != _subject_of(o.name):
                continue  # "the Agreement on X" and "a Memorandum of Understanding on Y": two documents
            keep, drop = (o, ac) if order.index(other) < order.index(key) else (ac, o)
            if keep.status != "signed" and drop.status == "signed":
                keep, drop = drop, keep
            keep.aliases += [a for a in drop.aliases if a not in keep.aliases]
            keep.sents += [x for x in drop.sents if x not in keep.sents]
            keep.date = keep.date or drop.date
            del found[drop.key]
            break
    # a headline's "three MoUs" / "defence pact" is the document the body names in full
    order = [k for k in order if k in found]
    for key in list(order):
        ac = found.get(key)
        if ac is None or ac.ref or not all(sentences[i].headline for i in ac.sents):
            continue
        body = [found[k] for k in order if k in found and k != key and not found[k].ref
                and not all(sentences[i].headline for i in found[k].sents)
                and _doc_class(found[k].name) == _doc_class(ac.name)
                and (not found[k].date or not ac.date or found[k].date.overlaps(ac.date))]
        if len(body) > 1:
            words = set(re.findall(r"\w+", ac.name.lower())) - {"a", "an", "the", "of", "on", "and"}
            body = [b for b in body if words & set(re.findall(r"\w+", b.name.lower())) - {"agreement", "deal", "pact",
                                                                                        "accord", "treaty"}]
        if len(body) == 1:
            keep = body[0]
            keep.aliases += [a for a in ac.aliases if a not in keep.aliases]
            keep.sents += [x for x in ac.sents if x not in keep.sents]
            del found[key]
    order = [k for k in order if k in found]
    out = []
    for i, key in enumerate(order, 1):
        ac = found[key]
        ac.local_id = f"a{i}"
        _finish(ac, sentences, by_sent, g, people_country)
        out.append(ac)
    return out


def _mentioned(s: Sentence, ms: list[Ment], spans: list[tuple[int, int]], touch, published: dt.date | None,
               g: Gazetteer, pc: dict[str, str], ctx: dict[int, list[str]]) -> None:
    """Agreements named with their year, or with their signing in a relative clause or participle."""
    dated, relative, participle, between = _mention_res()
    for rx in (dated, relative, participle, between):
        if rx is between and re.search(r"\b(?:hope|seek|negotiat|draft|propos|aim|want|would|could|possible|"
                                       r"future|planned|talks on|work(?:ing)? on)", s.text, re.IGNORECASE):
            continue
        for m in rx.finditer(s.text):
            a, b = m.start("np"), m.end("np")
            if rx is dated:
                a = m.start("year")
            if any(x < b and a < y for x, y in spans):
                continue
            np_text = s.text[a:b].strip()
            if re.search(r"\b(?:draft|proposed|possible|new|any)\b", np_text, re.IGNORECASE):
                continue
            if len(np_text.split()) < 2 and rx is not dated:
                continue
            parties: list[str] = []
            bt = re.match(r"\s+between\s+(?:the\s+)?", s.text[b:])
            if bt:
                near = [x for x in ms if s.start + b + bt.end() <= x.start <= s.start + b + bt.end() + 60]
                parties = _countries_in(s, near, g, pc)
                for x in near:
                    if x.etype == "group":
                        parties += [c for c in _group_countries(list(x.keys) or ctx.get(s.index, []), g, pc)
                                    if c not in parties]
            if rx is between and len(parties) < 2:
                continue
            elif rx is not dated and rx is not between:
                sub_end = m.end("verb")
                parties = _countries_in(s, [x for x in ms if s.start + b <= x.start < s.start + sub_end + 60
                                            and not x.modifier], g, pc)
                if not parties or (m.groupdict().get("subj") or "").startswith(("the two", "both", "they")):
                    parties = [c for c in _group_countries(ctx.get(s.index, []), g, pc) if c not in parties] or parties
            if rx is dated:
                date = DateValue(m.group("year"))
            elif rx is between:
                date = _sign_date(s, published, s.start + b)
            else:
                date = _sign_date(s, published, s.start + m.end("verb"))
            key = "agr:" + "-".join(sorted(slug(g.entities[p].label) for p in parties if p in g.entities))
            key += f"-{date.value[:4]}" if date else ""
            key += f"-{slug(np_text)}"
            ac = touch(key, np_text, s, "agreement.named", None)
            ac.parties = ac.parties or parties
            ac.status = "signed"
            ac.date = ac.date or date
            spans.append((a, b))


def _group_countries(keys: list[str], g: Gazetteer, pc: dict[str, str]) -> list[str]:
    out: list[str] = []
    for k in keys:
        e = g.entity(k)
        c = k if (e and e.type == "country") or k.startswith("country:") else (pc.get(k) or (e.country if e else None))
        if c and c not in out:
            out.append(c)
    return out


_QUANTIFIED = re.compile(r"(?:too\s+)?(?:many|much|some|most|all|several|few|none|any|other)\b", re.IGNORECASE)


def _doc_class(name: str) -> str:
    low = name.lower()
    if re.search(r"memorand|\bmou", low):
        return "mou"
    if re.search(r"agreement|deal|pact|accord|treat", low):
        return "agreement"
    if re.search(r"statement|communiqu|press release", low):
        return "statement"  # joint statements, communiqués and press releases: one class
    head = re.search(r"\b(declaration|charter|protocol|contract|roadmap|road map|convention|action plan|"
                     r"letters? of intent|document|instrument)", low)
    if head:
        return re.sub(r"s$", "", head.group(1))  # "joint declaration on energy security" is a declaration
    return re.sub(r"s$", "", low.split()[-1]) if low.split() else ""


def _ctx_date(s: Sentence, ctx_dates: dict[int, DateValue | None] | None) -> DateValue | None:
    """Signed "after the talks", "during the visit": the date of the meeting in context."""
    if not ctx_dates or not re.search(r"\b(?:after|during|at|following) (?:the|their|a) (?:talks|meeting|visit|"
                                      r"ceremony|summit|call)\b|\bin their presence\b|\bwitnessed\b|"
                                      r"\b(?:[Tt]he two|[Bb]oth)\s+(?:leaders|sides|ministers|presidents|heads|men|"
                                      r"women)\s+(?:also\s+)?(?:signed|inked)\b", s.text):
        return None
    return ctx_dates.get(s.index)


def _ref_fits(ref: RefAgreement, s: Sentence, ms: list[Ment], start: int, mentioned: set[str]) -> bool:
    """Whether a known agreement's name is meant here: a bilateral one needs both its parties in the article, and
    no other country may qualify the name ("the Kenya–Peru comprehensive cooperation plan" is not China–Iran's)."""
    if len(ref.parties) <= 2 and not set(ref.parties) <= mentioned:
        return False
    before = s.start + start
    qualifiers = [m for m in ms if m.key and m.etype == "country" and before - 20 <= m.end <= before
                  and re.fullmatch(r"(?:[\s–—-]|(?:’s|'s)|[\w-]+[–—-])*", s.text[m.end - s.start : start])]
    return not any(m.key not in ref.parties for m in qualifiers)


def _matching_ref(parties: list[str], date: DateValue | None, g: Gazetteer, name: str) -> RefAgreement | None:
    for ref in g.agreements:
        if not ref.parties or len(ref.parties) > 3 or not set(ref.parties) <= set(parties):
            continue
        if date and ref.date and date.value[:4] == ref.date[:4] and re.search(r"agreement|deal|pact|treaty|accord",
                                                                              name, re.IGNORECASE):
            return ref
    return None


def _status_near(ac: AgreementCand, s: Sentence, a: int, b: int, verbs: dict[str, str],
                 published: dt.date | None) -> None:
    before = s.text[max(0, a - 60) : a]
    after = s.text[b : b + 40]
    if re.search(r"(?:will|to|would)\s+(?:sign|ink)\b", before, re.IGNORECASE):
        ac.status = "planned" if ac.status == "mentioned" else ac.status
    elif re.search(r"\b(?:signed|inked|concluded|sealed|struck)\b", before + " " + after, re.IGNORECASE):
        ac.status = "signed"
        verb_after = re.search(r"\b(?:signed|inked|concluded)\b", after, re.IGNORECASE)
        verb_before = re.search(r"\b(?:signed|inked|concluded)\b[^.]{0,40}$", before, re.IGNORECASE)
        rel = b + verb_after.start() if verb_after else (max(0, a - 60) + verb_before.start() if verb_before else -1)
        if rel >= 0:
            d = _sign_date(s, published, s.start + rel)
            if d and not ac.date:
                ac.date = d


def _apply_verb(ac: AgreementCand, m: re.Match[str], s: Sentence, verbs: dict[str, str], published: dt.date | None,
                ms: list[Ment], g: Gazetteer, pc: dict[str, str], ctx: dict[int, list[str]],
                ctx_dates: dict[int, DateValue | None] | None = None) -> None:
    status = verbs.get(m.group("verb").lower(), "signed")
    aux = (m.groupdict().get("aux") or "").strip()
    if aux or re.search(r"(?:will|to|would)\s+(?:be\s+)?$", s.text[: m.start("verb")]):
        status = "planned"  # "will sign", "will be signed"
    if status == "signed" or ac.status == "mentioned":
        ac.status = status
    if s.headline and status == "planned" and not aux:
        status = "signed"
    if status == "signed":
        d = _sign_date(s, published, s.start + m.start("verb")) or _ctx_date(s, ctx_dates)
        longer = not ac.date or len(d.value) > len(ac.date.value) if d else False
        if d and longer and (not ac.date or d.value.startswith(ac.date.value)
                                                                          or not ac.ref):
            ac.date = d
    elif status == "planned" and not ac.date:
        # "will be signed during the visit … scheduled for the first week of December": when it is to be signed
        after = [e for e in time_expressions(s.text, published, "future")
                 if e.kind == "point" and e.date and e.start >= m.start("verb")]
        if after:
            ac.date = after[0].date
    if not ac.parties:
        ac.parties = _subject_countries(s, ms, s.start + m.start("verb"), g, pc, ctx.get(s.index, []))


def _finish(ac: AgreementCand, sentences: list[Sentence], by_sent: dict[int, list[Ment]], g: Gazetteer,
            pc: dict[str, str]) -> None:
    ref = ac.ref
    if ref:
        if len(ref.parties) <= 2:
            parties = list(ref.parties)
        else:
            mentioned: list[str] = []
            for si in ac.sents:
                for c in _countries_in(sentences[si], by_sent.get(si, []), g, pc):
                    if c not in mentioned:
                        mentioned.append(c)
            parties = [p for p in ref.parties if p in mentioned]
        ac.parties = parties + [p for p in ac.parties if p not in parties]
        ac.duration_years = ref.duration_years
        ac.topics = ref.topics
        if not ac.date and ref.date:
            ac.date = DateValue(ref.date[:4])
        surfaces = [_STRIP_DET.sub("", a) for a in ac.aliases if not re.match(r"(?:the|that|this)\s", a, re.I)
                    or len(a.split()) > 3]
        if ref.reference_label or not surfaces:
            ac.name = ref.label
        else:
            ac.name = max(surfaces, key=len)
    else:
        dur = re.search(r"(\d+)-year", ac.name)
        if dur:
            ac.duration_years = int(dur.group(1))
    ac.aliases = [a for a in dict.fromkeys(ac.aliases) if a != ac.name]
