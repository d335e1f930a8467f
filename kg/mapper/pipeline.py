"""The mapper pipeline: text → sentences → mentions → coreference → meetings, agreements, statements → facts."""

from __future__ import annotations

import datetime as dt
import re

from kg.facts import (
    Actor,
    Agreement,
    ArticleFacts,
    ArticleMeta,
    DateValue,
    Evidence,
    Meeting,
    Mention,
    Place,
    PositionHolding,
    Span,
    Statement,
)
from kg.mapper import dates
from kg.mapper.agreements import AgreementCand, find_agreements
from kg.mapper.coref import People, resolve
from kg.mapper.gazetteer import Gazetteer, load
from kg.mapper.meetings import MeetingCand, _country_of, find_meetings
from kg.mapper.mentions import PREPOSITIONS, Ment, find_mentions, mark_in_quote, quote_spans
from kg.mapper.statements import DURING_THE_TALKS, StatementCand, find_statements
from kg.mapper.text import Sentence, find_noise, split_sentences

_TYPES = {"person", "country", "government", "ministry", "military", "international_organization",
          "news_organization", "organization"}
_DATELINE = re.compile(r"^\s*(?:\([^)]*\)\s*)?([A-Z][A-Z.'’ -]{2,30}?)\s*(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*"
                       r"(?:\([^)]*\))?\s*[-–—]{1,2}")
_DATELINE_COUNTRY = re.compile(r"^\s*([A-Z][A-Z.'’ -]{2,30}?),\s*([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s*,\s*"
                               r"[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b")
_LIST_INTRO = re.compile(r"(?:comprising|including|includes|such as|namely|:|\(|like)\s*$")
_MEDIA = {"tweet", "op-ed", "interview", "statement", "press_conference", "address", "phone_call", "meeting", "letter",
          "report"}


def _dateline_place(sentences: list[Sentence], g: Gazetteer) -> str | None:
    for s in sentences[:6]:
        m = _DATELINE.match(s.text)
        cc = _DATELINE_COUNTRY.match(s.text)
        if cc and any(g.entities[k].type == "country" for k, _ in g.surfaces.get(cc.group(2), ())):
            city = cc.group(1).strip().title()
            known = [k for k, kind in g.surfaces.get(city, ()) if kind == "place"]
            return known[0] if known else "newplace:" + city  # "KISUMU, Kenya, March 14 (Reuters) -"
        if not m:
            continue
        name = m.group(1).strip().title()
        for key, kind in g.surfaces.get(name, ()):
            if kind in ("place", "metonym") and g.entities[key].type == "place":
                return key
        for key, kind in g.surfaces.get(name, ()):
            if kind == "place":
                return key
    return None


def _acting(m: Ment, s: Sentence, g: Gazetteer) -> bool:
    """A country or organisation that acts in its sentence (not a place, a topic or a modifier)."""
    if m.modifier or m.in_quote or m.head == "title" or m.kind == "demonym":
        return False
    rel = m.start - s.start
    before = s.text[:rel]
    prev = re.search(r"([\w’'-]+)\s+(?:the\s+)?$", before)
    if prev and prev.group(1).lower() in PREPOSITIONS:
        return False
    # the second of two coordinated objects of a preposition ("the conflict in Gaza and Lebanon")
    coord = re.search(r"([\w’'-]+)\s+(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?\s+and\s+(?:the\s+)?$", before)
    if coord and coord.group(1).lower() in PREPOSITIONS:
        return False
    if re.search(r"(?:in|at|near|to|from)\s+(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?,\s*$", before):
        return False
    # members of a list introduced by "comprising", "such as", a colon or a parenthesis
    seg = re.split(r"[.;]", before)[-1]
    lm = re.search(r"(?:comprising|including|includes|such as|namely|:|\()\s*(?:[A-Z][\w’'. -]*,?\s*(?:and\s+)?)*$",
                   seg)
    if lm:
        return False
    after = s.text[m.end - s.start :]
    in_list = re.match(r"\s*,\s*(?:[A-Z][\w’'. -]*,\s*)+(?:and\s+)?[A-Z]", after)
    list_subject = re.match(r"\s*(?:,\s*[A-Z][\w’'. -]*)+,?\s+and\s+[A-Z][\w’'. -]*\s+"
                            r"(?:have|has|are|were|will|signed|agreed|said)", after)
    return not (in_list and not list_subject)


def _person_acting(m: Ment, s: Sentence) -> bool:
    """A named person who is more than the object of a preposition or a possessor ("the ouster of President Morsi",
    "Raisi's death"): people in no fact are actors only where they could be doing something."""
    if m.modifier:
        return False
    start = m.role_start if m.role_start is not None else m.start
    prev = re.search(r"([\w’'-]+)\s+(?:the\s+|late\s+|former\s+|then\s+|[A-Z][\w’'-]*(?:’s|'s)\s+)*$",
                     s.text[: start - s.start])
    return not (prev and prev.group(1).lower() in _OBJECT_PREPS)


_OBJECT_PREPS = frozenset({"of", "on", "against", "about", "over", "toward", "towards", "under"})


# bodies labelled in each article as that article names them ("Tasnim", "Tasnim News Agency"); their key stays one
_SURFACE_LABELLED = frozenset({"ministry", "news_organization"})


def _label(key: str, people: People, g: Gazetteer, fallback: str) -> str:
    e = g.entity(key)
    if e and e.type in _SURFACE_LABELLED and fallback:
        # a ministry is labelled as the article names it ("Itamaraty", "Brazil's foreign ministry"); one key
        words = re.sub(r"^(?:the|The)\s+", "", fallback).split()
        return " ".join(w if w in ("of", "and", "for", "the", "on") else w[:1].upper() + w[1:] for w in words)
    if e:
        return "China" if e.label == "People's Republic of China" else e.label
    return people.label.get(key) or fallback


def _actor_type(key: str, etype: str, g: Gazetteer) -> str:
    e = g.entity(key)
    t = e.type if e else etype
    if key.startswith("person:"):
        return "person"
    if key.startswith("country:"):
        return "country"
    return t if t in _TYPES else "organization"


def _split_role(role: str, g: Gazetteer) -> str:
    """"Iranian President" → "President"; a leading demonym or country name is the organisation."""
    words = role.split()
    from kg.mapper.mentions import _country_of_word, lex

    while len(words) > 1 and _country_of_word(words[0], g, lex()):
        words = words[1:]
    return " ".join(words)


def map_article(text: str, meta: ArticleMeta) -> ArticleFacts:
    """Read one article into facts. Never raises on odd text; facts are traced to sentences."""
    g = load()
    facts = ArticleFacts(meta=meta, text=text)
    published = meta.published
    dateline = dates.find_dateline(text, published)
    if published is None and dateline is not None:
        facts.dateline = dateline
        if dateline.precision == "day":
            published = dateline.first_day()
    noise = find_noise(text)
    sentences = split_sentences(text, noise)
    if not sentences:
        return facts
    quotes = quote_spans(text)
    ments = find_mentions(sentences, text, quotes)
    mark_in_quote(ments, quotes)  # before coreference: a name inside a quotation is nobody's antecedent
    people = resolve(sentences, ments, text, published, quotes)
    _role_groups(ments, people, g, published)
    dl_place = _dateline_place(sentences, g)
    meetings = find_meetings(sentences, ments, published, people.role, people.country, dl_place)
    # which meeting participants are "in context" for each sentence (for "their delegations" etc.)
    ctx: dict[int, list[str]] = {}
    ctx_dates: dict[int, DateValue | None] = {}
    cur: list[str] = []
    cur_date: DateValue | None = None
    msents: dict[int, MeetingCand] = {}
    for mc in meetings:
        for si in [mc.sent, *mc.extra_sents]:
            msents.setdefault(si, mc)
    for s in sentences:
        here = msents.get(s.index)
        if here is not None and here.status == "happened" and _background(here, cur_date, s):
            # a meeting recalled in passing is the context of its own sentence only
            ctx[s.index] = list(here.participants)
            ctx_dates[s.index] = here.date
            continue
        if here is not None and here.status == "happened":
            cur = list(here.participants)
            cur_date = here.date
        elif here is None and DURING_THE_TALKS.match(s.text):
            # "During the talks, …" after other events were told: the talks the article is about
            main = next((mc for mc in sorted(meetings, key=lambda x: x.sent)
                         if mc.status == "happened" and mc.kind != "summit"), None)
            if main is not None:
                cur, cur_date = list(main.participants), main.date
        ctx[s.index] = cur
        ctx_dates[s.index] = cur_date
    _resolve_groups(ments, ctx, people, g, msents, text)
    agreements = find_agreements(sentences, ments, published, people.country, ctx, ctx_dates)
    new_actors: dict[str, tuple[str, str]] = {}
    statements = find_statements(sentences, ments, text, quotes, meetings, published, new_actors)
    _build(facts, sentences, ments, people, meetings, agreements, statements, new_actors, g, published)
    return facts


def _background(mc: MeetingCand, current: DateValue | None, s: Sentence) -> bool:
    """A meeting recalled, in someone's words, from before the one the article is about ("Wang said that the
    consensus reached … during their telephone conversation in September")."""
    told_in_speech = re.search(r"(?<![\w])(?:said|says|stressed|noted|added|told|recalled)(?![\w])",
                               s.text[: max(0, mc.start - s.start)])
    recalled = told_in_speech or re.match(r"\s*(?:Since|Ever since|When|After|Before|Following)\b", s.text)
    return bool(current and mc.date and mc.date.last_day() < current.first_day() and recalled)


_ROLE_GROUP_WORDS = {"ministers": "minister", "presidents": "president", "leaders": "", "diplomats": "minister",
                     "envoys": "envoy", "ambassadors": "ambassador"}


def _role_groups(ments: list[Ment], people: People, g: Gazetteer, published: dt.date | None = None) -> None:
    """"the foreign ministers of A and B": the person of each country with that role, else the country."""
    from kg.mapper.meetings import HEAD_ROLES

    for m in ments:
        if m.etype == "group" and not m.members and m.head and " " in m.head and m.head.endswith("ministers"):
            # "the two deputy foreign ministers": the people of the article who hold that office, when they are as many
            office = m.head[:-1]
            holders = [k for k, r in people.role.items() if office in r.lower().replace("vice ", "deputy ")
                       and ("deputy" in office) == ("deputy" in r.lower() or "vice" in r.lower())]
            words = m.label.lower().split() if m.label else []
            n = {"two": 2, "three": 3, "four": 4, "five": 5}.get(words[1] if len(words) > 1 else "", 0)
            if n and len(holders) > n:
                # "Wang met the two deputy foreign ministers": not the ones of his own side
                own = {people.country.get(x.key or "") for x in ments if x.sent == m.sent and x.etype == "person"
                       and x.kind in ("name", "alias", "surname") and x.key and x.key not in holders}
                holders = [k for k in holders if people.country.get(k) not in own]
            if len(holders) >= 2 and (n == 0 or len(holders) == n):
                m.keys = tuple(holders)
            continue
        if m.etype != "group" or not m.members:
            continue
        want = (m.role or "").lower()
        head = _ROLE_GROUP_WORDS.get(m.head or "")
        if m.head == "diplomats" and not want.startswith("top"):
            head = None  # "senior diplomats from A, B and C": not their foreign ministers
        keys: list[str] = []
        for c in m.members:
            cands = []
            if head is not None:
                for k, ck in people.country.items():
                    if ck != c:
                        continue
                    role = (people.role.get(k) or "").lower()
                    if not role:
                        e = g.entity(k)
                        role = " ".join(p.role.lower() for p in e.positions) if e else ""
                    if head == "":
                        ok = any(h in role for h in HEAD_ROLES) and "vice" not in role and "deputy" not in role
                    else:
                        qual = want.split()[0] if len(want.split()) > 1 else ""
                        same = not qual or "counterpart" in role or qual in role or (
                            qual == "top" and "foreign" in role)
                        ok = (head in role or "counterpart" in role) and same and "deputy" not in role \
                            and "vice" not in role
                    if ok:
                        cands.append(k)
            if not cands and head and not m.in_quote:  # a reference holder: "the presidents of Peru and Chile"
                qual = want.split()[0] if len(want.split()) > 1 and want.split()[0] != "top" else ""
                holders = [h for h in g.holders([head], c, published)
                           if not any(re.search(r"vice|deputy", p.role, re.IGNORECASE) for p in g.entities[h].positions
                                      if head in p.role.lower())
                           and (not qual or any(qual in p.role.lower() for p in g.entities[h].positions))]
                cands = holders if len(holders) == 1 else []
            keys.append(cands[0] if len(cands) == 1 else c)
        m.keys = tuple(dict.fromkeys(keys))


_COUNTRY_GROUPS = ("sides", "parties", "countries", "nations", "governments", "delegations", "capitals", "states")


_GROUP_NUMBER = {"two": 2, "three": 3, "four": 4, "five": 5}


def _resolve_groups(ments: list[Ment], ctx: dict[int, list[str]], people: People, g: Gazetteer,
                    msents: dict[int, MeetingCand] | None = None, text: str = "") -> None:
    """"the two ministers", "both sides": the participants of the meeting in context, else the last two people.
    "they" only stands for the people of a meeting told in its own sentence or the one before."""
    recent: list[str] = []
    recent_countries: list[str] = []
    for m in ments:
        if m.etype == "person" and m.key and m.kind in ("name", "alias", "surname") and not m.in_quote:
            if m.key in recent:
                recent.remove(m.key)
            recent.append(m.key)
        if m.etype == "country" and m.key and m.kind == "name" and not m.modifier and not m.in_quote:
            if m.key in recent_countries:
                recent_countries.remove(m.key)
            recent_countries.append(m.key)
        if m.etype != "group" or m.keys:
            continue
        words = text[m.start : m.end].lower().split()
        n = _GROUP_NUMBER.get(words[1], 0) if len(words) > 1 and words[0] == "the" else 0
        if n >= 3 and m.head in _COUNTRY_GROUPS and len(ctx.get(m.sent) or []) != n and len(recent_countries) >= n:
            # "the three Sahel states": the last three countries named, not the pair of the meeting in context
            m.keys = tuple(recent_countries[-n:])
            continue
        if m.head == "they":
            # "The two countries issued a joint statement, in which they reaffirmed …": the group of the sentence
            same = [x for x in ments if x.sent == m.sent and x.end <= m.start and x.etype == "group"
                    and x.head != "they" and x.keys]
            if same:
                m.keys = same[-1].keys
                continue
            opening = not any(x.sent == m.sent and x.end <= m.start and x.etype in ("person", "country", "group")
                              for x in ments)
            told = [x for x in ments if x.sent == m.sent - 1 and x.etype == "group" and x.head != "they" and x.keys]
            if opening and told:
                m.keys = told[-1].keys  # "…, the three countries said … They called on …": the group just told
                continue
            mc = (msents or {}).get(m.sent) or (msents or {}).get(m.sent - 1)
            m.keys = tuple(mc.participants) if mc and len(mc.participants) >= 2 else ()
            continue
        keys = list(ctx.get(m.sent) or recent[-2:])
        if len(keys) < 2 and msents:
            # "…, the two countries' foreign ministers announced. A and B signed …": the meeting told next
            nxt = next((msents[i] for i in (m.sent + 1, m.sent + 2) if i in msents), None)
            if nxt is not None and len(nxt.participants) >= 2:
                keys = list(nxt.participants)
        if m.head in ("countries", "nations", "governments", "capitals", "states"):
            cs = [people.country.get(k) or (g.entity(k).country if g.entity(k) else None) or k for k in keys]  # type: ignore[union-attr]
            cs = [c for c in dict.fromkeys(cs) if c]
            keys = cs if len(cs) >= 2 else keys
        elif n == 2 and len(keys) > 2 and m.head in _COUNTRY_GROUPS:
            # "the two sides" of a visit where five people met: the two countries
            cs = [c for c in dict.fromkeys(_country_of(k, g, people.country) for k in keys) if c]
            keys = cs if len(cs) == 2 else keys
        m.keys = tuple(keys)


def _ev(s: Sentence, rule: str, conf: float) -> Evidence:
    return Evidence(Span(s.start, s.end, s.text), rule, round(max(0.0, min(1.0, conf)), 3))


def _place(key: str | None, g: Gazetteer) -> Place | None:
    if not key:
        return None
    if key.startswith("newplace:"):  # a city named by the text, absent from the reference data
        name = key.split(":", 1)[1]
        from kg.mapper.gazetteer import slug

        return Place(f"place:{slug(name)}", name, None)
    e = g.entity(key)
    if not e:
        return None
    label = "China" if e.label == "People's Republic of China" else e.label
    return Place(key if key.startswith("wd:") else f"place:{key.split(':', 1)[-1]}", label, e.qid)


def _build(facts: ArticleFacts, sentences: list[Sentence], ments: list[Ment], people: People,
           meetings: list[MeetingCand], agreements: list[AgreementCand], statements: list[StatementCand],
           new_actors: dict[str, tuple[str, str]], g: Gazetteer, published: dt.date | None) -> None:
    involved: set[str] = set()
    for mc in meetings:
        involved.update(mc.participants)
    for ac in agreements:
        involved.update(ac.parties)
    for st in statements:
        involved.update(st.speakers)
        if st.addressee:
            involved.add(st.addressee)
    for m in ments:
        if not m.key or m.etype == "place":
            continue
        s = sentences[m.sent]
        named = m.etype == "person" and m.kind in ("name", "alias", "surname") and not m.in_quote
        if (named and _person_acting(m, s)) or (m.etype == "country" and _acting(m, s, g)):
            involved.add(m.key)
    # the countries of the people in the article
    for k in list(involved):
        if _actor_type(k, "person", g) == "person":
            c = people.country.get(k) or (g.entity(k).country if g.entity(k) else None)  # type: ignore[union-attr]
            if c:
                involved.add(c)
    involved = {k for k in involved if k and (g.entity(k) is None or g.entity(k).type != "place")}  # type: ignore[union-attr]
    labels: dict[str, str] = {}
    etypes: dict[str, str] = {}
    for m in ments:
        if m.key and m.key not in labels and m.kind in ("name", "alias", "org", "metonym", "surname"):
            st = sentences[m.sent]
            labels[m.key] = st.text[m.start - st.start : m.end - st.start] \
                if m.kind == "alias" and m.etype in _SURFACE_LABELLED else m.label
            etypes[m.key] = m.etype
    for key in sorted(involved):
        e = g.entity(key)
        etype = etypes.get(key) or (new_actors.get(key, ("", "organization"))[1])
        if key.startswith("country:") or (e and e.type == "country"):
            etype = "country"
        label = _label(key, people, g, labels.get(key) or new_actors.get(key, (key.split(":")[-1], ""))[0])
        country = people.country.get(key) or (e.country if e and e.type != "country" else None)
        aliases = tuple(sorted({m.label for m in ments if m.key == key and m.kind in ("alias",) and m.label != label}))
        facts.actors[key] = Actor(key, label, _actor_type(key, etype, g), e.qid if e else None, aliases,  # type: ignore[arg-type]
                                  country if country != key else None)
    # mentions (one per span: "He said" after "Vice Premier He Jianping" is his surname, not also a pronoun)
    by_span: dict[tuple[int, int], Ment] = {}
    for m in ments:
        if m.key and m.key in facts.actors and m.etype != "group":
            held = by_span.get((m.start, m.end))
            if held is None or (held.kind == "pronoun" and m.kind != "pronoun"):
                by_span[(m.start, m.end)] = m
    for m in ments:
        if by_span.get((m.start, m.end)) is not m:
            continue
        kind = m.kind if m.kind in ("name", "alias", "surname", "role", "pronoun", "demonym", "metonym") else "name"
        s = sentences[m.sent]
        facts.mentions.append(Mention(m.key, Span(m.start, m.end, facts.text[m.start:m.end]), kind,  # type: ignore[arg-type]
                                      _ev(s, f"mention.{m.kind}", 0.9 if kind in ("name", "alias") else 0.6)))
    # positions held
    seen_pos: set[tuple[str, str]] = set()
    for m in ments:
        if m.etype != "person" or not m.key or not m.role or m.key not in facts.actors or m.kind == "role":
            continue
        role = _split_role(m.role, g)
        if (m.key, role.lower()) in seen_pos:
            continue
        seen_pos.add((m.key, role.lower()))
        org = m.country or people.country.get(m.key)
        facts.positions.append(PositionHolding(m.key, role, _ev(sentences[m.sent], "position.title", 0.8),
                                               org,
                                               DateValue.of(published) if published else None))
    # meetings
    for mc in meetings:
        parts = tuple(dict.fromkeys(p for p in mc.participants if p in facts.actors))
        if len(parts) < (1 if mc.kind == "summit" and mc.name else 2):
            continue  # (a named summit may have one named attendee)
        facts.meetings.append(Meeting(
            mc.local_id, mc.kind, parts, _ev(sentences[mc.sent], mc.rule, mc.confidence),  # type: ignore[arg-type]
            mc.status, mc.date, mc.end_date if mc.end_date and mc.date and mc.end_date > mc.date else None,  # type: ignore[arg-type]
            _place(mc.place, g), mc.host if mc.host in facts.actors else None,
            mc.visitor if mc.visitor in facts.actors else None,
            meetings[mc.part_of].local_id if mc.part_of is not None else None, mc.name,
        ))
    kept = {m.local_id for m in facts.meetings}
    facts.meetings = [m if m.part_of in kept or m.part_of is None else _drop_part_of(m) for m in facts.meetings]
    # agreements
    for ac in agreements:
        parties = tuple(p for p in ac.parties if p in facts.actors)
        ev_sent = ac.sents[0] if ac.sents else ac.sent
        facts.agreements.append(Agreement(
            ac.local_id, ac.name, parties, _ev(sentences[ev_sent], ac.rule, ac.confidence),
            ac.key, ac.date, ac.status, ac.duration_years, ac.topics,  # type: ignore[arg-type]
            tuple(ac.aliases), None,
        ))
    # statements
    for i, st in enumerate(statements, 1):
        speakers = tuple(dict.fromkeys(k for k in st.speakers if k in facts.actors))
        if not speakers:
            continue
        content = Span(st.start, st.end, facts.text[st.start:st.end])
        facts.statements.append(Statement(
            f"s{i}", speakers, content, st.direct, _ev(sentences[st.sent], st.rule, st.confidence), st.cue or None,
            st.addressee if st.addressee in facts.actors and st.addressee not in speakers else None,
            st.meeting if st.meeting in kept else None,
            st.medium if st.medium in _MEDIA else None,  # type: ignore[arg-type]
            st.source if st.source and st.source in facts.actors else None, st.date,
        ))


def _drop_part_of(m: Meeting) -> Meeting:
    from dataclasses import replace

    return replace(m, part_of=None)
