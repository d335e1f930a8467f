"""Stage 3: coreference — one key per person; surnames, role phrases and pronouns resolved to it.

Groups ("the two sides") are resolved later, against the meeting in context (see meetings/statements).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from kg.mapper.gazetteer import _PARTICLES, Gazetteer, lexicon, load, short_forms, slug
from kg.mapper.mentions import Ment, _country_of_word, lex, mark_in_quote
from kg.mapper.text import Sentence

_SHORT_WORD = re.compile(r"(?<![\w’'\-])((?:(?:Al|El|Ben|Bin|Ibn|Abu|De|Van|Von|Da|Di)\s)?"
                         r"(?:(?:al|el|ad|as|ash|at|az|bin|ibn|abu|abd|ul)-)?[A-Z][\w\-]+)(?:’s|'s|’)?"
                         r"(?![\w\-])")


@dataclass
class People:
    """The people of one article: key → label, role, country; short form → keys."""

    label: dict[str, str] = field(default_factory=dict)
    role: dict[str, str] = field(default_factory=dict)
    country: dict[str, str] = field(default_factory=dict)
    short: dict[str, list[str]] = field(default_factory=dict)


def _person_key(m: Ment, people: People, g: Gazetteer) -> str:
    if m.key:
        return m.key
    # a full name seen before, or the extension of one ("Li" + "Li Ming")
    for k, lab in people.label.items():
        if lab == m.label:
            return k
    # a titled short form of a full name seen before: "Sheikh Hamad" after "Sheikh Hamad bin Faisal Al Thani"
    words = m.label.split()
    # (and the first of two surnames: "Minister Benítez" after "Julio César Benítez Acosta")
    longer = [k for k, lab in people.label.items() if len(lab.split()) > len(words) >= 1
              and (lab.split()[: len(words)] == words or lab.split()[-len(words):] == words
                   or (len(lab.split()) == 4 and len(words) == 1 and lab.split()[2] == words[0]))]
    if len(longer) == 1:
        return longer[0]
    # a titled surname of a known person not named in full: "President Putin"
    # (not the word after a particle: "King Salman" is not "Mohammed bin Salman")
    known = g.surnames.get(m.label, []) if len(words) == 1 else []
    if len(known) == 1 and m.label.lower() not in lex().common:
        full = g.entities[known[0]].label.split()
        if full[-1] == m.label and (len(full) < 3 or full[-2].lower() not in _PARTICLES):
            return known[0]
    return f"person:{slug(m.label)}"


def resolve(sentences: list[Sentence], ments: list[Ment], text: str, published: dt.date | None,
            quotes: list[tuple[int, int]] | None = None) -> People:
    """Give every person mention a key (in place); adds surname mentions found in the text."""
    g, lx = load(), lex()
    people = People()
    # 1. named people ("Minister Ferreira Cabrera" in a headline is the "Ana Laura Ferreira Cabrera" named below)
    for m in ments:
        if m.etype == "person" and m.kind == "name" and not m.key and len(m.label.split()) >= 3:
            people.label.setdefault(f"person:{slug(m.label)}", m.label)
    for m in ments:
        if m.etype != "person" or m.kind not in ("name", "alias"):
            continue
        key = _person_key(m, people, g)
        m.key = key
        e = g.entity(key)
        people.label.setdefault(key, e.label if e else m.label)
        if m.role and key not in people.role:
            people.role[key] = m.role
        c = m.country or (e.country if e else None)
        if c:
            people.country.setdefault(key, c)
        sf = m.surname_first or bool(e and e.country and g.entities[e.country].label in _surname_first())
        for form in {m.label, people.label[key]}:
            for s in short_forms(form, sf):
                people.short.setdefault(s, [])
                if key not in people.short[s]:
                    people.short[s].append(key)
    # given names as a last resort ("Rahimah" after "Rahimah Osman"), when only one person has it
    given: dict[str, list[str]] = {}
    for key, lab in people.label.items():
        parts = lab.split()
        if len(parts) >= 2 and parts[0] not in people.short and parts[0].lower() not in lx.common:
            given.setdefault(parts[0], []).append(key)
    for word, keys in given.items():
        if len(keys) == 1:
            people.short.setdefault(word, keys)
    # 2. short forms anywhere in the text (outside existing mentions)
    taken = sorted((m.start, m.end) for m in ments if m.kind not in ("pronoun",))
    taken_starts = [x for x, _ in taken]
    max_len = max((y - x for x, y in taken), default=0)
    added: list[Ment] = []
    named_at = [(m.start, m.key) for m in ments if m.etype == "person" and m.kind in ("name", "alias") and m.key]
    for s in sentences:
        for mm in _SHORT_WORD.finditer(s.text):
            word = mm.group(1)
            a, b = s.start + mm.start(1), s.start + mm.end(1)
            if " " in word and word not in people.short:
                cut = word.index(" ") + 1  # "Al Ketbi" unknown as a whole: the surname alone
                word, a = word[cut:], a + cut
            if word not in people.short and word[:1].lower() + word[1:] in people.short:
                word = word[:1].lower() + word[1:]  # "Al-Harbi" opening a sentence is "al-Harbi"
            if word not in people.short and word not in g.surnames:
                continue
            lo = bisect.bisect_left(taken_starts, a - max_len)
            hi = bisect.bisect_right(taken_starts, b)
            if any(x <= a < y or x < b <= y for x, y in taken[lo:hi]):
                continue
            keys = people.short.get(word)
            if not keys:
                gk = g.surnames.get(word)
                if gk and len(gk) == 1 and word.lower() not in lx.common:
                    keys = gk
                    e = g.entities[gk[0]]
                    people.label.setdefault(gk[0], e.label)
                    if e.country:
                        people.country.setdefault(gk[0], e.country)
            if not keys:
                continue
            m = Ment(a, b, s.index, "surname", "person", _nearest_holder(keys, a, named_at), word)
            m.modifier = text[b : b + 1] in ("’", "'")
            added.append(m)
    if quotes:
        mark_in_quote(added, quotes)  # a surname inside a quotation is nobody's antecedent
    ments.extend(added)
    ments.sort(key=lambda x: (x.start, -x.end))
    _counterpart_roles(ments, people)
    _appositive_roles(ments, people, text)
    _lede_roles(ments, people, sentences)
    _body_spokespeople(ments, text, definite=False)
    _indefinite_roles(ments, text)
    _resolve_roles(ments, people, g, published)
    _body_spokespeople(ments, text, definite=True)
    _resolve_pronouns(sentences, ments)
    _countries_of_successions(people)
    return people


_SUCCESSION = re.compile(r"^(?P<who>[A-Z][\w-]+)(?:’s|'s)\s+(?:predecessor|successor|deputy|(?:vice|deputy)\s+\w+)$")


def _countries_of_successions(people: People) -> None:
    """"Dong's predecessor, Li Shangfu": the predecessor served the same country."""
    for key, role in people.role.items():
        sm = _SUCCESSION.match(role)
        if not sm or key in people.country:
            continue
        owners = people.short.get(sm.group("who"), [])
        if len(owners) == 1 and owners[0] in people.country:
            people.country[key] = people.country[owners[0]]


def _nearest_holder(keys: list[str], pos: int, named_at: list[tuple[int, str]]) -> str:
    """Of the people a short form can mean ("Wang": Wang Yi, Wang Wenbin), the one named last before ``pos``, else
    the first named after it."""
    if len(keys) == 1:
        return keys[0]
    before = [k for start, k in named_at if start < pos and k in keys]
    if before:
        return before[-1]
    after = [k for start, k in named_at if start >= pos and k in keys]
    return after[0] if after else keys[-1]


def _surname_first() -> set[str]:
    from kg.mapper.gazetteer import SURNAME_FIRST

    return SURNAME_FIRST


def _role_words(head: str) -> list[str]:
    heads = lexicon()["role_heads"]
    return [w.lower() for w in heads.get(head, [head])]


def _role_fits(head: str, role: str | None) -> bool:
    words = _role_words(head)
    if any(w.startswith("*") for w in words):
        return True
    return bool(role) and any(w in role.lower() for w in words)


def _lede_roles(ments: list[Ment], people: People, sentences: list[Sentence]) -> None:
    """"China's special envoy for the Middle East arrived in Tehran … Zhai Jun met …": a lede's role phrase is the
    person who opens the next sentence untitled, and that person holds the role."""
    by_sent: dict[int, list[Ment]] = {}
    for m in ments:
        by_sent.setdefault(m.sent, []).append(m)
    for m in ments:
        if m.kind != "role" or m.key or not m.country or sentences[m.sent].headline:
            continue
        if any(x.etype == "person" and x.kind in ("name", "alias") for x in by_sent.get(m.sent, [])):
            continue
        nxt = [x for x in by_sent.get(m.sent + 1, []) if x.etype == "person" and x.kind in ("name", "alias")]
        if not nxt or m.sent + 1 >= len(sentences):
            continue
        first = nxt[0]
        if first.start != sentences[m.sent + 1].start or first.role or first.country or not first.key \
                or people.role.get(first.key):
            continue
        m.key = first.key
        people.role[first.key] = m.role or ""
        people.country.setdefault(first.key, m.country)


_COUNTERPART = re.compile(r"^(?P<pre>.*?)\bcounterparts?$", re.IGNORECASE)


def _counterpart_roles(ments: list[Ment], people: People) -> None:
    """"Foreign Minister A and her Indonesian counterpart B": B holds A's office for B's country."""
    g, lx = load(), lex()
    named = [m for m in ments if m.etype == "person" and m.kind in ("name", "alias", "surname") and m.key]

    def role_of(key: str) -> str:
        e = g.entity(key)
        return people.role.get(key) or (e.positions[-1].role if e and e.positions else "")

    for i, m in enumerate(named):
        cm = _COUNTERPART.match(people.role.get(m.key or "", ""))
        if not cm:
            continue
        # the counterpart of the sentence's subject: "Wang was received by Raisi … he held talks with his Iranian
        # counterpart A" (not of the nearest name)
        other = next((p for p in named[:i] if p.sent == m.sent and p.key != m.key
                      and role_of(p.key or "") and not _COUNTERPART.match(role_of(p.key or ""))), None)
        if other is None:
            continue
        words = role_of(other.key or "").split()
        while len(words) > 1 and (_country_of_word(words[0], g, lx) or words[0].lower() in ("the", "his", "her")):
            words = words[1:]  # "Norwegian Foreign Minister" → "Foreign Minister"
        people.role[m.key or ""] = " ".join([*cm.group("pre").split(), *words])


_APPOS_GAP = re.compile(r",\s*(?:(?:the\s+)?[A-Z][\w’'-]*\s+){0,4}")


def _appositive_roles(ments: list[Ment], people: People, text: str) -> None:
    """"Ethiopia's top diplomat, Foreign Minister Dawit Alemu": a role phrase in apposition to a name is that
    person, and its country is theirs."""
    for i, m in enumerate(ments):
        if m.kind != "role" or m.key or not m.country:
            continue
        for n in [n for n in ments[i + 1 : i + 8] if n.start >= m.end][:2]:
            if n.etype == "person" and n.kind in ("name", "alias") and n.key:
                gap = text[m.end : n.role_start if n.role_start is not None and n.role_start > m.end else n.start]
                if _APPOS_GAP.fullmatch(gap) or _APPOS_GAP.fullmatch(text[m.end : n.start]):
                    m.key = n.key
                    people.country.setdefault(n.key, m.country)
                break


# Words before a role head that narrow it: "the foreign minister" is not the prime minister.
_ROLE_QUALIFIERS = frozenset({
    "foreign", "defence", "defense", "prime", "finance", "trade", "interior", "economy", "energy", "health", "justice",
    "commerce", "agriculture", "transport", "education", "oil", "petroleum", "deputy", "vice", "army", "navy",
    "intelligence", "assistant",
})


def _qualifiers(role: str | None, head: str) -> list[str]:
    words = re.findall(r"[\w-]+", (role or "").lower())
    if head in words:
        words = words[: words.index(head)]
    return [w for w in words if w in _ROLE_QUALIFIERS]


_BODY_TYPES = ("ministry", "organization", "government", "international_organization", "military")
_SPOKES_HEADS = ("spokesman", "spokeswoman", "spokesperson", "official", "officials")


def _body_spokespeople(ments: list[Ment], text: str, definite: bool) -> None:
    """"A State Department spokesperson said": an unnamed voice of a body speaks for the body."""
    for m in ments:
        if m.kind != "role" or m.key or (m.head or "") not in _SPOKES_HEADS:
            continue
        indefinite = bool(re.match(r"(?:an?|An?)\s", text[m.start : m.start + 3]))
        if indefinite == definite:
            continue
        body = next((x for x in ments if x is not m and x.key and x.etype in _BODY_TYPES
                     and m.start <= x.start and x.end <= m.end), None)
        if body is not None:
            m.kind, m.etype, m.key, m.label, m.head = "metonym", body.etype, body.key, body.label, None


def _indefinite_roles(ments: list[Ment], text: str) -> None:
    """"met a Kenyan leader": an indefinite role names no one; the country stands for the person."""
    for m in ments:
        art = re.search(r"(?<![\w])(?:an?|An?)\s+$", text[max(0, m.start - 4) : m.start])
        if m.kind == "role" and not m.key and m.country and (re.match(r"(?:an?|An?)\s", text[m.start : m.start + 3])
                                                             or art):
            m.kind, m.etype, m.key, m.head = "metonym", "country", m.country, None
            if art:  # "an Armenian diplomat": the phrase with its article
                m.start -= len(art.group())


def _resolve_roles(ments: list[Ment], people: People, g: Gazetteer, published: dt.date | None) -> None:
    named = [m for m in ments if m.etype == "person" and m.kind in ("name", "alias", "surname") and m.key]
    for m in ments:
        if m.kind != "role" or m.key:
            continue
        head = m.head or ""
        special = any(w.startswith("*") for w in _role_words(head))
        quals = _qualifiers(m.role, head)
        office = _partner_office(m, named, people, g) if head.startswith("counterpart") else None

        def fits(p: Ment, head: str = head, m: Ment = m, special: bool = special, quals: list[str] = quals,
                 office: str | None = office, loose: bool = False) -> bool:
            pc = people.country.get(p.key or "")
            if m.country and pc and pc != m.country:
                return False
            if m.country and not pc and not loose:
                return False
            role = people.role.get(p.key or "")
            if role is None:
                e = g.entity(p.key)
                role = " ".join(pos.role for pos in e.positions) if e else None
            if office and office not in (role or "").lower():
                return False  # "A-A … for talks with his Chinese counterpart": a minister, not the spokesperson
            if special:
                return bool(m.country)
            if not _role_fits(head, role):
                return False
            low = (role or "").lower()
            low = low.replace("defense", "defence")
            return all(q.replace("defense", "defence") in low for q in quals)

        before = [p for p in named if p.end <= m.start and fits(p)]
        after = [p for p in named if p.start >= m.end and fits(p)]
        choice = before[-1] if before else (after[0] if after else None)
        if choice is None and m.country and not special:
            # "… was received by President Serdar Berdimuhamedov. The Turkmen president stressed …": a person of no
            # known country named just before, in the office the phrase names
            near = [p for p in named if p.end <= m.start and m.sent - p.sent <= 2 and fits(p, loose=True)]
            if near:
                choice = near[-1]
                people.country.setdefault(choice.key or "", m.country)
        if choice is None and head.startswith("counterpart") and not m.country:
            choice = _counterpart_of_subject(m, named, people)
        if choice:
            m.key = choice.key
            continue
        if special:
            continue
        holders = g.holders(_role_words(head), m.country, published) if m.country else []
        if not re.search(r"vice|deputy", m.role or "", re.IGNORECASE):
            holders = [h for h in holders if _plain_holder(g, h, head)]
        # "the vice premier" is not the premier: every qualifier of the phrase is in the position held
        holders = [h for h in holders if any(all(q in pos.role.lower().replace("defense", "defence")
                                                  for q in (x.replace("defense", "defence") for x in quals))
                                             for pos in g.entities[h].positions)]
        if len(holders) == 1:
            m.key = holders[0]
            e = g.entities[holders[0]]
            people.label.setdefault(e.key, e.label)
            if e.country:
                people.country.setdefault(e.key, e.country)


def _counterpart_of_subject(m: Ment, named: list[Ment], people: People) -> Ment | None:
    """"Ferreira accepted an invitation from her counterpart": the person of another country named last before,
    when the sentence's subject (the possessor) is named before the phrase."""
    owner = next((p for p in reversed(named) if p.sent == m.sent and p.end <= m.start), None)
    if owner is None:
        return None
    oc = people.country.get(owner.key or "")
    for p in reversed(named):
        if p.end > m.start or p.key == owner.key:
            continue
        pc = people.country.get(p.key or "")
        if pc and pc != oc:
            return p
    return None


def _partner_office(m: Ment, named: list[Ment], people: People, g: Gazetteer) -> str | None:
    """The office a counterpart holds: the head word of the role of the sentence's person of another country."""
    partner = next((p for p in named if p.sent == m.sent and p.end <= m.start and p.key
                    and people.country.get(p.key) not in (None, m.country)), None)
    if partner is None:
        return None
    e = g.entity(partner.key)
    role = people.role.get(partner.key or "") or (e.positions[-1].role if e and e.positions else "")
    words = [w for w in re.findall(r"[a-z-]+", role.lower()) if w not in ("of", "for", "the", "and")]
    return words[-1] if words and words[-1] in ("minister", "president", "premier", "ambassador", "envoy", "secretary",
                                                "chancellor", "speaker", "adviser", "advisor") else None


def _plain_holder(g: Gazetteer, key: str, head: str) -> bool:
    """Holds the role itself, not a vice/deputy version of it ("president" is not "first vice president")."""
    words = _role_words(head)
    return any(not re.search(r"vice|deputy", p.role, re.IGNORECASE) and any(w in p.role.lower() for w in words)
               for p in g.entities[key].positions)


_FEMALE_WORDS = re.compile(r"(?<![\w])(?:Mrs|Ms|Madam|Madame|Mme|Queen|Princess|Lady|Dame|spokeswoman|chairwoman|"
                           r"congresswoman|businesswoman|stateswoman)(?![\w])", re.IGNORECASE)
_MALE_WORDS = re.compile(r"(?<![\w])(?:Mr|Sir|King|Prince|Lord|spokesman|chairman|congressman|businessman|statesman|"
                         r"Sheikh|Emir)(?![\w])", re.IGNORECASE)
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}


_LEADING_CLAUSE = re.compile(r"(?:Asked|Speaking|Commenting|Responding|Referring|Pressed)\b[^,;:“”\"]{0,160},\s")


def _resolve_pronouns(sentences: list[Sentence], ments: list[Ment]) -> None:
    """Pronouns to the subject in context; "he" and "she" skip a person known to be of the other gender."""
    by_sent: dict[int, list[Ment]] = {}
    for m in ments:
        by_sent.setdefault(m.sent, []).append(m)
    gender: dict[str, str] = {}
    for m in ments:  # titles and role words give a gender: "Ms. Ortega", "the spokeswoman Ana Lima"
        if m.etype == "person" and m.key and m.kind in ("name", "alias") and m.role:
            if _FEMALE_WORDS.search(m.role):
                gender.setdefault(m.key, "f")
            elif _MALE_WORDS.search(m.role):
                gender.setdefault(m.key, "m")
    last_subject: str | None = None
    recent: list[str] = []  # named people, most recent last
    for s in sentences:
        ms = by_sent.get(s.index, [])
        subject_here: str | None = None
        # "Asked whether Xi would visit, Zhu said …": the subject follows the leading clause
        lead = _LEADING_CLAUSE.match(s.text)
        lead_end = s.start + (lead.end() if lead else 0)
        persons_here = {p.key for p in ms if p.etype == "person" and p.key and p.kind != "pronoun" and not p.in_quote}
        for m in ms:
            if m.etype != "person":
                continue
            if m.kind == "pronoun":
                earlier = [p for p in ms if p.start < m.start and p.etype == "person" and p.key and not p.in_quote]
                if m.head == "him" or (m.head == "her" and _is_object(s, m)):
                    cand = earlier[-1].key if earlier else last_subject
                    if earlier and len(earlier) >= 1 and earlier[-1].key == (subject_here or "") and m.head == "him":
                        others = [p for p in earlier if p.key != subject_here]
                        cand = others[-1].key if others else cand
                else:
                    cand = subject_here or (earlier[0].key if earlier else None) or last_subject
                want = _PRONOUN_GENDER.get(m.head or "")
                if cand and want and gender.get(cand, want) != want:
                    alt = [p.key for p in reversed(earlier) if p.key and gender.get(p.key, want) == want]
                    alt += [k for k in reversed(recent) if gender.get(k, want) == want]
                    cand = alt[0] if alt else cand
                elif cand and want and cand not in gender and len(persons_here | {cand}) == 1:
                    gender[cand] = want  # the only person in sight: the pronoun tells the gender
                m.key = cand
            elif m.key and m.kind in ("name", "alias", "surname") and not m.in_quote:
                if m.key in recent:
                    recent.remove(m.key)
                recent.append(m.key)
            if m.key and not m.in_quote and subject_here is None and m.start >= lead_end and not (
                    m.kind == "pronoun" and m.head in ("his", "her", "him")):
                subject_here = m.key  # ("For his part, Sudani thanked …": a possessive is no subject)
        if subject_here:
            last_subject = subject_here


def _is_object(s: Sentence, m: Ment) -> bool:
    rel = m.start - s.start
    return bool(re.search(r"(?:\w+ed|with|to|for|invited|told|asked|urged)\s+$", s.text[:rel]))
