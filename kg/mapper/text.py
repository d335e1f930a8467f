"""Stage 1: page noise and sentences, as offsets into the original text (the text is never rewritten)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from kg.mapper.gazetteer import lexicon


@dataclass(frozen=True)
class Sentence:
    """One sentence: ``text == article[start:end]``; ``para`` numbers the non-empty lines."""

    index: int
    start: int
    end: int
    text: str
    para: int
    headline: bool = False  # a line without final punctuation (title, standfirst, crosshead)


# Abbreviations that never end a sentence, and ones that end it only before a sentence-starting word.
_STRONG_ABBR = {
    "mr", "mrs", "ms", "dr", "sen", "rep", "gen", "lt", "col", "maj", "brig", "adm", "gov", "prof", "st", "sgt",
    "capt", "cmdr", "hon", "rev", "messrs", "vs", "no", "nos", "jan", "feb", "aug", "sept", "sep", "oct", "nov",
    "dec", "approx", "dept", "fig", "vol", "pres", "amb", "gen.", "mt", "ft",
}
_WEAK_ABBR = {"u.s", "u.k", "u.n", "e.u", "coop", "co", "corp", "inc", "ltd", "jr", "sr", "bros", "etc", "a.m", "p.m"}
_STARTERS = {
    "the", "a", "an", "it", "he", "she", "they", "we", "i", "in", "on", "at", "but", "and", "this", "that", "these",
    "those", "his", "her", "their", "its", "as", "after", "before", "during", "while", "when", "since", "however",
    "meanwhile", "earlier", "later", "both", "there", "what", "according", "last", "for", "if",
}
_BOUNDARY = re.compile(r"[.!?…]+[\"”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9\u00C0-\u024F])")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)\.?$")
_QUOTE_OPEN = "“"
_QUOTE_CLOSE = "”"


@dataclass(frozen=True)
class _Patterns:
    lines: re.Pattern[str]
    paragraphs: re.Pattern[str]
    inline: tuple[re.Pattern[str], ...]
    caps_min: int


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    lex = lexicon()
    flags = re.IGNORECASE
    return _Patterns(
        lines=re.compile("|".join(f"(?:{p})" for p in lex["noise_lines"]), flags),
        paragraphs=re.compile("|".join(f"(?:{p})" for p in lex["noise_paragraphs"]), flags),
        inline=tuple(re.compile(p) for p in lex["noise_inline"]),
        caps_min=int(lex.get("caps_headline_min_letters", 20)),
    )


_LIST_HEADER = re.compile(r"^\s*(?:related(?: news| articles| stories| content| posts)?|read (?:more|also)|"
                          r"more (?:news|stories|from [\w ]{1,30})|most (?:read|popular|viewed)|popular(?: news)?|"
                          r"recommended(?: for you)?|you may also like|latest news|top stories)\s*:?\s*$",
                          re.IGNORECASE)


def _is_caps_headline(line: str, caps_min: int) -> bool:
    if line.upper() != line:
        return False
    letters = [c for c in line if c.isalpha()]
    if len(letters) < caps_min or len(line.split()) < 3:
        return False
    return sum(c.isupper() for c in letters) / len(letters) > 0.9


def find_noise(text: str) -> list[tuple[int, int]]:
    """Spans of page furniture (ads, footers, disclaimers, unrelated all-caps headlines, inline captions)."""
    pats = _patterns()
    noise: list[tuple[int, int]] = []
    pos = 0
    in_list = False  # headlines listed under "Related News", "Read more", "Most read"
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        if _LIST_HEADER.match(line):
            noise.append((start, end))
            in_list = True
            continue
        if in_list and not re.search(r"[.!?…\"”:]\s*$", line) and len(line.split()) < 20:
            noise.append((start, end))
            continue
        in_list = False
        if pats.lines.match(line) or pats.paragraphs.search(line) or _is_caps_headline(line, pats.caps_min):
            noise.append((start, end))
            continue
        for p in pats.inline:
            for m in p.finditer(line):
                if m.end() > m.start():
                    noise.append((start + m.start(), start + m.end()))
    return sorted(noise)


def _split_points(piece: str, respect_quotes: bool) -> list[int]:
    """Offsets inside ``piece`` where a new sentence starts."""
    points: list[int] = []
    depth = 0
    straight_open = False
    quote_pos = {i: c for i, c in enumerate(piece) if c in "“”\""}
    last = 0
    for m in _BOUNDARY.finditer(piece):
        if respect_quotes:
            for i in range(last, m.start() + 1):
                c = quote_pos.get(i)
                if c == _QUOTE_OPEN:
                    depth += 1
                elif c == _QUOTE_CLOSE:
                    depth = max(0, depth - 1)
                elif c == '"':
                    straight_open = not straight_open
            last = m.start() + 1
            closing = piece[m.start() : m.end()]
            if depth and _QUOTE_CLOSE not in closing:
                continue
            if straight_open and '"' not in closing:
                continue
            if _QUOTE_CLOSE in closing:
                depth = max(0, depth - closing.count(_QUOTE_CLOSE))
            if '"' in closing:
                straight_open = False
        if piece[m.start()] == ".":
            before = _WORD_BEFORE.search(piece[: m.start()])
            word = before.group(1).lower() if before else ""
            if word in _STRONG_ABBR or (len(word) == 1 and word.isalpha()):
                continue
            if word in _WEAK_ABBR or "." in word:
                nxt = re.match(r"\s+[\"“‘(]?([A-Za-z]+)", piece[m.end() :])
                if not nxt or nxt.group(1).lower() not in _STARTERS:
                    continue
        gap = re.match(r"\s+", piece[m.end() :])
        points.append(m.end() + (gap.end() if gap else 0))
    return points


def _balanced(piece: str) -> bool:
    return piece.count(_QUOTE_OPEN) == piece.count(_QUOTE_CLOSE) and piece.count('"') % 2 == 0


def split_sentences(text: str, noise: list[tuple[int, int]] | None = None) -> list[Sentence]:
    """Sentences of every non-noise line, with offsets into ``text``; quotes are not split open."""
    noise = find_noise(text) if noise is None else noise
    out: list[Sentence] = []
    pos = 0
    para = -1
    for line in text.split("\n"):
        lstart = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        para += 1
        # the line minus noise spans, as pieces
        cuts = [(s - lstart, e - lstart) for s, e in noise if s < lstart + len(line) and e > lstart]
        pieces: list[tuple[int, int]] = []
        cur = 0
        for s, e in cuts:
            if s > cur:
                pieces.append((cur, s))
            cur = max(cur, e)
        if cur < len(line):
            pieces.append((cur, len(line)))
        for ps, pe in pieces:
            piece = line[ps:pe]
            if not piece.strip():
                continue
            pts = _split_points(piece, respect_quotes=_balanced(piece))
            bounds = [0, *pts, len(piece)]
            for a, b in itertools.pairwise(bounds):
                seg = piece[a:b]
                lead = len(seg) - len(seg.lstrip())
                trail = len(seg.rstrip())
                if trail <= lead:
                    continue
                s_abs = lstart + ps + a + lead
                e_abs = lstart + ps + a + trail
                stext = text[s_abs:e_abs]
                if not any(c.isalnum() for c in stext):
                    continue
                headline = not re.search(r"[.!?…\"”’:)]\s*$", stext) and len(stext.split()) < 30
                out.append(Sentence(len(out), s_abs, e_abs, stext, para, headline))
    return out
