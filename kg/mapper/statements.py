"""Stage 6: statements — attribution frames (speaker — cue — content), direct and reported.

Frames read: "SPEAKER CUE (that) CONTENT", "CONTENT, SPEAKER CUE", "CONTENT, CUE SPEAKER", "“QUOTE,” SPEAKER CUE",
participial cues (", saying …", ", adding that …") by the same speaker, "according to X", relays
("…, the agency reported"), quotes continuing an attributed quote, and readout continuation.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from kg.facts import DateValue
from kg.mapper.gazetteer import lexicon, load, slug
from kg.mapper.meetings import MeetingCand, is_actor, is_person_key
from kg.mapper.mentions import Ment
from kg.mapper.text import Sentence
from kg.mapper.timex import time_expressions


@dataclass
class StatementCand:
    speakers: list[str]
    start: int  # content offsets (absolute)
    end: int
    direct: bool
    sent: int
    rule: str
    cue: str
    addressee: str | None = None
    meeting: str | None = None
    medium: str | None = None
    source: str | None = None
    date: DateValue | None = None
    confidence: float = 0.8
    lemma: str = ""


@dataclass(frozen=True)
class _Cues:
    form_lemma: dict[str, str]
    cue_re: re.Pattern[str]
    participial_re: re.Pattern[str]
    person_obj: frozenset[str]
    need_that: frozenset[str]
    trailing_only: frozenset[str]
    addressee: frozenset[str]
    media: tuple[tuple[str, re.Pattern[str]], ...]


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    lx = lexicon()
    form_lemma = {f: lemma for lemma, forms in lx["speech_verbs"].items() for f in forms}
    forms = sorted(form_lemma, key=len, reverse=True)
    cue_re = re.compile(r"(?<![\w’'-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w’'-])")
    parts = sorted(lx["participial_cues"], key=len, reverse=True)
    participial_re = re.compile(r",\s*(?:while\s+|and\s+|also\s+)?(?P<cue>" + "|".join(re.escape(p) for p in parts)
                                + r")(?![\w])")
    media = tuple((k, re.compile("|".join(v), re.IGNORECASE)) for k, v in lx["media"].items())
    return _Cues(form_lemma, cue_re, participial_re, frozenset(lx["person_object_not_speech"]),
                 frozenset(lx["need_that_or_quote"]), frozenset(lx["trailing_only"]),
                 frozenset(lx["addressee_verbs"]), media)


_ADV = (r"(?:also|has|have|had|later|further|then|again|reportedly|repeatedly|once again|once|recently|separately|"
        r"jointly|previously|earlier|publicly|explicitly|firmly|strongly|officially|would|will|is|was|were|been|be|"
        r"not|clearly|personally|specifically|even|in turn|however|on \w+day|today|yesterday|last week|this week|"
        r"had earlier|subsequently|in addition|meanwhile|on Twitter|in a statement|in a tweet)")
_GAP_BEFORE = re.compile(rf"^\s*(?:\([^)]*\)\s*)?(?:{_ADV}\s+|{_ADV},\s+)*$")
_REPORT_SUBJ = re.compile(
    r",\s*(?:the|a|an)\s+(?:(?:state|official|news|Iranian|Chinese|\w+)\s+){0,2}(?P<noun>report|statement|agency|"
    r"readout|newspaper|broadcaster|outlet|media|service|presidency|embassy|television|radio|channel)\s+"
    r"(?P<cue>adds|added|said|says|reported|noted|stated)\.?\s*$"
)
# "according to a transcript published by the presidency": a channel that relays, not a speaker
_RELAYED_BY = re.compile(r"(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:transcript|readout|statement|report|video|recording|"
                         r"summary|account|text)\s+(?:published|released|issued|posted|carried|distributed)\s+by\s")
_QUOTE_CHARS = "“”\"‘’"
_FORWARD_ONLY = {"call for", "call on", "express", "voice", "urge", "pledge", "propose", "invite", "welcome", "hail",
                 "highlight", "underline", "point to", "criticize", "condemn", "accuse", "describe", "demand", "reject",
                 "thank", "praise", "laud", "convey", "vow", "promise", "elaborate", "emphasize", "stress",
                 "underscore", "reiterate"}
_TAIL_ADJUNCT = re.compile(r"(?:on|in|at|to|by|of|about|during|after|before|when|while|from|via|late|early|last|this|"
                           r"reporters|journalists|the visiting|the media|a news|a press|as saying|as telling|"
                           r"\w+day|according|told|said|added|in a)\b", re.IGNORECASE)
_SUBORDINATE = re.compile(r"^\s*(?:In|On|At|During|After|Before|While|When|Although|Though|Despite|As|Since|With|"
                          r"Following|Upon|Amid|Ahead of|Speaking|Asked|Addressing|Accompanied)\b")
_MODAL = re.compile(r"\b(?:should|must|will|shall|can|is ready to|stands ready to|are ready to|is willing to|"
                    r"are willing to|"
                    r"need to|needs to|hopes|hope|is committed to|are committed to|attaches great importance|"
                    r"firmly supports|firmly opposes|is ready|are ready)\b")
# "China supports Iran in …", "Iran firmly adheres to …": a readout's present-tense position of a country or side
_PRESENT_SUBJECT_VERB = re.compile(r"^(?:(?:The\s+)?(?:[A-Z][\w’'-]+\s+){1,2}|(?:The|This|That|Such)\s+[a-z]+\s+)"
                                   r"(?:side\s+|government\s+|people\s+)?"
                                   r"(?:(?:firmly|always|fully|highly|strongly|also|still|never|resolutely)\s+)?"
                                   r"(?:has\s+(?=(?:the|a|an|no|every|enough|ample)\s)|"
                                   r"(?!(?:was|has|had|does|is)\b)[a-z]{3,}(?<!ss)(?:s|es)\b)")
# a present-tense judgement in the readout's paragraph ("Border security is a common duty.")
_PRESENT_COPULA = re.compile(r"\b(?:is|are|remains|remain)\b")
_PAST_NARRATIVE = re.compile(r"\b(?:was|were|had|has been|have been|met|held|spoke|took|made|began|since|"
                             r"\d{4}|percent|per cent|million|billion|km|kilometres?|miles?)\b")
_ED_WORD = re.compile(r"\b(\w+)\s+([a-z]{3,}ed)\b")


def _past_narrative(text: str) -> bool:
    """A narrative (past) sentence; "a common duty", "is committed" are adjectives, not past events."""
    if _PAST_NARRATIVE.search(text):
        return True
    return any(m.group(1).lower() not in {"a", "an", "the", "is", "are", "be", "been", "being", "more", "most", "very",
                                          "well", "its", "their", "our", "remains", "remain"}
               for m in _ED_WORD.finditer(text))
_LEADING_PARTICIPLE = re.compile(r"^\s*(?P<cue>Noting|Stressing|Pointing out|Recalling|Emphasizing|Emphasising|"
                                 r"Underlining|Underscoring|Highlighting|Reiterating)\s+(?:that\s+)?"
                                 r"(?P<c>[^,;“”\"]{10,200}?),\s+(?=[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*\s+"
                                 r"(?:also\s+)?(?:said|stressed|added|noted|called|urged|told)\b)")
_SINCE_SPAN_VIEW = re.compile(r"^Since\s+the\s+[^,]{3,80},\s+(?:the|its|their|[A-Z][\w-]+)[^,;]{0,60}?\s+"
                              r"(?:has|have)\s+(?:\w+ly\s+)?[a-z]+(?:ed|en|wn|ood|ught|own)\b(?![^.;]*\b(?:19|20)\d\d\b)")
_NARRATIVE_START = re.compile(r"^(?:In \d{4}|Since|Earlier|Later|Last|On \w+day|The visit|During|Meanwhile|Separately|"
                              r"According)\b")


@lru_cache(maxsize=1)
def _object_description() -> frozenset[str]:
    return frozenset(lexicon().get("object_description") or ())


_DATELINE_LEAD = re.compile(r"^[A-Z][A-Z .'’-]{2,30}(?:,\s*[A-Z][a-z]+\.?(?:\s+\d{1,2})?)?\s*(?:\([^)]*\))?"
                            r"\s*[-–—]+\s+")


def _in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """Trim whitespace, a leading "that", trailing commas and dangling quote marks."""
    while a < b and text[a] in " \t,:;–—-":
        a += 1
    m = re.match(r"that\s+", text[a:b])
    if m:
        a += m.end()
    while b > a and text[b - 1] in " \t,;:–—-":
        b -= 1
    seg = text[a:b]
    # a whole quote: drop the marks
    if (seg[:1] in "“\"" and seg.count("“") + seg.count('"') <= 1 and seg[-1:] in "”\"") or (
        seg[:1] in "“\"" and seg[-1:] in "”\"" and seg.count("“") == 1 and seg.count("”") == 1
    ) or (seg[:1] == '"' and seg[-1:] == '"' and seg.count('"') == 2 and "“" not in seg):
        a, b = a + 1, b - 1
        while b > a and text[b - 1] in " ,.;:":
            b -= 1 if text[b - 1] != "." else 0
            if text[b - 1] == ".":
                break
    elif seg[:1] in "“\"" and seg.count("“") + seg.count("”") == 1:
        a += 1
    elif seg[-1:] in "”\"" and seg.count("“") + seg.count("”") == 1 and seg.count('"') <= 1:
        b -= 1
        while b > a and text[b - 1] in " ,":
            b -= 1
    while a < b and text[a] == " ":
        a += 1
    return a, b


DURING_THE_TALKS = re.compile(r"\s*(?:During|At|In|After)\s+(?:the|their)\s+(?:\w+\s+)?(?:talks|meeting|meetings|"
                               r"discussions|consultations|session)\b")


def _speaker_keys(m: Ment, ctx_participants: list[str]) -> list[str]:
    if m.etype == "group" and m.head == "they":
        return list(m.keys)
    if m.etype == "group":
        return list(m.keys) if m.keys else list(ctx_participants)
    return [m.key] if m.key else []


def find_statements(
    sentences: list[Sentence], ments: list[Ment], text: str, quotes: list[tuple[int, int]],
    meetings: list[MeetingCand], published: dt.date | None, new_actors: dict[str, tuple[str, str]],
) -> list[StatementCand]:
    """Statements of the article; ``new_actors`` receives organisations found only as sources (key → label, type)."""
    cues = _cues()
    g = load()
    _PEOPLE_COUNTRY.clear()
    for m in ments:
        if m.etype == "person" and m.key and m.country:
            _PEOPLE_COUNTRY.setdefault(m.key, m.country)
    by_sent: dict[int, list[Ment]] = {}
    for m in ments:
        by_sent.setdefault(m.sent, []).append(m)
    meet_by_sent: dict[int, MeetingCand] = {}
    for mc in meetings:
        for si in [mc.sent, *mc.extra_sents]:
            meet_by_sent.setdefault(si, mc)
    out: list[StatementCand] = []
    current_meeting: MeetingCand | None = None
    last_source: str | None = None
    prev_sent_statements: list[StatementCand] = []
    for s in sentences:
        ms = by_sent.get(s.index, [])
        if s.index in meet_by_sent:
            current_meeting = meet_by_sent[s.index]
        elif DURING_THE_TALKS.match(s.text) and (current_meeting is None or current_meeting.status != "happened"):
            # "During the talks, the Iranian president also stressed …" after a visit still to come: the talks the
            # article is about (its first meeting that happened)
            current_meeting = next((mc for mc in sorted(meetings, key=lambda x: x.sent)
                                    if mc.status == "happened" and mc.kind != "summit"), current_meeting)
        ctx_parts = list(current_meeting.participants) if current_meeting else []
        for m in ms:
            if m.etype == "group" and not m.keys and ctx_parts and m.head != "they":
                m.keys = tuple(ctx_parts)
        q_here = [(max(a, s.start), min(b, s.end)) for a, b in quotes if a < s.end and b > s.start]
        found = _frames(s, ms, text, q_here, cues, ctx_parts)
        lead = _LEADING_PARTICIPLE.match(s.text)
        if lead and found and found[0].start >= s.start + lead.end("c") and not q_here:
            # "Noting that the world is undergoing profound changes, Xi said …": the lead is his second statement
            a, b = _trim(text, s.start + lead.start("c"), s.start + lead.end("c"))
            found.insert(0, StatementCand(list(found[0].speakers), a, b, False, s.index, "statement.leading_participle",
                                          lead.group("cue"), lemma=lead.group("cue").split()[0].lower()))
        # "…, the report adds": the last source
        rm = _REPORT_SUBJ.search(s.text)
        # "…, the statement said": the joint statement told just before, else the last source
        joint = next((o.speakers for o in reversed(out[-4:]) if len(o.speakers) > 1 and o.medium == "statement"
                      and s.index - o.sent <= 2), None) if rm and rm.group("noun") == "statement" else None
        if rm and (joint or last_source) and not found:
            a, b = _trim(text, s.start, s.start + rm.start())
            found.append(StatementCand(list(joint) if joint else [last_source], a, b,  # type: ignore[list-item]
                                       _has_quote(text, a, b), s.index, "statement.report_adds", rm.group("cue"),
                                       confidence=0.6))
        acc = _according_to(s, ms, text, found, g, new_actors)
        if acc:
            kind, key, cand = acc
            if key and not is_person_key(key, g):
                last_source = key
            if kind == "source":
                for f in found:
                    f.source = f.source or key
                last_source = key
            elif cand:
                found.append(cand)
                if g.entity(key) is None or (g.entity(key) and g.entity(key).type == "news_organization"):  # type: ignore[union-attr]
                    last_source = key
        itm = re.match(r"\s*(?:It|The (?:readout|statement|report|communiqu[eé]|transcript))\s+(?:also\s+)?"
                       r"(?P<cue>said|says|added|noted|stated)\s+(?:that\s+)?", s.text)
        if itm and not any(f.start <= s.start + itm.end() for f in found):
            src = last_source or next((o.speakers[0] for o in reversed(out) if len(o.speakers) == 1 and
                                       not is_person_key(o.speakers[0], g)), None)
            if src:
                c_end = _content_end(s, text, s.start + itm.end(), cues)
                a, b = _trim(text, s.start + itm.end(), c_end)
                if b - a > 3:
                    found.insert(0, StatementCand([src], a, b, _has_quote(text, a, b), s.index, "statement.it_said",
                                                  itm.group("cue"), confidence=0.55))
                    found[:] = [found[0], *[f for f in found[1:] if f.start >= b or f.end <= a]]
        _relay(s, ms, found)
        _readout_country(s, found, out, sentences, g)
        if not found:
            opened = any(a < s.start < b for a, b in quotes)
            found = _continuation(s, text, q_here, prev_sent_statements, out, sentences, ms, opened)
        for f in found:
            if f.end <= f.start:
                continue
            med = _medium(s.text, cues)
            f.medium = f.medium or med
            if current_meeting and any(sp in current_meeting.participants or
                                       _country(sp, g) in current_meeting.participants for sp in f.speakers):
                f.meeting = current_meeting.local_id
                f.date = current_meeting.date
            if f.date is None:
                exprs = [e for e in time_expressions(s.text, published, "past")
                         if e.kind == "point" and e.date and e.date.precision == "day"]
                f.date = exprs[0].date if exprs else None
            if not any(o.start == f.start and o.end == f.end for o in out) and not any(
                    text[o.start:o.end] == text[f.start:f.end] and o.speakers == f.speakers for o in out):
                out.append(f)
        prev_sent_statements = found if found else []
        if found:
            prev_sent_statements = found
    paras: dict[int, list[Sentence]] = {}
    for s in sentences:
        paras.setdefault(s.para, []).append(s)
    _quote_paragraph_before_attribution(out, sentences, paras, text)
    _paragraph_closing_attribution(out, sentences, paras, text)
    return out


def _paragraph_closing_attribution(out: list[StatementCand], sentences: list[Sentence],
                                   paras: dict[int, list[Sentence]], text: str) -> None:
    """"The Beijing dialogue has set an example … China is willing to … The two sides should …, Xi noted.": a
    readout paragraph whose last sentence names the speaker is the speaker's throughout."""
    told = {o.sent for o in out}
    for st in list(out):
        if not st.rule.startswith("statement.trailing") or st.direct or len(st.speakers) != 1:
            continue
        para = paras[sentences[st.sent].para]
        if para[-1].index != st.sent or len(para) < 2 or para[0].index == st.sent:
            continue
        earlier = [s for s in para if s.index < st.sent]
        if any(s.index in told for s in earlier) or any(re.search(r"[“”\"]", s.text) for s in earlier):
            continue
        if any(re.search(r"\b(?:arrived|travel(?:l)?ed|visited|met|flew|signed|held|hosted|received|travel|visit|meet)"
                         r"\b", s.text) for s in earlier):
            continue  # "A will travel to Hanoi next week …, the ministry said": news told, not a view
        if not all(_MODAL.search(s.text) or (_PRESENT_COPULA.search(s.text) and not _past_narrative(s.text))
                   or _PRESENT_SUBJECT_VERB.match(s.text.strip()) or _SINCE_SPAN_VIEW.match(s.text.strip())
                   or re.search(r"\b(?:has|have)\s+(?:\w+ly\s+)?(?:set|become|shown|proved|proven|made)\b", s.text)
                   for s in earlier):
            continue
        for s in earlier:
            a, b = _trim(text, s.start, s.end)
            cand = StatementCand(list(st.speakers), a, b, False, s.index, "statement.paragraph_attribution", "",
                                 medium=st.medium, confidence=0.5)
            cand.meeting, cand.date = st.meeting, st.date
            out.insert(out.index(st), cand)


def _quote_paragraph_before_attribution(out: list[StatementCand], sentences: list[Sentence],
                                        paras: dict[int, list[Sentence]], text: str) -> None:
    """“… nothing. / “What Tehran calls …,” said X.: a paragraph that opens a quotation it never closes runs on into
    the next, and the speaker named there said both."""
    for i, st in enumerate(out):
        if st.rule != "statement.quote_continuation":
            continue
        para = sentences[st.sent].para
        body = text[paras[para][0].start : paras[para][-1].end].strip()
        if not body.startswith("“") or "”" in body or (i and sentences[out[i - 1].sent].para == para):
            continue
        nxt = next((o for o in out[i + 1 :] if sentences[o.sent].para == para + 1), None)
        first = paras.get(para + 1)
        if nxt and first and text[first[0].start : first[0].end].lstrip().startswith("“") and nxt.direct \
                and nxt.rule in ("statement.quote_before", "statement.trailing", "statement.trailing_inverted"):
            for o in out:
                if sentences[o.sent].para == para and o.rule == "statement.quote_continuation":
                    o.speakers = list(nxt.speakers)


def _country(key: str, g) -> str | None:
    e = g.entity(key)
    return e.country if e else None


def _has_quote(text: str, a: int, b: int) -> bool:
    return any(c in text[max(0, a - 1) : b + 1] for c in "“”\"")


def _frames(s: Sentence, ms: list[Ment], text: str, q_here: list[tuple[int, int]], cues: _Cues,
            ctx_parts: list[str]) -> list[StatementCand]:
    """Statements from the speech cues of one sentence."""
    found: list[StatementCand] = []
    actors = [m for m in ms if (is_actor(m) or m.kind in ("pronoun", "role", "group")
                                or (m.etype == "news_organization" and m.key and not m.modifier)) and not m.in_quote
              and not (m.kind == "pronoun" and m.head in ("his", "her", "him"))]
    matches = [m for m in cues.cue_re.finditer(s.text) if not _in_spans(s.start + m.start(), q_here)]
    trailing_cut: int | None = None  # where a trailing attribution starts (content before it)
    consumed: list[tuple[int, int]] = []
    for cm in matches:
        ca, cb = s.start + cm.start(), s.start + cm.end()
        if any(a <= ca < b for a, b in consumed):
            continue
        lemma = cues.form_lemma.get(cm.group(), "")
        if lemma != "quote" and not cm.group().endswith("ing") and re.search(
                r"(?<![\w])(?:was|were|been|being|is|are|be|get|got)\s+(?:\w+ly\s+)?$", s.text[: cm.start()]):
            continue  # "she was welcomed with a salute", "was urged to": the subject is spoken to, not speaking
        # participial after a comma: the main speaker's second statement
        pm = re.search(r",\s*(?:while\s+|and\s+|also\s+)?$", s.text[: cm.start()])
        is_participial = (bool(pm) and cm.group().endswith("ing") and cm.group() not in ("saying",)) or (
            bool(pm) and cm.group() in ("saying",))
        # the speaker: before the cue, or after it (inverted)
        before = [m for m in actors if m.end <= ca]
        after = [m for m in actors if m.start >= cb]
        spk: Ment | None = None
        inverted = False
        if before:
            cand = before[-1]
            gap = s.text[cand.end - s.start : cm.start()]
            if _GAP_BEFORE.match(gap) and not cand.modifier:
                spk = cand
            elif cand.etype == "person" and re.fullmatch(r"\s*,\s*", gap) and re.search(
                    r",\s*$", s.text[: (cand.role_start if cand.role_start is not None else cand.start) - s.start]
                    if cand.role_start is None else s.text[: cand.start - s.start]):
                spk = cand  # "The ministry’s spokesperson, Grace Njoroge, said"
            elif re.fullmatch(r"\s*,[^,]{1,200},\s*(?:" + _ADV + r"\s+)*", gap):
                spk = None
            # an apposition: "NAME, the chief of …, said"
            if spk is None:
                for p in reversed(before):
                    named_person = p.etype == "person" and (p.kind in ("name", "alias", "surname")
                                                            or (p.kind == "role" and bool(p.key)))
                    if named_person or (p.etype == "country" and p.kind in ("name", "metonym") and not p.modifier
                                        and p.key):
                        gp = s.text[p.end - s.start : cm.start()]
                        lead = s.text[: p.start - s.start]
                        if re.fullmatch(r"\s*(?:\([^)]*\))?\s*,[^,;]{1,200},\s*(?:" + _ADV + r"\s+)*", gp) and (
                                p.etype == "person" or re.search(r"(?:^|;|\band)\s*$", lead)):
                            spk = p
                            break
                        # a person inside the relative clause: "Li, who is accompanying Lopes, said"
                        if re.search(r",\s*(?:who|which|whose)\b[^,;]*$", s.text[: p.start - s.start]):
                            continue
                        if p.kind == "role" or p.etype == "country":
                            continue  # "NAME, a spokesman for the vice president, said": the role is inside
                        break
            # "… received Dizon, who called for …": the person the relative clause is about
            if spk is None and re.search(r",\s*who\s+(?:" + _ADV + r"\s+)*$", s.text[: cm.start()]):
                rel = re.search(r",\s*who\s+(?:" + _ADV + r"\s+)*$", s.text[: cm.start()])
                ante = [p for p in before if p.etype == "person" and p.key and p.end - s.start <= rel.start() + 1]  # type: ignore[union-attr]
                if ante and (rel.start() - (ante[-1].end - s.start)) <= 1:  # type: ignore[union-attr]
                    spk = ante[-1]
            # "A met B and reportedly invited him": the subject of the coordinated verb
            if re.search(r"(?:,\s*|\s)and\s+(?:" + _ADV + r"\s+)*$", s.text[: cm.start()]):
                if found:
                    spk = None
                    coord = found[-1].speakers
                    c_end = _content_end(s, text, cb, cues)
                    a2, b2 = _content_start(s, text, cb, c_end, lemma, cues, ms)
                    if a2 is not None:
                        a2, b2 = _trim(text, a2, b2)
                        if b2 - a2 >= 3:
                            found.append(StatementCand(list(coord), a2, b2, _has_quote(text, a2, b2), s.index,
                                                       "statement.coordinated." + slug(lemma), cm.group(),
                                                       lemma=lemma))
                            consumed.append((ca, c_end))
                    continue
                if spk is None and re.fullmatch(r"\s*(?:,\s*)?and\s+(?:" + _ADV + r"\s+)*", gap):
                    spk = _main_subject(actors, ca)
                if spk is None and lemma in _COMMITMENT_LEMMAS and not re.search(
                        r",\s*[^,]{3,80}\s+(?:said|says|reported|added|noted|stated)\.?\s*$", s.text):
                    # (not when the whole sentence is attributed: "…, the Chinese Foreign Ministry said")
                    # "The two sides signed a memorandum … and agreed to remove 14 barriers": the sentence's subject
                    spk = next((m for m in actors if m.start - s.start <= 4 and m.end <= ca
                                and (m.key or m.etype == "group") and not m.modifier), None)
        if spk is None and s.headline and before and re.search(r",\s*(?:also\s+)?$", s.text[: cm.start()]) \
                and cm.group().endswith("s"):
            spk = _main_subject(actors, ca)  # "Xi holds talks with Iranian president, vows to lift ties"
        if spk is None and after and not is_participial and after[0].etype != "group":
            cand = after[0]
            start = cand.role_start if cand.role_start is not None else cand.start
            pre_cue = s.text[: cm.start()]
            if re.search(r"(?:^|[,”\"’:;(—–-])\s*$", pre_cue) and re.fullmatch(
                    r"\s*", s.text[cm.end() : start - s.start]) and cm.group() in (
                    "said", "says", "tweeted", "wrote", "added", "told", "asked", "noted", "stressed", "stated",
                    "declared", "explained", "insisted", "warned", "argued", "continued", "reported"):
                spk, inverted = cand, True
        if is_participial:
            main = found[-1].speakers if found else None
            # "He invited A to visit, and the Iranian minister accepted the invitation, saying …": the new subject
            # (after a trailing attribution, only what follows its content; inside a forward frame's content, all of it)
            since = (found[-1].end if found[-1].rule.startswith(("statement.trailing", "statement.quote_before"))
                     else found[-1].start) if found else s.start
            fresh = [m for m in actors if since <= m.start < ca and m.key and m.etype in ("person", "country")
                     and re.search(r"(?:^|,\s*and|\band|;)\s*$",
                                   s.text[: (m.role_start if m.role_start is not None else m.start) - s.start])]
            if fresh and found:
                main = _speaker_keys(fresh[-1], ctx_parts) or main
            if not main:
                ms_ = _main_subject(actors, ca)
                main = _speaker_keys(ms_, ctx_parts) if ms_ else None
            if not main:
                continue
            c_start = cb
            c_end = _content_end(s, text, c_start, cues)
            a, b = _content_start(s, text, c_start, c_end, lemma, cues, ms)
            if a is None:
                continue
            a, b = _trim(text, a, b)
            found.append(StatementCand(list(main), a, b, _has_quote(text, a, b), s.index, "statement.participial",
                                       cm.group(), lemma=lemma))
            consumed.append((ca, c_end))
            continue
        if spk is None:
            continue
        keys = _speaker_keys(spk, ctx_parts)
        if not keys:
            continue
        if not inverted and spk.etype in ("person", "country") and spk.key:
            keys = _coordinated(spk, before, s, keys)
        spk_start = spk.role_start if spk.role_start is not None else spk.start
        if spk.etype == "news_organization":
            desc = re.search(r",\s*((?:the\s+|[A-Z][\w’'-]*(?:’s|'s)\s+)(?:[a-z][\w-]*\s+){0,4})$",
                             s.text[: spk_start - s.start])
            if desc:
                spk_start = s.start + desc.start(1)  # "…, Iran's official news agency IRNA reported"
        qty = re.search(r"(?:^|,)\s*((?:two|three|four|several|some|other|senior|unnamed|many)\s+)$",
                        s.text[: spk_start - s.start], re.IGNORECASE)
        if qty and spk.etype in ("country", "government"):
            spk_start = s.start + qty.start(1)  # "…, two Kenyan diplomats said"
        attr_start = ca if inverted else spk_start
        pre = s.text[: attr_start - s.start]
        tail = s.text[cb - s.start : _content_end(s, text, cb, cues) - s.start]
        tail_s = tail.strip(" .,")
        tail_ok = not tail_s or bool(_TAIL_ADJUNCT.match(tail_s)) or bool(re.match(r",\s*\w+ing\b", tail)) or any(
            m.start - cb < 25 and m.start >= cb and m.etype == "person" for m in actors)
        sub_tail = bool(re.match(r",\s*(?:(?:\w+|a|one|two|three)\s+(?:days?|hours?|weeks?|months?)\s+(?:after|before)|"
                                 r"after|before|as|amid|while|when|even as|just|shortly|hours|days|though|although|"
                                 r"but|whereas|without)\b", tail))
        if lemma == "tell" and not tail_ok:
            tail_ok = not re.search(r"\bthat\b|[“\"]", tail)  # "…,” X told the opening session."
        first_seg = tail.lstrip(" ,").split(",")[0]
        appos_tail = bool(re.match(r"[^,]*,\s*(?:the|a|an|which|who|its|their|his|her)\s", tail.lstrip(" ,")))
        whole_quote = bool(re.fullmatch(r"\s*[“\"][^“”\"]+[,.!?]?[”\"]\s*", pre))  # “The relationship,” X said, “…”
        # (“…,” Erdogan told a joint news conference, “and …”: an addressee or adverbial before the second part)
        resumed = re.match(r"(?:\s+[^,;“”\"]{1,50}?)?\s*,\s*(?=[“\"])", tail)
        interrupted = whole_quote and bool(resumed)
        tail_ok = tail_ok or interrupted
        trailing = (bool(re.search(r"(?:,|[,.!?]?[”\"’])\s*(?:[Tt]he\s+)?$", pre))
                    and (len(pre.split()) >= 3 or whole_quote)
                    and (len(tail.split()) <= 12 or sub_tail or interrupted
                         or (appos_tail and len(first_seg.split()) <= 8))
                    and (tail_ok or sub_tail)
                    and not (_SUBORDINATE.match(pre) and pre.count(",") <= 1 and not _has_quote(pre, 0, len(pre))
                             and len(pre.split()) <= 10)  # ("After the meeting the two ministers signed …, X said")
                    and not re.fullmatch(r"\s*(?:[Aa]ccording to|[Cc]iting|[Aa]s reported by)\b[^,;]*,\s*", pre))
        addressee = None
        if trailing and lemma not in ("according",):
            c_start = s.start
            if trailing_cut is not None:
                continue
            c_end = s.start + len(re.sub(r"\s*(?:[Tt]he\s*)?$", "", pre))
            dl = _DATELINE_LEAD.match(s.text)
            if dl and dl.end() < c_end - s.start:
                c_start = s.start + dl.end()
            a, b = _trim(text, c_start, c_end)
            # a trailing "he said" after a forward frame of the same speaker repeats it
            if found and found[-1].end >= c_end - 2 and found[-1].speakers == keys:
                found[-1].end = min(found[-1].end, _trim(text, found[-1].start, c_end)[1])
                consumed.append((ca, cb + len(tail)))
                continue
            if found and found[-1].lemma in _COMMITMENT_LEMMAS and found[-1].speakers != keys \
                    and found[-1].start - s.start <= 80 and found[-1].end >= c_end - 2:
                # "The two sides agreed to meet again in Accra, the Thai Commerce Ministry said": the ministry's
                # account of what was agreed, one statement
                found.pop()
            if found and found[-1].start < c_end:
                a = max(a, found[-1].end)
                a, b = _trim(text, a, b)
            if lemma in ("announce_report",) and found:
                continue
            if lemma in cues.addressee:
                addressee = _first_person_after(actors, cb, s)
            rule = "statement.quote_before" if _has_quote(text, a, b) and text[a - 1 : a] in "“\"" else (
                "statement.trailing_inverted" if inverted else "statement.trailing")
            found.append(StatementCand(keys, a, b, _has_quote(text, a, b), s.index, rule, cm.group(),
                                       addressee=addressee, lemma=lemma))
            trailing_cut = attr_start
            consumed.append((ca, cb if sub_tail else cb + len(tail)))
            if interrupted:  # “The relationship,” X said, “has never been stronger.”: one statement per part
                a2, b2 = _trim(text, cb + resumed.end(), s.start + len(s.text))  # type: ignore[union-attr]
                if b2 - a2 > 3:
                    found.append(StatementCand(keys, a2, b2, True, s.index, "statement.quote_after", cm.group(),
                                               lemma=lemma))
            continue
        if lemma in cues.trailing_only:
            continue
        # forward: SPEAKER CUE (that) CONTENT
        if re.match(r"\s*,\s*(?:though|although|but|while|whereas|even as|as|after|before|when)\b", s.text[cm.end():]):
            continue  # "…, two diplomats said, though neither side has announced dates": no content follows
        c_end = _content_end(s, text, cb, cues)
        a, b = _content_start(s, text, cb, c_end, lemma, cues, ms)
        if a is None:
            continue
        if lemma == "say" and re.match(r"(?:remarkably |very |relatively |so |little or )?(?:little|nothing|much|"
                                       r"less|more|no more)\b", text[a:b].strip()):
            continue  # "China has said remarkably little in public": no words reported
        if lemma in cues.addressee:
            addressee = _first_person_after(actors, cb, s)
        a, b = _trim(text, a, b)
        if b - a < 3:
            continue
        found.append(StatementCand(keys, a, b, _has_quote(text, a, b), s.index, "statement.forward." + slug(lemma),
                                   cm.group(), addressee=addressee, lemma=lemma))
        consumed.append((ca, c_end))
    return found


_COORD = re.compile(r"\s*(?:,|,?\s+and|&)\s+"
                    r"(?:(?:his|her|their|its)\s+(?:[A-Z][\w-]+\s+)?(?:counterpart|colleague)\s+)?")


def _coordinated(spk: Ment, before: list[Ment], s: Sentence, keys: list[str]) -> list[str]:
    """"Egypt and Turkey agreed", "A and her counterpart B stressed": every coordinated subject speaks."""
    out = list(keys)
    first = spk
    for p in reversed(before[: before.index(spk)] if spk in before else []):
        if p.etype != spk.etype or not p.key or p.modifier:
            break
        gap = s.text[p.end - s.start : (first.role_start if first.role_start is not None else first.start) - s.start]
        if not _COORD.fullmatch(gap):
            break
        out.insert(0, p.key)
        first = p
    if first is spk:
        return keys
    # the coordination must open its clause: "sanctions on Iran and Russia said" is no joint speaker
    lead = s.text[: (first.role_start if first.role_start is not None else first.start) - s.start]
    if not re.search(r"(?:^|[,;:—–]|\b(?:that|Both|both|said|says|stated|announced|reported|noted))\s*(?:the\s+)?$",
                     lead):
        return keys
    return list(dict.fromkeys(out))


_COMMITMENT_LEMMAS = frozenset({"agree", "pledge", "vow", "promise", "commit", "reaffirm", "call for", "urge"})


def _main_subject(actors: list[Ment], before: int) -> Ment | None:
    left = [m for m in actors if (m.end <= before and not m.modifier and m.key is not None) or
            (m.end <= before and m.etype == "group")]
    persons = [m for m in left if m.etype == "person"]
    return (persons or left or [None])[0]


def _first_person_after(actors: list[Ment], pos: int, s: Sentence) -> str | None:
    for m in actors:
        if m.start >= pos and m.etype in ("person", "country") and m.key and m.start - pos < 40:
            return m.key
    return None


_OBJECT_LEMMAS = frozenset({"propose", "suggest", "welcome", "hail", "praise", "laud", "condemn", "reject", "call for",
                            "demand", "accuse", "criticize", "denounce", "blame", "dismiss", "express", "voice",
                            "convey", "thank", "press", "urge"})
_LEADING_DAY = re.compile(r"\s*(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)"
                          r"(?=\s+(?:the|a|an|it|he|she|they|[A-Z])\b)")
_AND_NEW_SPEAKER = re.compile(r",\s+(?:and|while|whereas)\s+(?:a|an|the|his|her|[A-Z][\w’'-]*)\s+(?:[\w’'-]+\s+){0,4}?"
                              r"(?:said|says|told|added|noted|stressed|warned|wrote|insisted|pledged|urged|vowed|"
                              r"promised|thanked|welcomed|hailed|expressed|reiterated|emphasi[sz]ed|underlined|"
                              r"announced|confirmed|denied|accused|critici[sz]ed|called for|called on)\b")


def _content_end(s: Sentence, text: str, start: int, cues: _Cues) -> int:
    """Content runs to the end of the sentence, or to a participial cue, "according to", or a trailing attribution."""
    rel = start - s.start
    rest = s.text[rel:]
    ends = [len(rest)]
    pm = cues.participial_re.search(rest)
    if pm:
        ends.append(pm.start())
    am = re.search(r",\s*according to\b", rest)
    if am:
        ends.append(am.start())
    # (also "…, the Thai Commerce Ministry said", "…, Colombia's foreign ministry said")
    tm = re.search(r",\s*(?:he|she|they|(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}|[A-Z][\w-]+(?:’s|'s)\s+"
                   r"(?:[a-z]+\s+){0,2}(?:ministry|office|government|presidency|embassy))\s+(?:said|says|added|noted|"
                   r"stressed|told|reported)\b[^,]*$", rest)
    if tm:
        ends.append(tm.start())
    tm3 = re.search(r",\s*(?:the\s+|[A-Z][\w’'-]*(?:’s|'s)\s+)?(?:(?:official|state|state-run|semi-official|government|"
                    r"news|press|[A-Z][\w-]*)\s+){0,4}(?:agency(?:\s+[A-Z][\w-]+)?|[A-Z][\w-]+)\s+(?:reported|reports)\b[^,]*$",
                    rest)
    if tm3:
        ends.append(tm3.start())  # "…, Iran's official news agency IRNA reported."
    tm2 = re.search(r",\s*(?:said|says|added)\s+(?:[A-Z]|he\b|she\b)", rest)
    if tm2:
        ends.append(tm2.start())
    rm = _REPORT_SUBJ.search(rest)
    if rm:
        ends.append(rm.start())
    nm = _AND_NEW_SPEAKER.search(rest)
    if nm and not _in_quote_at(rest, nm.start()):
        ends.append(nm.start())  # "accused Iran of X, and a State Department spokesperson said …": a new speaker
    for cm in cues.cue_re.finditer(rest):
        first = cm.group().split()[0]
        if cues.form_lemma.get(cm.group()) == "agree" and re.match(
                r"\s*(?:that\s+)?(?:the (?:two|three|four) \w+|both \w+|they|the (?:sides|leaders|parties))\s+"
                r"(?:[a-z]{3,}ed|met|held|spoke|had)\b", rest):
            continue  # "said the two leaders discussed X and agreed to Y": the reported clause's own verb
        if re.search(r"(?:,\s*|\s)and\s+(?:(?:also|then|later|further)\s+)?$", rest[: cm.start()]) and (
                first.endswith(("ed", "id", "ld", "te")) or first in ("told", "wrote", "said", "thanked")):
            cut = re.search(r",?\s*and\s+(?:(?:also|then|later|further)\s+)?$", rest[: cm.start()])
            if cut and not _in_quote_at(rest, cut.start()):
                ends.append(cut.start())
                break
    return start + min(ends)


def _in_quote_at(rest: str, pos: int) -> bool:
    return (rest[:pos].count("“") > rest[:pos].count("”")) or rest[:pos].count('"') % 2 == 1


def _content_start(s: Sentence, text: str, cb: int, c_end: int, lemma: str, cues: _Cues,
                   ms: list[Ment]) -> tuple[int | None, int]:
    """Where the content of a forward frame starts (after "that", an addressee, or adjuncts)."""
    rel = cb - s.start
    when = _LEADING_DAY.match(s.text[rel : c_end - s.start])
    if when and lemma in ("say", "tell", "add", "state", "announce", "confirm", "warn"):
        cb += when.end()  # "said Wednesday the United States would …": the day is no part of the words
        rel = cb - s.start
    rest = s.text[rel : c_end - s.start]
    that = re.match(r"^((?:\s+[^\s,.“”\"]+){0,12}?)\s+that\s", rest)
    if that and lemma in _OBJECT_LEMMAS and re.match(r"\s+(?:the|a|an|his|her|its|their)\s", that.group(1) or ""):
        that = None  # "proposed a conference in Bandar Abbas that would exclude …": a relative clause of the object
    quote = re.match(r"^[^“”\"]{0,80}?[“\"]", rest)
    colon = re.match(r"^\s*:\s*", rest)
    if that and (lemma in cues.addressee or re.match(r"\s+(?:on|in|at|during|before|after|late|early|last|this|"
                                                     r"to|reporters|journalists|the|a|his|her|it|him|them|us|me|afterwards?|later|earlier|privately|"
                                                     r"separately|repeatedly|again|"
                                                     r"while|when|\w+day)\b", that.group(1) or " x")
                 or not that.group(1)):
        return cb + that.end(), c_end
    if colon:
        return cb + colon.end(), c_end
    if lemma == "quote":  # "was quoted (by the paper) as telling parliament that …"
        qm = re.match(r"^\s+(?:by\s+[^,;]{1,60}?\s+)?as\s+(?:saying|telling\s+(?:[\w’'-]+\s+){1,4}?(?=that\s|[“\"]))"
                      r"\s*(?:that\s+)?", rest)
        if qm:
            return cb + qm.end(), c_end
    if lemma == "complain":
        ab = re.match(r"^\s+(?:about|of|that)\s+", rest)
        return (cb + ab.end(), c_end) if ab else (None, c_end)
    if lemma in _object_description():
        # "called the talks “frank”": an object, then a quoted or indefinite description
        if not re.match(r"^\s+(?:(?!(?:to|on|in|at|for|about|after|before|with|by|from|and|or)\s)[\w’'-]+\s+){1,4}?"
                        r"(?:[“\"]|an?\s+[\w“\"])", rest):
            return None, c_end
        return cb, c_end
    if lemma in ("pledge", "promise", "offer") and re.match(
            r"\s+(?:up to |about |around |nearly |almost |more than |over |some |an additional |a further |another )?"
            r"(?:[$€£¥]|US\$|\d)", rest):
        return None, c_end  # "had pledged up to $1 billion": money committed, not words said
    if lemma == "agree" and re.match(r"\s+to\s", rest):
        return cb, c_end
    adj = re.match(r"\s+(?:on|in|at|last|this|during|after|earlier|later)\b[^,.;:“”\"]{0,30}?\s+(?=to\s)", rest)
    if lemma == "agree" and adj:
        return cb + adj.end(), c_end  # "agreed on Tuesday to form a working group"

    if lemma in ("hope", "believe") and re.match(
            r"\s+(?:the|a|an|[A-Z][\w’'-]*|they|he|she|it|both|all)\b[^.;“”\"]{0,80}?"
            r"\b(?:would|will|could|can|might|should|was|were|is|are)\b", rest):
        return cb, c_end  # "hoped both sides would agree soon …"
    if lemma in cues.need_that:
        if quote and lemma not in ("agree", "hope", "believe"):
            return cb + quote.end() - 1, c_end
        return None, c_end
    if lemma in cues.person_obj:
        # (a modifier is part of the object's title; a subject pronoun starts a clause: "lauded what he called …")
        first = next((m for m in ms if m.start >= cb and m.head not in ("they", "he", "she") and not m.modifier
                      and m.kind != "demonym"), None)
        # "thanked Nwosu for “steady support”", "described him as …": the object and its reason are content
        if first and first.etype in ("person", "group") and (first.role_start or first.start) - cb < 30 and \
                not re.match(r"\s+(?:for|as)\s", text[first.end : c_end]):
            return None, c_end
        if re.match(r"\s+(?:the\s+)?(?:visiting|delegation|guests?|visitors?)\b", rest):
            return None, c_end
    if lemma == "tell" and not that:
        return None, c_end
    return cb, c_end


def _according_to(s: Sentence, ms: list[Ment], text: str, found: list[StatementCand], g,
                  new_actors: dict[str, tuple[str, str]]) -> tuple[str, str, StatementCand | None] | None:
    am = re.search(r"(?:^|,\s*|\s)[Aa]ccording to\s+", s.text)
    if not am or _RELAYED_BY.match(s.text, am.end()):
        return None
    pos = s.start + am.end()
    after = [m for m in ms if m.start >= pos and m.key and (m.role_start or m.start) - pos < 45 and not m.in_quote
             and m.etype not in ("group", "place")]
    # "according to estimates by ship-tracking firm Oceanlens": the source after what it produced
    lead = re.match(r"(?:(?:the\s+)?(?:latest\s+|preliminary\s+|official\s+)?(?:estimates|data|figures|statistics|"
                    r"calculations|analysis|a\s+report|a\s+survey)\s+(?:by|from|of|compiled\s+by)\s+)",
                    s.text[am.end():])
    skip = lead.end() if lead else 0
    nm = re.match(r"(?:the\s+|a\s+)?((?:[A-Z][\w’'-]*\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,4}?)(?=\s*[,.;]|\s*$)",
                  s.text[am.end() + skip:])
    key: str | None = None
    np_end = re.search(r"[,.;]|$", s.text[am.end():])
    limit = pos + (np_end.start() if np_end else 0)
    # "according to Iran’s central bank governor, Mehran Kalhor-Sani": the person the post is apposed to
    appos = next((m for m in ms if m.etype == "person" and m.key and m.role and m.kind == "name"
                  and re.fullmatch(r",\s*", text[limit : m.start])), None)
    if appos:
        limit = appos.end
    after = [m for m in after if m.end <= limit and not m.modifier and m.kind != "demonym"] or after[:0]
    poss = next((m for m in ms if m.start == pos + (len(re.match(r"(?:the\s+)?", s.text[am.end():]).group()))
                 and m.key and m.modifier and m.etype in ("country", "international_organization", "ministry",
                                                          "government", "organization")
                 and re.match(r"(?:’s|'s)?\s+(?:official\s+)?(?:readout|statement|account|transcript|website|"
                              r"report|communiqu[eé]|summary)\b", text[m.end:])), None)
    if poss:
        key = poss.key
    elif after:
        m = after[-1]
        key = m.key
    elif nm:
        np_text = nm.group(1)
        np_text = re.sub(r"\s+(?:data|figures|statistics|sources|estimates|officials)$", "", np_text)
        words = np_text.split()
        # "Kenya's ports agency KPX", "the Chilean news agency CNX": the name after its description
        named = re.search(r"(?:^|\s)(?:[a-z][\w-]*\s+)*?(?:agency|ministry|office|service|bureau|authority|"
                          r"department|council|commission|institute|company|firm|group|outlet|network|broadcaster|"
                          r"newspaper|daily|portal|channel|consultancy|consultants|analysts|tracker|platform|bank|"
                          r"exchange|monitor)\s+(?P<name>[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,2})$",
                          np_text)
        etype = "organization"
        if re.fullmatch(r"[A-Z]{2,6}", np_text):
            # "According to KNA" after "the Kenya News Agency": the name the acronym stands for
            for fm in re.finditer(r"(?<![\w])([A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,5})", text):
                if "".join(w[0] for w in fm.group(1).split()) == np_text:
                    np_text = fm.group(1)
                    words = np_text.split()
                    break
        if named:
            etype = "news_organization" if re.search(r"news|outlet|broadcaster|newspaper|daily|portal|channel",
                                                      np_text[: named.start("name")]) else "organization"
            np_text = named.group("name")
            words = np_text.split()
        if words and not re.match(r"(?:the\s+)?(?:state\s+)?(?:media|report|reports|statement|news|sources|a\s)",
                                  np_text, re.IGNORECASE) and (words[0][0].isupper() or np_text.lower().endswith(
                                      ("customs", "ministry", "office", "agency", "department"))):
            key = f"organization:{slug(np_text)}"
            new_actors[key] = (np_text, etype)
    others = [f for f in found if f.speakers and f.speakers != [key]]
    if others:
        return ("source", key, None) if key else None
    if not key:
        return None
    a, b = _trim(text, s.start, s.start + am.start())
    if found and found[-1].end > a:
        a = max(a, found[-1].end)
    if b - a < 5 and re.match(r"\s*$", s.text[: am.start()]):
        # "According to the ministry, X will …": the content follows the source
        comma = s.text.find(",", am.end())
        if comma > 0 and s.start + comma <= limit + 1:
            a, b = _trim(text, s.start + comma + 1, s.end)
    if b - a < 5:
        return None
    return ("speaker", key, StatementCand([key], a, b, _has_quote(text, a, b), s.index, "statement.according_to",
                                          "according to"))


def _readout_country(s: Sentence, found: list[StatementCand], out: list[StatementCand], sentences: list[Sentence],
                     g) -> None:
    """"Chaudhry said …. Pakistan welcomes …": in a readout, the country speaks through its minister."""
    if not out:
        return
    last = out[-1]
    if s.index - last.sent > 1 or sentences[last.sent].para != s.para or len(last.speakers) != 1:
        return
    person = last.speakers[0]
    e = g.entity(person)
    pc = e.country if e else None
    for f in found:
        if f.rule.startswith("statement.trailing"):
            continue  # "…, the Armenian government said": the government, named as the source
        if len(f.speakers) == 1 and f.speakers[0] != person and (pc == f.speakers[0] or _PEOPLE_COUNTRY.get(person)
                                                                 == f.speakers[0]):
            f.speakers = [person]
            f.rule = "statement.readout_country"
            f.confidence = 0.55


_PEOPLE_COUNTRY: dict[str, str] = {}


def _relay(s: Sentence, ms: list[Ment], found: list[StatementCand]) -> None:
    """"…, Anadolu reported" after a statement: the agency relays it."""
    rm = re.search(r",\s*([^,;“”\"]{2,80}?)\s+(?:reported|reports|said|says)(?:\s+on\s+\w+day)?\.?\s*$", s.text)
    if not rm:
        return
    a, b = s.start + rm.start(1), s.start + rm.end(1)
    # "…, IRNA reported", "…, Iran's official news agency IRNA reported": the agency at the end of the tail
    m = next((x for x in reversed(ms) if a <= x.start and x.end <= b and x.key and x.etype == "news_organization"),
             None)
    if not m or s.text[m.end - s.start : b - s.start].strip():
        return
    keep = [f for f in found if not (f.speakers == [m.key] and f.rule.startswith("statement.trailing"))]
    if len(keep) < len(found) and keep:
        found[:] = keep
    for f in found:
        if f.speakers != [m.key]:
            f.source = f.source or m.key


def _continuation(s: Sentence, text: str, q_here: list[tuple[int, int]], prev: list[StatementCand],
                  out: list[StatementCand], sentences: list[Sentence], sent_ments: list[Ment],
                  opened_before: bool = False) -> list[StatementCand]:
    """A quote-only sentence after an attributed quote; a readout sentence after a reported statement."""
    if not out:
        return []
    last = out[-1]
    last_sent = sentences[last.sent]
    gap = s.index - last.sent
    same_para = last_sent.para == s.para
    stripped = s.text.strip()
    quote_cover = sum(b - a for a, b in q_here)
    inside = bool(q_here) and quote_cover >= 0.8 * len(stripped) - 4 and (
        stripped[:1] in "“\"" or (same_para and gap == 1 and last.direct and opened_before))
    if inside:  # a quote-only sentence, or a sentence inside a quote opened before it
        if opened_before and gap == 1 and same_para and last.rule == "statement.quote_continuation":
            last.end = _trim(text, last.start, s.end)[1]  # one continuous quotation, even across sentences
            return []
        if gap <= 2 and (same_para or s.para - last_sent.para == 1):
            a, b = _trim(text, s.start, s.end)
            return [StatementCand(list(last.speakers), a, b, True, s.index, "statement.quote_continuation", "",
                                  medium=last.medium, confidence=0.65)]
        return []
    if q_here or not prev or gap != 1 or s.headline:
        return []
    if not (same_para or s.para - last_sent.para == 1):
        return []
    present = same_para and bool(_PRESENT_COPULA.search(s.text) or _PRESENT_SUBJECT_VERB.match(s.text.strip())) \
        and not _past_narrative(s.text)
    # "Xi pointed out that … . Since the establishment of ties 52 years ago, the relationship has withstood …": in the
    # paragraph of a reported statement, the speaker's view of a span up to now
    span_view = same_para and not last.direct and bool(_SINCE_SPAN_VIEW.match(stripped))
    if span_view:
        present = True
    if (_NARRATIVE_START.match(stripped) and not span_view) or not (_MODAL.search(s.text) or present) or (
            last.direct and last.rule.startswith("statement.quote")):
        return []
    first = re.match(r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*", stripped)
    if first and any(m_.etype == "person" and (m_.role_start if m_.role_start is not None else m_.start) == s.start
                     and m_.kind != "pronoun" for m_ in sent_ments):
        return []
    if re.search(r"\b(?:arrived|travel(?:l)?ed|visited|met|flew|signed|held|hosted|received)\b", s.text):
        return []
    if re.search(r"(?<![\w])(?:said|says|told|argued|argue|argues|believe|believes|noted|stressed)(?![\w])", s.text):
        return []  # "Chinese analysts said …": a speaker of its own, even one the article does not name
    a, b = _trim(text, s.start, s.end)
    return [StatementCand(list(last.speakers), a, b, False, s.index, "statement.readout_continuation", "",
                          medium=last.medium, confidence=0.5)]


@lru_cache(maxsize=4096)
def _medium_cached(sentence: str) -> str | None:
    for name, rx in _cues().media:
        if rx.search(sentence):
            return name
    return None


def _medium(sentence: str, cues: _Cues) -> str | None:
    return _medium_cached(sentence)


def _medium_uncached(sentence: str, cues: _Cues) -> str | None:
    for name, rx in cues.media:
        if rx.search(sentence):
            return name
    return None
