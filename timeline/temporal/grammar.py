"""The grammar of Indonesian time expressions: one compiled alternation, branches ordered longest first.

Each branch is also compiled alone (with its named groups) so a match of the combined scanner can be
re-read by the branch that produced it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from timeline.lang import FOLDS_TO_ASCII
from timeline.temporal.vocab import UNITS, vocab


@dataclass(frozen=True)
class Grammar:
    digit_scanner: re.Pattern[str]  # only the branches that can begin with a digit, as one alternation
    # ... those that can begin with four digits or more ("2017", "1990-an"), each compiled alone, in order
    long_number_branches: tuple[tuple[str, re.Pattern[str]], ...]
    digit_gate: re.Pattern[str]  # what can follow a number that begins an expression (cheap to reject "100 orang")
    # trigger (a word or fixed phrase, lower case) -> the branches that can begin with it, in grammar order,
    # each compiled alone: the first that matches is the reading (what one alternation of them would pick)
    word_branches: dict[str, tuple[tuple[str, re.Pattern[str]], ...]]
    first_word_branches: dict[str, tuple[tuple[str, re.Pattern[str]], ...]]  # ... keyed by the first word only
    branches: dict[str, re.Pattern[str]]
    digit_branches: dict[str, re.Pattern[str]]
    triggers: frozenset[str]
    starts: re.Pattern[str]  # a non-word character and the start of an expression after it, on lower-cased text
    starts_head: re.Pattern[str]  # the start of an expression at the very beginning of a lower-cased text
    starts_any_case: re.Pattern[str]  # where an expression can begin, on the original text (when lower()
    # changes lengths)
    # Text glued where a page lost a space or a line break, each with the branch that reads it (without
    # its word boundary): a clock range with its zone glued to the word before ("Jogja16.00-18.00 WIB"),
    # a date glued to its list number ("10.24 Juni: 26.820 penumpang"). Group 1 is where it begins.
    glued: tuple["Glued", ...]


_NAMED = re.compile(r"\(\?P<\w+>")
# branches that can begin with a digit, and those that can begin with nothing else
_DIGIT_START = {"text_cross", "text_range", "num_range", "text_date", "iso", "num_date", "ago", "prev_shift",
                "bare_clock", "clock_range", "set", "duration", "month_day_num", "decade", "year_range", "year"}
_DIGIT_ONLY = {"num_range", "iso", "num_date", "bare_clock", "clock_range", "month_day_num"}
# the branches that can begin with a run of four digits or more: every other one reads at most three digits
# (a day, an hour, a count) and then something else, so at a year only these need trying
_LONG_NUMBER = {"iso", "decade", "year_range", "year"}


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    v = vocab()
    d = v.data
    wd_forms = [f for forms in d["weekdays"]["names"] for f in forms]
    WD = alternation(wd_forms, flags='i')
    full = [f for forms in d["months"]["full"] for f in forms]
    abbr = [f for forms in d["months"]["abbreviations"] for f in forms]
    MON = rf"(?:{alternation(full, flags='i')}(?![a-zA-Z])|{alternation(abbr, flags='i')}(?:\.|(?![a-zA-Z])))"
    MONFULL = rf"{alternation(full, flags='i')}(?![a-zA-Z])"
    MONCAP = rf"{alternation([w.capitalize() for w in full] + [w.upper() for w in full])}(?![a-zA-Z])"
    DAY = r"(?<![\d.,/])\d{1,2}(?!\d)"
    YEAR = rf"(?:1[89]|20|21)\d\d(?![\d])(?!{re.escape(d['years']['decade_suffix'])}(?![\w]))"  # not a decade: "1970-an"
    TAHUN = alternation(d["years"]["word"], flags='i')
    BULAN = alternation(d["months"]["word"], flags='i')
    SE = d["units"]["one_prefix"]
    UNITW = alternation(list(d["numbers"]["units"]), flags='i')
    NUMW = (rf"(?:{UNITW}(?:\s+(?i:{d['numbers']['teen_suffix']}|{d['numbers']['tens_suffix']}(?:\s+{UNITW})?))?"
            rf"|{alternation(list(d['numbers']['specials']), flags='i')})(?![\w])")
    NUM = rf"(?:\d{{1,3}}(?:[.,]5)?(?![\d.,]\d)|{NUMW}(?:\s+{alternation([d['numbers']['half']], flags='i')})?)"
    DECIMAL = r"(?:\d{1,3},\d{1,2}(?![\d.,]\d))"  # "1,92 hari": an average length
    units_all = [w for unit in UNITS for w in d["units"][unit]]
    units_cal = [w for unit in ("days", "weeks", "months", "years") for w in d["units"][unit]]
    UNIT = rf"{alternation(units_all, flags='i')}(?![a-zA-Z])"
    UNITCAL = rf"{alternation(units_cal, flags='i')}(?![a-zA-Z])"
    SEUNIT = rf"{alternation([SE + w for w in units_all], flags='i')}(?![\w-])"  # "sehari", "sepekan"
    rel = d["relative"]
    tense = d["tense"]
    not_lalu = alternation(d["guards"]["not_after_lalu"], flags='i')
    TENSE = rf"(?:{alternation(tense['after_future'] + tense['after_past'] + tense['after_present'], flags='i')})(?![\w])(?!\s+{not_lalu})"
    PARTS = rf"{alternation(list(d['time']['parts_of_day']), flags='i')}(?![\w])"
    TAIL = rf"(?:\s+(?P<part>{PARTS}))?(?:\s+(?P<tense>{TENSE}))?"
    CONN = rf"(?:\s*[-–—]\s*|\s+{alternation([c for c in d['range']['connectors'] if c[0].isalpha()], flags='i')}\s+)"
    PARTW = alternation(d["parts"]["early"] + d["parts"]["middle"] + d["parts"]["late"], flags='i')
    RELW = alternation(rel["next"] + rel["last"] + rel["this"], flags='i')
    WDOPT = rf"(?:(?P<wd>{WD})\s*,?\s*(?:\(\s*)?(?:{alternation(d['weekdays']['date_words'], flags='i')}\s+)?)?"
    CLOCKW = alternation(d["time"]["clock_words"], flags='i')
    ZONE = rf"(?:\s*(?P<zone>{alternation(list(v.zone_forms))})(?![a-zA-Z])|\s+(?P<local>{alternation(d['time']['local'], flags='i')}))"
    HM = r"(?P<h>\d{1,2})(?:[.:](?P<mi>\d{2})(?:[.:](?P<sec>\d{2}))?)?(?![\d])"
    HM2 = rf"(?:(?:\s*[-–]\s*|\s+{alternation(d['time']['clock_range_words'], flags='i')}\s+)(?P<h2>\d{{1,2}})[.:](?P<mi2>\d{{2}})(?!\d))"
    SEP = r"[/.\-]"
    YNUM = r"(?:\d{4}|\d{2})(?!\d)"
    sets = d["sets"]
    refs, per = d["refs"], d["periods"]
    PARTS_RAW = alternation(list(d['time']['parts_of_day']), flags='i')
    REFW = alternation(refs["present"] + refs["past"] + refs["future"] + refs["anaphoric"]
                       + refs["anaphoric_or_nothing"] + refs["anaphoric_day"] + refs["earlier_today"], flags='i')
    PERIODU = alternation(list(refs["period_units"]), flags='i')
    PERIODS = alternation(list(refs["period_shift"]), flags='i')
    PERIODW = alternation(refs["period_words"], flags='i')
    ORD = alternation(list(per["ordinals"]), flags='i')
    QW = alternation(per["quarter_words"] + per["half_words"], flags='i')
    KE = alternation(per["ordinal_prefix"], flags='i')
    DECW = alternation(d["years"]["decade_words"], flags='i')
    DEC = re.escape(d["years"]["decade_suffix"].lstrip("-"))
    UNITNYA = rf"{alternation(units_all, flags='i')}(?:{sets['enclitic']})?(?![a-zA-Z])"
    CLOCK_NOT = alternation(d["clock"]["not_before"], flags='i')
    hol = d["holidays"]
    HOL = alternation(list(hol["names"]), flags='i')
    HOLOFF = alternation(list(hol["names"]) + list(hol["offset_names"]), flags='i')
    HMARK = rf"{re.escape(hol['offset_mark'])}\s*(?P<hs>[-–+])\s*(?P<hn>\d{{1,2}})(?![\d\w])"

    APPROXOPT = rf"(?:(?P<approx>{alternation(d['numbers']['approx'], flags='i')})\s+)?"
    SELOPT = rf"(?:(?P<sel>{alternation(d['durations']['stated_length'], flags='i')})\s+)?"
    TAHUNOPT = rf"(?:(?P<tahun>{TAHUN})\s+)?"
    SEALT = rf"|(?P<se>{SEUNIT})"
    VAGUEALT = rf"|(?P<vq>{alternation(d['numbers']['vague'], flags='i')})\s+(?P<vu>{UNIT}|{alternation(d['units']['vague_only'], flags='i')}(?![\w]))"
    EVERY = rf"(?P<ev>{alternation(sets['every'], flags='i')})\s+(?:{alternation(d['units']['days'], flags='i')}\s+)?(?P<what>{WD}(?![\w])|{UNITNYA}|{PARTS})|"
    PERW = rf"(?P<perw>{alternation(sets['per'], flags='i')})\s+(?P<pu>{UNITNYA})|"
    ONCE = alternation(sets["once"], flags='i')
    EVERYN = rf"(?P<ev2>{alternation(sets['every'], flags='i')})\s+(?P<n2>{NUM})\s*(?P<u2>{UNIT})|"
    PERONCE = rf"(?P<per2>{SEUNIT})\s+(?P<once2>{alternation(sets['once'], flags='i')})(?![\w])|"
    VAGUEAGO = rf"|(?P<vq>{alternation(d['numbers']['vague'], flags='i')})\s+(?P<vu>{UNITCAL}|{alternation(d['units']['vague_only'], flags='i')}(?![\w]))"

    def make(digit: bool) -> list[tuple[str, str]]:
        def w(piece: str, *names: str) -> str:
            """`piece` where a word may begin the match; at a digit, never-matching groups of the same names."""
            return "".join(f"(?P<{n}>(?!))?" for n in names) if digit else piece

        return [
            ("wd_range_num", rf"(?P<wd>{WD}){CONN}(?P<wd2>{WD})\s*,?\s*\(?\s*(?P<d>\d{{1,2}})\s*[-–]\s*(?P<d2>\d{{1,2}}){SEP}(?P<m>\d{{1,2}})(?:{SEP}(?P<y>{YNUM}))?\s*\)?{TAIL}"),
            ("wd_span", rf"(?P<wd>{WD}){CONN}(?P<wd2>{WD})(?![\w'’])"),
            ("wd_num", rf"(?P<wd>{WD})(?:(?:\s+(?P<part0>{PARTS}))?(?:\s+(?P<local0>{alternation(d['time']['local'], flags='i')}))?\s*,?\s*\(\s*|\s*,?\s*)(?P<d>\d{{1,2}})(?P<sep>{SEP})(?P<m>\d{{1,2}})(?:{SEP}(?P<y>{YNUM}))?(?![\d/])(?:\s*\))?{TAIL}"),
            ("text_cross", rf"{w(WDOPT, 'wd')}(?P<d>{DAY})\s+(?P<m>{MON})(?:\s+(?P<y>{YEAR}))?{CONN}(?:(?P<wd2>{WD})\s*,?\s*)?(?P<d2>{DAY})\s+(?P<m2>{MON})(?:\s+(?P<y2>{YEAR}))?(?:\s*\))?{TAIL}"),
            ("text_range", rf"{w(WDOPT, 'wd')}(?P<d>{DAY}){CONN}(?P<d2>{DAY})\s+(?P<m>{MON})(?:\s+(?P<y>{YEAR}))?(?:\s*\))?{TAIL}"),
            ("num_range", rf"(?P<d>{DAY})\s*[-–]\s*(?P<d2>\d{{1,2}})[/.](?P<m>\d{{1,2}})[/.](?P<y>{YNUM})(?![\d/.]\d){TAIL}"),
            ("text_date", rf"{w(WDOPT, 'wd')}(?P<d>{DAY})\s+(?P<m>{MON})(?:\s+(?P<y>{YEAR})|\s+{TAHUN}\s+(?P<ry>{RELW})(?![\w]))?(?:\s*\))?{TAIL}"),
            ("iso", rf"(?<![\d/.\-])(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}})(?![\d])"),
            ("num_date", rf"(?<![\d/.,\-])(?P<d>\d{{1,2}})(?P<sep>{SEP})(?P<m>\d{{1,2}}){SEP}(?P<y>{YNUM})(?![\d/.,\-]\d){TAIL}"),
            ("weekend", rf"(?P<we>{alternation(rel['weekend'], flags='i')})(?![\w])(?:\s+(?P<rel>{RELW})(?![\w])(?!\s+{not_lalu}))?"),
            ("part_month", rf"(?P<p>{PARTW})\s+(?:{BULAN}\s+)?(?P<m>{MON})(?:\s+(?:{TAHUN}\s+)?(?P<y>{YEAR})|\s+{TAHUN}\s+(?P<rel>{RELW}))?{TAIL}"),
            ("part_year", rf"(?P<p>{PARTW})\s+(?:{TAHUN}\s+(?:(?P<y>{YEAR})|(?P<rel>{RELW}(?![\w])))|(?P<y2>{YEAR})|(?P<alone>{TAHUN})(?![\w])(?!\s+\d))"),
            ("part_relmonth", rf"(?P<p>{PARTW})\s+{BULAN}\s+(?P<rel>{RELW})(?![\w])"),
            ("month_range", rf"(?:{BULAN}\s+)?(?P<m>{MONFULL}){CONN}(?P<m2>{MONFULL})(?:\s+(?:{TAHUN}\s+)?(?P<y>{YEAR}))?{TAIL}"),
            ("month_year", rf"(?:{BULAN}\s+)?(?P<m>{MON})\s*(?:{TAHUN}\s+)?(?P<y>{YEAR}){TAIL}"),
            ("month_relyear", rf"(?:{BULAN}\s+)?(?P<m>{MONFULL})\s+{TAHUN}\s+(?P<rel>{RELW})(?![\w])"),
            ("bulan_month", rf"{BULAN}\s+(?P<m>{MONFULL}){TAIL}"),
            ("bare_month", rf"(?P<m>{MONCAP})(?![\w\-]){TAIL}"),
            ("year_rel", rf"{TAHUN}\s+(?P<rel>{RELW})(?![\w])"),
            ("ago", rf"{w(APPROXOPT, 'approx')}(?:(?P<n>{NUM})\s*(?P<u>{UNIT}){w(SEALT, 'se')}{w(VAGUEAGO, 'vq', 'vu')})\s+(?P<dir>{alternation(rel['ago'] + rel['ahead'], flags='i')})(?![\w])(?!\s+{not_lalu})"),
            ("prev_part", rf"(?P<part>{PARTS})\s+(?P<same>{alternation(rel['same_day'], flags='i')})(?![\w])"),
            ("prev_next", rf"(?P<next>{alternation(rel['next_day'], flags='i')})(?![\w])"),
            ("prev_shift", rf"{w(APPROXOPT, 'approx')}(?:(?P<n>{NUM})\s*(?P<u>{UNIT}){w(SEALT, 'se')})\s+(?P<dir>{alternation(rel['later'] + rel['earlier'], flags='i')})(?![\w])"),
            ("period", rf"(?:(?P<pw>{PERIODW})\s+{alternation(refs['period_same'], flags='i')}\s+(?P<back>{alternation(refs['period_year_back'], flags='i')})|(?P<pu>{PERIODU})\s+(?P<shift>{PERIODS}))(?![\w])"),
            ("quarter", rf"(?P<qw>{QW})\s+(?:{KE}\s*)?(?P<qn>{ORD})(?![\w])(?:\s+(?:{TAHUN}\s+)?(?P<y>{YEAR})|\s+{TAHUN}\s+(?P<rel>{RELW})(?![\w]))?{TAIL}"),
            ("quarter_rel", rf"(?P<qw>{alternation(per['quarter_words'], flags='i')})\s+(?P<rel>{RELW})(?![\w])(?!\s+{not_lalu})"),
            ("quarter_code", rf"{per['quarter_code']}(?P<qn>[1-4])(?![\w])(?:\s*(?P<y>{YEAR})|(?!\s+[A-Z]))"),
            ("season", rf"(?:(?P<p>{PARTW})\s+)?{alternation(per['season_word'], flags='i')}\s+(?P<sn>{alternation(list(per['seasons']), flags='i')})(?![\w])(?:\s+(?:{TAHUN}\s+)?(?P<y>{YEAR})|\s+{TAHUN}\s+(?P<rel>{RELW})(?![\w])|\s+(?P<rel2>{RELW})(?![\w]))?"),
            ("vague_count", rf"{alternation(d['units']['vague_count'], flags='i')}\s+(?P<vu>{UNIT})"),
            ("moment", rf"{alternation(d['units']['moment'], flags='i')}(?![\w])(?!\s+{alternation(d['units']['moment_not_before'], flags='i')}(?![\w]))"),
            ("frequency", rf"(?P<fq>{alternation(list(d['units']['frequency']))})(?![\w])"),
            ("holiday", rf"(?:{HMARK}(?:\s+(?P<hw>{alternation(hol['offset_words'], flags='i')}))?\s+(?P<hol2>{HOLOFF})|(?P<hol>{HOL}))(?![\w])(?:\s+(?:{TAHUN}\s+)?(?P<y>{YEAR}))?(?:\s+\d{{4}}\s+{alternation(hol['hijri'])}(?![\w]))?"),
            ("holiday_offset", rf"{HMARK}(?:\s*(?:{alternation(d['weekdays']['joiners'], flags='i')})\s*{re.escape(hol['offset_mark'])}\s*[-–+]\s*\d{{1,2}}(?![\d\w]))?"),
            ("ref", rf"(?P<ref>{REFW})(?![\w])(?!\s+{PARTS_RAW}(?![\w]))"),
            ("week_rel", rf"(?P<u>{alternation(d['units']['weeks'] + d['units']['months'], flags='i')})\s+(?P<rel>{RELW})(?![\w])(?!\s+{not_lalu})"),
            ("day_rel", rf"(?P<rd>{alternation(rel['today'] + list(rel['days']), flags='i')})(?![\w])(?:\s+(?P<part>{PARTS}))?"),
            ("clock", rf"(?:(?P<approx>{alternation(d['time']['clock_approx'], flags='i')})\s+)?(?P<w>{CLOCKW})\s*{HM}{HM2}?{ZONE}?(?:\s+(?P<part>{PARTS}))?(?:\s+(?P<rel>{alternation(d['time']['clock_after'], flags='i')})(?![\w]))?"),
            ("bare_clock", rf"(?<![\d.,/:])(?P<h>\d{{1,2}})[.:](?P<mi>\d{{2}})(?:[.:](?P<sec>\d{{2}}))?(?!\d){HM2}?{ZONE}"),
            ("clock_range", rf"(?<![\d.,/:])(?P<h>\d{{2}})[.:](?P<mi>\d{{2}})\s*[-–]\s*(?P<h2>\d{{2}})[.:](?P<mi2>\d{{2}})(?![.,]?\d)(?!\s*{CLOCK_NOT}(?![\w]))"),
            ("set", rf"(?:{w(EVERYN, 'ev2', 'n2', 'u2')}{w(PERONCE, 'per2', 'once2')}{w(EVERY, 'ev', 'what')}{w(PERW, 'perw', 'pu')}(?P<once>{w(ONCE + '|', )}{NUM}\s+{alternation(sets['times'], flags='i')})\s+(?:{alternation(sets['per'], flags='i')}\s+)?(?P<per>{SEUNIT}|{UNIT}))"),
            ("duration", rf"{w(SELOPT, 'sel')}{w(APPROXOPT, 'approx')}(?:(?:(?P<lo>\d{{1,3}})\s*[-–]\s*)?(?P<n>{NUM}|{DECIMAL})\s*(?P<u>{UNIT})|(?P<whole>{alternation(list(d['units']['whole']), flags='i')})(?![\w]){w(SEALT, 'se')}{w(VAGUEALT, 'vq', 'vu')})(?:\s+(?P<fwd>{alternation(rel['forward'], flags='i')}))?(?!\s+{alternation(d['guards']['foreign_after'], flags='i')}(?![\w]))"),
            ("redup", rf"(?P<rep>(?i:{d['units']['reduplication_prefix']}(?:{'|'.join(units_all)})-(?:{'|'.join(units_all)})))(?![\w])"),
            ("wd_rel", rf"(?P<wd>{WD})(?![\w'’])(?:\s+(?P<part>{PARTS}))?(?:\s+(?P<rel>{alternation(rel['next'] + rel['last'] + rel['this'] + rel['next_loose'], flags='i')})(?![\w])(?!\s+{not_lalu})|\s+(?P<dem>{alternation(d['weekdays']['demonstrative'], flags='i')})(?![\w])|\s+(?P<wk>{alternation(d['units']['weeks'], flags='i')})\s+(?P<wrel>{RELW})(?![\w]))?"),
            ("part_alone", rf"(?:(?P<pre>{alternation(d['time']['part_deictic'], flags='i')})\s+)?(?P<part>{PARTS})(?:\s+(?P<post>{alternation(d['time']['part_after'], flags='i')})(?![\w]))?"),
            ("month_day", rf"(?:(?P<tg>{alternation(d['weekdays']['date_words'], flags='i')})\s+)(?P<d>\d{{1,2}})(?!\d)(?![.,/:\-]\d)(?!\s*[/.\-]\s*\d)(?!\s+{MON})(?!\s*%)(?!\s*,\s*\d)(?!\s+{alternation(d['weekdays']['joiners'], flags='i')}\s+\d)(?:\s+(?P<tense>{TENSE}))?"),
            ("month_day_num", rf"(?<![\d.,/])(?P<d>\d{{1,2}})(?!\d)\s+(?P<tense>{alternation(tense['after_future'] + tense['after_past'], flags='i')})(?![\w])(?!\s+{not_lalu})"),
            ("decade", rf"(?:(?P<dw>{DECW})\s+)?(?<![\d.,/])(?P<dec>(?:1[89]|20)\d0|\d0)\s*-?\s*{DEC}(?![\w])"),
            ("year_range", rf"{w(TAHUNOPT, 'tahun')}(?<![\d.,/\-])(?P<y>(?:19|20)\d\d)\s*[-–/]\s*(?P<y2>(?:19|20)\d\d)(?![\d.,/\-]?\d|%)"),
            ("year", rf"{w(TAHUNOPT, 'tahun')}(?<![\d.,/\-])(?P<y>{YEAR})(?![.,/\-]?\d|%)(?:\s+(?P<tense>{TENSE}))?"),
        ]

    branches = make(digit=False)
    digit_branches = [(name, pat) for name, pat in make(digit=True) if name in _DIGIT_START]
    compiled = {name: re.compile(rf"\b(?:{pat})") for name, pat in branches}
    # at a digit no word can begin the match: the digit variants drop those alternatives (much cheaper)
    digit_compiled = {name: re.compile(rf"\b(?:{pat})") for name, pat in digit_branches}

    def union(items) -> re.Pattern[str]:
        return re.compile(r"\b(?:" + "|".join(f"(?P<{name}>{_NAMED.sub('(?:', pat)})" for name, pat in items) + ")")

    digit_scanner = union(digit_branches)
    digit_gate = _digit_gate(d)
    order = [name for name, _ in branches if name not in _DIGIT_ONLY]
    starts_with = first_words(d)
    by_first = {}
    for name in order:
        for word in starts_with[name]:
            by_first.setdefault(word, []).append(name)
    first_word_branches = {w: tuple((n, compiled[n]) for n in names) for w, names in by_first.items()}
    # a unit word alone ("detik") begins nothing: it is no trigger
    triggers = frozenset(t for t in _triggers(d) if _first_token(t) in first_word_branches)
    word_branches = {t: first_word_branches[_first_token(t)] for t in triggers}
    head = _head(triggers)
    # Beginning with a non-word character (instead of \b) lets the regex engine skip ahead in C to the
    # next such character: about a quarter faster on news text, the same candidates. It is written as
    # an ASCII class (a table look-up, where \w asks Unicode about each character) and a look back that
    # only a character outside ASCII reaches: [^\w] exactly.
    starts = r"[^0-9A-Za-z_](?<!\w)" + head
    long_number_branches = tuple((name, p) for name, p in digit_compiled.items() if name in _LONG_NUMBER)
    return Grammar(digit_scanner=digit_scanner, long_number_branches=long_number_branches, digit_gate=digit_gate, word_branches=word_branches, first_word_branches=first_word_branches,
                   branches=compiled, digit_branches=digit_compiled, triggers=triggers, starts=re.compile(starts),
                   starts_head=re.compile(head), starts_any_case=re.compile(r"\b" + head, re.IGNORECASE),
                   glued=_glued(dict(digit_branches), v, full))


def _trie(words, any_space: bool = False) -> str:
    """A regex matching exactly `words`, factored by common prefixes (much faster than a flat alternation,
    and with the same preference: where one word is a prefix of another the longer is tried first).
    With `any_space` a space in a word matches any run of white space."""
    root = _trie_root(words, any_space)
    return _build(root, any_space)


def _trie_root(words, any_space: bool) -> dict:
    root: dict = {}
    for w in words:
        node = root
        for ch in (re.split(r"( )", w) if any_space else w):
            for piece in ([ch] if ch == " " else list(ch)):
                node = node.setdefault(piece, {})
        node[""] = {}
    return root


def _build(node: dict, any_space: bool) -> str:
    alts = [_piece(ch, any_space) + _build(child, any_space) for ch, child in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 and "" not in node else "(?:" + "|".join(alts) + ")"
    return body + "?" if "" in node else body


def _piece(ch: str, any_space: bool) -> str:
    return r"\s+" if ch == " " and any_space else re.escape(ch)


def _head(triggers) -> str:
    r"""Where an expression can begin: a digit not inside "2,5" or "10.00", or a trigger as a whole word.

    The trie's first letters are the branches of one alternation, each with its own `\b` (what
    `(?:trie)\b` says), and the digit is read before its look back: every branch then begins with a
    character the regex engine compares without entering the branch (a third faster on news text)."""
    root = _trie_root(triggers, False)
    words = [_piece(ch, False) + _build(child, False) + r"\b" for ch, child in sorted(root.items()) if ch]
    return r"(?:\d(?<!\d[.,:/]\d)|" + "|".join(words) + ")"


def alternation(words, *, flags: str | None = None) -> str:
    """`timeline.lang.alternation` (a space matches any white space; `flags` scoped to the group), as a trie.

    Case-insensitive, each first letter is written as the class of every character the letter matches
    ("[sS\u017f]"), matched case-sensitively: the regex engine then rejects a branch by looking the
    character up in place instead of entering the branch to fold it. The same matches."""
    root = _trie_root({w for w in words if w}, any_space=True)
    body = _build(root, any_space=True)
    if flags != "i":
        return f"(?{flags}:{body})" if flags else f"(?:{body})"
    firsts = sorted(ch for ch in root if ch)
    if not all(c.isascii() for c in firsts) or len({c.lower() for c in firsts}) != len(firsts) or "" in root:
        return f"(?i:{body})"  # two first letters that fold alike: the trie's own order decides
    alts = []
    for c in firsts:
        rest = _build(root[c], any_space=True)
        if c.isalpha():
            head = f"[{c.lower()}{c.upper()}{FOLDS_TO_ASCII.get(c.lower(), '')}]"
        else:
            head = _piece(c, True)
        alts.append(f"(?-i:{head}){rest}")
    return "(?i:" + "|".join(alts) + ")"


def _digit_gate(d: dict) -> re.Pattern[str]:
    """A number that can begin an expression: a year, or followed by a date or clock separator, a decade's
    "-an", or a word some branch reads after a number (month, unit, range word, "kali", tense word);
    matched on lower-cased text. Most numbers in news ("100 orang", "2,5 persen") fail it at once."""
    units = [w for unit in UNITS for w in d["units"][unit]]
    months = [f for forms in d["months"]["full"] + d["months"]["abbreviations"] for f in forms]
    tense, rel = d["tense"], d["relative"]
    words = months + units + [c for c in d["range"]["connectors"] if c[0].isalpha()] + d["sets"]["times"]
    words += tense["after_future"] + tense["after_past"] + tense["after_present"] + rel["ago"] + rel["ahead"]
    words += [d["numbers"]["half"]]
    after = alternation([w.lower() for w in words])
    suffix = re.escape(d["years"]["decade_suffix"].lstrip("-"))
    return re.compile(rf"(?:1[89]|2[01])\d\d(?!\d)|\d+(?:[.,]\d+)?\s*(?:[/.\-–—:]|{after}(?![a-z])|-?{suffix}(?![a-z]))")


def first_words(d: dict) -> dict[str, frozenset[str]]:
    """For each branch that can begin with a word, the first words it can begin with (lower case).

    Declared here beside the grammar rather than derived from it at start-up (deriving them by partial
    matching costs about a second); tests/temporal/test_grammar.py derives them and checks this table."""
    t, n, u, rel, r, p, h = d["time"], d["numbers"], d["units"], d["relative"], d["refs"], d["periods"], d["holidays"]
    units = [w for unit in UNITS for w in u[unit]]
    weekdays = [f for forms in d["weekdays"]["names"] for f in forms]
    months = [f for forms in d["months"]["full"] + d["months"]["abbreviations"] for f in forms]
    parts = d["parts"]["early"] + d["parts"]["middle"] + d["parts"]["late"]
    numbers = list(n["units"]) + list(n["specials"])
    se_units = [f"{u['one_prefix']}{w}" for w in units]
    amounts = numbers + se_units + n["approx"]
    refs = r["present"] + r["past"] + r["future"] + r["anaphoric"] + r["anaphoric_or_nothing"]
    refs += r["anaphoric_day"] + r["earlier_today"]
    year_word, month_word = d["years"]["word"], d["months"]["word"]
    table = {
        "wd_range_num": weekdays, "wd_span": weekdays, "wd_num": weekdays, "wd_rel": weekdays,
        "text_cross": weekdays, "text_range": weekdays, "text_date": weekdays,
        "weekend": rel["weekend"], "part_month": parts, "part_year": parts, "part_relmonth": parts,
        "month_range": months + month_word, "month_year": months + month_word, "month_relyear": months + month_word,
        "bulan_month": month_word, "bare_month": months, "year_rel": year_word,
        "ago": amounts + n["vague"], "prev_part": list(t["parts_of_day"]), "prev_next": rel["next_day"],
        "prev_shift": amounts, "period": r["period_words"] + list(r["period_units"]),
        "quarter": p["quarter_words"] + p["half_words"], "quarter_rel": p["quarter_words"],
        "quarter_code": [f"{p['quarter_code']}{i}" for i in range(1, 5)], "season": parts + p["season_word"],
        "vague_count": u["vague_count"], "moment": u["moment"], "frequency": list(u["frequency"]),
        "holiday": list(h["names"]) + [h["offset_mark"]], "holiday_offset": [h["offset_mark"]], "ref": refs,
        "week_rel": u["weeks"] + u["months"], "day_rel": rel["today"] + list(rel["days"]),
        "clock": t["clock_approx"] + t["clock_words"],
        "set": d["sets"]["every"] + d["sets"]["once"] + d["sets"]["per"] + se_units + numbers,
        "duration": d["durations"]["stated_length"] + amounts + n["vague"] + list(u["whole"]),
        "redup": [f"{u['reduplication_prefix']}{w}" for w in units], "part_alone": t["part_deictic"] + list(t["parts_of_day"]),
        "month_day": d["weekdays"]["date_words"], "decade": d["years"]["decade_words"], "year_range": year_word,
        "year": year_word,
    }
    return {name: frozenset(_first_token(w) for w in words) for name, words in table.items()}


@dataclass(frozen=True)
class Glued:
    """Where text glued by a lost space may hold an expression the scanner cannot see (no word boundary):
    `finder`'s group 1, read by branch `name` compiled without its boundary as `reading`. With `ends`,
    the finder only looks in the `reach` characters before each match of it (a zone), since a finder
    run over the whole text cost a fifth of the tagger; `after_letter`: group 1 must follow a letter."""

    finder: re.Pattern[str]
    name: str
    reading: re.Pattern[str]
    ends: re.Pattern[str] | None = None
    reach: int = 0
    after_letter: bool = False


def _glued(digit_branches: dict[str, str], v, months: list[str]) -> tuple[Glued, ...]:
    zone = alternation(list(v.zone_forms))
    month = alternation([m.capitalize() for m in months])
    clock = rf"(\d{{1,2}}[.:]\d{{2}}\s*[-–]\s*\d{{1,2}}[.:]\d{{2}}\s*(?:{zone})(?![^\W\d_]))"
    # after a line break (a literal the regex engine skips to quickly); the text's first line is read as
    # if one came before it
    listed = rf"\n[ \t]*\d{{1,2}}\.(\d{{1,2}}[ \t]+(?:{month})(?![\w]))"
    day_alone = r"(?<![\d.,/])"
    return (
        Glued(re.compile(clock), "bare_clock", re.compile(digit_branches["bare_clock"]), re.compile(zone), 20, True),
        Glued(re.compile(listed), "text_date", re.compile(digit_branches["text_date"].replace(day_alone, "", 1))),
    )


def _first_token(phrase: str) -> str:
    m = re.match(r"\w+", phrase.lower().replace("’", "'"))
    return m.group() if m else ""


def _phrase(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def _triggers(d: dict) -> frozenset[str]:
    """Where an expression can begin, lower case: the first word of phrases that continue in many ways
    (weekday and month names, numbers, units ...) and the whole of fixed phrases whose first word is
    common on its own ("saat ini", "musim kemarau", "dalam waktu dekat"), so that word alone costs nothing."""
    units = [w for unit in UNITS for w in d["units"][unit]]
    rel, t, n, u = d["relative"], d["time"], d["numbers"], d["units"]
    r, p, h, sets = d["refs"], d["periods"], d["holidays"], d["sets"]
    first = [f for forms in d["weekdays"]["names"] for f in forms]
    first += [f for forms in d["months"]["full"] + d["months"]["abbreviations"] for f in forms]
    first += list(n["units"]) + list(n["specials"]) + n["vague"]
    first += [f"{u['one_prefix']}{w}" for w in units] + [f"{u['reduplication_prefix']}{w}" for w in units] + units
    first += d["parts"]["early"] + d["parts"]["middle"] + d["parts"]["late"] + list(rel["days"])
    first += list(t["parts_of_day"]) + t["clock_words"] + t["part_deictic"] + sets["every"]
    first += d["months"]["word"] + d["years"]["word"] + list(r["period_units"]) + p["quarter_words"]
    first += p["half_words"] + [f"{p['quarter_code']}{i}" for i in range(1, 5)] + d["weekdays"]["date_words"]
    first += d["years"]["decade_words"] + u["vague_count"] + u["moment"] + list(u["frequency"]) + list(u["whole"])
    first += [h["offset_mark"]]
    whole = n["approx"] + t["clock_approx"] + rel["today"] + rel["next_day"] + rel["weekend"] + sets["once"]
    whole += r["present"] + r["past"] + r["future"] + r["anaphoric"] + r["anaphoric_or_nothing"]
    whole += r["anaphoric_day"] + r["earlier_today"] + list(h["names"])
    whole += [f"{w} {s}" for w in r["period_words"] for s in r["period_same"]]
    whole += [f"{w} {s}" for w in p["season_word"] for s in p["seasons"]]
    whole += [f"{w} {x}{e}" for w in sets["per"] for x in units for e in ("", sets["enclitic"])]
    out = {_first_token(f) for f in first}
    out |= {_phrase(f) for f in whole}
    return frozenset(filter(None, out))
