"""Stage 4: meetings — visits, meetings, calls, talks, summits; participants, host/visitor, date, place.

Each trigger is read with its participants (the subject before it, the objects after it), then candidates
that describe the same event are merged: a state visit absorbs the meetings of its itinerary.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from kg.facts import DateValue
from kg.mapper.gazetteer import Gazetteer, lexicon, load
from kg.mapper.mentions import BODY_OFFICES, Ment
from kg.mapper.text import Sentence
from kg.mapper.timex import tense_of, time_expressions, when_clause_time

ACTOR_TYPES = {"person", "country", "government", "ministry", "military", "international_organization", "organization"}
_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
HEAD_ROLES = ("president", "prime minister", "premier", "king", "emir", "supreme leader", "crown prince", "sultan")


@dataclass
class MeetingCand:
    kind: str
    participants: list[str]
    sent: int
    rule: str
    start: int  # trigger offsets (absolute)
    end: int
    status: str = "happened"
    date: DateValue | None = None
    end_date: DateValue | None = None
    place: str | None = None  # place (or country) key
    host: str | None = None
    visitor: str | None = None
    explicit_visit: bool = False
    separate_group: int | None = None
    name: str | None = None
    absorbed_into: int | None = None
    part_of: int | None = None
    local_id: str = ""
    confidence: float = 0.75
    invited: bool = False  # "X invited Y to visit Z": a meeting only once the invitation is accepted
    days: int | None = None  # "a two-day state visit" told before its first day is known
    attended: bool = False  # a summit whose attendance the text tells ("addressed the summit", "chaired by")
    during_visit: bool = False  # "Khamenei, who received Xi during the trip": an item of a visit told before
    scope: str | None = None  # "bilateral" or "multilateral", when the text says which
    body_countries: list[str] = field(default_factory=list)  # the countries of the commission it is a session of
    unnamed: bool = False  # its countries stand for people the text describes but does not name
    place_from_dateline: bool = False  # the place is only the report's dateline
    side_countries: list[str] = field(default_factory=list)  # when "the two sides" meet: their countries
    subject_keys: list[str] = field(default_factory=list)  # the participants that are the trigger's subject
    extra_sents: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class _Trigger:
    pattern: re.Pattern[str]
    kind: str
    visit: bool
    host_subject: bool
    needs_object: bool
    needs_person_object: bool
    needs_place_object: bool
    subject_clause: bool = False
    hints: tuple[str, ...] = ()  # words of the pattern, one of which any match holds (a fast test first)


def _hints(pattern: str) -> tuple[str, ...]:
    """The literal words of a trigger pattern. Every branch of every trigger holds a word of three letters or more,
    so a sentence without any of them cannot match (checked by test_trigger_hints_cover_every_branch)."""
    src = re.sub(r"\(\?<?!(?:[^()]|\([^()]*\))*\)", " ", pattern)  # negative lookarounds match nothing
    src = re.sub(r"\\[a-zA-Z]", " ", src)  # escapes: \w, \s, \b
    src = re.sub(r"\[[^\]]*\]", " ", src)  # character classes
    return tuple(sorted({w.lower() for w in re.findall(r"[A-Za-z]{3,}", src)}))


@lru_cache(maxsize=1)
def _triggers() -> tuple[_Trigger, ...]:
    out = []
    for t in lexicon()["meeting_triggers"]:
        pat = t["pattern"]
        # the words one of which every match holds: from the data when it says (the required words of a pattern
        # whose optional words are common), else every word of the pattern
        hints = tuple(h.lower() for h in t["hints"]) if t.get("hints") else _hints(pat)
        out.append(_Trigger(
            re.compile(rf"(?<![\w-]){pat}(?![\w-])", re.IGNORECASE), t["kind"], bool(t.get("visit")),
            bool(t.get("host_subject")), bool(t.get("needs_object")), bool(t.get("needs_person_object")),
            bool(t.get("needs_place_object")), bool(t.get("subject_clause")), hints,
        ))
    return tuple(out)


@lru_cache(maxsize=1)
def _all_hints() -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:
    """Every trigger hint in one pattern (longest first), and for each hint the hints it holds ("meeting" holds
    "meet"), so one scan of a sentence tells which triggers can match."""
    hints = sorted({h for t in _triggers() for h in t.hints}, key=len, reverse=True)
    held = {h: frozenset(o for o in hints if o in h) for h in hints}
    return re.compile("|".join(re.escape(h) for h in hints)), held


def _hints_in(low: str) -> set[str]:
    rx, held = _all_hints()
    out: set[str] = set()
    for m in rx.finditer(low):
        out |= held[m.group()]
    return out


@lru_cache(maxsize=1)
def _hint_index() -> tuple[tuple[int, ...], dict[str, tuple[int, ...]]]:
    """The triggers without hints, and for each hint the triggers that hold it (positions in trigger order)."""
    always = tuple(i for i, t in enumerate(_triggers()) if not t.hints)
    by_hint: dict[str, list[int]] = {}
    for i, t in enumerate(_triggers()):
        for h in t.hints:
            by_hint.setdefault(h, []).append(i)
    return always, {h: tuple(v) for h, v in by_hint.items()}


def _triggers_for(found: set[str]) -> list[_Trigger]:
    """The triggers that can match a sentence holding these hints, in trigger order."""
    always, by_hint = _hint_index()
    idx = set(always)
    for h in found:
        idx.update(by_hint.get(h, ()))
    triggers = _triggers()
    return [triggers[i] for i in sorted(idx)]


@lru_cache(maxsize=1)
def _planned_re() -> re.Pattern[str]:
    cues = sorted(lexicon()["planned_cues"], key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(c) for c in cues) + r")(?![\w])", re.IGNORECASE)


_ORDINAL_BEFORE = re.compile(r"(?<![\w])(?:first|second|third|fourth|fifth|last|only|latest)(?:\s+[\w’'-]+){0,8}\s+$",
                             re.IGNORECASE)


def _plan_cues(text: str) -> list[re.Match[str]]:
    """The cues of a plan in ``text``, except an infinitive after an ordinal ("became the first Chinese president in
    14 years to visit Iran" tells of a visit, not a plan)."""
    return [c for c in _planned_re().finditer(text)
            if not (c.group().lower().startswith("to ") and _ORDINAL_BEFORE.search(text[: c.start()]))]


@lru_cache(maxsize=1)
def _non_meeting_res() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Cues that make a trigger no event: before it in its clause ("called for a summit", "cancelled her visit to",
    "hoped to meet"), after it ("the visit was postponed"), and the objects of "meet" meaning "satisfy"."""
    lx = lexicon()
    before = "|".join(sorted(lx["non_meeting_cues_before"], key=len, reverse=True))
    # the cue, then at most four words of the same clause (no punctuation, no new clause) up to the trigger
    # (a preposition between them starts a phrase of its own: "urged Berg at their meeting" is still a meeting)
    pre = re.compile(rf"(?<![\w])(?:{before})(?:\s+(?!(?:when|while|after|before|as|and|but|during|where|since|"
                     rf"because|whom|who|which|that|at|in|on|with|from|following|over|by)\b)[\w’'-]+){{0,4}}\s+$",
                     re.IGNORECASE)
    after = "|".join(lx["non_meeting_cues_after"])
    post = re.compile(rf"^[^.;:]{{0,80}}?(?<![\w])(?:{after})(?![\w])", re.IGNORECASE)
    objs = "|".join(sorted(set(lx["meet_satisfy_objects"]), key=len, reverse=True))
    sat = re.compile(rf"^\s+(?:(?:the|its|their|his|her|our|all|these|those|this|that|such|any|a|an|key|basic|"
                     rf"\w+['’]s)\s+)?(?:[\w-]+\s+){{0,2}}?(?:{objs})\b", re.IGNORECASE)
    return pre, post, sat


def not_an_event(text: str, a: int, b: int, trigger: str = "") -> bool:
    """Whether the trigger at ``text[a:b]`` (offsets in the sentence) names no event: a proposal, a hope, a
    cancellation, speculation, or "meet" meaning "satisfy" ("met the demands", "meet its targets")."""
    pre, post, sat = _non_meeting_res()
    if pre.search(text[max(0, a - 120) : a]):
        return True
    if post.search(text[b:]):
        return True
    first = trigger.split()[0].lower() if trigger else ""
    last = trigger.split()[-1].lower() if trigger else ""
    if last in ("meeting", "meetings", "talks") and _noun_head_re().match(text[b:]):
        return True  # "the annual leaders' meeting mechanism", "the talks process"
    return first in ("meet", "meets", "met", "meeting") and bool(sat.match(text[b:]))


@lru_cache(maxsize=1)
def _noun_head_re() -> re.Pattern[str]:
    return re.compile(r"\s+(?:" + "|".join(lexicon()["meeting_noun_heads"]) + r")(?![\w-])", re.IGNORECASE)


# words one of which every meeting sentence holds (a fast substring test before the trigger patterns)
_MEET_WORDS = ("meet", "met", "talk", "visit", "trip", "tour", "call", "phon", "video", "virtual", "receiv", "host",
               "welcom", "arriv", "land", "travel", "flew", "head", "return", "summit", "consult", "negotiat",
               "exchang", "journey", "signed", "inked", "commission", "committee", "sat down", "sit down", "sits down",
               "sitting down", "chair", "presid", "fly", "flies", "flying", "confer", "round of", "session of",
               "edition of", "summon", "announced", "launched", "unveiled", "inaugurated", "opened", "witnessed",
               "laid", "issued", "agreed", "pledged", "declared", "discuss", "review")


def _meet_word(text: str) -> bool:
    low = text.lower()
    return any(w in low for w in _MEET_WORDS)


def is_person_key(key: str, g: Gazetteer) -> bool:
    """Whether an actor key names a person (one the text introduced, or one of the reference data)."""
    e = g.entity(key)
    return key.startswith("person:") or bool(e and e.type == "person")


def is_actor(m: Ment) -> bool:
    return ((bool(m.key) and m.etype in ACTOR_TYPES) or m.etype == "group") and m.head != "title"


def _span_start(m: Ment) -> int:
    return m.role_start if m.role_start is not None else m.start


def _possessive(m: Ment, s: Sentence, ms: list[Ment]) -> bool:
    """"his" / "her" used as a determiner ("his Pakistani counterpart X"): not a participant of its own."""
    if m.kind != "pronoun" or m.head not in ("his", "her", "their", "its"):
        return False
    if m.head == "his":
        return True
    nxt = m.end - s.start
    return bool(re.match(r"\s+[a-z]", s.text[nxt:])) or any(
        o is not m and 0 <= _span_start(o) - m.end <= 1 for o in ms)


_REL_CLAUSE = re.compile(r",\s*(?:of which|in which|which|who|whose|where)\b[^,;]*,\s*"
                         r"(?:(?:also|have|has|had|been|is|are|"
                         r"was|were|will|would)\s+){0,3}$")


# "his Senegalese counterpart": the role noun between a possessive and the partner's name
_PARTNER_ROLE = r"(?:(?:[A-Z][\w-]+\s+)?(?:counterpart|colleague|host|guest)\s+)?"


_ACCORDING_BEFORE = re.compile(r"(?<![\w])according\s+to\s+(?:the\s+)?$", re.IGNORECASE)


# "visited Tehran in June and met Raisi": the place visited is no subject of the next verb
_PLACE_OBJECT_BEFORE = re.compile(r"(?<![\w])(?:visited|visits|visiting|toured|tours|reached|left|leaves|arrived in|"
                                  r"arrives in|landed in|lands in|travelled to|traveled to|flew to)\s+$")
_PAIR_DASH = re.compile(r"[–—/-]")
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "next", "new", "first", "second", "third",
                          "fourth", "last", "final", "their", "its", "his", "her", "our", "two", "three", "four",
                          "further", "another", "such"})


def _subjects(s: Sentence, ms: list[Ment], pos: int, allow_poss: bool) -> list[Ment]:
    """The actors just before ``pos``: the nearest one, with its coordinated partners and appositions skipped."""
    rc = _REL_CLAUSE.search(s.text[: pos - s.start])
    if rc:  # "A and B, of which C is a member, have been negotiating": the clause is not the subject
        cut = s.start + rc.start()
        ms = [m for m in ms if m.end <= cut]
        pos = cut
    left = [m for m in ms if m.end <= pos and (is_actor(m) or _unnamed_role(m)) and not _possessive(m, s, ms)
            and not (m.after_prep and m.etype != "person")
            and not _ACCORDING_BEFORE.search(s.text[: _span_start(m) - s.start])
            and not (m.etype == "country" and _PLACE_OBJECT_BEFORE.search(s.text[: _span_start(m) - s.start]))]
    # a possessor is the subject of its own noun only: "Wei's visit", not "Raisi, Pezeshkian's predecessor, for a visit"
    left = [m for m in left if not m.modifier or (allow_poss and m.etype == "person"
                                                  and "," not in s.text[m.end - s.start : pos - s.start])]
    # "Prince Faisal bin Farhan Al Saud": the tail of a name read again as a surname is the same mention
    left = [m for i, m in enumerate(left) if not (
        i and m.kind == "surname" and m.key == left[i - 1].key
        and re.fullmatch(r"\s+(?:[A-Z][\w-]{0,3}\s+)?", s.text[left[i - 1].end - s.start : m.start - s.start]))]
    if not left:
        return []
    # an apposition: "Kaya, the chief of staff of the armed forces, also met"
    for p in reversed(left):
        if p.etype == "person" and p.kind in ("name", "alias", "surname"):
            between = s.text[p.end - s.start : pos - s.start]
            if re.fullmatch(r"\s*(?:\([^)]*\))?\s*,[^,]{1,140},\s*(?:\w+\s+){0,3}", between):
                return [p]
            break
    last = left[-1]
    between = s.text[last.end - s.start : pos - s.start]
    if re.fullmatch(r"\s*,\s*who\s+(?:also\s+|had\s+|has\s+|have\s+|recently\s+|last\s+)?", between):
        return [last]  # "Quispe, who met Berg last week, said …"
    if len(between) > 90 or re.search(r"[;:]|,\s*(?:which|who|when|while|as|but|and)\b|(?<![\w])(?:said|says|told|"
                                      r"tells|added|stated|announced)\s+(?:that\s+)?(?:he|she|they|it)\b", between):
        # too far: the subject of the sentence, if nothing else
        return []
    own = re.search(r"(?<![\w])that\s+(?:[a-z][\w-]*\s+){0,2}(?P<last>[a-z][\w-]*)\s+$", between)
    if own and own.group("last") not in _DETERMINERS:
        # "Kanaani told reporters that technical teams would visit": the clause has a subject of its own (not "agreed
        # that the next meeting …", where the words are the trigger's own)
        return []
    out = [last]
    i = left.index(last)
    while i > 0:
        prev = left[i - 1]
        gap = s.text[prev.end - s.start : _span_start(out[0]) - s.start]
        if prev.etype == "group" and re.fullmatch(r"\s*,\s*", gap):
            break  # "The two countries' foreign ministers, A and B, spoke": the group is named by the pair
        dashed = bool(_PAIR_DASH.fullmatch(gap)) and prev.etype == out[0].etype == "person"  # "the Raisi–Xi meeting"
        if dashed or re.fullmatch(
                r"\s*(?:\([^)]*\))?\s*(?:,|and|, and|&)\s*(?:(?:his|her|their|its|the)\s+" + _PARTNER_ROLE
                        + r")?", gap):
            out.insert(0, prev)
            i -= 1
        else:
            break
    return out


def _clause_subjects(s: Sentence, ms: list[Ment]) -> list[Ment]:
    """The coordinated subject of the sentence: "A and her counterpart B signed …"."""
    acts = [m for m in ms if is_actor(m) and not m.modifier and not m.in_quote and not _possessive(m, s, ms)
            and not _ACCORDING_BEFORE.search(s.text[: _span_start(m) - s.start])
            and not (m.etype == "country" and _PLACE_OBJECT_BEFORE.search(s.text[: _span_start(m) - s.start]))]
    if not acts:
        return []
    out = [acts[0]]
    for m in acts[1:]:
        gap = s.text[out[-1].end - s.start : _span_start(m) - s.start]
        if re.fullmatch(r"\s*(?:\([^)]*\))?\s*(?:,|and|, and|&)\s*(?:(?:her|his|their|its)\s+" + _PARTNER_ROLE + r")?",
                        gap):
            out.append(m)
        else:
            break
    return out if len(out) >= 2 else []


# capitalised title words the mention finder left outside a name: "and Sri Lankan President Dinesh W."
_TITLE_GAP = r"(?:(?:the|his|her|their)\s+)?(?:[A-Z][\w’'-]*\s+){1,4}"
_POSS_COUNTRY = r"(?:[A-Z][\w-]*(?:\s[A-Z][\w-]*)?(?:’s|'s)\s+)?"
_ROLE_APPOS = re.compile(r"\s*(?:his|her|their|its|the|[A-Z][\w-]*(?:’s|'s))\s+(?:[\w’'-]+\s+){0,4}?"
                         r"(?:counterparts?|guests?|visitors?|hosts?|colleagues?|ministers|leaders|presidents|premiers|"
                         r"envoys|delegates|chiefs|heads|predecessors?|successors?)\s*,\s*" + _POSS_COUNTRY)


# "a delegation from Uganda", "a high-level delegation of the Kenyan government": the country is the guest
_DELEGATION_OF = re.compile(r"(?<![\w])(?:delegations?|counterparts|colleagues|officials|representatives|envoys|"
                            r"ministers|leaders)\s+(?:from|of)\s+(?:the\s+)?$", re.IGNORECASE)


def _unnamed_role(m: Ment) -> bool:
    """"her Tanzanian counterpart", never named: the counterpart's country stands for the person."""
    return m.kind == "role" and m.etype == "person" and not m.key and bool(m.country) and m.head != "title"


_OPENING_ADVERBIAL = re.compile(r"(?:In|At|On|After|During|Following|Before|Under|Through|Earlier|Later)\b"
                                r"[^,;:.“\"]{0,80},\s*")


def _sentence_subject(s: Sentence, ms: list[Ment], a: int) -> list[Ment]:
    """The actors that open the sentence (a name, a coordination or a group), when nothing closer is the subject."""
    first = [m for m in ms if m.end <= a and (is_actor(m) or m.etype == "group") and not m.modifier
             and not m.in_quote and not m.after_prep]
    # (after an opening adverbial: "In a joint statement issued on Tuesday, the two sides agreed …")
    lead = _OPENING_ADVERBIAL.match(s.text)
    opening = lead.end() if lead and first and _span_start(first[0]) - s.start >= lead.end() else 0
    if not first or _span_start(first[0]) - s.start - opening > 30 or re.search(
            r"[;:]|,\s*(?:who|which|but)\b", s.text[opening : a - s.start]):
        return []
    out = [first[0]]
    for m in first[1:]:
        gap = s.text[out[-1].end - s.start : _span_start(m) - s.start]
        if re.fullmatch(r"\s*(?:,|and|, and)\s*(?:(?:her|his|their|its)\s+" + _PARTNER_ROLE + r")?", gap):
            out.append(m)
        else:
            break
    return out


_COORD_GAP = re.compile(r"\s*(?:\([^)]*\))?\s*(?:,|and|, and|&)\s*(?:(?:her|his|their|its)\s+" + _PARTNER_ROLE + r")?")
_PRE_TRIGGER_GAP = re.compile(r"\s*(?:(?:also|then|later|briefly|privately|separately|have|has|had)\s+){0,2}")


def _pair_before(s: Sentence, ms: list[Ment], a: int) -> list[Ment]:
    """"The ministry said A and B conferred by telephone": the coordinated actors right before the verb."""
    acts = [m for m in ms if is_actor(m) and m.end <= a and not m.modifier and not m.in_quote
            and not _possessive(m, s, ms)]
    if not acts or not _PRE_TRIGGER_GAP.fullmatch(s.text[acts[-1].end - s.start : a - s.start]):
        return []
    out = [acts[-1]]
    for m in reversed(acts[:-1]):
        if _COORD_GAP.fullmatch(s.text[m.end - s.start : _span_start(out[0]) - s.start]):
            out.insert(0, m)
        else:
            break
    return out if len(out) >= 2 else []


def _subject_with_partner(s: Sentence, ms: list[Ment], a: int) -> list[Ment]:
    """"A signed an agreement with B during talks in Phnom Penh": the subject and the "with" partner of its verb."""
    subj = _sentence_subject(s, ms, a)
    if len(subj) != 1 or subj[0].etype == "group":
        return []
    w = re.search(r"(?<![\w])with\s+", s.text[subj[0].end - s.start : a - s.start])
    if not w:
        return []
    partner = _objects(s, ms, subj[0].end + w.end(), max_gap=45)
    return [subj[0], *partner[:1]] if partner else []


_TITLE_OF_APPOS = re.compile(r"\s*(?:the\s+)?(?:(?:[A-Z][\w-]*\s+){1,3}|(?:" + BODY_OFFICES + r")\s+)of\s+(?:the\s+)?"
                             r"(?:[A-Z][\w-]*\s*){1,4},\s*(?:[A-Z][\w.-]*\s+){0,2}")


_SEPARATELY_WITH = re.compile(r"\s*,?\s*and\s*,?\s*(?:(?:separately|later|then|also|afterwards)\s*,?\s*)?with\s+"
                              r"(?:(?:his|her|their|the)\s+)?(?:[A-Z][\w’'-]*\s+){0,3}")
_APPOS_AND = re.compile(r"\s*,\s*(?:the\s+|a\s+|an\s+|[A-Z][\w-]*(?:’s|'s)\s+|[a-z][\w-]*\s+(?:[a-z][\w-]*\s+)?"
                        r"(?:of|for|to|at|in)\s+)[^,;()]{3,100},\s*(?:and|as well as)\s+")


def _objects(s: Sentence, ms: list[Ment], pos: int, max_gap: int = 45, places: bool = False) -> list[Ment]:
    """The actors right after ``pos``, coordinated with "and" or commas."""
    right = [m for m in ms if m.start >= pos and (is_actor(m) or _unnamed_role(m)) and not m.modifier
             and (places or not m.after_prep or _DELEGATION_OF.search(s.text[: m.start - s.start]))
             and not _possessive(m, s, ms) and m.head != "they"
             and not (m.etype == "group" and s.text[m.end - s.start : m.end - s.start + 1] in ("’", "'"))]
    if not right:
        return []
    first = right[0]
    if len(right) > 1 and right[1].etype == "person" and right[1].key and (
            (_unnamed_role(first) and re.fullmatch(r"\s*,?\s*", s.text[first.end - s.start : _span_start(right[1])
                                                                       - s.start]))
            or (first.etype == "country" and _span_start(right[1]) <= first.start)
            or (first.etype != "person" and re.fullmatch(
                # "the EU coordinator of the talks, Enrique Mora": the body names the person's office
                r"\s+(?:[a-z][\w-]*\s+){0,2}?(?:coordinator|envoy|representative|spokesman|spokeswoman|spokesperson|"
                r"negotiator|chief|head|ambassador|minister|commissioner|official|adviser|advisor)"
                r"(?:\s+(?:of|for|to)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)?\s*,\s*",
                s.text[first.end - s.start : _span_start(right[1]) - s.start]))
            or (first.etype == "country" and re.search(r"(?<![\w])of\s+(?:the\s+)?$", s.text[: first.start - s.start])
                and re.fullmatch(r",\s*", s.text[first.end - s.start : _span_start(right[1]) - s.start]))
            or (first.etype == "country" and re.fullmatch(r"\s+(?:(?:[A-Z][\w.-]*|of|for|and|the)\s+){0,6}", s.text[
                first.end - s.start : _span_start(right[1]) - s.start])
                and not re.fullmatch(r"\s+and\s+(?:the\s+)?", s.text[first.end - s.start : _span_start(right[1])
                                                                   - s.start]))):
        # "Peru’s foreign minister, Rosa Quispe", "U.S. Secretary of State John Miller": the person, not the title
        titled = s.text[first.start - s.start - 4 : first.start - s.start].lower().endswith("the ") and \
            first.start - pos <= 8  # "with the EU coordinator of the talks, Enrique Mora"
        right = right[1:]
        first = right[0]
    else:
        titled = False
    gap = s.text[pos - s.start : _span_start(first) - s.start]
    if titled or _ROLE_APPOS.fullmatch(gap) or _TITLE_OF_APPOS.fullmatch(gap) or (
            gap and re.fullmatch(_POSS_COUNTRY, gap) and first.etype == "person"):  # "by Pakistan's Additional …"
        pass  # "hosted his Serbian and Hungarian counterparts, A and B", "the Emir of Qatar, Sheikh A": the names
    elif len(gap) > max_gap or re.search(r"[,;:.–—]", re.sub(r"(?<![\w])(?:[A-Z]\.){2,}", "", gap)):
        return []  # (a title's abbreviation is no break: "with U.S. Secretary of State X")
    # "met on the sidelines of the SCO …": the object of a preposition is not a participant
    if not places and not _DELEGATION_OF.search(gap) and re.search(
            r"(?<![\w])(?:of|on|at|in|during|about|over|under|for|from|after|before|since|"
            r"on behalf of|against)\s+(?:the\s+)?$", gap):
        return []
    out = [first]
    rest = right[1:]
    i = 0
    while i < len(rest):
        m = rest[i]
        gap = s.text[out[-1].end - s.start : _span_start(m) - s.start]
        if re.fullmatch(r"\s*(?:\([^)]*\))?\s*(?:,|and|, and|&|as well as)\s*(?:" + _POSS_COUNTRY + "|" + _TITLE_GAP
                        + r"|(?:his|her|their|its)\s+" + _PARTNER_ROLE + r"(?:[A-Z][\w’'-]*\s+){0,3})", gap) or (
                _SEPARATELY_WITH.fullmatch(gap)):  # "held talks with Xi and, separately, with Putin"
            out.append(m)
            i += 1
            continue
        if out[-1].etype != "person":
            break
        # "Wang Qun, China's permanent representative in Vienna, and Mikhail Ulyanov", "A, secretary of Iran's
        # security council, and B": the next person after an apposition (its countries and bodies skipped)
        nxt = next((j for j in range(i, len(rest)) if rest[j].etype == "person"), None)
        if nxt is None or not _APPOS_AND.fullmatch(s.text[out[-1].end - s.start : _span_start(rest[nxt]) - s.start]):
            break
        out.append(rest[nxt])
        i = nxt + 1
    return out


def _place_in(s: Sentence, ms: list[Ment], g: Gazetteer, after: int) -> str | None:
    """"in Ankara", "in Samara, Russia", "on the sidelines of the summit in X" → the place key. A city the reference
    data does not know is kept by its name ("newplace:Mombasa") when the text says what it is ("in Mombasa,
    Kenya", "in the Kenyan city of Kisumu")."""
    # a relative clause or a quote after the trigger speaks of other things ("…, who called for … in the Sea")
    # … and a coordinated verb phrase ("held talks on Monday and agreed that the commission would meet in Lusaka")
    stops = re.finditer(r",\s*(?:who|which|where|saying|adding|as)\b|[;“\"]|"
                        r"(?<![\w])(?:after|before|following|since)\s+(?:their|his|her|its|the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:talks|meeting|meetings|visit|trip|"
                        r"call|summit|consultations)\b|\s(?:and|but)\s+(?:also\s+)?"
                        r"(?:agreed|said|announced|decided|pledged|vowed|promised|called|urged|invited)\b",
                        s.text[max(0, after - s.start):])
    # (… and an earlier event: "met Putin, his second meeting this month after their talks in Ashgabat")
    stop = next((x for x in stops if x.start() > 0), None)
    limit = (after - s.start + stop.start()) if stop else len(s.text)
    for m in _TOWN_OF.finditer(s.text):  # "in the northern port city of Thessaloniki", "in the border town of X"
        if s.start + m.start() < after - 200 or m.start() > limit:
            continue
        return _known_place(m.group("name"), g) or "newplace:" + m.group("name")
    for m in re.finditer(r"(?<![\w])(?:in|at)\s+(?:the\s+)?([A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,2})"
                         r"(?P<cap>\s+capital)?(?P<city>\s+(?:city|town|port|resort) of\s+(?P<cname>[A-Z][\w’'\-]+"
                         r"(?:\s+[A-Z][\w’'\-]+)?))?(?:(?P<prov>,?\s+(?:(?i:north|south|east|west|central|northeast|northwest|southeast|southwest)"
                         r"(?:ern)?\s+)?(?P<pc>[A-Z][\w-]+)(?:’s|'s)\s+(?:[A-Z][\w-]+\s+){1,2}(?:Province|Region|"
                         r"Prefecture|Oblast|State))|(?P<ofc>,\s+(?P<ctry>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?)))?",
                         s.text):
        if s.start + m.start() < after - 200 or m.start() > limit:
            continue
        name = m.group(1)
        if m.group("city") and _country_word(name):  # "in the Kenyan city of Kisumu"
            known = _known_place(m.group("cname"), g)
            return known or "newplace:" + m.group("cname")
        if m.group("ofc") and _country_word(m.group("ctry")) and not _known_place(name, g) \
                and not _country_word(name) and len(name.split()) <= 2:
            return "newplace:" + name  # "in Mombasa, Kenya"
        if m.group("prov") and _country_word(m.group("pc")) and not _known_place(name, g) \
                and not _country_word(name) and len(name.split()) <= 2:
            return "newplace:" + name  # "in Wuxi, east China's Jiangsu Province"
        if m.group("cap"):  # "in the Ethiopian capital" → Addis Ababa
            c = _country_word(name)
            ce = g.entity(c) if c else None
            if ce and ce.capital:
                for key, kind in g.surfaces.get(ce.capital, ()):
                    if kind == "place" or g.entities[key].type == "place":
                        return key
        for form in (name, " ".join(name.split()[:2]), name.split()[0]):
            for key, kind in g.surfaces.get(form, ()):
                if kind == "place" or g.entities[key].type == "place":
                    return key
            for key, kind in g.surfaces.get(form, ()):
                if kind == "name" and g.entities[key].type == "country":
                    return key
    return None


_TOWN_OF = re.compile(r"(?<![\w])(?:in|at)\s+the\s+(?:[\w-]+\s+){0,3}(?:city|town|port|resort|village|enclave)\s+"
                      r"of\s+(?P<name>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?)")


def _known_place(name: str, g: Gazetteer) -> str | None:
    for key, kind in g.surfaces.get(name, ()):
        if kind == "place" or g.entities[key].type == "place":
            return key
    return None


def _country_word(word: str) -> str | None:
    from kg.mapper.mentions import _country_of_word_cached

    return _country_of_word_cached(word)


# "the two foreign ministers": the words every member's role holds ("Minister of Foreign Affairs" is one)
_GROUP_OFFICES: dict[str, tuple[str, ...]] = {
    "presidents": ("president",), "premiers": ("premier",), "kings": ("king",), "emirs": ("emir",),
    "prime ministers": ("prime minister",), "foreign ministers": ("minister", "foreign"),
    "defence ministers": ("minister", "defen"), "defense ministers": ("minister", "defen"),
}


def _resolve_group(m: Ment, meetings: list[MeetingCand], recent: list[Ment], g: Gazetteer,
                   pc: dict[str, str] | None = None) -> list[str]:
    if m.keys:
        return list(m.keys)
    countries = m.head in ("sides", "parties", "countries", "nations", "governments", "delegations", "capitals",
                           "states", "militaries", "armies")
    keys: list[str] = []

    def persons(mc: MeetingCand) -> int:
        return sum(1 for k in mc.participants if is_person_key(k, g))
    # "the two men", "the leaders": a recent meeting of two people, not a visit to a country; of the last few, the one
    # of the people the article names most ("He also met Premier Li" is a side meeting of the visit it tells)
    # (a meeting told later in the same sentence is no antecedent: "since they met in April, when Wei held talks
    # with Bagheri")
    told = [mc for mc in reversed(meetings) if len(mc.participants) >= 2 and (countries or persons(mc) >= 2)
            and not (mc.sent == m.sent and mc.start > m.start)][:3]
    num = re.search(r"(?<![\w])the\s+(\w+)", (m.label or "").lower())  # "officials from the three countries"
    n = _NUM.get(num.group(1), 0) if num else 0
    if n and any(len(mc.participants) == n for mc in told):
        told = [mc for mc in told if len(mc.participants) == n]  # "the three countries": not the pair told since
    office = _GROUP_OFFICES.get(m.head or "")
    if office and n in (0, 2):
        # "The two presidents last spoke in September": the two presidents named, not the ministers met since
        roles: dict[str, str] = {}
        for r in recent:
            if r.key and r.role and r.etype == "person" and len(r.role) > len(roles.get(r.key, "")):
                roles[r.key] = r.role.lower()  # the fullest title ("Minister of Foreign Affairs", not "Minister")
        holders = [k for k in dict.fromkeys(r.key for r in reversed(recent) if r.key in roles)
                   if all(w in roles[k] for w in office) and not re.search(r"vice|deputy|former", roles[k])][:2]
        if len(holders) == 2:
            told = [mc for mc in told if set(holders) <= set(mc.participants)] or [
                MeetingCand("meeting", list(reversed(holders)), m.sent, "", 0, 0)]
    if told:
        # (names of the last few sentences: a section that moved on to other people does not count the old ones)
        named = [r.key for r in recent if m.sent - r.sent <= 3]
        # "A held a video call with B, and the two met again in September": the pair of the same sentence first
        best = max(told, key=lambda mc: (mc.sent == m.sent,
                                         sum(named.count(k) for k in mc.participants) if not countries else 0,
                                         -told.index(mc)))
        keys = list(best.participants)
    if not keys:
        seen: list[str] = []
        for r in reversed(recent):
            if r.key and r.key not in seen and (r.etype == "person" or (countries and r.etype == "country")):
                seen.append(r.key)
            if len(seen) == max(n, 2):
                break
        keys = list(reversed(seen))
    if (countries and m.head in ("countries", "nations", "governments", "capitals", "states")) or (
            n == 2 and len(keys) > 2 and countries):
        # (also "the two sides" of a visit where five people met: the two countries)
        out = []
        for k in keys:
            e = g.entity(k)
            c = k if e and e.type == "country" else (e.country if e else None) or (pc or {}).get(k)
            if c and c not in out:
                out.append(c)
        keys = out if len(out) >= 2 and (n != 2 or len(out) == 2) else keys
    m.keys = tuple(keys)
    return keys


def _keys(ms: list[Ment], meetings: list[MeetingCand], recent: list[Ment], g: Gazetteer,
          pc: dict[str, str] | None = None) -> list[str]:
    out: list[str] = []
    for m in ms:
        if _unnamed_role(m):
            if m.country and m.country not in out:
                out.append(m.country)
            continue
        for k in (_resolve_group(m, meetings, recent, g, pc) if m.etype == "group" else [m.key]):
            if k and k not in out:
                out.append(k)
    return out


_DATELINE_PREFIX = re.compile(r"^\s*[A-Z][A-Z .’'-]{2,40},\s+[^—–\n]{0,50}?(?:—|–|\s-\s)")


_SINCE_BEFORE = re.compile(r"(?<![\w])since\s+(?:the\s+|early\s+|late\s+|(?:[a-z]+\s+){1,4}(?:in|on)\s+)?$")
_DURING_THE_VISIT = re.compile(r"(?<![\w])(?P<prep>during|on)\s+(?:the|that|his|her|this|their)\s+(?:[\w-]+\s+){0,2}"
                               r"(?:visit|trip|stay|tour)(?![\w-])", re.IGNORECASE)
_DEFINITE_BEFORE = re.compile(r"(?<![\w])(?:the|this|that|[A-Z][a-z]+day(?:’s|'s))\s+(?:[A-Z][\w-]+\s+)?$")
_SAID_BEFORE = re.compile(r"(?<![\w])(?:said|says|announced|reported|told reporters|confirmed)\s+(?:on\s+)?$")
# "the talks were the first since 2020": a span the meeting ends, not when it was held
_FIRST_SINCE = re.compile(r"(?<![\w])(?:first|last|only)\b[^.;]{0,40}$", re.IGNORECASE)


_INVITATION_FROM = re.compile(r"(?<![\w])(?:has |have |had )?(?:accepted|accepts|accepting)\s+(?:an|the|a)\s+"
                              r"(?:[\w-]+\s+)?invitation\s+(?P<from>from|by)\s+[^.;]{2,80}?\s+$")
_DURING_PREV = re.compile(r"(?<![\w])(?:on the sidelines of|on the margins of|after|during|following|at the end of)"
                          r"\s+the\s+(?:meeting|talks|visit|summit|session|consultations|dialogue)(?![\w-])",
                          re.IGNORECASE)
_NEXT_ROUND = re.compile(r"(?<![\w])(?:the\s+)?(?:next|new|another|fourth|fifth|third|second|sixth|seventh|eighth|"
                         r"ninth|tenth|further)\s+(?:round|session|meeting|edition)s?\b", re.IGNORECASE)
_PAST_PLAN = re.compile(r"(?<![\w])(?:was|were|had been|had)\s+(?:\w+\s+)?(?:due|expected|scheduled|set|planned|"
                        r"supposed)\b|(?<![\w])(?:planned|scheduled)\s+(?:for|to)\b|(?<![\w])invited\b", re.IGNORECASE)
_LEAD_PLACE = re.compile(r"^\s*(?:In|At)\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?),")
_REL_CLAUSE_SPAN = re.compile(r",\s*(?:who|which|whose|his|her|their|its)\b[^,;]{3,80},")


def _date_for(s: Sentence, pos: int, published: dt.date | None, tense: str | None,
              prev: MeetingCand | None, end: int | None = None) -> tuple[DateValue | None, DateValue | None]:
    exprs = time_expressions(s.text, published, tense)  # type: ignore[arg-type]
    rel = pos - s.start
    clause = when_clause_time(exprs, s.text, rel)
    if clause is not None:
        return clause.date, clause.end_date
    exprs = [e for e in exprs if e.kind in ("point", "range", "relative_anaphoric")
             or (e.kind == "since" and re.search(r"negotiat|talks", s.text)
                 and not _FIRST_SINCE.search(s.text[: e.start]))]
    # "for the first time since the 2022 election", "since taking office in August": the start of a span, not the
    # date of the meeting
    exprs = [e for e in exprs if e.kind != "point" or not _SINCE_BEFORE.search(s.text[: e.start])]
    # "…, officials said Thursday": the day of the report, not of the meeting
    exprs = [e for e in exprs if not _SAID_BEFORE.search(s.text[: e.start])]
    # "the 2010 letter of intent", "its 2015 nuclear deal": a year naming a thing, not the date of the meeting
    exprs = [e for e in exprs if not (e.date and e.date.precision == "year" and re.search(
        r"(?<![\w])(?:the|a|an|its|their|his|her|this|that)\s+$", s.text[: e.start], re.IGNORECASE))]
    dl = _DATELINE_PREFIX.match(s.text)
    if dl and any(e.start >= dl.end() for e in exprs):
        # "ATHENS, Sept 23 (Wire) — X hosted Y on Wednesday": the dateline dates the report, not the meeting
        exprs = [e for e in exprs if e.start >= dl.end()]
    # "X, who took office in July, held talks on Wednesday": a relative clause dates something else
    clauses = [(c.start(), c.end()) for c in _REL_CLAUSE_SPAN.finditer(s.text) if not c.start() <= rel < c.end()]
    outside = [e for e in exprs if not any(x <= e.start < y for x, y in clauses)]
    if any(e.kind in ("point", "range") for e in outside):
        exprs = outside  # (an anaphoric "the same evening" still leans on the clause's day)
    if not exprs:
        return None, None
    # (a date after the trigger counts from the trigger's end: "after their talks in Ashgabat on October 11")
    rel_end = max(rel, (end - s.start) if end is not None else rel)
    e = min(exprs, key=lambda x: (x.start - rel_end if x.start >= rel_end else 0) if x.start >= rel
            else rel - x.start + 15)
    if e.kind == "relative_anaphoric":
        return (prev.date, prev.end_date) if prev else (None, None)
    return e.date, e.end_date


def _is_head(key: str, people_roles: dict[str, str], g: Gazetteer) -> bool:
    role = (people_roles.get(key) or "").lower()
    e = g.entity(key)
    if e and not role:
        role = " ".join(p.role.lower() for p in e.positions)
    return any(h in role for h in HEAD_ROLES) and "vice" not in role and "deputy" not in role


def _country_of(key: str | None, g: Gazetteer, people_country: dict[str, str]) -> str | None:
    if not key:
        return None
    e = g.entity(key)
    if e and e.type == "country":
        return key
    if key in people_country:
        return people_country[key]
    if e and e.country:
        return e.country
    if key.startswith("country:"):
        return key
    return None


def find_meetings(
    sentences: list[Sentence], ments: list[Ment], published: dt.date | None, people_roles: dict[str, str],
    people_country: dict[str, str], dateline_place: str | None = None,
) -> list[MeetingCand]:
    """Meeting candidates of the article, merged into events."""
    g = load()
    by_sent: dict[int, list[Ment]] = {}
    for m in ments:
        by_sent.setdefault(m.sent, []).append(m)
    cands: list[MeetingCand] = []
    recent: list[Ment] = []
    group_id = 0
    for s in sentences:
        ms = by_sent.get(s.index, [])
        used: list[tuple[int, int]] = []
        if not _meet_word(s.text):
            recent.extend(m for m in ms if m.key and m.etype in ("person", "country") and not m.in_quote)
            continue
        tense = tense_of(s.text)
        len_before = len(cands)
        low = s.text.lower()
        found = _hints_in(low)
        for trig in _triggers_for(found):
            for tm in trig.pattern.finditer(s.text):
                a, b = s.start + tm.start(), s.start + tm.end()
                if any(x < b and a < y for x, y in used):
                    continue
                if not_an_event(s.text, tm.start(), tm.end(), tm.group()):
                    used.append((a, b))
                    continue
                mc = _read_trigger(s, ms, trig, tm, a, b, cands, recent, g, people_country)
                if mc is None and trig.kind == "talks" and _NEXT_ROUND.match(tm.group()):
                    mc = _next_round_of_last(s, cands, trig, a, b, g, people_country)
                if mc is None:
                    continue
                used.append((a, b))
                sideline_pairs = (len(mc.participants) > 2 and trig.kind in ("meeting", "talks") and not trig.visit
                                  and all(is_person_key(k, g) for k in mc.participants)
                                  and bool(re.search(r"\bon (?:the )?(?:[\w’'-]+ )?(?:sidelines|margins)\b",
                                                     s.text))
                                  and not _SCOPE.search(s.text) and not re.search(r"\b(?:together|jointly|joint)\b",
                                                                                  s.text))
                apart = bool(re.search(r"(?<![\w])separately(?![\w])", s.text[b - s.start : b - s.start + 120]))
                if ("separate" in tm.group().lower() or sideline_pairs or apart) and len(mc.participants) > 2:
                    # "met Xi and Putin on the sidelines of the summit": one bilateral meeting with each
                    group_id += 1
                    first, rest = mc.participants[0], mc.participants[1:]
                    for other in rest:
                        c2 = MeetingCand(mc.kind, [first, other], s.index, mc.rule + ".separate", a, b)
                        c2.separate_group = group_id
                        _finish(c2, s, ms, tm, published, tense, cands, g, dateline_place)
                        cands.append(c2)
                    continue
                _finish(mc, s, ms, tm, published, tense, cands, g, dateline_place)
                mc.during_visit = not trig.visit and any(d.group("prep").lower() == "during"
                                                         for d in _DURING_THE_VISIT.finditer(s.text))
                if mc.status == "scheduled" and _NEXT_ROUND.search(tm.group()):
                    _countries_for_next_round(mc, g, people_country)
                if "separate" in tm.group().lower() and len(mc.participants) == 2:
                    mc.scope = "bilateral"  # "on the sidelines, Sun also held separate talks with X": not the plenary
                cands.append(mc)
        _calls_refine(cands, len_before, s)
        _commission(s, ms, cands, published, tense, g, dateline_place, people_country, len_before)
        _visiting_object(s, ms, cands, published, tense, g, dateline_place, used)
        _signed_by(s, ms, cands, published, tense, g, dateline_place, people_country)
        _visit_anaphora(s, cands, published, tense)
        _invited_to_place(s, ms, cands, g, people_country)
        recent.extend(m for m in ms if m.key and m.etype in ("person", "country") and not m.in_quote)
    cands = [c for c in cands if not c.invited or _accepted(sentences, c.sent)]
    _later_than_last(sentences, cands)
    _dated_by_next(sentences, cands, published)
    _news_peg(sentences, cands, published)
    out = _merge(cands, people_roles, people_country, g, published)
    _host_in_sentence(sentences, out, by_sent, people_country, g)
    _named_delegates(sentences, by_sent, out, people_country, g)
    summits = _summits(sentences, by_sent, out, published, g, dateline_place)
    summits += _attended_summits(sentences, by_sent, [*out, *summits], published, g, people_country)
    if summits:
        parents = {id(e): out[e.part_of] for e in out if e.part_of is not None}
        out = _arrivals_for_summits(out, summits, sentences)
        out = sorted([*out, *summits], key=lambda m: (m.sent, m.start))
        for i, e in enumerate(out, 1):
            e.local_id = f"m{i}"
            parent = parents.get(id(e))
            e.part_of = next((j for j, o in enumerate(out) if o is parent), None)
    return out


_DAYS_LATER = re.compile(r"(?<![\w])(?:(?P<next>the next day|the following day|a day later)|days later|"
                         r"a few days later|hours later|within days|a week later|weeks later|"
                         r"the same (?:day|week|month))(?![\w])",
                         re.IGNORECASE)


_DURING_DAYS_MEETING = re.compile(r"\s*(?:During|At|After|In)\s+(?:the\s+)?(?P<day>\w+day)[’']s\s+(?:[\w-]+\s+)?"
                                  r"(?:meeting|talks|session|consultations|call|conversation)\b")


def _dated_by_next(sentences: list[Sentence], cands: list[MeetingCand], published: dt.date | None) -> None:
    """"A and B called for … in a meeting in Astana. During Friday's meeting, A said …": the next sentence dates the
    undated meeting it refers back to."""
    for mc in cands:
        if mc.date is not None or mc.status != "happened":
            continue
        for s in sentences[mc.sent + 1 : mc.sent + 3]:
            dm = _DURING_DAYS_MEETING.match(s.text)
            if dm:
                exprs = [e for e in time_expressions(s.text, published, "past")
                         if e.date and e.start <= dm.end("day") and e.end >= dm.start("day")]
                if exprs:
                    mc.date = exprs[0].date
                break


def _later_than_last(sentences: list[Sentence], cands: list[MeetingCand]) -> None:
    """"Beijing dispatched Hu to Tehran days later; in a meeting with him, Raisi …": an undated meeting told as
    following the last dated one takes its month (its next day for "the next day")."""
    for i, mc in enumerate(cands):
        if mc.date is not None:
            continue
        lm = _DAYS_LATER.search(sentences[mc.sent].text)
        if not lm:
            continue
        before = next((c for c in reversed(cands[:i]) if c.date is not None and c.sent <= mc.sent), None)
        if before is None or mc.sent - before.sent > 6 or before.date is None:
            continue
        value = before.date.value
        if lm.group("next") and len(value) == 10:
            value = (dt.date.fromisoformat(value) + dt.timedelta(days=1)).isoformat()
        elif len(value) == 10:
            value = value[:7]
        mc.date = DateValue(value)


def _next_round_of_last(s: Sentence, cands: list[MeetingCand], trig: _Trigger, a: int, b: int, g: Gazetteer,
                        pc: dict[str, str]) -> MeetingCand | None:
    """"The next round of trilateral consultations will be held in Moscow": the next round of the countries whose
    meeting was told just before."""
    last = next((c for c in reversed(cands) if c.status == "happened" and s.index - c.sent <= 6
                 and c.kind not in ("summit", "state_visit")), None)
    if last is None:
        return None
    countries = list(dict.fromkeys(_country_of(k, g, pc) for k in last.participants))
    if None in countries or len(countries) < 2:
        return None
    return MeetingCand(trig.kind, countries, s.index, "meeting.next_round", a, b)  # type: ignore[arg-type]


def _countries_for_next_round(mc: MeetingCand, g: Gazetteer, pc: dict[str, str]) -> None:
    """"The three officials agreed to hold the next round in Islamabad": the next round is the countries', whoever
    attends it."""
    countries = [_country_of(k, g, pc) for k in mc.participants]
    if None not in countries and len(set(countries)) == len(countries) >= 2:
        mc.participants = list(countries)  # type: ignore[arg-type]


_CHAIRED_BY_PERSON = re.compile(r"^[^.;]{0,20}?\b(?:chaired|hosted|opened|presided over)\s+by\s+")
_WHICH_ATTEND = re.compile(r"[^.;]{0,90}?,?\s*which\s+(?P<who>[^.;]{3,120}?)\s+(?:is|are|was|were|will|would)\s+"
                           r"(?:also\s+)?(?:(?:expected|due|set|scheduled|likely|going)\s+to\s+)?attend\b")
# "the China-Arab States Summit and a separate summit with the GCC, both chaired by the crown prince"
_BOTH_CHAIRED_BY = re.compile(r",\s*both\s+(?:chaired|hosted|opened|presided over)\s+by\s+")
_ATTEND_VERB = re.compile(r"(?:,\s*who\s+)?(?:also\s+)?(?P<verb>addressed|attended|joined|chaired|is attending|"
                          r"will attend|(?:is|are|was|were)\s+(?:also\s+)?expected to attend|took part in|"
                          r"participated in)\s+"
                          r"(?:the|this|that)\s+(?:[\w-]+\s+){0,6}?(?i:summit|meeting|session|gathering|conference|forum|"
                          r"talks)\b|"
                          r"(?:,\s*who\s+)?(?:also\s+)?joined\s+(?:by|via)\s+video|"
                          # "Blinken, who is in Capri, Italy, for a meeting of Group of Seven foreign ministers"
                          r"(?:,\s*who\s+)?(?:is|are|was|were)\s+in\s+[A-Z][^.;]{0,40}?\s+for\s+(?:a|the)\s+"
                          r"(?:[\w-]+\s+){0,6}?(?i:summit|meeting|gathering|conference|forum)\b")


def _summit_attendees(sentences: list[Sentence], by_sent: dict[int, list[Ment]], anchors: list[MeetingCand]) -> None:
    """"a virtual summit chaired by Modi. Raisi, who addressed the meeting by video link …; Xi and Putin, who also
    joined by video": the people the article places at the summit, told in its sentence and the two after it."""
    for i, a in enumerate(anchors):
        nxt = anchors[i + 1].sent if i + 1 < len(anchors) else len(sentences)
        for s in sentences[a.sent : min(a.sent + 3, nxt)]:
            ms = by_sent.get(s.index, [])
            found: list[Ment] = []
            if s.index == a.sent:
                ch = _CHAIRED_BY_PERSON.match(s.text[a.end - s.start :]) or _BOTH_CHAIRED_BY.search(
                    s.text, a.end - s.start)
                if ch:
                    found += _objects(s, ms, s.start + ch.end() if ch.re is _BOTH_CHAIRED_BY else a.end + ch.end(),
                                      max_gap=3)
            for vm in _ATTEND_VERB.finditer(s.text):
                found += _subjects(s, ms, s.start + vm.start(), allow_poss=False)
            if s.index == a.sent:
                wm = _WHICH_ATTEND.match(s.text, a.end - s.start)
                if wm:  # "the Caspian Summit, due in Ashgabat later this month, which Raisi and Putin will attend"
                    found += [m for m in ms if s.start + wm.start("who") <= m.start < s.start + wm.end("who")
                              and not m.modifier]
            keys = [m.key for m in found if m.etype == "person" and m.key]
            if keys:
                a.attended = True
            a.participants.extend(k for k in dict.fromkeys(keys) if k not in a.participants)


def _arrivals_for_summits(events: list[MeetingCand], summits: list[MeetingCand],
                          sentences: list[Sentence]) -> list[MeetingCand]:
    """"Xi, who also arrived in Kazan on Tuesday, addressed the summit": an arrival in a summit's city is its
    attendance, not a visit to the host."""
    out = []
    for e in events:
        # (arriving the day or two before the summit opens is still coming for it)
        summit = next((m for m in summits if m.place and m.place == e.place and (
            not m.date or not e.date or (e.date.first_day() <= (m.end_date or m.date).last_day()
                                         and m.date.first_day() <= (e.end_date or e.date).last_day()
                                         + dt.timedelta(days=2)))), None)
        s = sentences[e.sent]
        if (summit is None or e.kind != "state_visit" or e.explicit_visit or not e.visitor
                or not re.match(r"(?:arriv|land|flew|fly|travel)", s.text[e.start - s.start : e.end - s.start])):
            out.append(e)
            continue
        if e.visitor not in summit.participants:
            summit.participants.append(e.visitor)
    return out


# (also "The meeting was chaired by A and attended by a Saudi delegation headed by B")
_DELEGATE_CUE = re.compile(r"(?:(?:was|were)\s+(?:represented|headed|led|chaired)|(?<=delegation )(?:headed|led)|"
                           r"(?<=team )(?:headed|led))\s+by\s+|(?<![\w])(?:led|headed)\s+the\s+"
                           r"(?P<dem>[A-Z][\w-]+)\s+(?:team|delegation|side)\b")


def _named_delegates(sentences: list[Sentence], by_sent: dict[int, list[Ment]], events: list[MeetingCand],
                     pc: dict[str, str], g: Gazetteer) -> None:
    """"Diplomats from Iran, Pakistan and China met … The Iranian side was represented by A. Pakistan's delegation
    was headed by B, while C led the Chinese team": the countries' people, named in the next sentences."""
    for e in events:
        if len(e.participants) < 2 or not all(_country_of(k, g, {}) == k for k in e.participants):
            continue
        found: dict[str, str] = {}
        told = sorted({e.sent, *e.extra_sents})
        following = sorted({i for t in told for i in (t + 1, t + 2) if i < len(sentences)})
        for s in (sentences[i] for i in following):
            ms = by_sent.get(s.index, [])
            for cue in _DELEGATE_CUE.finditer(s.text):
                a, b = s.start + cue.start(), s.start + cue.end()
                clause = max(s.text.rfind(",", 0, cue.start()), s.text.rfind(";", 0, cue.start()), 0) + s.start
                if cue.group("dem"):  # "C, deputy director-general of …, led the Chinese team"
                    country = _country_word(cue.group("dem"))
                    person = next((m for m in reversed(ms) if m.end <= a and m.etype == "person" and m.key
                                   and m.kind in ("name", "alias", "surname")), None)
                else:  # "The Iranian side was represented by A", "Pakistan's delegation was headed by B"
                    person = next((m for m in ms if b <= _span_start(m) <= b + 3 and m.etype == "person" and m.key),
                                  None)
                    near = [m for m in ms if clause <= m.start and m.end <= a and m.etype == "country" and m.key]
                    country = near[-1].key if near else (pc.get(person.key or "") if person else None)
                if person and person.key and country in e.participants and country not in found:
                    found[country] = person.key
        if len(found) >= 2:
            e.participants = [found.get(k, k) for k in e.participants]
            e.unnamed = False


def _news_peg(sentences: list[Sentence], cands: list[MeetingCand], published: dt.date | None) -> None:
    """"… the two ministers announced Thursday. A and B signed a memorandum in Jakarta": an undated event told
    right after the lead happened on the lead's day."""
    if published is None:
        return
    body = [s for s in sentences if not s.headline][:3]
    peg: tuple[int, DateValue] | None = None
    for s in body:
        dl = _DATELINE_PREFIX.match(s.text)
        days = [e for e in time_expressions(s.text, published, None)
                if (not dl or e.start >= dl.end()) and e.kind == "point" and e.date
                and e.date.precision == "day" and 0 <= (published - e.date.first_day()).days <= 7]
        if days:
            peg = (s.index, days[0].date)  # type: ignore[assignment]
            break
    if peg is None:
        return
    for c in cands:
        if c.date is None and c.status == "happened" and peg[0] < c.sent <= peg[0] + 2:
            c.date = peg[1]


_EVENT_HEAD = (r"(?:[Ss]ummit|[Mm]inisters[’']?\s+[Mm]eeting|[Mm]inisterial(?:\s+[Mm]eeting)?|[Ff]orum|[Cc]onference|"
               r"[Aa]ssembly|[Gg]athering)")
# a summit's name: capitalised words, ordinals, durations and the ministries of a ministerial ("SCO foreign ministers’")
_EVENT_WORD = (r"(?:[A-Z0-9][\w’'.&-]*|\([A-Z][\w-]*\)|annual|virtual|video|[\w]+-day|foreign|defen[cs]e|finance|"
               r"trade|energy|economic|health|leaders[’']?|heads|of|state|government|and)")
_SUMMIT_MENTION = re.compile(
    r"(?<![\w-])(?:(?:[Tt]he|[Aa]n?|[Tt]his|[Ii]ts)\s+)?(?P<name>(?:" + _EVENT_WORD + r"\s+){0,6}?" + _EVENT_HEAD
    + r")(?![\w-])")
_SIDELINES = re.compile(r"(?<![\w])(?:[Oo]n|[Aa]t|[Ii]n)\s+the\s+(?:sidelines|margins)(?:\s+of\s+(?:the\s+|a\s+|an\s+)?"
                        r"(?P<name>(?:" + _EVENT_WORD + r"\s+){0,6}?" + _EVENT_HEAD + r"))?")
_OPENING = re.compile(r"(?<![\w])(?:open(?:ed|s|ing)?|beg(?:an|ins|in)|kick(?:ed|s)? off|convened?|got under way|"
                      r"(?:was|is|were|are|being) held|runs|ran|closed|ended|hosted|hosts)(?![\w])", re.IGNORECASE)
_MINISTERS_OF = re.compile(r"(?<![\w])(?:meeting|gathering|session|conference)\s+of\s+(?:the\s+)?"
                           r"(?P<tail>(?:[A-Z][\w’'-]*\s+|\([A-Z][\w-]+\)\s+|of\s+(?=[A-Z])){1,7}(?:(?:foreign|defen[cs]e|finance|trade|energy|interior|economy|"
                           r"security|health|agriculture)\s+)?ministers)(?![\w’'])")
_GENERIC_EVENT = {"summit", "the summit", "meeting", "forum", "conference", "gathering", "assembly"}


_ATTENDED_SUMMIT = re.compile(
    r"(?<![\w])(?P<verb>attended|attends|attending|took part in|takes part in|participated in)\s+(?:a|an|the)\s+"
    r"(?P<name>(?:[\w+-]+\s+){0,3}?(?:summit|conference|forum)(?:\s+of\s+(?:the\s+)?(?:[A-Z0-9][\w+-]*\s*){1,4})?)"
    r"[^.;]{0,60}?\s(?:together with|alongside|along with|with)\s+")


_TOOK_PART = re.compile(r"(?P<name>(?:[\w-]+\s+){0,3}?(?:summit|conference|forum))\b[^.;]{0,60}?\s(?:in which|at which|"
                        r"where)\s+(?:both\s+)?")


def _attended_summits(sentences: list[Sentence], by_sent: dict[int, list[Ment]], known: list[MeetingCand],
                      published: dt.date | None, g: Gazetteer, pc: dict[str, str]) -> list[MeetingCand]:
    """"Putin attended a summit of the Astana format together with Raisi and Erdogan": the summit and who was there."""
    out: list[MeetingCand] = []
    for s in sentences:
        if "summit" not in s.text and "onference" not in s.text and "orum" not in s.text:
            continue
        ms = by_sent.get(s.index, [])
        for am in _TOOK_PART.finditer(s.text):
            # "a virtual summit hosted by India in which both Raisi and Xi took part": who was there
            objs = [o for o in _objects(s, ms, s.start + am.end(), max_gap=3) if o.etype == "person" and o.key]
            keys = list(dict.fromkeys(o.key for o in objs if o.key))
            tail = s.text[objs[-1].end - s.start :] if objs else ""
            if len(keys) < 2 or not re.match(r"\s+(?:also\s+)?(?:took part|participated|were present)\b", tail) \
                    or any(k.kind == "summit" and set(keys) <= set(k.participants) for k in known):
                continue
            mc = MeetingCand("summit", keys, s.index, "meeting.summit.took_part", s.start + am.start(),
                             s.start + am.end(), name=am.group("name"), confidence=0.6)
            mc.date, mc.end_date = _date_for(s, mc.start, published, tense_of(s.text), None)
            out.append(mc)
        for am in _ATTENDED_SUMMIT.finditer(s.text):
            if not_an_event(s.text, am.start(), am.end("verb"), am.group("verb")):
                continue
            subj = _subjects(s, ms, s.start + am.start(), allow_poss=False)
            objs = _objects(s, ms, s.start + am.end(), max_gap=3)
            keys = _keys([*subj, *objs], known, [], g, pc)
            if len(keys) < 3 or any(k.kind == "summit" and set(keys) <= set(k.participants) for k in known):
                continue
            mc = MeetingCand("summit", keys, s.index, "meeting.summit.attended", s.start + am.start(),
                             s.start + am.end(), name=am.group("name"), confidence=0.6)
            mc.date, mc.end_date = _date_for(s, mc.start, published, tense_of(s.text), None)
            mc.place = _place_in(s, ms, g, mc.start) or next(
                (k.place for k in known if k.sent == s.index and k.place), None)
            if mc.date and published and mc.date.first_day() > published:
                mc.status = "scheduled"
            out.append(mc)
    return out


def _event_name(raw: str) -> str:
    words = raw.split()
    while len(words) > 1 and words[0].lower() in {"of", "and", "state", "government", "heads"}:
        words = words[1:]
    # drop leading ordinals, adjectives of time and articles: "the annual African Union summit" → "African Union summit"
    while len(words) > 1 and (words[0].lower() in {"the", "a", "an", "annual", "this", "year's", "year’s", "latest",
                                                   "upcoming", "two-day", "three-day", "one-day", "four-day", "recent",
                                                   "first", "second", "last", "next"}
                              or re.fullmatch(r"\d+(?:st|nd|rd|th)|[\w-]+-day", words[0].lower())):
        words = words[1:]
    return " ".join(words)


_ACCEPTED = re.compile(r"(?<![\w])(?:accepted|accepts|has accepted|agreed to (?:come|visit|travel))(?![\w])")
_NOT_ACCEPTED = re.compile(r"(?:\bnot\b|\bwhether\b|\bif\b|\bno word\b)[^.;]{0,40}$")


_INVITED_TO = re.compile(r"(?<![\w])(?:invited|invites|inviting)\s+(?P<who>(?:(?!\bto\b)[^.;,]){3,60}?)"
                         r"\s+to\s+(?=[A-Z])")


def _invited_to_place(s: Sentence, ms: list[Ment], cands: list[MeetingCand], g: Gazetteer,
                      pc: dict[str, str]) -> None:
    """"King Salman had sent a letter inviting President Raisi to Riyadh": a visit to the place, kept only when the
    invitation was accepted (checked with the other invitations)."""
    for im in _INVITED_TO.finditer(s.text):
        if any(c.sent == s.index and c.invited for c in cands):
            return
        a = s.start + im.start("who")
        guests = [m for m in _objects(s, ms, a, max_gap=3) if m.etype == "person" and m.key]
        dest = next((m for m in ms if m.start == s.start + im.end() and m.key), None)
        if not guests or dest is None or any(c.sent == s.index and guests[0].key in c.participants for c in cands):
            continue
        e = g.entity(dest.key)
        country = dest.key if e and e.type == "country" else (e.country if e else None)
        if dest.kind == "metonym" and dest.etype == "country":
            country = dest.key
        if not country or _country_of(guests[0].key, g, pc) == country:
            continue
        inviters = [m for m in ms if m.etype == "person" and m.key and m.end <= s.start + im.start()
                    and m.kind in ("name", "alias", "surname", "role")
                    and s.start + im.start() - m.end <= 60 and _country_of(m.key, g, pc) == country]
        if not inviters:  # "King Salman … inviting": a person of no known country named just before
            inviters = [m for m in ms if m.etype == "person" and m.key and m.kind in ("name", "alias")
                        and m.end <= s.start + im.start() and s.start + im.start() - m.end <= 60
                        and not _country_of(m.key, g, pc)]
        host = inviters[-1].key if inviters else country
        place = dest.place or (dest.key if dest.etype == "place" else None)
        mc = MeetingCand("state_visit", [guests[0].key or "", host], s.index, "meeting.invited_to", a,
                         s.start + im.end(), host=host, visitor=guests[0].key, place=place, confidence=0.5)
        mc.status, mc.invited = "scheduled", True
        cands.append(mc)


def _accepted(sentences: list[Sentence], si: int) -> bool:
    for s in sentences[si : si + 2]:
        for m in _ACCEPTED.finditer(s.text):
            if not _NOT_ACCEPTED.search(s.text[: m.start()]):
                return True
    return False


def _summits(sentences: list[Sentence], by_sent: dict[int, list[Ment]], events: list[MeetingCand],
             published: dt.date | None, g: Gazetteer, dateline_place: str | None) -> list[MeetingCand]:
    """A named summit or multilateral meeting is an event of its own: the people met on its sidelines attend it."""
    anchors: list[MeetingCand] = []
    def anchor_for(name: str | None) -> MeetingCand | None:
        if name and _event_name(name).lower() not in _GENERIC_EVENT:
            key = _event_name(name).lower()
            for a in anchors:
                an = (a.name or "").lower()
                if an and (an == key or an.endswith(key) or key.endswith(an)):
                    return a
            return None
        return anchors[-1] if anchors else None
    by_index = {s.index: s for s in sentences}
    for s in sentences:
        low = s.text.lower()
        if "ministers" in low:
            for mm in _MINISTERS_OF.finditer(s.text):
                # "a gathering of Shanghai Cooperation Organization (SCO) defense ministers": a named ministerial
                tail = re.sub(r"\s+", " ", mm.group("tail")).strip()
                acr = re.search(r"\(([A-Z][\w-]+)\)", tail)
                body = acr.group(1) + tail[acr.end():] if acr else tail
                name = f"{body} meeting"
                if anchor_for(name) is None:
                    a = MeetingCand("summit", [], s.index, "meeting.summit.ministers", s.start + mm.start(),
                                    s.start + mm.end(), name=name, confidence=0.55)
                    a.place = _place_in(s, by_sent.get(s.index, []), g, s.start + mm.start())
                    # "… foreign ministers that opens on Wednesday": the meeting's own clause dates it
                    op = re.match(r"\s*,?\s*(?:that|which)\s+(?P<v>opens|begins|starts|will open|is due to open|"
                                  r"opened|began|started)\b", s.text[mm.end():])
                    if op:
                        tense = "past" if op.group("v") in ("opened", "began", "started") else "future"
                        after = [x for x in time_expressions(s.text, published, tense)  # type: ignore[arg-type]
                                 if x.date and x.start >= mm.end() and x.kind in ("point", "range")]
                        if after:
                            a.date, a.end_date = after[0].date, after[0].end_date
                            a._dated_by_opening = True  # type: ignore[attr-defined]
                    anchors.append(a)
        if not any(w in low for w in ("summit", "sidelines", "margins", "ministerial", "forum", "conference")):
            continue
        side = _SIDELINES.search(s.text)
        for m in _SUMMIT_MENTION.finditer(s.text):
            name = _event_name(m.group("name"))
            if name.lower() in _GENERIC_EVENT and not _OPENING.search(s.text):
                continue
            if re.match(r"\s+(?:of|on)\b", s.text[m.end():]) and "summit" not in name.lower():
                continue  # "a conference on …", "the forum of …": not an event name we can trust
            a = anchor_for(name if name.lower() not in _GENERIC_EVENT else None)
            is_opening = bool(_OPENING.search(s.text[max(0, m.start() - 40) : m.end() + 40]))
            if a is None and (is_opening or (side and side.start("name") == m.start("name"))
                              or name.lower() not in _GENERIC_EVENT):
                if name.lower() in _GENERIC_EVENT and not is_opening:
                    continue
                a = MeetingCand("summit", [], s.index, "meeting.summit", s.start + m.start(), s.start + m.end(),
                                name=name if name.lower() not in _GENERIC_EVENT else None, confidence=0.6)
                anchors.append(a)
            if a is None:
                continue
            if is_opening and (a.date is None or a.sent != s.index) and not getattr(a, "_dated_by_opening", False):
                tense = tense_of(s.text)
                exprs = [x for x in time_expressions(s.text, published, tense)  # type: ignore[arg-type]
                         if x.kind in ("point", "range") and x.date]
                after = [x for x in exprs if x.start >= m.start()]
                pick = after[0] if after else (exprs[-1] if exprs else None)
                d, e = (pick.date, pick.end_date) if pick else (None, None)
                if d:
                    a.date, a.end_date = d, e
                    a._dated_by_opening = True  # type: ignore[attr-defined]
                dur = re.search(r"(\w+)-day\s+(?:\w+\s+){0,4}?" + _EVENT_HEAD, s.text, re.IGNORECASE)
                if dur:
                    _apply_duration(a, dur.group(1))
                a.place = a.place or _place_in(s, by_sent.get(s.index, []), g, s.start + m.start())
    if not anchors and not any((("sidelines" in s.text or "margins" in s.text) and _SIDELINES.search(s.text))
                               or _AT_THE_SUMMIT.match(s.text) for s in sentences):
        return []
    # sideline meetings: their participants attend the summit
    for ev in events:
        if ev.status != "happened" or ev.kind in ("phone_call", "video_call", "summit"):
            continue
        sents = [ev.sent, *ev.extra_sents]
        side = next((m for i in sents for m in [_SIDELINES.search(by_index[i].text)] if m), None)
        if not side:
            continue
        a = anchor_for(side.group("name"))
        if a is None:
            name = _event_name(side.group("name")) if side.group("name") else None
            if not name or name.lower() in _GENERIC_EVENT:
                continue
            a = MeetingCand("summit", [], ev.sent, "meeting.summit.sidelines", ev.start, ev.end, name=name,
                            confidence=0.6)
            anchors.append(a)
        for k in ev.participants:
            if k not in a.participants:
                a.participants.append(k)
        if a.date is None:
            a.date, a.end_date = ev.date, ev.end_date
        a.place = a.place or ev.place
    for s in sentences:
        # "At the summit of the ECO in Ashgabat in November 2021, A, B and C attended …": the clause's people were there
        lead = _AT_THE_SUMMIT.match(s.text)
        if not lead:
            continue
        ms = by_sent.get(s.index, [])
        people = _leading_people(s, ms, s.start + lead.end())
        if people:
            # "At Thursday's board meeting, China's envoy A said …, while Russia's representative B accused …"
            people += [m.key for m in ms if m.etype == "person" and m.key and not m.modifier and not m.in_quote
                       and m.key not in people and re.search(r"(?:,\s*while|;|,\s*and)\s+(?:[\w’'-]+\s+){0,4}$",
                                                              s.text[: _span_start(m) - s.start])]
        if len(people) < 2:
            continue
        a = next((x for x in anchors if x.sent == s.index), None)
        if a is None:
            a = MeetingCand("summit", [], s.index, "meeting.summit.at", s.start + lead.start("head"),
                            s.start + lead.end("head"), name=None, confidence=0.6)
            a.date, a.end_date = _date_for(s, a.start, published, tense_of(s.text), None)
            a.place = _place_in(s, ms, g, a.start)
            anchors.append(a)
        a.participants.extend(k for k in people if k not in a.participants)
    _summit_attendees(sentences, by_sent, anchors)
    out = []
    for a in anchors:
        if len(a.participants) < 2 and not (a.participants and a.name and a.attended):
            continue  # (one named attendee is enough for a named summit the text places him at)
        if a.date is None and a.attended:
            s = by_index[a.sent]  # "on July 4, at a virtual summit chaired by …": the summit's own sentence dates it
            a.date, a.end_date = _date_for(s, a.start, published, tense_of(s.text), None, a.end)
            trip = next((e for e in reversed(events) if e.kind == "state_visit" and e.sent < a.sent and e.date),
                        None) if _DURING_TRIP.match(s.text) else None
            if a.date is None and trip:
                a.date = trip.date  # "During the trip, Xi attended the first China-Arab States Summit"
                a.place = a.place or trip.place
        if a.date and published and a.date.first_day() > published:
            a.status = "scheduled"
        if _SUMMIT_AHEAD.match(by_index[a.sent].text, a.end - by_index[a.sent].start):
            a.status = "scheduled"  # "the Caspian Summit, due to be held in Ashgabat later this month"
        if not a.place and dateline_place and a.status == "happened":
            a.place = dateline_place
        out.append(a)
    return out


_SUMMIT_AHEAD = re.compile(r"[^.;]{0,40}?\b(?:(?:is|are)\s+)?(?:due|set|scheduled|expected)\s+to\s+be\s+held\b|"
                           r"[^.;]{0,120}?\b(?:(?:is|are)\s+expected\s+to|will)\s+attend\b")
_DURING_TRIP = re.compile(r"\s*(?:During|On)\s+(?:the|his|her|their|that)\s+(?:trip|visit|tour|stay)\b")
_AT_THE_SUMMIT = re.compile(r"\s*(?:At|During)\s+(?:the\s+|a\s+)?[^,;.]{0,60}?"
                            r"(?P<head>(?i:summit|board meeting|council meeting|ministerial meeting))(?![\w-])"
                            r"[^,;.]{0,80},\s*")


def _leading_people(s: Sentence, ms: list[Ment], pos: int) -> list[str]:
    """The people coordinated right at ``pos``: "Raisi, Turkmen President X and Azerbaijani President Y"."""
    people = [m for m in ms if _span_start(m) >= pos and m.etype == "person" and m.key and not m.modifier]
    if not people or _span_start(people[0]) - pos > 3:
        return []
    out = [people[0]]
    for m in people[1:]:
        if not _COORD_GAP.fullmatch(s.text[out[-1].end - s.start : _span_start(m) - s.start]):
            break
        out.append(m)
    return list(dict.fromkeys(m.key for m in out if m.key))


# an adverbial (a time, a medium, a place) or, after "co-chair", the body chaired; then "with" or "between"
_LATER_PARTNER = re.compile(
    r"(?P<skip>(?:,?\s+(?:(?:on|last|this|early|late|earlier|later|again|separately|also|briefly|privately|"
    r"by|via|over|through|in|at|during|for)\b(?:\s+(?!(?:with|between|to|about|that|which|who)\b)[\w’'.-]+){0,5}|"
    r"the\s+(?:[\w’'-]+\s+){0,5}?(?:commission|committee|session|meeting|council|forum|dialogue|talks)))"
    r"{1,3}?),?\s+(?P<prep>with|between)\s", re.IGNORECASE)


_DEMONYM_GROUP = re.compile(r"(?:[A-Z][\w-]+(?:\s[A-Z][\w-]+)?,\s+)*[A-Z][\w-]+(?:\s[A-Z][\w-]+)?,?\s+and\s+"
                            r"[A-Z][\w-]+(?:\s[A-Z][\w-]+)?\s+(?:government\s+|trade\s+|foreign\s+ministry\s+|"
                            r"military\s+|senior\s+|top\s+)?(?:officials|delegations|delegates|negotiators|teams|"
                            r"diplomats|envoys|representatives|authorities)(?![\w-])")
_MEDIUM = re.compile(r"[^.;:“\"]{0,100}?(?<![\w])(?:by|via|over(?:\s+the)?|on\s+the|through(?:\s+a)?)\s+"
                    r"(?P<m>video(?:\s*link|\s*conference|\s*call)?|videoconference|virtual\s+link|phone|telephone)"
                    r"(?![\w-])", re.IGNORECASE)
_HOSTED_EVENT = re.compile(
    r"\s+(?:the|a|an|this|next|its|their)\s+(?:[\w’'-]+\s+){0,5}?(?:summit|conference|forum|games|championships?|"
    r"tournament|exhibition|expo|festival|ceremony|event|session|assembly|congress|talks|round|negotiations|"
    r"olympics|cup|fair|meetings?|gathering|dialogue|consultations)(?![\w-])", re.IGNORECASE)


# words that open a clause with a subject of its own between a sentence's subject and a later verb
_OWN_CLAUSE = re.compile(r"(?<![\w])(?:said|says|say|told|tells|added|noted|stated|announced|reported|according|"
                         r"believes?|believed|thinks?|thought|hopes?|hoped|expects?|expected|denied|confirmed|"
                         r"who|whom|which|when|while|after|before|since|because|if|where|whose|but|amid|"
                         r"following)(?![\w])|[;:“\"]", re.IGNORECASE)
# "While welcoming X, …", "In a phone call with X, …": a leading clause whose subject follows the comma
_LEADING_CLAUSE = re.compile(r"\s*(?:(?:while|after|before|when|upon)|(?P<prep>(?:in|during|at|after|following)\s+"
                             r"(?:a|an|the|their|his|her|its)(?:\s+[\w-]+)?))?\s*$", re.IGNORECASE)


_AND_THEN = re.compile(r"(?:\s+(?:on|in|at|last|this|later|earlier|the|that|today|yesterday)(?:\s+[\w’'-]+){1,3}?)?"
                       r"(?:\s*,[^,;:]{1,90},)?"
                       r"(?:\s*,?\s*and|\s*,)\s+(?:also\s+|then\s+|later\s+|separately\s+|briefly\s+)?"
                       r"(?:was\s+|were\s+|had\s+been\s+|has\s+been\s+)?")


_PASSIVE_BY = re.compile(r"(?<![\w])(?:was|were|had been|has been|have been)\s+(?:\w+ly\s+)?\w+(?:ed|en)\b"
                         r"[^,;:]{0,60}?\s+by\s+(?:[\w’'.-]+\s+){0,6}?$")


def _subject_of_earlier_verb(s: Sentence, ms: list[Ment], subj: list[Ment], a: int,
                             cands: list[MeetingCand]) -> list[Ment]:
    """"He held talks with A and met B": the partner of the earlier verb is not the subject of the later one; its
    subject is."""
    if len(subj) != 1 or not subj[0].key or not _AND_THEN.fullmatch(s.text[subj[0].end - s.start : a - s.start]):
        return subj
    prev = next((c for c in reversed(cands) if c.sent == s.index and c.end <= subj[0].start and c.subject_keys
                 and subj[0].key in c.participants and subj[0].key not in c.subject_keys), None)
    if prev is None:
        # "He was received at the airport by Prime Minister X and held talks with Y": the passive's subject
        passive = _PASSIVE_BY.search(s.text[: _span_start(subj[0]) - s.start])
        if passive:
            before = [m for m in ms if m.end <= s.start + passive.start() and is_actor(m) and not m.modifier
                      and m.etype in ("person", "group", "country")]
            if before and not _OWN_CLAUSE.search(s.text[before[-1].end - s.start : passive.start()]):
                return before[-1:]
        return subj
    earlier = [m for m in ms if m.key in prev.subject_keys and m.end <= prev.start]
    return earlier[-1:] or subj


def _hosted_by_earlier(s: Sentence, ms: list[Ment], a: int, b: int, cands: list[MeetingCand], g: Gazetteer,
                       people_country: dict[str, str]) -> bool:
    """"talks in Beijing between A and B, hosted by Wang Yi": the host joins the meeting just told."""
    if not re.fullmatch(r".*,\s*", s.text[: a - s.start], re.DOTALL) or not re.match(r"\s+by\s", s.text[b - s.start :]):
        return False
    earlier = next((c for c in reversed(cands) if c.sent == s.index and c.end <= a), None)
    if earlier is None:
        return False
    by = re.match(r"\s+by\s+", s.text[b - s.start :])
    hosts = _keys(_objects(s, ms, b + by.end(), max_gap=45), cands, [], g, people_country) if by else []
    if not hosts:
        return False
    earlier.participants.extend(k for k in hosts if k not in earlier.participants)
    earlier.host = hosts[0]
    return True


_WENT_FOR = re.compile(r"(?<![\w])(?:visited|visits|arrived in|travel(?:l)?ed to|flew to|went to|came to)\s+"
                       r"[^,;:.]{1,60}?\s+for\s+(?:a\s+|the\s+)?(?:[\w-]+\s+)?$")
_IN_THE_CAPITAL = re.compile(r"\s*the\s+(?P<dem>[A-Z][\w-]+)\s+capital(?![\w-])")
_IN_WHICH = re.compile(r"[^,.;:]{0,40}?(?<![\w])(?:in|during|at|on)\s+which\s+")


def _read_trigger(s: Sentence, ms: list[Ment], trig: _Trigger, tm: re.Match[str], a: int, b: int,
                  cands: list[MeetingCand], recent: list[Ment], g: Gazetteer,
                  people_country: dict[str, str]) -> MeetingCand | None:
    text = tm.group().lower()
    if trig.host_subject and _hosted_by_earlier(s, ms, a, b, cands, g, people_country):
        return None
    if trig.subject_clause and text.startswith(("discuss", "review", "exchanged views")) and any(
            c.sent == s.index and c.end <= a for c in cands):
        return None  # "held consultations with Qazi, during which the two sides reviewed …": what the meeting did
    if text in ("meeting", "meetings") and cands and _DEFINITE_BEFORE.search(s.text[: a - s.start]) and not re.match(
            r"\s+(?:with|between|of|on the sidelines|in|at)\b", s.text[b - s.start :]):
        return None  # "Rubio wrote that the Beijing meeting showed …": the meeting told before, named again
    # "Berg's meeting with X", "the two ministers' talks": the possessor is the subject of a meeting noun
    subj = _subjects(s, ms, a, allow_poss=trig.visit or text.startswith(("meeting", "talks", "phone", "telephone",
                                                                         "video")))
    # "While welcoming X, Ankara called…": the subject follows the participial clause
    pre = s.text[: a - s.start]
    dl = _DATELINE_PREFIX.match(pre)  # "HANOI, Nov 8 (Wire) - In a call with X, Y …"
    lead = _LEADING_CLAUSE.match(pre[dl.end() :] if dl else pre) if not subj else None
    if lead and (not lead.group("prep") or re.match(r"\s+with\s", s.text[b - s.start :])):
        # (a prepositional lead needs its partner: "In a phone call with X, Y said"; "In the call, …" refers back)
        comma = s.text.find(",", b - s.start)
        if comma > 0:
            after = [m for m in ms if m.start > s.start + comma and is_actor(m) and not m.modifier]
            subj = after[:1]
    subj = _subject_of_earlier_verb(s, ms, subj, a, cands)
    went = _WENT_FOR.search(s.text[: a - s.start])
    if went:
        # "visited Islamabad in late January for talks with Jilani": the visitor holds the talks
        visitor = [m for m in _subjects(s, ms, s.start + went.start(), allow_poss=False) if m.etype == "person"]
        if visitor:
            subj = visitor[-1:]
    if len(subj) == 1 and subj[0].etype == "group" and subj[0].head == "they":
        # "A and B announced the plan when they held talks in Wuxi": "they" are the sentence's pair
        pair = [m for m in _clause_subjects(s, ms) if m.end <= subj[0].start]
        if len(pair) >= 2:
            subj = pair
    if trig.kind == "summit" and subj and re.search(r",|(?<![\w])(?:of|at|to|for|from|before|after)\s+(?:the\s+)?$",
                                                    s.text[subj[-1].end - s.start : a - s.start]):
        subj = []  # "meetings with A and B on Thursday, the last day of the summit": not the summit's own people
    objs = _objects(s, ms, b)
    between = re.match(r"\s*(?:with|between|by)\s" if trig.kind != "phone_call" else r"\s*(?:with|between|from)\s",
                       s.text[b - s.start :])
    if between and not objs:
        objs = _objects(s, ms, b + between.end(), max_gap=45)
    if not objs and not trig.visit and trig.kind != "summit":
        # "spoke by phone on Tuesday with X", "meeting on Monday, between A and B", "co-chair the joint committee
        # with X": the partner after an adverbial (or the chaired body)
        later = _LATER_PARTNER.match(s.text[b - s.start :])
        if later and not any(is_actor(m) and not m.modifier and b <= m.start < b + later.start("prep") for m in ms):
            objs = _objects(s, ms, b + later.end(), max_gap=45)
            if objs:
                between = later
    if trig.subject_clause:
        if objs or between:
            pass
        else:
            subj = _clause_subjects(s, ms) or _subject_with_partner(s, ms, a) or _pair_before(s, ms, a)
            if not subj:
                # "The two sides agreed to hold the next round …": read the group here without fixing whom it means
                # for the rest of the article (statements resolve it against the meeting in context)
                # (a group resolved already is used as it is: "The two foreign ministers had last spoken …")
                subj = [x if x.keys else copy.copy(x) for x in _sentence_subject(s, ms, a)[:1] if x.etype == "group"]
            if text.startswith(("discuss", "review", "exchanged views")) and not all(m.etype == "person" for m in subj):
                return None  # "Iran and China discussed …" is a position; two people discussing met
    elif not subj and (text.startswith("to ") or re.search(r"(?<![\w])to\s+(?:again\s+)?$", s.text[: a - s.start])):
        # "The three leaders signed a declaration and agreed to meet again": the subject of the sentence
        subj = _sentence_subject(s, ms, a)
    elif not subj and objs and not trig.visit:
        # "On Tuesday she was welcomed with a salute, laid a wreath and held talks with Hieu": the subject of a
        # coordinated verb phrase, when nothing between it and the trigger opens a clause of its own
        head = _sentence_subject(s, ms, a)
        # (an apposition between commas is no clause: "paid a state visit to Tehran, his first since 2020, and was
        # received by X")
        stretch = re.sub(r",[^,;]{1,70},", ",", s.text[head[-1].end - s.start : a - s.start]) if head else ""
        if head and not _OWN_CLAUSE.search(stretch):
            subj = head
    clause = _IN_WHICH.match(s.text[b - s.start :]) if not trig.visit else None
    if clause and all(o.start >= b + clause.end() for o in objs):
        # "a phone conversation in August in which Wang congratulated Araghchi": the people of the clause
        lo, hi = b + clause.end(), b + clause.end() + len(re.split(r"[,;:.]", s.text[b - s.start + clause.end() :])[0])
        inside = [m for m in ms if lo <= m.start < hi and m.etype == "person" and m.key and not m.modifier]
        if len({m.key for m in inside}) >= 2:
            subj, objs = inside[:1], [m for m in inside[1:] if m.key != inside[0].key][:1]
    if trig.needs_person_object and not any(o.etype in ("person", "group") for o in objs):
        return None
    if trig.needs_object and not objs:
        return None
    if trig.host_subject and objs and re.match(r"(?:’s|'s)(?![\w])", s.text[objs[0].end - s.start :]):
        return None  # "welcomed X's remarks": a thing of X, not X as a guest
    if trig.host_subject and _HOSTED_EVENT.match(s.text[b - s.start :]):
        return None  # "hosted the African Union summit", "will host the next round of talks": an event, not a guest
    # "called Peru “a reliable friend”", "called Lima a friend": naming, not phoning
    if trig.kind == "phone_call" and text in ("called", "phoned", "telephoned") and objs and re.match(
            r"\s*[\"“‘]|\s+(?:a|an|the|his|her|its|their|one|our)\s", s.text[objs[-1].end - s.start:]):
        return None
    host = visitor = None
    place = None
    if trig.visit:
        # "a visit by Pezeshkian to Moscow": a noun with its visitor after "by"
        # (or "of": "the visit of the President of Paraguay to Montevideo")
        by_visitor = re.match(r"\s+(?:by|of)\s+[^.;,]{1,80}?\s(?:to|in)\s+(?:the\s+)?", s.text[b - s.start :])
        verb_visit = text in ("visited", "visits", "to visit", "will visit", "would visit", "visit") and not by_visitor
        dest = None
        if not verb_visit and not text.endswith((" to", " in")):
            dest = by_visitor or re.match(r"\s*(?:a |an |his |her |their |the )?(?:[\w-]+ ){0,4}?(?:visit|trip|tour)?"
                                          r"\s*(?:to|in|for)\s+(?:the\s+)?", s.text[b - s.start :], re.IGNORECASE)
        pos = b + (dest.end() if dest else 0)
        objs = _objects(s, ms, pos, max_gap=60 if dest or text.endswith((" to", " in", " for")) else 3, places=True)
        near_city = next((m for m in ms if m.start >= pos), None)
        if near_city is not None and near_city.etype == "place" and near_city.start - pos <= 6 and \
                not (objs and objs[0].start <= near_city.start):
            objs = []  # "returned to Lima on Tuesday after talks in Chile": the destination is the city right after
        hosts = [o for o in objs if o.etype in ("country", "person")]
        cap = _IN_THE_CAPITAL.match(s.text[pos - s.start :]) if not hosts else None
        if cap and _country_word(cap.group("dem")) and (dest or text.endswith((" to", " in"))):
            # "arrived in the Pakistani capital": the country, placed in its capital
            ck = _country_word(cap.group("dem"))
            ce = g.entity(ck) if ck else None
            city = next((k for k, kind in g.surfaces.get(ce.capital, ()) if kind == "place"), None) \
                if ce and ce.capital else None
            hosts = [Ment(pos, pos + cap.end(), s.index, "metonym", "country", ck, ce.label if ce else "",
                          place=city)]
        if not hosts and not s.headline and (dest or verb_visit or text.endswith((" to", " in", " for"))):
            # "return to Santiago": a city stands for its country, which hosts
            city = next((m for m in ms if m.start >= pos and m.etype == "place" and m.key), None)
            ce = g.entity(city.key) if city and city.key else None
            if city and ce and ce.country and not re.search(r"[,;.]", s.text[pos - s.start : city.start - s.start]) \
                    and city.start - pos <= 60:
                hosts = [Ment(city.start, city.end, city.sent, "metonym", "country", ce.country,
                              g.entities[ce.country].label, place=city.key)]
        visitors = [m for m in subj if m.etype in ("person", "group", "country")]
        if by_visitor:
            # ("of the President of Paraguay": an office named by its country stands for the country)
            lead = re.match(r"\s+(?:by|of)\s+(?:the\s+(?:[A-Z][\w-]*\s+){1,4}of\s+(?:the\s+)?)?", by_visitor.group())
            visitors = [m for m in _objects(s, ms, b + len(lead.group()),
                                            max_gap=3, places=True) if m.etype in ("person", "country")]
        acc = _INVITATION_FROM.search(s.text[: a - s.start])
        if acc and trig.visit:
            # "X has accepted an invitation from King Y to visit Z": X visits, Y invited
            inviters = [m for m in subj if m.start - s.start >= acc.start("from")]
            guests = _subjects(s, ms, s.start + acc.start(), allow_poss=False)
            if guests and inviters:
                visitors = guests
        if not visitors:
            # "his visit", "Wei's visit": the possessor before the trigger
            poss = [m for m in ms if m.end <= a and m.etype == "person" and m.key and (a - m.end) <= 40]
            visitors = poss[-1:]
        if not visitors or not hosts:
            return None
        vkeys = _keys(visitors, cands, recent, g, people_country)
        hkey = hosts[0].key
        place_country = hkey
        if acc and trig.visit and visitors is not subj:
            ik = _keys([m for m in subj if m.start - s.start >= acc.start("from")][:1], cands, recent, g,
                       people_country)
            if ik and _country_of(ik[0], g, people_country) in (hkey, None):
                hkey = ik[0]  # the inviter hosts
        place = hosts[0].place or (place_country if hosts[0].etype == "country" else None)
        if hosts[0].kind == "metonym" and hosts[0].place:
            place = hosts[0].place
        host = hkey
        inv = re.search(r"(?:at the (?:invitation|request) of|invited by|hosted by)\s+", s.text, re.IGNORECASE)
        participants = list(vkeys)
        if inv:
            hp = [m for m in ms if m.start >= s.start + inv.end() and m.etype == "person" and m.key]
            if hp and hp[0].start - (s.start + inv.end()) < 60:
                host = hp[0].key
        elif hosts[0].etype == "country" and visitors and re.search(
                r"\binvit(?:ed|es|ing)\s+$", s.text[: _span_start(visitors[0]) - s.start]):
            # "X invited Y to visit Z": the inviter hosts, when the inviter is of Z
            inviter = _subjects(s, ms, _span_start(visitors[0]) - len(
                re.search(r"invit\w+\s+$", s.text[: _span_start(visitors[0]) - s.start]).group()), allow_poss=False)
            ik = _keys(inviter[:1], cands, recent, g, people_country) if inviter else []
            ic = _country_of(ik[0], g, people_country) if ik else None
            if ik and is_person_key(ik[0], g) and (ic == hkey or (
                    ic is None and all(_country_of(k, g, people_country) != hkey for k in vkeys))):
                host = ik[0]  # (an inviter of unknown country hosts a visitor from elsewhere)
        if hosts[0].etype == "country" and vkeys and all(_country_of(k, g, people_country) == hkey for k in vkeys):
            return None  # "returned to Kathmandu": a trip home is no visit
        if text.startswith("return") and not (vkeys and all(_country_of(k, g, people_country) for k in vkeys)):
            return None  # "returns to Kathmandu": home or abroad, the text does not say
        if host and host not in participants:
            participants.append(host)
        visitor = vkeys[0] if vkeys else None
        if len(participants) < 2:
            return None
        mc = MeetingCand("state_visit", participants, s.index, "meeting.visit", a, b, host=host, visitor=visitor,
                         place=place)
        mc.invited = bool(re.search(r"\binvit(?:ed|es|ing|ations?)\s+(?:\S+\s+){0,6}?(?:to\s+(?:visit|come|travel)|to)"
                                    r"\s*$", s.text[: a - s.start + (3 if text.startswith("to ") else 0)]))
        mc.explicit_visit = bool(re.search(r"state visit|official visit", s.text, re.IGNORECASE))
        return mc
    if ((between and between.group().strip().endswith("between")) or text.endswith(" between")) and len(objs) >= 2:
        subj = []  # "the two ministers' meeting, between A and B": the pair names every participant
    # "A and B held talks, a week after the two men spoke by telephone": the group may name people of this sentence
    here = [*recent, *(m for m in ms if m.end <= a and m.key and m.etype in ("person", "country") and not m.in_quote)]
    left = _keys(subj, cands, here, g, people_country)
    right = _keys(objs, cands, here, g, people_country)
    participants = [*left, *[k for k in right if k not in left]]
    if len(participants) < 2 and text.startswith(("meeting", "talks")) and re.search(
            r"(?<![\w])their\s+(?:[\w-]+\s+)?$", s.text[: a - s.start]):
        # "A and B spoke by phone, a week after their meeting in New York": "their" is the pair of the sentence
        pair = _keys(_clause_subjects(s, ms), cands, recent, g, people_country)
        if len(pair) >= 2:
            participants = pair
    if len(participants) == 1 and left and not right and re.search(
            r"(?<![\w])(?:during|in|at|over)\s+(?:a|an|the|their|his|her)\s+(?:[\w-]+\s+)?$", s.text[: a - s.start]):
        # "A told B during a phone call": the subject of the sentence and the person spoken to
        head = _sentence_subject(s, ms, a)
        hk = _keys(head[:1], cands, recent, g, people_country) if head else []
        if hk and hk[0] not in participants:
            participants = [hk[0], *participants]
    if len(participants) < 2:
        # "Peruvian and Chilean officials held talks", "talks between the Peruvian and Chilean delegations"
        dg = _DEMONYM_GROUP.search(s.text, max(0, a - s.start - 90), min(len(s.text), b - s.start + 90))
        if dg and (dg.end() <= a - s.start + 1 or dg.start() >= b - s.start - 1):
            cs = [m.key for m in ms if m.etype == "country" and m.key and dg.start() <= m.start - s.start < dg.end()]
            cs = list(dict.fromkeys(cs))
            if len(cs) >= 2 and not re.search(r"[.;:]", s.text[min(dg.end(), b - s.start) : max(dg.start(),
                                                                                               a - s.start)]):
                # "A met the heads of the Chinese and Russian delegations": A and the two countries
                participants = [*(k for k in participants if k not in cs), *cs]
    if len(participants) < 2:
        return None
    if len(participants) == 2 and any(_country_of(k, g, people_country) == o for k in participants
                                      for o in participants if o != k):
        return None  # "Amir-Abdollahian told reporters after the talks": a person and their own country
    rule = "meeting." + re.sub(r"[^a-z]+", "_", text.split()[0]).strip("_")
    kind = trig.kind
    medium = _MEDIUM.match(s.text[b - s.start :]) if kind in ("meeting", "talks") else None
    if medium and re.search(r"(?<![\w])(?:after|before|since|following|ahead of|when|while|until)(?![\w])",
                            medium.group()[: medium.start("m")]):
        medium = None  # "held talks in Cairo, a week after the two spoke by telephone": the call is another event
    if medium:  # "met with X by video link", "held talks over the phone"
        kind = "video_call" if re.match(r"video|virtual", medium.group("m"), re.IGNORECASE) else "phone_call"
    mc = MeetingCand(kind, participants, s.index, rule, a, b)
    mc.subject_keys = [k for k in left if k in participants]
    mc.unnamed = not s.headline and any(_unnamed_role(m) for m in [*subj, *objs])
    if any(m.etype == "group" and m.head in ("sides", "parties", "countries", "nations", "governments")
           for m in [*subj, *objs]):
        mc.side_countries = list(dict.fromkeys(c for k in participants for c in [_country_of(k, g, people_country)]
                                               if c))
    if trig.host_subject and left and right:
        mc.host, mc.visitor = left[0], right[0]
    if any(o.etype == "person" and re.search(r"visiting\s+$", s.text[: _span_start(o) - s.start]) for o in objs):
        v = next(o for o in objs if re.search(r"visiting\s+$", s.text[: _span_start(o) - s.start]))
        mc.visitor = v.key
        mc.host = left[0] if left else None
    return mc


def _finish(mc: MeetingCand, s: Sentence, ms: list[Ment], tm: re.Match[str], published: dt.date | None,
            tense: str, cands: list[MeetingCand], g: Gazetteer, dateline_place: str | None) -> None:
    a = mc.start
    prev = next((c for c in reversed(cands) if c.date), None)
    window_start = s.text.rfind(",", 0, max(0, a - s.start - 60))
    window = s.text[max(0, window_start) : mc.end - s.start + 20]
    planned = bool(_plan_cues(window) or (tense == "future" and _plan_cues(s.text[: mc.end - s.start])))
    if planned and _past_trigger(tm.group()):
        # "Ahead of the summit, X met Y": a past verb is planned only by a cue of its own clause ("had been due to")
        planned = any(not re.search(r"[,;]", s.text[c.end() : a - s.start]) and a - s.start - c.end() <= 30
                      for c in _plan_cues(s.text[: a - s.start]))
    if planned:
        mc.status = "scheduled"
    elif tense == "future" and _past_trigger(tm.group()):
        # "called X on Monday to discuss …": the trigger verb is past, whatever "to discuss" suggests
        tense = "past"
    mc.date, mc.end_date = _date_for(s, a, published, "future" if mc.status == "scheduled" else tense, prev,
                                     mc.end)
    held = next((c for c in reversed(cands) if c.date and c.status == "happened"), None)
    if mc.date is None and held and mc.status == "happened" and _DURING_PREV.search(s.text):
        mc.date, mc.end_date = held.date, held.end_date  # "On the sidelines of the meeting, Sun also held talks …"
    rel = _OFFSET_BEFORE.search(s.text[max(0, a - s.start - 40) : a - s.start])
    if rel and mc.date and mc.date.precision == "day":
        # "…on Wednesday, a week after their meeting": the meeting lies that long before the day named
        n = _NUM.get(rel.group("n").lower(), 1) if rel.group("n").lower() not in ("a", "an") else 1
        unit = {"day": 1, "week": 7, "month": 30}[rel.group("u").lower()]
        day = mc.date.first_day() - dt.timedelta(days=n * unit)
        mc.date, mc.end_date = (DateValue.of(day) if unit == 1 else DateValue.of(day, "month")), None
    if mc.date and published and mc.date.first_day() > published and mc.kind != "state_visit":
        mc.status = "scheduled"
    if mc.status == "scheduled" and mc.date and published and mc.date.last_day() < published:
        if _PAST_PLAN.search(window):
            mc.status = "happened"  # "was due to meet him on Monday", told afterwards
        else:
            mc.date, mc.end_date = None, None  # "spoke last Thursday and agreed to meet in the coming weeks"
    if mc.status == "scheduled" and len(mc.side_countries) >= 2 and _NEXT_ROUND.search(s.text):
        # "the two sides agreed to hold the next round of the strategic dialogue": the countries will meet, by
        # whoever they send
        mc.participants = list(mc.side_countries)
    if not mc.place and mc.kind not in ("phone_call", "video_call"):  # a call has no place
        mc.place = _place_in(s, ms, g, a)
        lead = _LEAD_PLACE.match(s.text)
        if not mc.place and lead:
            # "In Jeddah, Saudi Crown Prince X received Y": the place that opens the sentence
            mc.place = next((m.place or m.key for m in ms if m.start - s.start == lead.start(1) and
                             (m.etype == "place" or m.kind == "metonym")), None)
    mc.scope = _scope(s, a)
    side = re.search(r"on the sidelines of (?:the\s+)?((?:[\w’'-]+\s+){0,5}summit(?:\s+in\s+[A-Z]\w+)?)", s.text,
                     re.IGNORECASE)
    if side:
        mc.name = side.group(1)
    dur = re.search(r"(\w+)-day\s+(?:state\s+|official\s+|working\s+|private\s+)?(?:visit|trip|tour)", s.text,
                    re.IGNORECASE)
    if dur and mc.kind == "state_visit":
        ending = bool(re.match(r"(?:end|ends|ended|ending|conclude|concludes|concluded|concluding|wrap|wraps|wrapped|"
                               r"wrapping)\b", tm.group(), re.IGNORECASE)) or bool(re.search(
            # "wrapped up a three-day state visit": the verb before a trigger that is only the noun
            r"(?<![\w])(?:ended|ends|concluded|concludes|wrapped up|wraps up|wrapping up|wound up|winds up|rounded off)"
            r"\s+(?:(?:a|an|his|her|their|the|its)\s+)?(?:[\w-]+\s+){0,3}$", s.text[: a - s.start], re.IGNORECASE)) \
            or bool(re.search(
            # "paid a two-day visit to Doha that ended on Tuesday"
            r"^[^.;]{0,60}?\b(?:that|which)\s+(?:ended|concluded|wrapped up|ends|concludes)\b",
            s.text[mc.end - s.start :]))
        _apply_duration(mc, dur.group(1), ending)
    days = re.search(r"(?<![\w-])(\w+)[- ]days? of (?:talks|negotiations|consultations|meetings|discussions)\b", s.text,
                     re.IGNORECASE)
    if days and mc.kind != "state_visit":
        ending = bool(re.search(r"\b(?:ended|concluded|wrapped up|closed|ends|concludes|broke up)\b", s.text))
        _apply_duration(mc, days.group(1), ending)
    if not mc.place and dateline_place and mc.status == "happened" and mc.kind not in ("phone_call", "video_call") \
            and _near_publication(mc.date, published):
        mc.place = dateline_place
        mc.place_from_dateline = True


_SCOPE = re.compile(r"(?<![\w-])(?:(?P<bi>bilateral|one-on-one|two-way|tête-à-tête)|(?P<multi>trilateral|tripartite|"
                    r"quadrilateral|multilateral|three-way|four-way|three-nation|four-nation))(?![\w-])", re.IGNORECASE)


def _scope(s: Sentence, a: int) -> str | None:
    """"held a bilateral meeting", "hosted A and B for a trilateral meeting": the nearest scope word after it."""
    m = _SCOPE.search(s.text, a - s.start, a - s.start + 140)
    if not m:
        # "Ashourzadeh and Liang held a separate meeting": apart from the plenary told before
        return "bilateral" if re.match(r"[\w\s]{0,30}?\bseparate\s+(?:meeting|talks|session)", s.text[a - s.start:]) \
            else None
    return "bilateral" if m.group("bi") else "multilateral"


_OFFSET_BEFORE = re.compile(r"(?<![\w])(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
                            r"(?P<u>day|week|month)s?\s+after\s+(?:the|their|his|her|its|a|an)\s+(?:[\w-]+\s+)?$",
                            re.IGNORECASE)


def _near_publication(date: DateValue | None, published: dt.date | None) -> bool:
    """The dateline places the news of the day, not a meeting of months or years before."""
    if date is None or published is None:
        return True
    return date.precision == "day" and abs((date.first_day() - published).days) <= 7


_PAST_TRIGGER_WORDS = {"met", "held", "spoke", "paid", "made", "flew", "took", "began", "talked", "phoned", "called",
                       "telephoned", "received", "hosted", "welcomed", "visited", "arrived", "landed", "exchanged"}


def _past_trigger(trigger: str) -> bool:
    words = trigger.split()
    return bool(words) and words[0].lower() in _PAST_TRIGGER_WORDS


def _apply_duration(mc: MeetingCand, word: str, ending: bool = False) -> None:
    """"a three-day visit" from its first day; "ended a three-day visit on Friday" back from its last day."""
    n = _NUM.get(word.lower()) or (int(word) if word.isdigit() else None)
    if n and not (mc.date and mc.date.precision == "day"):
        mc.days = n  # (applied once the arrival day is told: "arrived in Baku on Wednesday")
    if n and mc.date and mc.date.precision == "day" and not mc.end_date:
        if ending:
            mc.end_date = mc.date
            mc.date = DateValue.of(mc.date.first_day() - dt.timedelta(days=n - 1))
        else:
            mc.end_date = DateValue.of(mc.date.first_day() + dt.timedelta(days=n - 1))


def _visiting_object(s: Sentence, ms: list[Ment], cands: list[MeetingCand], published: dt.date | None, tense: str,
                     g: Gazetteer, dateline_place: str | None, used: list[tuple[int, int]]) -> None:
    """"X told the visiting Y …": a meeting of X and Y even without a meeting verb."""
    for m in ms:
        if m.etype != "person" or not m.key or m.in_quote:
            continue
        vm = re.search(r"(?:the\s+)?visiting\s+$", s.text[: _span_start(m) - s.start])
        if not vm:
            continue
        a = s.start + vm.start()
        if any(x <= a <= y + 40 for x, y in used):
            continue
        subj = [x for x in ms if x.end <= a and x.etype == "person" and x.key and x.key != m.key and not x.in_quote]
        if not subj:
            continue
        mc = MeetingCand("meeting", [subj[0].key or "", m.key], s.index, "meeting.visiting_object", a, m.end,
                         host=subj[0].key, visitor=m.key, confidence=0.6)
        _finish(mc, s, ms, vm, published, tense, cands, g, dateline_place)  # type: ignore[arg-type]
        cands.append(mc)


def _calls_refine(cands: list[MeetingCand], first_new: int, s: Sentence) -> None:
    """"held talks by video link", "met by phone": one call, not a call and a meeting."""
    new = cands[first_new:]
    calls = [c for c in new if c.kind in ("phone_call", "video_call")]
    if not calls:
        return
    for c in [c for c in new if c.kind in ("meeting", "talks")]:
        if all(k.status != c.status for k in calls):
            continue  # "spoke by phone last Thursday and agreed to meet in the coming weeks": a later meeting
        if any(re.search(r"(?<![\w])(?:after|before|since|following|ahead of|until|again|later|subsequently)(?![\w])",
                         s.text[min(k.end, c.end) - s.start : max(k.end, c.end) - s.start + 8]) for k in calls):
            continue  # "spoke by phone on Wednesday, a week after their meeting in New York": two events
        if any(set(c.participants) <= set(k.participants) or set(k.participants) <= set(c.participants)
               for k in calls):
            for k in calls:
                for p in c.participants:
                    if p not in k.participants and set(k.participants) <= set(c.participants):
                        k.participants.append(p)
            cands.remove(c)


_COMMISSION = re.compile(
    r"(?<![\w])(?P<name>(?:[\w’'-]+\s+){0,3}?(?:[Jj]oint|[Ii]nter-?governmental|[Bb]ilateral|[Mm]inisterial|[Cc]ooperation|"
    r"[Mm]ixed|[Ee]conomic|[Tt]rade|[Bb]order)\s+(?:[\w’'-]+\s+){0,2}?(?:[Cc]ommission|[Cc]ommittee))(?![\w-])")
_COMMISSION_MEET = re.compile(r"(?<![\w])(?:meet|meets|met|meeting|convene[sd]?|hold|holds|held|session|sit)(?![\w-])",
                              re.IGNORECASE)


def _commission(s: Sentence, ms: list[Ment], cands: list[MeetingCand], published: dt.date | None, tense: str,
                g: Gazetteer, dateline_place: str | None, pc: dict[str, str], first_new: int) -> None:
    """"the joint commission will meet in Lima": a meeting of the countries, not of the people who agreed to it."""
    low = s.text.lower()
    cm = _COMMISSION.search(s.text) if ("commission" in low or "committee" in low) else None
    if not cm or not _COMMISSION_MEET.search(s.text):
        return
    if re.search(r"(?<![\w])(?:according\s+to|by|from)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,4}?[\w’'-]+$",
                 s.text[: cm.end()], re.IGNORECASE) and re.search(r"(?<![\w])(?:according\s+to|by|from)\s",
                                                                  s.text[max(0, cm.start() - 14) : cm.end()]):
        return  # "…, according to the Eurasian Economic Commission": a source, not a session
    kw = re.search(r"(?:[Jj]oint|[Ii]nter-?governmental|[Bb]ilateral|[Mm]inisterial|[Cc]ooperation|[Mm]ixed|"
                   r"[Ee]conomic|[Tt]rade|[Bb]order)\s", cm.group())
    if not_an_event(s.text, cm.start() + (kw.start() if kw else 0), cm.end()):
        return  # "called for a joint technical committee to meet": a proposal
    a, b = s.start + cm.start(), s.start + cm.end()
    rest = s.text[cm.end():]
    if re.match(r"\s+(?:on|for)\b", rest) and not re.search(r"\b(?:meet|convene|session)", rest):
        return
    inside = [m for m in ms if m.etype == "country" and m.key and a <= m.start and m.end <= b]
    countries = list(dict.fromkeys(m.key for m in inside if m.key))
    new = [c for c in cands[first_new:] if c.kind in ("meeting", "talks")]
    source = new[0].participants if new else next((c.participants for c in reversed(cands) if len(c.participants) >= 2),
                                                  [])
    if len(countries) < 2:
        body = next((c.body_countries for c in reversed(cands) if c.body_countries), [])
        countries = list(dict.fromkeys(c for c in (_country_of(k, g, pc) for k in source) if c))
        if len(countries) < 2 and body:
            countries = list(body)  # "the next session of the joint commission": the commission named before
    if len(countries) < 2:
        return
    chaired = _CHAIRED_BY.search(s.text, cm.end())
    chairs = [m.key for m in _objects(s, ms, s.start + chaired.end(), max_gap=3) if m.etype == "person" and m.key] \
        if chaired else []
    if len(chairs) >= 2 and len({_country_of(k, g, pc) for k in chairs}) >= 2:
        countries = chairs  # "the joint commission is due to meet in May, co-chaired by A and B": the two chairs
    if new:
        named = {m.key for m in ms if m.etype == "person" and m.key and m.kind in ("name", "alias", "surname")}
        for c in new:
            c.body_countries = list(countries)
            if c.start <= a and sum(1 for k in c.participants if k in named) >= 2:
                # "A and B co-chaired the joint commission": the people named are the participants (not the body)
                body_orgs = {m.key for m in ms if m.etype == "organization" and a <= m.start and m.end <= b}
                c.participants = [k for k in c.participants if k not in body_orgs]
                continue
            c.participants = list(countries)
            c.rule = "meeting.commission"
        return
    mc = MeetingCand("meeting", countries, s.index, "meeting.commission", a, b, confidence=0.55)
    _finish(mc, s, ms, cm, published, tense, cands, g, dateline_place)  # type: ignore[arg-type]
    cands.append(mc)


_CHAIRED_BY = re.compile(r",?\s*(?:to be\s+|which will be\s+)?(?:co-chaired|chaired|co-presided over|presided over|"
                         r"led|headed)\s+by\s+")
_SIGNED_BY = re.compile(r"(?<![\w])(?:signed|inked)\b(?P<mid>(?:[^.;“”\"]|\.(?=\s*\d))[^;“”\"]{0,60}?)\bby\s+")


def _signed_by(s: Sentence, ms: list[Ment], cands: list[MeetingCand], published: dt.date | None, tense: str,
               g: Gazetteer, dateline_place: str | None, pc: dict[str, str]) -> None:
    """Signings attended by both signers, and meetings "attended by" named people: meetings of their own."""
    if not _SIGNED_BY_HINT.search(s.text.lower()):
        return  # (most meeting sentences tell no signing or joint act: skip the patterns)

    def persons(found: list[Ment]) -> list[str]:
        return list(dict.fromkeys(m.key for m in found if m.etype == "person" and m.key))

    def two_countries(keys: list[str]) -> bool:
        return len({_country_of(k, g, pc) or k for k in keys}) >= 2

    def told(keys: list[str]) -> bool:  # a meeting of this sentence already has these people
        return any(c.sent == s.index and set(keys) <= set(c.participants) for c in cands)

    def add(keys: list[str], m: re.Match[str], rule: str, a: int | None = None, host: str | None = None) -> None:
        mc = MeetingCand("meeting", keys, s.index, rule, s.start + m.start() if a is None else a,
                         s.start + m.end(), confidence=0.6)
        mc.host = host
        _finish(mc, s, ms, m, published, tense, cands, g, dateline_place)
        cands.append(mc)

    for sm in _SIGNED_BY.finditer(s.text):
        # "The accord, signed in Lima on Monday by A and B"
        keys = persons(_objects(s, ms, s.start + sm.end(), max_gap=3))
        if len(keys) >= 2 and two_countries(keys):
            add(keys, sm, "meeting.signing")
    for am in _ATTENDED_BY.finditer(s.text):
        # "X hosted the meeting, which was attended by A and B": the host and the attendees met
        host = persons(_subjects(s, ms, s.start + am.start("verb"), allow_poss=False)) if am.group("verb") else []
        keys = list(dict.fromkeys([*host, *persons(_objects(s, ms, s.start + am.end(), max_gap=3))]))
        if len(keys) >= 2 and not told(keys):
            add(keys, am, "meeting.attended_by", host=host[0] if host else None)
    for sm in _SIGNED_WITH.finditer(s.text):
        # "A signed the memorandum with the organisation's Secretary-General B": the two signed together
        if any(c.sent == s.index for c in cands) or _REMOTE.match(s.text, sm.end()):
            continue
        subj = persons(_subjects(s, ms, s.start + sm.start(), allow_poss=False))
        objs = persons(_objects(s, ms, s.start + sm.end(), max_gap=60))
        keys = list(dict.fromkeys([*subj[:1], *objs[:1]]))
        if len(keys) >= 2:
            add(keys, sm, "meeting.signing")
    for wm in _WITNESSED_SIGNING.finditer(s.text):
        # "Raisi, Berdimuhamedov and Aliyev attended the signing of a gas swap agreement": they met for it
        keys = persons(_subjects(s, ms, s.start + wm.start(), allow_poss=False))
        if len(keys) >= 2 and two_countries(keys) and not told(keys):
            add(keys, wm, "meeting.signing_attended")
    for hm in _HOSTED_BY_NOUN.finditer(s.text):
        # "Friday's meeting was hosted by A and brought together B and C": the host and the people brought together
        host = persons(_objects(s, ms, s.start + hm.end(), max_gap=3, places=True)) if hm.group("by") else []
        bt = _BROUGHT_TOGETHER.search(s.text, hm.end())
        guests = persons(_objects(s, ms, s.start + bt.end(), max_gap=3, places=True)) if bt else []
        keys = list(dict.fromkeys([*host, *guests]))
        if len(keys) >= 2 and two_countries(keys) and not told(keys):
            add(keys, hm, "meeting.hosted_by", a=s.start + hm.start("noun"), host=host[0] if host else None)
    for jm in _JOINT_ACT.finditer(s.text):
        # "In January 2022, Wang and Amir-Abdollahian announced in Wuxi the launch of the plan": two people of two
        # countries acting together somewhere met there
        a = s.start + jm.start()
        pair = _pair_before(s, ms, a)
        keys = persons(pair)
        if len(keys) < 2 or not two_countries(keys) or _REMOTE.match(s.text, jm.end()) or told(keys):
            continue
        where = re.search(r",\s*where\s+$", s.text[: _span_start(pair[0]) - s.start])
        place = _place_in(s, ms, g, a) if re.match(r"\s+(?:in|at)\s+(?:the\s+)?[A-Z]", s.text[jm.end() :]) else None
        if place is None and where:
            # "travelled to the eastern Chinese city of Wuxi, where he and Wang announced …": the place before
            town = re.search(r"(?<![\w])(?:city|town|port|resort|village) of ([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s*$",
                             s.text[: where.start()])
            before = [m for m in ms if m.end <= s.start + where.start() and (m.etype == "place" or m.place)]
            if town:
                place = _known_place(town.group(1), g) or "newplace:" + town.group(1)
            elif before and re.fullmatch(r"(?:\s+(?:on|in|last|this|early|late)\s+[\w ]{1,20})?",
                                         s.text[before[-1].end - s.start : where.start()]):
                # "paid a visit to Islamabad on January 29, where he and Jilani announced …"
                place = before[-1].place or before[-1].key
        # "During that state visit, Xi and Rouhani issued a joint statement": an act of the visit told before
        lead = _DURING_THE_VISIT.match(s.text.lstrip())
        during = lead and s.text.lstrip()[lead.end() :].lstrip().startswith(",")
        if place is None and not during:
            continue
        add(keys, jm, "meeting.joint_act")
        cands[-1].place = place
    for sm in [*_SIGNED_WHERE.finditer(s.text), *_SIGNED_PAIR.finditer(s.text)]:
        # "the agreement that Foreign Ministers A and B signed in Tehran in March 2021", "A and her counterpart B
        # signed a memorandum at the Foreign Ministry": two signers side by side
        a = s.start + sm.start()
        if _REMOTE.match(s.text, sm.end()):
            continue
        keys = persons(_pair_before(s, ms, a))
        # (a meeting of the sentence that has the signers, or ends just before the signing, tells it already)
        just_told = sm.re is _SIGNED_WHERE and any(c.sent == s.index and c.start <= a <= c.end + 80 for c in cands)
        if len(keys) >= 2 and not told(keys) and not just_told and two_countries(keys):
            add(keys, sm, "meeting.signing", a=a)


# the words one of which a sentence needs for any pattern of _signed_by
_SIGNED_BY_HINT = re.compile(r"sign|ink|attended|announced|launched|unveiled|inaugurated|opened|witnessed|laid|issued|"
                             r"agreed|pledged|declared|hosted|chaired|convened|brought")
_WITNESSED_SIGNING = re.compile(r"(?<![\w])(?:attended|witnessed|oversaw|presided over)\s+(?:the\s+)?signing"
                                r"(?:\s+ceremony)?\s+(?:of|for)\b")
_HOSTED_BY_NOUN = re.compile(r"(?<![\w])(?P<noun>meeting|talks|session|consultations|dialogue|round|conference)"
                             r"(?:\s+(?:was|were)\s+(?:hosted|chaired|convened)\s+(?P<by>by)\s+|"
                             r"(?=[^.;“”\"]{0,60}?(?<![\w])brought\s+together\s))")
_BROUGHT_TOGETHER = re.compile(r"(?<![\w])brought\s+together\s+")
_JOINT_ACT = re.compile(r"(?<![\w])(?:announced|launched|unveiled|inaugurated|opened|witnessed|laid|issued|"
                        r"agreed|pledged|declared)(?![\w])")
_ATTENDED_BY = re.compile(r"(?:(?P<verb>hosted|chaired|presided over|opened|convened)\s+(?:the|a|an)\s+"
                          r"(?:[\w-]+\s+){0,3}?(?:meeting|talks|session|consultations|dialogue|round)\b[^.;]{0,20}?,?\s+(?:which\s+was\s+|"
                          r"that\s+was\s+)?|(?:meeting|talks|session|consultations)(?:,[^,.;]{3,70},|(?:\s+(?!was\b|were\b)[\w-]+){1,3}?)?"
                          r"\s+(?:was\s+|were\s+)?)"
                          r"attended\s+by\s+", re.IGNORECASE)
_SIGNED_PAIR = re.compile(r"(?<![\w])(?:signed|inked|put their signatures to|initialled|initialed)\s+"
                          r"(?:(?:a|an|the|two|three|four|five|six|\d+|new|joint|"
                          r"several|[\w-]+-year)\s+){0,3}(?:[\w–-]+\s+){0,3}?(?:(?i:agreements?|accords?|deals?|treaty|"
                          r"treaties|pacts?|memorand(?:um|a|ums)|MoUs?|documents?|declarations?|statements?|"
                          r"protocols?|contracts?)|Plan|Programme|Program|Charter|Roadmap|Convention)(?![\w-])")
_SIGNED_WHERE = re.compile(r"(?<![\w])(?:signed|inked)(?=\s+(?:it\s+|them\s+)?(?:in|at|during|on|last)\s)")
_SIGNED_WITH = re.compile(r"(?<![\w])(?:signed|inked)\s+(?:a|an|the|two|three|\d+)\s+[^.;,“”\"]{3,90}?\s+with\s+"
                          r"(?=(?:the\s+)?(?:[\w’'-]+\s+){0,3}[A-Z])")
_REMOTE = re.compile(r"[^.;]{0,80}?(?<![\w])(?:virtually|remotely|separately|by video|via video|online|"
                     r"in (?:their|separate) capitals)(?![\w])", re.IGNORECASE)


_VISIT_ANAPHOR = re.compile(r"(?<![\w])(?:the|his|her|this|their|[A-Z][\w’'-]*(?:’s|'s))\s+(?:(\w+)-day\s+)?"
                            r"(?:state\s+|official\s+|first\s+)*(?:visit|trip|tour)(?![\w-])", re.IGNORECASE)


def _visit_anaphora(s: Sentence, cands: list[MeetingCand], published: dt.date | None, tense: str) -> None:
    """"The trip, planned for Monday to Wednesday", "Mendes’s three-day visit": dates of the last visit."""
    visits = [c for c in cands if c.kind == "state_visit"]
    if not visits:
        return
    v = visits[-1]
    for m in _VISIT_ANAPHOR.finditer(s.text):
        if v.sent == s.index and abs((s.start + m.start()) - v.start) < 40:
            if m.group(1):
                _apply_duration(v, m.group(1))
            continue
        exprs = [e for e in time_expressions(s.text, published, tense)  # type: ignore[arg-type]
                 if e.kind in ("point", "range") and e.date]
        near = [e for e in exprs if abs(e.start - m.end()) < 60]
        if near:
            e = near[0]
            assert e.date is not None
            if v.date is None or (e.date.precision == "day" and v.date.precision != "day" and v.date.overlaps(e.date)):
                v.date, v.end_date = e.date, e.end_date
        if m.group(1):
            _apply_duration(v, m.group(1))
        v.extra_sents.append(s.index)
        return


def _compatible_dates(a: MeetingCand, b: MeetingCand) -> bool:
    if a.date and b.date:
        ea = a.end_date or a.date
        eb = b.end_date or b.date
        return a.date.first_day() <= eb.last_day() and b.date.first_day() <= ea.last_day()
    return True


def _within_days(a: MeetingCand, b: MeetingCand, days: int) -> bool:
    """"arrived in Ankara late on Tuesday" and talks on Wednesday: days of one trip."""
    if a.status != b.status:
        return False
    if not (a.date and b.date):
        return True
    if a.date.precision != "day" or b.date.precision != "day":
        return False
    ea, eb = a.end_date or a.date, b.end_date or b.date
    return (b.date.first_day() - ea.last_day()).days <= days and (a.date.first_day() - eb.last_day()).days <= days


def _covers(small: list[str], big: list[str], g: Gazetteer, pc: dict[str, str], loose: bool = True) -> int:
    """How many of ``small`` match ``big`` (a country matches a person of that country)."""
    n = 0
    for k in small:
        if k in big:
            n += 1
            continue
        ck = _country_of(k, g, pc)
        e = g.entity(k)
        is_country = (e and e.type == "country") or k.startswith("country:")
        if (is_country and any(_country_of(o, g, pc) == k for o in big)) or (not is_country and ck and ck in big):
            n += 1
        elif loose and is_country and any(o not in small and _country_of(o, g, pc) is None and
                                is_person_key(o, g)
                                for o in big):
            n += 1  # "visit to Peru" and "talks with Prime Minister X" (whose country the text never gives)
    return n


def _same_event(a: MeetingCand, b: MeetingCand, g: Gazetteer, pc: dict[str, str]) -> bool:
    phone = {"phone_call", "video_call"}
    if (a.kind in phone) != (b.kind in phone):
        return False
    if a.status != b.status and ("state_visit" not in (a.kind, b.kind) or not (a.date and b.date)):
        return False
    if a.separate_group and a.separate_group == b.separate_group:
        return False
    if a.scope and b.scope and a.scope != b.scope:
        return False  # a bilateral meeting beside a trilateral one
    if not _compatible_dates(a, b):
        return False
    if a.kind == b.kind == "state_visit" and a.visitor and b.visitor and a.visitor != b.visitor and (
            a.host != b.host or a.status != b.status):
        return False  # a visit to Moscow and the return visit promised to Ulaanbaatar
    small, big = sorted((a.participants, b.participants), key=len)
    if (a.unnamed and not b.unnamed and any(is_person_key(k, g) for k in b.participants)) or \
            (b.unnamed and not a.unnamed and any(is_person_key(k, g) for k in a.participants)):
        return False  # "Iran's ambassador met the Chinese assistant minister": not the ministers named elsewhere
    if a.status == b.status == "scheduled" and abs(a.sent - b.sent) > 3:
        people = [sum(is_person_key(k, g) for k in x.participants) for x in (a, b)]
        sizes = [len(a.participants), len(b.participants)]
        if sorted(people) == [0, sizes[people.index(max(people))]]:
            # "agreed to hold the next round of the dialogue later this year" (countries) is not "X is to meet Y"
            # (people) told further on
            return False
    loose = "state_visit" in (a.kind, b.kind)  # a country stands for an unplaced person only in a visit
    n = _covers(small, big, g, pc, loose)
    return n >= min(2, len(small)) and n == len(small)


def _delegates_of(e: MeetingCand, c: MeetingCand, g: Gazetteer, pc: dict[str, str]) -> bool:
    """"Iran hosted officials from China and Afghanistan for a trilateral meeting. A chaired the session, which was
    attended by B and C": the people of the countries' meeting, named right after it."""
    if not 0 < c.sent - e.sent <= 2 or c.status != e.status or not _compatible_dates(e, c) or c.scope == "bilateral":
        return False
    if e.rule.startswith("meeting.summon"):
        return False  # "Tehran summoned the Chinese ambassador. Beijing dispatched Hu days later": two events
    if any(is_person_key(k, g) for k in e.participants) or not all(is_person_key(k, g) for k in c.participants):
        return False
    countries = {_country_of(k, g, pc) for k in c.participants}
    return None not in countries and len(countries) >= 2 and countries <= set(e.participants)


def _talks_of_call(call: MeetingCand, c: MeetingCand) -> bool:
    """"A received a call from B on Monday. B's talks with A touched on Gaza": the talks are the call's, told on."""
    return (call.kind in ("phone_call", "video_call") and c.kind in ("talks", "meeting") and c.date in (None, call.date)
            and c.status == call.status and c.sent - call.sent == 1
            and set(c.participants) == set(call.participants))


def _better(a: MeetingCand, b: MeetingCand, g: Gazetteer) -> MeetingCand:
    def persons(m: MeetingCand) -> int:
        return sum(1 for k in m.participants if is_person_key(k, g))
    return a if persons(a) >= persons(b) else b


def _merge(cands: list[MeetingCand], roles: dict[str, str], pc: dict[str, str], g: Gazetteer,
           published: dt.date | None) -> list[MeetingCand]:
    events: list[MeetingCand] = []
    visits: list[MeetingCand] = []
    for c in cands:
        pool = visits if c.kind == "state_visit" else events
        target = next((e for e in pool if ((e.kind == c.kind or {e.kind, c.kind} <= {"meeting", "talks", "summit"})
                       and (_same_event(e, c, g, pc) or _delegates_of(e, c, g, pc))) or _talks_of_call(e, c)), None)
        if target is None:
            pool.append(c)
        else:
            _absorb(target, c, g)
    out: list[MeetingCand] = []
    for v in visits:
        minister = not v.explicit_visit and v.visitor and not _is_head(v.visitor, roles, g)
        # (a countries' meeting is no item of a person's visit: "the next round of consular consultations")
        inner = [o for o in events if (v.visitor in o.participants or (
                     _same_event(v, o, g, pc) and any(is_person_key(k, g) for k in o.participants)))
                 and (_compatible_dates(v, o) or (minister and _within_days(v, o, 7)))
                 and o.kind not in ("phone_call", "video_call")
                 and (o.place_from_dateline or _same_country(o.place, v.place, g))]
        # a visit by someone who is not a head of state, whose meetings are reported, is told by those meetings
        if inner and not v.explicit_visit and v.visitor and not _is_head(v.visitor, roles, g):
            for o in inner:
                o.place = o.place or (v.place if v.place and g.entity(v.place) and
                                      g.entity(v.place).type == "place" else None)  # type: ignore[union-attr]
                # "ended a three-day visit on Friday, during which she met X": the meeting spans the visit
                if o.sent == v.sent and v.date and v.end_date and o.date and not o.end_date \
                        and v.date.first_day() <= o.date.first_day() <= v.end_date.last_day():
                    o.date, o.end_date = v.date, v.end_date
                elif o.date is None and v.date and o.status == v.status and o.sent > v.sent:
                    o.date, o.end_date = v.date, v.end_date  # an undated meeting of the visit told after it
            continue
        sides = {_country_of(k, g, pc) or k for k in v.participants}
        for o in inner:
            if any(_country_of(k, g, pc) not in (None, *sides) for k in o.participants):
                continue  # a third country's people were there: another event ("the third round in Islamabad")
            if o.absorbed_into is None and (_same_event(v, o, g, pc) or (o.during_visit and o.date is None)):
                o.absorbed_into = 1
                _absorb(v, o, g)
        out.append(v)
    out.extend(e for e in events if e.absorbed_into is None)
    out.sort(key=lambda m: (m.sent, m.start))
    parent: dict[int, MeetingCand] = {}
    for e in out:
        if e.kind != "state_visit":
            continue
        for o in out:
            if o is e or o.kind in ("state_visit", "phone_call", "video_call") or not e.visitor \
                    or e.visitor not in o.participants:
                continue
            itinerary = (o.date is None and e.date is not None and o.status == e.status
                         and 0 <= o.sent - max([e.sent, *e.extra_sents]) <= 1)  # "He also … and met Prime Minister X"
            if ((o.date and e.date and _compatible_dates(e, o)) or itinerary) and (
                    o.place_from_dateline or _same_country(o.place, e.place, g)):
                parent[id(o)] = e
                if (e.end_date and o.kind in ("meeting", "talks") and (o.sent, o.start) > (e.sent, e.start)
                        and (o.status == e.status or e.end_date.last_day() >= o.date.last_day())
                        and _is_head(e.visitor, roles, g) and o.invited is False):
                    # "arrived on a two-day official visit … was received by President X on Wednesday": an item
                    # of the head's visit, not an event of its own
                    o.absorbed_into = 1
                    e.participants.extend(k for k in o.participants if k not in e.participants)
    out = [o for o in out if o.absorbed_into is None]
    for e in out:
        _head_hosts(e, roles, pc, g)
    for o in out:
        if id(o) in parent:
            o.part_of = out.index(parent[id(o)])
    for i, e in enumerate(out, 1):
        e.local_id = f"m{i}"
    return out


_BY_AGENT = re.compile(r"(?<![\w])by\s+(?:(?:the\s+)?[A-Z][\w’'.-]*\s+){0,5}$")


def _host_in_sentence(sentences: list[Sentence], events: list[MeetingCand], by_sent: dict[int, list[Ment]],
                      pc: dict[str, str], g: Gazetteer) -> None:
    """"Xi landed in Riyadh for a state visit; the red carpet rolled out by Crown Prince X …": a visit to a country
    whose sentence names one person of that country as the agent of something ("by X") has that person as host."""
    for e in events:
        if e.kind != "state_visit" or not e.visitor:
            continue
        host = next((k for k in e.participants if k != e.visitor and g.entity(k) and g.entity(k).type == "country"),
                    None)
        if host is None or any(_country_of(k, g, pc) == host for k in e.participants if k != host):
            continue
        people = {m.key for m in by_sent.get(e.sent, []) if m.etype == "person" and m.key and not m.in_quote
                  and m.key != e.visitor and _country_of(m.key, g, pc) == host
                  and _BY_AGENT.search(sentences[e.sent].text[: m.start - sentences[e.sent].start])}
        if len(people) == 1:
            e.host = people.pop()
            e.participants = [*e.participants, e.host]


def _head_hosts(e: MeetingCand, roles: dict[str, str], pc: dict[str, str], g: Gazetteer) -> None:
    """"Raisi's state visit to China" in an article that names Xi: a head of state's visit is hosted by the host
    country's head of state at the time, when the article names that person."""
    if e.kind != "state_visit" or not e.visitor or not _is_head(e.visitor, roles, g) or not e.date:
        return
    host = next((k for k in e.participants if k != e.visitor and (k.startswith("country:") or (
        g.entity(k) and g.entity(k).type == "country"))), None)
    if host is None or any(_country_of(k, g, pc) == host for k in e.participants if k != host):
        return
    day = e.date.first_day()
    heads = [h for h in g.holders(["president", "king", "emir", "sultan"], host, day) if h in pc and any(
        re.match(r"(?:president|king|emir|sultan)\b", p.role, re.IGNORECASE) and (not p.start or p.start <= day)
        and (not p.end or p.end >= day) for p in g.entities[h].positions)]
    if len(heads) == 1:
        # the head is inferred, the country is what the text says: both take part ("a state visit to Beijing")
        e.participants = [*e.participants, heads[0]] if heads[0] not in e.participants else e.participants
        e.host = heads[0]


def _same_country(a: str | None, b: str | None, g: Gazetteer) -> bool:
    """Two places in one country, or either unknown: "received Liu in Jeddah" is no item of "Liu will visit Tehran"."""
    if not a or not b:
        return True

    def country(key: str) -> str | None:
        e = g.entity(key)
        if e is None:
            return None
        return e.key if e.type == "country" else e.country
    ca, cb = country(a), country(b)
    return ca is None or cb is None or ca == cb


def _absorb(target: MeetingCand, c: MeetingCand, g: Gazetteer) -> None:
    keep = _better(target, c, g)
    if keep is target and set(target.participants) < set(c.participants) and not any(
            is_person_key(k, g) for k in [*target.participants, *c.participants]):
        target.participants = list(c.participants)  # "Iran hosted … from China and Afghanistan": the host too
    if keep is c:
        # the people of the better-told event, and the people the target already had ("held talks with Xi", then
        # "will meet Premier Li and Li Zhanshu": the visit keeps Xi)
        people = [k for k in target.participants if is_person_key(k, g)]
        merged = [*c.participants, *(k for k in people if k not in c.participants)]
        persons_of = {_country_of(k, g, {}) for k in merged if is_person_key(k, g)}
        target.participants = [k for k in merged if is_person_key(k, g) or k not in persons_of]
    for k in c.participants:
        if k not in target.participants and len(target.participants) < 2:
            target.participants.append(k)
    if c.date and (not target.date or (c.date.precision == "day" and target.date.precision != "day")):
        target.date, target.end_date = c.date, c.end_date or target.end_date
    elif c.date and c.end_date and target.date and not target.end_date and \
            c.date.first_day() <= target.date.first_day() <= c.end_date.last_day():
        target.date, target.end_date = c.date, c.end_date  # the range that holds the single day
    target.end_date = target.end_date or c.end_date
    target.days = target.days or c.days
    if target.days and target.date and target.date.precision == "day" and not target.end_date:
        target.end_date = DateValue.of(target.date.first_day() + dt.timedelta(days=target.days - 1))
    target.place = target.place or c.place
    te, ce = g.entity(target.place) if target.place else None, g.entity(c.place) if c.place else None
    if te and ce and te.type == "country" and ce.type == "place" and ce.country == te.key:
        target.place = c.place  # "a state visit to Vietnam" and "in Hanoi": the city
    target.host = target.host or c.host
    target.visitor = target.visitor or c.visitor
    target.name = target.name or c.name
    target.scope = target.scope or c.scope
    if c.status == "happened" and target.kind != "state_visit":
        target.status = "happened"
    target.extra_sents.append(c.sent)
