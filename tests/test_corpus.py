from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.engine.corpus import (
    _BULLET,
    CorpusError,
    SourceError,
    clean_text,
    decode,
    load_corpus,
    load_rules,
    load_source,
    parse_article,
    split_sentences,
)
from tui.engine.figures import extract_figures

from .conftest import SEEDS, SHARED

EXPECTED = {
    # id: (paragraphs, outlet, date)
    "000_325959a8911ed8b1": (10, "RFE/RL", "2023-09-24"),
    "001_42660f7c9533477f": (11, "", "2023-09-24"),
    "002_e26d6aa20c766d9e": (19, "Washington Post", ""),
    "003_d746f951cc115972": (24, "", ""),
    "004_cbc5f93362fa8248": (20, "The Globe", ""),
}
FURNITURE = [
    "Skip to main content",
    "Open this photo in gallery:",
    "Connect with us",
    "Follow us on Google News to get the latest Updates",
    "Follow related authors and topics",
    "Authors and topics you follow will be added",
    "Interact with The Globe",
    "EMMANUEL DUNAND/AFP/Getty Images",
    "date 2023-09-24",
    "Source: Washington Post",
]


def test_seeds_are_byte_for_byte_copies():
    originals = sorted((SHARED / "seeds").glob("*.txt"))
    if not originals:
        pytest.skip("../shared/seeds is not beside this checkout")
    for original in originals:
        assert (SEEDS / original.name).read_bytes() == original.read_bytes()


def test_every_seed_loads_with_expected_shape(seed_corpus):
    assert [s.id for s in seed_corpus.sources] == sorted(EXPECTED)
    for src in seed_corpus.sources:
        paragraphs, outlet, date = EXPECTED[src.id]
        assert len(src.paragraphs) == paragraphs, src.id
        assert src.outlet == outlet
        assert src.date == date
        assert [p.id for p in src.paragraphs] == [f"{src.id}:p{i}" for i in range(1, paragraphs + 1)]


def test_furniture_leaves_the_body_with_a_reason(seed_corpus):
    body = "\n".join(p.text for p in seed_corpus.paragraphs())
    removed = "\n".join(r.text for s in seed_corpus.sources for r in s.removed)
    for snippet in FURNITURE:
        assert snippet not in body, snippet
        assert snippet in removed, snippet
    reasons = {r.reason for s in seed_corpus.sources for r in s.removed}
    assert {"boilerplate", "metadata", "photo caption"} <= reasons


def test_metadata_prefix_keeps_the_body_of_its_line(seed_corpus):
    first = seed_corpus.source("000_325959a8911ed8b1").paragraphs[0]
    assert first.text.startswith("The two-day offensive forced")


def test_headline_becomes_title_not_body(seed_corpus):
    src = seed_corpus.source("002_e26d6aa20c766d9e")
    assert src.title == "Armenians flee Nagorno-Karabakh after Azerbaijan offensive"
    assert all("Armenians flee Nagorno-Karabakh after" not in p.text for p in src.paragraphs)


def test_sentences_have_offsets(seed_corpus):
    for p in seed_corpus.paragraphs():
        assert p.sentences
        joined = " ".join(p.text[s:e] for s, e in p.sentences)
        assert joined.split() == p.text.split()
    p = seed_corpus.source("002_e26d6aa20c766d9e").paragraphs[11]
    assert p.text.startswith("Azerbaijan launched its lightning-quick offensive on Sept. 19")
    assert len(p.sentences) == 1  # "Sept." is not a sentence end


@pytest.mark.parametrize(
    "text, first",
    [
        ("OceanGate claimed an operating depth of 4,000 m. Almost every other vehicle differs.",
         "OceanGate claimed an operating depth of 4,000 m."),
        ("The wreck lies at 12,500 ft. Rescuers had 96 hours.", "The wreck lies at 12,500 ft."),
        ("The Ft. Lauderdale crowd cheered. It rained.", "The Ft. Lauderdale crowd cheered."),
        ("They met at 5 p.m. Thursday in Rome.", "They met at 5 p.m. Thursday in Rome."),
        ("The suspect is 6 ft. 2 in. tall. He fled.", "The suspect is 6 ft. 2 in. tall."),
        ("The No. 1 v. No. 2 game is on. It sold out.", "The No. 1 v. No. 2 game is on."),
        ("He lived at 1200 Ft. Washington Ave. for years. Then he left.",
         "He lived at 1200 Ft. Washington Ave. for years."),
    ],
)
def test_a_unit_after_a_number_ends_a_sentence_an_abbreviation_does_not(text, first):
    start, end = split_sentences(text)[0]
    assert text[start:end] == first


def test_single_newline_file_splits_per_line(seed_corpus):
    src = seed_corpus.source("003_d746f951cc115972")
    assert len(src.paragraphs) == 24
    assert src.paragraphs[-1].text.startswith("Azerbaijan and Armenia fought two wars")


def test_sources_yaml_fills_metadata(seed_corpus):
    assert seed_corpus.source("001_42660f7c9533477f").title.startswith("Azerbaijan took control")


def test_result_does_not_depend_on_argument_order(tmp_path):
    files = sorted(SEEDS.glob("*.txt"))
    a = load_corpus(files)
    b = load_corpus(list(reversed(files)))
    assert [s.id for s in a.sources] == [s.id for s in b.sources]
    assert [p.text for p in a.paragraphs()] == [p.text for p in b.paragraphs()]


# ------------------------------------------------------------- formats


def _write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_front_matter_and_credit_line(tmp_path):
    f = _write(
        tmp_path / "a.md",
        "---\ntitle: Floods in the valley\noutlet: Daily Example\ndate: 2024-03-05\n---\n\n"
        "# Floods in the valley\n\nThe river rose two metres overnight.\n\nBy Jane Roe\n\n"
        "Officials said 40 homes were flooded. Read [the report](https://example.org/r).\n\n"
        "![A flooded street](street.jpg)\n",
    )
    src = load_source(f)
    assert (src.title, src.outlet, src.date, src.author) == ("Floods in the valley", "Daily Example", "2024-03-05", "Jane Roe")
    assert [p.text for p in src.paragraphs] == [
        "The river rose two metres overnight.",
        "Officials said 40 homes were flooded. Read the report.",
    ]
    assert {r.reason for r in src.removed} == {"metadata", "title", "image"}


def test_html_article(tmp_path):
    f = _write(
        tmp_path / "page.html",
        "<html><head><title>Storm hits coast</title>"
        '<meta property="og:site_name" content="Coast News">'
        '<meta property="article:published_time" content="2024-01-02T10:00:00Z">'
        "<script>var x = 1;</script></head><body><nav>Home | World | Sport</nav>"
        "<h1>Storm hits coast</h1><p>The storm reached the coast on <b>Monday</b>, officials said.</p>"
        "<p>About 3,000 people left &amp; went inland.</p><footer>Subscribe to our newsletter</footer></body></html>",
    )
    src = load_source(f)
    assert (src.title, src.outlet, src.date) == ("Storm hits coast", "Coast News", "2024-01-02")
    assert [p.text for p in src.paragraphs] == [
        "The storm reached the coast on Monday, officials said.",
        "About 3,000 people left & went inland.",
    ]
    removed = {r.text: r.reason for r in src.removed}
    assert removed["Home | World | Sport"] == "navigation"
    assert removed["Subscribe to our newsletter"] == "page footer"


def test_html_page_structure_decides_paragraphs_headings_and_lists(tmp_path):
    f = _write(
        tmp_path / "page.html",
        "<html><head><title>Explainer</title></head><body><div class='banner'>Support our journalism</div>"
        "<h1>Ferry capsizes off Nungwi, 41 dead</h1>"
        "<p>“The sea was very rough,” said survivor Fatma Ali, 34.<br>“People were screaming.”</p>"
        "<h2>Why did the ferry sink?</h2><p>The ferry was licensed for 180 passengers but carried 212.</p>"
        "<p>Key facts:</p><ul><li>41 people confirmed dead</li><li>8 still missing</li></ul>"
        "<table><tr><td>Rescued</td><td>163</td></tr></table>"
        "<p>The divers went back at dawn, officials said.<br><br>A second paragraph after two breaks.</p>"
        "<ul><li><a href='https://x.com/share'>X</a></li><li><a href='/news/2'>Why ferries sink</a></li></ul>"
        "</body></html>",
    )
    src = load_source(f)
    assert [p.text for p in src.paragraphs] == [
        "“The sea was very rough,” said survivor Fatma Ali, 34. “People were screaming.”",
        "The ferry was licensed for 180 passengers but carried 212.",
        "Key facts:", "41 people confirmed dead", "8 still missing", "Rescued 163",
        "The divers went back at dawn, officials said.", "A second paragraph after two breaks.",
    ]
    removed = {r.text: r.reason for r in src.removed}
    assert removed["Ferry capsizes off Nungwi, 41 dead"] == "title" and src.title == "Explainer"
    assert removed["Why did the ferry sink?"] == "heading"
    assert removed["X"] == removed["Why ferries sink"] == "link"


def test_a_web_page_is_read_in_the_character_set_it_declares(tmp_path):
    page = '<html><head><meta charset="iso-8859-2"></head><body><p>Prom zatonął u wybrzeży Zanzibaru.</p>'
    f = _write(tmp_path / "page.html", (page + "<p>Łódź była przeciążona.</p></body></html>").encode("iso-8859-2"))
    src = load_source(f)
    assert [p.text for p in src.paragraphs] == ["Prom zatonął u wybrzeży Zanzibaru.", "Łódź była przeciążona."]
    assert src.encoding == "iso-8859-2" and not src.warnings


def test_utf8_bom(tmp_path):
    f = _write(tmp_path / "bom.txt", b"\xef\xbb\xbfFirst paragraph here.\n\nSecond one.\n")
    src = load_source(f)
    assert src.paragraphs[0].text == "First paragraph here."
    assert src.encoding == "utf-8-sig"


def test_windows_1252_fallback_warns(tmp_path):
    f = _write(tmp_path / "old.txt", "Caf\u00e9 owners said \u201cno\u201d.\n\nMore text.\n".encode("cp1252"))
    src = load_source(f)
    assert src.paragraphs[0].text == "Caf\u00e9 owners said \u201cno\u201d."
    assert src.encoding == "cp1252"
    assert any("Windows-1252" in w for w in src.warnings)


def test_control_and_escape_characters_are_stripped():
    raw = "Bad\x1b[31m red\x1b[0m \x1b]0;title\x07text\x00 with\x07 bell\u202e and\ttab"
    assert clean_text(raw) == "Bad red text with bell and tab"


def test_hidden_hyphens_and_zero_width_characters_are_stripped():
    assert clean_text("Berg\u00adstr\u200bom\u2060 said") == "Bergstrom said"


def test_a_no_break_space_between_digit_groups_stays_a_thousands_separator():
    text = clean_text("4\u00a0500 residents left\u00a0town; 12\u2009000 stayed")
    assert text == "4\u202f500 residents left town; 12\u202f000 stayed"
    assert [f.value for f in extract_figures(text)] == [4500, 12000]


@pytest.mark.parametrize(
    ("raw", "values"),
    [("More than 14 000 firefighters and 1 250 000 litres of water.", [14000, 1250000]),
     ("It paid 12 345.67 euros.", [12345.67]),
     ("On March 14 200 people left.", [314, 200]),
     ("In 2019 150 people left.", [2019, 150]),
     ("He won the 5 100-metre races.", [5, 100])],
)
def test_digit_groups_parted_by_plain_spaces_are_one_number(raw, values):
    figures = extract_figures(clean_text(raw))
    assert [f.value for f in figures] == values


def test_sources_yaml_beside_files(tmp_path):
    _write(tmp_path / "one.txt", "Alpha said 3 things.\n")
    _write(tmp_path / "two.txt", "Beta said 4 things.\n")
    _write(tmp_path / "sources.yaml", "one.txt:\n  outlet: Alpha Times\n  date: 2024-05-06\ntwo:\n  outlet: Beta Post\n")
    corpus = load_corpus([tmp_path])
    assert [(s.outlet, s.date) for s in corpus.sources] == [("Alpha Times", "2024-05-06"), ("Beta Post", "")]


def test_user_rules_extend_the_bundled_ones(tmp_path):
    rules_file = _write(tmp_path / "rules.yaml", "furniture:\n  - name: promo\n    reason: promotion\n    pattern: 'listen to our podcast.*'\n")
    rules = load_rules([rules_file])
    paragraphs, removed, _, _ = parse_article("Body text here.\n\nListen to our podcast every Monday\n", "x", rules=rules)
    assert [p.text for p in paragraphs] == ["Body text here."]
    assert removed[0].reason == "promotion"


def test_broken_rules_file_is_reported_not_fatal(tmp_path):
    rules_file = _write(tmp_path / "rules.yaml", "furniture:\n  - pattern: '(unclosed'\n")
    rules = load_rules([rules_file])
    assert any("bad pattern" in w for w in rules.warnings)
    assert rules.furniture  # the bundled rules still apply


# ------------------------------------------------------------- bad input


@pytest.fixture
def binary_file(tmp_path):
    return _write(tmp_path / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")


@pytest.fixture
def undecodable_file(tmp_path):
    return _write(tmp_path / "broken.txt", b"caf\xe9 \x81\x8d\x8f\x90 text that is neither utf-8 nor cp1252\n")


@pytest.fixture
def empty_file(tmp_path):
    return _write(tmp_path / "empty.txt", "\n\n   \n")


@pytest.fixture
def one_article_folder(tmp_path):
    folder = tmp_path / "single"
    folder.mkdir()
    shutil.copy(SEEDS / "000_325959a8911ed8b1.txt", folder)
    return folder


@pytest.fixture
def mixed_folder(tmp_path, binary_file, undecodable_file):
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name in ("000_325959a8911ed8b1.txt", "001_42660f7c9533477f.txt"):
        shutil.copy(SEEDS / name, folder)
    shutil.copy(binary_file, folder)
    shutil.copy(undecodable_file, folder)
    _write(folder / "notes.pdf", b"%PDF-1.4")
    return folder


def test_missing_path(tmp_path):
    with pytest.raises(CorpusError, match="no such file or folder"):
        load_corpus([tmp_path / "nope"])


def test_binary_file_named_explicitly(binary_file):
    with pytest.raises(SourceError, match="binary file"):
        load_corpus([binary_file, SEEDS / "000_325959a8911ed8b1.txt"])


def test_undecodable_file_named_explicitly(undecodable_file):
    with pytest.raises(SourceError, match="cannot be decoded"):
        load_corpus([undecodable_file, SEEDS / "000_325959a8911ed8b1.txt"])


def test_file_with_no_text(empty_file):
    with pytest.raises(SourceError, match="no article text"):
        load_source(empty_file)


def test_folder_with_one_article(one_article_folder):
    with pytest.raises(CorpusError, match="needs at least 2"):
        load_corpus([one_article_folder])


def test_folder_with_no_readable_article(tmp_path, binary_file, undecodable_file):
    with pytest.raises(CorpusError, match="no readable article"):
        load_corpus([tmp_path])


def test_unreadable_files_in_a_folder_are_reported_and_skipped(mixed_folder):
    corpus = load_corpus([mixed_folder])
    assert [s.id for s in corpus.sources] == ["000_325959a8911ed8b1", "001_42660f7c9533477f"]
    text = "\n".join(corpus.warnings)
    assert "photo.txt: is a binary file" in text
    assert "broken.txt: cannot be decoded" in text
    assert "notes.pdf: skipped" in text


def test_decode_rejects_binary():
    with pytest.raises(SourceError):
        decode(b"\x00\x01\x02\x03" * 10)


# ------------------------------------------------------------- properties


def _accounted(text: str, rules) -> None:
    paragraphs, removed, _, _ = parse_article(text, "s", rules=rules)
    pieces = " ".join([p.text for p in paragraphs] + [r.text for r in removed])
    kept = set(pieces.split())
    for line in clean_text(text).split("\n"):
        # A list item's bullet ("- ", "• ") is layout, not text: the item is kept as a paragraph without it.
        line = _BULLET.sub("", line.strip(), count=1)
        for word in line.split():
            assert word in kept, (word, line)


_RULES = load_rules()
_lines = st.lists(
    st.one_of(
        st.text(max_size=80),
        st.sampled_from(["", "Skip to main content", "date 2023-09-24 Body follows.", "Source: Example News", "---"]),
    ),
    max_size=30,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_lines)
def test_loading_arbitrary_text_never_crashes_or_loses_a_line(lines):
    _accounted("\n".join(lines), _RULES)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_decode_or_fail_cleanly(data):
    try:
        text, _, _ = decode(data)
    except SourceError:
        return
    _accounted(text, _RULES)


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("2023-09-24", "2023-09-24"),
        ("2024-01-02T10:00:00Z", "2024-01-02"),
        ("September 24, 2023", "2023-09-24"),
        ("24 Sept. 2023", "2023-09-24"),
        ("Sept. 24", "Sept. 24"),  # no year: kept as written
        ("31 February 2023", "31 February 2023"),  # no such day: kept as written
    ],
)
def test_normalise_date(written, iso):
    from tui.engine.corpus import normalise_date

    assert normalise_date(written) == iso


AGENCY_AND_FOOTER_FURNITURE = [
    "Supported by",
    "Our Standards: The Thomson Reuters Trust Principles.",
    "Reporting by Felix Light; Editing by Frances Kerry.",
    "(Writing by Ann Roe; additional reporting by Ben Lee in Baku)",
    "Associated Press writers Dasha Litvinova in Tallinn and Aida Sultanova contributed to this report.",
    "Follow AP's coverage of the conflict at https://apnews.com/hub/example",
    "A woman carries belongings in Stepanakert on Sept. 23. (AP Photo/Siranush Sargsyan)",
    "Thank you for reading. Please consider a subscription.",
    "Have a news tip? Contact us.",
    "This article was originally published on Sept. 24, 2023.",
    "(Adds statement from defense lawyer, details of testimony, background)",
    "In this courtroom sketch, the defendant testifies in federal court, Oct. 27, 2023. (Elizabeth Williams via AP)",
    "Disclosure: Our editorial team adheres to a strict set of editorial policies.",
    "News | Local | Weather | Sports | Investigations | Watch Live",
    "This article tagged under: Courts • Crypto • Manhattan",
    "Also read: ISRO shares a new video of the Pragyaan rover moving around the Shiv Shakti point",
    "A farmer shows a photograph of his son at their home in Villupuram on Sunday. | Photo: Special Arrangement",
    "SportZone | Home | Football | World Cup 2022 | Transfers | Cricket | F1 | Videos",
    "LIVE SCORES: ARG 3-3 FRA (4-2 pens) FT | MAR 1-2 CRO FT | Premier League returns Dec 26",
    "A health worker attends to a child at a treatment centre near Goma, eastern DR Congo. PHOTO | FILE | AFP",
    "Get the day's top stories delivered to your inbox. Subscribe to our free newsletter.",
    "RELATED: What we know about the six men who died in the Key Bridge collapse on Tuesday",
    "(Reporting by Wire staff in Moscow, Rostov-on-Don and Washington; Writing by Peter Lind; Editing by Anna Kor)",
    "Photo: The president addresses officers at a ceremony in Minsk, 27 June 2023. Photo by the presidential press service",
    "A resident stands in his backyard, where he found the panel on Sunday. Staff photo / Dana Whitcomb",
    "Crews sort debris at the port on Monday. AP Photo: Julio Cortez",
    "Related on Harbor Safety Review: How tugs are rated | Ten years of port closures",
    "Stay informed. Sign up for the Valley Gazette's free weekday morning briefing newsletter.",
    "This story was translated from the Spanish edition of El Diario Austral.",
    "Subscribers can download the full flood event report (PDF, 28 pages) from the Research hub.",
    "Download the full report (PDF, 1.2 MB) here.",
]
BODY_THAT_LOOKS_LIKE_FURNITURE = [
    "Reporting by the BBC showed that hundreds of families had already left the valley.",
    "The standards body said the inspection found no defects in the hull.",
    "Officials said they would contact the families of the 23 wounded on Monday.",
    "Writers and artists signed a letter asking the government to open the corridor.",
    "This report was published two days after the massacre and accuses the army of killing 40 civilians.",
    "Hospital staff said the cold weather contributed.",
    "Standards: the ministry said the new rules apply from Monday.",
    "Contact us if you saw anything, police said in a statement.",
    "(The ministry later raised the figure to 41.)",
    "He said the money went to the trading firm (via FTX US), prosecutors said.",
    "Fire crews, police and the coast guard | all of them | rushed to the harbour, he said.",
    "Also read out in court was a letter from the families of the 41 victims.",
    "More than 2 million readers now subscribe to her newsletter, which covers politics.",
    "Results: Labour won 412 seats after a 64-36 split in the vote.",
    "The exhibition opened in Minsk on Friday. Pictures by local children line the walls",
    "The mayor held up a photograph. Her staff photo: a smiling crew before the flood, taken in 2019.",
    "Related on Monday: police said the two fires were started by the same man.",
    "The letter was translated from Arabic by UN staff, and this article quotes it in full.",
    "Residents can download the evacuation map from the county's website, officials said.",
    "Members can access the club's gym free of charge until the end of the season, the council said.",
    "Subscribers may access their accounts again after the outage was fixed, the company said.",
    "Members may download their voting packs from Friday, the union said.",
    "Reporters could not read the full report, which the ministry kept secret.",
]


def test_a_caption_right_above_a_photo_credit_leaves_the_body():
    text = (
        "Storm hits the coast\n\n"
        "The storm made landfall on Tuesday, officials said. Thousands lost power.\n\n"
        "Travelers wait in line at a ticket counter at the airport on July 21, 2024.\n\n"
        "Photo: Erik Santos / WXTV\n\n"
        "Airlines cancelled more than 3,000 flights.\n\n"
        "Crews worked through the night to restore power.\n"
    )
    paragraphs, removed, _, _ = parse_article(text, "a")
    assert [p.text[:12] for p in paragraphs] == ["The storm ma", "Airlines can", "Crews worked"]
    assert ("Travelers wait in line at a ticket counter at the airport on July 21, 2024.", "photo caption") in [
        (r.text, r.reason) for r in removed
    ]
    # a paragraph of several sentences above a credit is text
    paragraphs, _, _, _ = parse_article(text.replace("on July 21, 2024.", "on July 21. They waited."), "a")
    assert any(p.text.startswith("Travelers wait") for p in paragraphs)


def test_agency_credits_and_page_footers_leave_the_body(tmp_path):
    body = BODY_THAT_LOOKS_LIKE_FURNITURE
    lines = [body[0], *AGENCY_AND_FOOTER_FURNITURE[:5], body[1], *AGENCY_AND_FOOTER_FURNITURE[5:], *body[2:]]
    (tmp_path / "a.txt").write_text("\n\n".join(lines) + "\n")
    (tmp_path / "b.txt").write_text("Another report.\n")
    src = load_corpus([tmp_path]).source("a")
    assert [p.text for p in src.paragraphs] == body
    assert [r.text for r in src.removed] == AGENCY_AND_FOOTER_FURNITURE
    assert src.title == ""


def test_a_wrapped_paragraph_is_not_cut_where_a_line_looks_like_furniture(tmp_path):
    paragraphs = [
        "Deaths have passed 40,000, according to a tally\ncompiled by Johns Hopkins University.",
        "The film was shot in Malta and was\nproduced by Steven Spielberg.",
        "Ukraine has long hoped to\nbecome a member of NATO, officials said.",
        "The delays at the hospital\nstaff shortages contributed to this report of the inspectors.",
        "Supporters followed the\nreporting by Reuters closely.",
    ]
    (tmp_path / "a.txt").write_text("\n\n".join(paragraphs) + "\n")
    (tmp_path / "b.txt").write_text("Another report.\n")
    src = load_corpus([tmp_path]).source("a")
    assert [p.text for p in src.paragraphs] == [p.replace("\n", " ") for p in paragraphs]
    assert not src.removed


def test_a_short_line_of_two_sentences_is_text_not_a_heading():
    text = "Storm Hits Coast\n\nThe storm killed 11 people. More were missing\n\nWinds hit 120 miles per hour.\n\nAftermath\n\nRoads were closed.\n"
    paragraphs, removed, _, _ = parse_article(text, "s")
    assert [p.text for p in paragraphs] == [
        "The storm killed 11 people. More were missing", "Winds hit 120 miles per hour.", "Roads were closed."]
    assert [(r.text, r.reason) for r in removed] == [("Storm Hits Coast", "title"), ("Aftermath", "heading")]


@pytest.mark.parametrize(
    "headline", ["Suez Canal Blocked? What We Know So Far", "What happens next? Experts weigh in",
                 "Fire Hits Calif. Town", "Ex-Gov. Cuomo Sues Accuser"],
)
def test_a_headline_with_inner_punctuation_is_still_a_heading(headline):
    paragraphs, removed, _, _ = parse_article(f"{headline}\n\nBody one here.\n\nBody two here.\n", "s")
    assert [p.text for p in paragraphs] == ["Body one here.", "Body two here."]
    assert [(r.text, r.reason) for r in removed] == [(headline, "title")]


def test_a_long_headline_and_standfirst_above_the_text_are_not_body():
    text = ("date 2023-06-28\n\nHome | News | Weather | Sports\n\n"
            "Titan sub debris brought ashore in Canada; Coast Guard says presumed human remains recovered\n\n"
            "British explorer among five dead as debris found on seabed ends four-day search\n\n"
            "Twisted pieces of the submersible were lifted onto a dock on Wednesday.\n\n"
            "Investigators will examine them in a search for the cause of the loss\n\nMore was said.\n")
    paragraphs, removed, meta, _ = parse_article(text, "s")
    assert meta["title"].startswith("Titan sub debris brought ashore")
    assert ("British explorer among five dead as debris found on seabed ends four-day search", "heading") in [
        (r.text, r.reason) for r in removed]
    # Below the first paragraph only a short line is a heading: a long one is text that lost its full stop.
    assert [p.text[:20] for p in paragraphs] == ["Twisted pieces of th", "Investigators will e", "More was said."]


@pytest.mark.parametrize(
    ("text", "fmt", "first"),
    [("Quake kills 1,300 in Turkey\n\nA magnitude 7.8 earthquake struck southern Turkey early on Monday, "
      "killing at least 1,300 people\n", "text", "A magnitude 7.8"),
     ("Russia strikes Kyiv\n\nKYIV, Ukraine (AP) — Russia launched a wave of drones and missiles at the capital "
      "early on Monday\n\nMore was said.\n", "text", "KYIV, Ukraine (AP)"),
     ("Stocks rally\n\nNEW YORK, Feb. 12, 2024 (Reuters) — Stocks rallied on Monday as investors cheered strong "
      "earnings from banks\n\nMore was said.\n", "text", "NEW YORK, Feb. 12"),
     ("Protests spread\n\nLA PAZ, Bolivia (AP) — Thousands marched through the capital on Monday against the fuel "
      "price rise\n\nMore was said.\n", "text", "LA PAZ, Bolivia"),
     ("Trade talks\n\nBEIJING, Oct 3 (Xinhua) -- China and Vietnam signed a trade pact on Tuesday after two days "
      "of talks\n\nMore was said.\n", "text", "BEIJING, Oct 3"),
     ("# Quake hits\n\nANKARA — A long lede without a full stop that runs on for a while about the quake on "
      "Monday\n\nMore text.\n", "markdown", "ANKARA — A long lede"),
     ("नया शीर्षक\n\nयह पहला अनुच्छेद है।\n\nयह दूसरा अनुच्छेद है।\n", "text", "यह पहला अनुच्छेद है।"),
     ("Storm hits\n\nRoads closed\n\nPower out\n", "text", "Roads closed")],
)
def test_a_first_paragraph_without_a_full_stop_stays_text(text, fmt, first):
    paragraphs, _, _, _ = parse_article(text, "s", fmt)
    assert paragraphs and paragraphs[0].text.startswith(first)


@pytest.mark.parametrize("headline", ["US, China agree to resume military talks after months of tension over Taiwan",
                                      "EU - Britain strike a deal on fishing rights after a decade of wrangling",
                                      "TSMC, Nvidia shares slide -- chip stocks fall as export curbs tighten again"])
def test_a_long_headline_opening_with_an_abbreviation_is_no_dateline(headline):
    _, _, meta, _ = parse_article(f"{headline}\n\nThe two sides met in Geneva on Monday.\n\nMore was said.\n", "s")
    assert meta.get("title") == headline


def test_text_after_a_field_on_its_line_is_body_however_long():
    # A record dump's "date ... <text>": what follows the field is the article's first paragraph.
    text = ("date 2023-09-24 Azerbaijan took control over the disputed region in a swift military operation "
            "earlier this week\n\nThe operation might trigger a mass exodus.\n")
    paragraphs, _, meta, _ = parse_article(text, "s")
    assert "title" not in meta
    assert paragraphs[0].text.startswith("Azerbaijan took control")


def test_a_paragraph_ending_in_a_german_quotation_is_text():
    text = "Body one here.\n\nBergstrom said: „We were lucky nobody died.“\n\nBody two here.\n"
    paragraphs, removed, _, _ = parse_article(text, "s")
    assert len(paragraphs) == 3 and not removed


@pytest.mark.parametrize(
    ("text", "fmt"),
    [("Storm hits\n\nThe storm hit on Monday.\n\n• Deaths: 21\n• Missing: 14\n\nMore text here.\n", None),
     ("# Storm hits\n\nThe storm hit on Monday.\n\n- Deaths: 21\n- Missing: 14\n\nMore text here.\n", "markdown"),
     ("# Storm hits\n\nThe storm hit on Monday.\n\n1. Deaths: 21\n2. Missing: 14\n\nMore text here.\n", "markdown")],
)
def test_each_item_of_a_list_is_a_paragraph_not_a_heading(text, fmt):
    paragraphs, removed, _, _ = parse_article(text, "s", fmt) if fmt else parse_article(text, "s")
    assert [p.text for p in paragraphs] == ["The storm hit on Monday.", "Deaths: 21", "Missing: 14", "More text here."]
    assert [r.reason for r in removed] == ["title"]


def test_a_short_paragraph_ending_in_a_chinese_full_stop_is_text():
    text = "Body one here.\n\n协议涵盖一百二十五种产品。\n\nBody two here.\n"
    paragraphs, removed, _, _ = parse_article(text, "s")
    assert len(paragraphs) == 3 and not removed


def test_a_link_that_loops_is_reported_and_skipped_in_a_folder(tmp_path):
    _write(tmp_path / "a.txt", "A storm hit the coast on Monday.\n")
    _write(tmp_path / "b.txt", "The storm hit the coast on Monday.\n")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    corpus = load_corpus([tmp_path])
    assert [s.id for s in corpus.sources] == ["a", "b"]
    assert any("loop.txt" in w and "skipped" in w for w in corpus.warnings)
    with pytest.raises(CorpusError, match="back to itself"):
        load_corpus([tmp_path / "loop.txt", tmp_path / "a.txt"])


def test_a_rules_file_named_but_missing_is_reported(tmp_path):
    rules = load_rules([tmp_path / "nope.yaml"])
    assert any("nope.yaml" in w and "no such file" in w for w in rules.warnings)


def test_text_copied_from_a_browser_is_one_paragraph_per_line_even_with_a_stray_blank_line():
    text = ("Zanzibar ferry: At least 41 dead after MV Saint Anna capsizes\nShare\n"
            "At least 41 people have died after a ferry carrying more than 200 passengers capsized, officials say.\n"
            "The MV Saint Anna overturned in rough seas at about 05:40 local time on Monday, the authority said.\n"
            "Advertisement\n\n"
            '"The sea was very rough, the waves were higher than the boat," said survivor Fatma Ali, 34.\n'
            "The vessel, which was built in 1987, was licensed to carry 180 passengers and 12 crew.\n"
            "Questions over safety\n"
            "Tanzania's president declared three days of national mourning and ordered an investigation.\n")
    paragraphs, removed, meta, _ = parse_article(text, "s")
    assert [p.text[:20] for p in paragraphs] == [
        "At least 41 people h", "The MV Saint Anna ov", '"The sea was very ro', "The vessel, which wa", "Tanzania's president"]
    assert ("Questions over safety", "heading") in [(r.text, r.reason) for r in removed]


def test_a_paragraph_wrapped_at_a_fixed_width_stays_one_paragraph():
    text = ("This is a paragraph that has been wrapped at a fixed width of about seventy\n"
            "characters, as plain text emails and some wire copy are. It goes on for a\n"
            "few lines. And it ends here.\n\n"
            "Second paragraph, also wrapped at the same width so that it needs two lines\n"
            "to be read in full.\n")
    paragraphs, _, _, _ = parse_article(text, "s")
    assert len(paragraphs) == 2 and paragraphs[0].text.endswith("it ends here.")


def test_too_few_readable_articles_says_why_the_others_were_skipped(tmp_path):
    _write(tmp_path / "a.txt", "The storm reached the coast on Monday, officials said.\n")
    _write(tmp_path / "photo.txt", b"\x00\x01\x02binary\x00" * 40)
    with pytest.raises(CorpusError, match=r"needs at least 2; the others: .*photo\.txt: is a binary file"):
        load_corpus([tmp_path])


def test_markdown_markup_does_not_leak_into_paragraphs():
    md = ("Ferry sinks off Zanzibar\n========================\n\n"
          "**NUNGWI** — At least **41 people** died when the *MV Saint Anna* capsized, by [local estimates][1].[^1]\n\n"
          "> The sea was very rough.\n>\n> People were screaming.\n\n"
          "Background\n----------\n\n"
          "__163 passengers__ were rescued. The hospital<br>in Stone Town took 22, said snake_case_name.\n\n"
          '[1]: https://example.org/spice "Spice"\n[^1]: Interview conducted by phone.\n')
    paragraphs, removed, meta, _ = parse_article(md, "s", "markdown")
    assert [p.text for p in paragraphs] == [
        "NUNGWI — At least 41 people died when the MV Saint Anna capsized, by local estimates.",
        "The sea was very rough.", "People were screaming.",
        "163 passengers were rescued. The hospital in Stone Town took 22, said snake_case_name."]
    assert meta["title"] == "Ferry sinks off Zanzibar"
    assert [(r.text, r.reason) for r in removed] == [
        ("Ferry sinks off Zanzibar", "title"), ("Background", "heading"),
        ('[1]: https://example.org/spice "Spice"', "link"), ("[^1]: Interview conducted by phone.", "footnote")]


def test_a_no_break_space_between_digit_groups_in_a_web_page_stays_a_thousands_separator():
    paragraphs, _, _, _ = parse_article("<p>The ship carried 4&nbsp;500 kg of cargo,   officials said.</p>", "s", "html")
    assert paragraphs[0].text == "The ship carried 4\u202f500 kg of cargo, officials said."


def test_parts_of_a_page_named_as_furniture_leave_the_article(tmp_path):
    page = ("<html><body><article><header><h1>Ferry sinks</h1>"
            "<p class='standfirst'>The ferry was carrying 212 people, 32 more than it was licensed for.</p></header>"
            "<p>There was a <span class='sr-only'>Tanzanian</span> navy boat at the scene within an hour, officials said.</p>"
            "<div class='pullquote'><blockquote>The waves were higher than the boat</blockquote></div>"
            "<p>“The waves were higher than the boat,” said survivor Fatma Ali.</p></article>"
            "<div id='comments'><p>Prayers for the 41 families, and for the rescuers too.</p></div>"
            "<section class='related-stories'><p>Why are ferry disasters so common in East Africa?</p></section>"
            "</body></html>")
    src = load_source(_write(tmp_path / "page.html", page))
    assert [p.text for p in src.paragraphs] == [
        "The ferry was carrying 212 people, 32 more than it was licensed for.",
        "There was a Tanzanian navy boat at the scene within an hour, officials said.",
        "“The waves were higher than the boat,” said survivor Fatma Ali."]
    reasons = {r.text: r.reason for r in src.removed}
    assert reasons["Prayers for the 41 families, and for the rescuers too."] == "comments"
    assert reasons["The waves were higher than the boat"] == "pull quote"
    assert reasons["Why are ferry disasters so common in East Africa?"] == "related"


def test_a_form_around_the_whole_page_still_gives_the_article(tmp_path):
    body = "".join(f"<p>Paragraph {n} of the article tells what happened at the port on Monday, officials said.</p>"
                   for n in range(1, 6))
    page = f"<html><body><form id='aspnetForm'><nav>Home | News</nav>{body}</form></body></html>"
    src = load_source(_write(tmp_path / "page.html", page))
    assert len(src.paragraphs) == 5


@pytest.mark.parametrize(("line", "author"), [
    ("By José Mbéki · Monday, May 6, 2024", "José Mbéki"),
    ("By Amina Hassan, East Africa correspondent", "Amina Hassan"),
    ("By Grace Njeri", "Grace Njeri"),
    ("By WNYF Staff and The Associated Press • Published November 2, 2023 • Updated on November 3, 2023 at 6:14 am",
     "WNYF Staff and The Associated Press"),
    ("By Col. (ret.) Martin Keane, Senior Land Warfare Analyst | 30 June 2023 | 9 min read", "Col. (ret.) Martin Keane"),
])
def test_a_byline_with_a_date_or_a_role_gives_the_author(line, author):
    _, removed, meta, _ = parse_article(f"{line}\n\nThe ferry sank on Monday, officials said.\n\nMore was said.\n", "s")
    assert meta["author"] == author and removed[0].reason == "metadata"


def test_a_list_of_links_under_a_label_leaves_the_body_with_it():
    text = ("The jury convicted him on Thursday.\n\nTrending Stories\n- Two hurt in Bronx building fire, FDNY says\n"
            "- Subway delays on the 4 and 5 lines\n\nHe will be sentenced in March.\n\n- Deaths: 21\n- Missing: 14\n")
    paragraphs, removed, _, _ = parse_article(text, "s")
    assert [p.text for p in paragraphs] == ["The jury convicted him on Thursday.", "He will be sentenced in March.",
                                            "Deaths: 21", "Missing: 14"]
    assert [r.text for r in removed] == ["Trending Stories", "Two hurt in Bronx building fire, FDNY says",
                                         "Subway delays on the 4 and 5 lines"]


def test_headlines_one_a_line_under_a_trending_label_leave_the_body():
    text = ("The eruption eased on Tuesday, officials said.\n\nTrending Now\nFrigid Arctic blast brings record lows\n"
            "Chiefs beat Dolphins in one of the coldest playoff games in NFL history\n\nMore was said on Wednesday.\n\n"
            "Related\nThe ferry sank on Monday, and its crew was rescued.\n")
    paragraphs, removed, _, _ = parse_article(text, "s")
    assert [p.text for p in paragraphs] == ["The eruption eased on Tuesday, officials said.",
                                            "More was said on Wednesday.",
                                            "The ferry sank on Monday, and its crew was rescued."]
    assert [r.text for r in removed][:3] == ["Trending Now", "Frigid Arctic blast brings record lows",
                                             "Chiefs beat Dolphins in one of the coldest playoff games in NFL history"]


def test_a_date_line_under_a_long_standfirst_still_dates_the_article():
    text = ("Quake toll rises\n\nRescuers dug through the night. Hopes faded.\n\nThe agency gave new figures.\n"
            "February 6, 2023\n\nThe body said so.\n")
    assert parse_article(text, "s")[2]["date"] == "2023-02-06"


def test_a_timeline_s_dates_and_a_title_s_date_do_not_date_the_article():
    text = ("Quake anniversary\n\nTitle: A year after the February 6, 2023 earthquakes\n\nBy Jane Roe | Published "
            "February 5, 2024\n\nThe body said so.\n\nMore was said.\n\nFebruary 6, 2023\n\nThe quake struck.\n")
    assert parse_article(text, "s")[2]["date"] == "2024-02-05"
    text = ("Quake anniversary\n\nThe body said so.\n\nMore was said.\n\nAnd more.\n\nAnd still more.\n\n"
            "February 6, 2023\n\nApollo 11 1969\n")
    assert "date" not in parse_article(text, "s")[2]


@pytest.mark.parametrize(("line", "date"), [
    ("Thu 24 Aug 2023 06.00 BST", "2023-08-24"),
    ("August 14, 2024", "2024-08-14"),
    ("By Dana Whitlock | Published August 29, 2023", "2023-08-29"),
    ("Updated: Aug 28, 2023, 11:42 IST", "2023-08-28"),
    ("By WNYF Staff • Published November 2, 2023 • Updated on November 3, 2023 at 6:14 am", "2023-11-02"),
])
def test_the_date_of_a_byline_or_an_update_stamp_is_the_article_s_date(line, date):
    _, _, meta, _ = parse_article(f"Headline here\n\n{line}\n\nThe ferry sank on Monday, officials said.\n", "s")
    assert meta["date"] == date


@pytest.mark.parametrize("line", ["Home | Local | U.S. & World | Weather | Politics | Video | Live TV",
                                  "News • U.K. • Europe • Sport"])
def test_a_menu_whose_items_abbreviate_is_a_menu(line):
    paragraphs, removed, meta, _ = parse_article(f"{line}\n\nPutin says the plotters betrayed Russia\n\n"
                                                 "The mercenary boss is now in Belarus, its leader said.\n", "s")
    assert (line, "boilerplate") in [(r.text, r.reason) for r in removed]
    assert meta["title"] == "Putin says the plotters betrayed Russia"


def test_a_sentence_that_ends_between_bars_is_not_a_menu():
    from tui.engine.corpus import _furniture_rule, load_rules

    assert _furniture_rule("He said no. | She said yes. | They left.", load_rules()) is None
    # a full stop inside an item is an abbreviation's only after a capital ("U.S."), not after "a"
    assert _furniture_rule("Fire crews came | all of them. a few | then left", load_rules()) is None


@pytest.mark.parametrize("line", ["Deaths: 45 • Injured: 120 • Missing: 14 • Displaced: 5,000",
                                  "Monday: 12 dead · Tuesday: 30 dead · Wednesday: 45 dead", "Hatay | 4,500 | 12,000"])
def test_a_fact_box_is_not_a_menu(line):
    from tui.engine.corpus import _furniture_rule, load_rules

    assert _furniture_rule(line, load_rules()) is None


def test_a_numbered_list_under_a_most_popular_label_is_links():
    text = ("The body said so.\n\nMost popular\n1. Messi confirms he will keep playing\n2. Mbappe consoled by "
            "Macron\n\nMore body text here.\n\n1. A numbered line elsewhere stays.\n")
    paragraphs, _, _, _ = parse_article(text, "s")
    assert [p.text for p in paragraphs] == ["The body said so.", "More body text here.",
                                            "1. A numbered line elsewhere stays."]


def test_a_markdown_heading_ends_a_list_of_links():
    text = ("# Quake kills 45\n\nThe quake struck on Monday.\n\nRelated stories:\n\n- [Earlier quake](x)\n\n"
            "## Key facts\n\n- 45 people were killed\n- 120 people were injured\n")
    paragraphs, removed, _, _ = parse_article(text, "s", "markdown")
    assert [p.text for p in paragraphs] == ["The quake struck on Monday.", "45 people were killed",
                                            "120 people were injured"]
    paragraphs, _, _, _ = parse_article("The quake struck.\n\nLatest news:\n- 45 people were killed\n", "s")
    assert [p.text for p in paragraphs] == ["The quake struck.", "Latest news:", "45 people were killed"]


def test_a_sentence_starting_with_by_is_not_a_byline():
    paragraphs, _, meta, _ = parse_article(
        "The ferry sank.\n\nBy Monday, the toll had risen to 41, the authority said on Tuesday.\n", "s")
    assert "author" not in meta and paragraphs[-1].text.startswith("By Monday")


def test_a_parallax_report_in_the_folder_is_not_read_as_an_article(tmp_path):
    _write(tmp_path / "a.txt", "The storm reached the coast on Monday, officials said.\n")
    _write(tmp_path / "b.txt", "Officials said the storm reached the coast on Monday.\n")
    _write(tmp_path / "sourcing-report.html", "<html><body><p>The storm reached the coast on Monday.</p></body></html>")
    _write(tmp_path / "second.sourcing-report.md", "The storm reached the coast on Monday.\n")
    corpus = load_corpus([tmp_path])
    assert [s.id for s in corpus.sources] == ["a", "b"]
    assert sum("a Parallax sourcing report" in w for w in corpus.warnings) == 2


def test_ragged_short_lines_stay_one_paragraph_even_where_a_line_ends_a_sentence():
    text = ("Local officials said\n17 people were missing. The Red Cross\nsaid it had supplied 28,000 diapers.\n"
            "Michael S.\nBarr said so.\n\nValley Relief Fund\nPO Box 4410\nNairobi 00100\n")
    paragraphs, removed, _, _ = parse_article(text, "s")
    assert [p.text for p in paragraphs] == [
        "Local officials said 17 people were missing. The Red Cross said it had supplied 28,000 diapers. "
        "Michael S. Barr said so.", "Valley Relief Fund PO Box 4410 Nairobi 00100"]


@pytest.mark.parametrize("name", ["social-affairs-section", "shareholders-note", "promotion-news", "ad-hoc-committee",
                                  "commentary", "page-wrap with-share-rail", "related-wrap"])
def test_article_text_in_elements_whose_names_only_look_like_furniture_is_kept(tmp_path, name):
    page = (f"<html><body><div class='{name}'><p>The committee met on Monday and agreed to send 40 more "
            "rescuers to the valley, officials said.</p></div><p>The second paragraph of the article, "
            "with more of what the officials said about the floods.</p></body></html>")
    src = load_source(_write(tmp_path / "page.html", page))
    assert len(src.paragraphs) == 2


def test_an_article_inside_an_element_named_like_furniture_is_still_read(tmp_path):
    body = "".join(f"<p>Paragraph {n} of the article tells what happened at the port on Monday, officials said.</p>"
                   for n in range(1, 6))
    src = load_source(_write(tmp_path / "page.html", f"<html><body><div class='share-bar'>{body}</div></body></html>"))
    assert len(src.paragraphs) == 5


@pytest.mark.parametrize(("text", "fmt", "expected"), [
    ("<ul><li>Deaths: 40<li>Missing: 12</ul><h2>Rescue effort</h2>"
     "<p><a href='/appeal'>The Kenya Red Cross has launched an appeal for 2 million dollars.</a></p>", "html",
     ["Deaths: 40", "Missing: 12", "The Kenya Red Cross has launched an appeal for 2 million dollars."]),
    ("<p>Key findings:</p><ul><li><a href='/r'>Some 40% of the flooded area had been deforested since 2010, "
     "the UN report found.</a></li></ul>", "html",
     ["Key findings:", "Some 40% of the flooded area had been deforested since 2010, the UN report found."]),
    ("<h3>The government said 200 soldiers had been sent to the valley on Monday night.</h3><p>More followed.</p>",
     "html", ["The government said 200 soldiers had been sent to the valley on Monday night.", "More followed."]),
    ("[Update]: The death toll has risen to 45, officials said on Tuesday.\n\n2**10 is 1024, and CO<sub>2</sub> "
     "rose over 500 km<sup>2</sup>.\n", "markdown",
     ["[Update]: The death toll has risen to 45, officials said on Tuesday.", "2**10 is 1024, and CO2 rose over 500 km2."]),
])
def test_review_cases_of_reading_pages(text, fmt, expected):
    paragraphs, _, _, _ = parse_article(text, "s", fmt)
    assert [p.text for p in paragraphs] == expected


def test_a_page_declaring_latin_1_is_read_as_browsers_read_it(tmp_path):
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>“We have lost everything,” said the mayor — €5 million.</p>'
    src = load_source(_write(tmp_path / "page.html", (page + "<p>More was said.</p></body></html>").encode("cp1252")))
    assert src.paragraphs[0].text == "“We have lost everything,” said the mayor — €5 million."


@pytest.mark.parametrize("line", ["By Friday | 40 dead", "By Wednesday · the bureau had sent 40 staff"])
def test_a_weekday_after_by_is_not_an_author(line):
    _, _, meta, _ = parse_article(f"The ferry sank.\n\n{line}\n\nMore was said, officials said.\n", "s")
    assert "author" not in meta


def test_a_section_label_over_the_headline_is_not_the_title():
    _, removed, meta, _ = parse_article(
        "Africa\n\nZanzibar ferry: At least 41 dead after MV Saint Anna capsizes\n\n"
        "At least 41 people have died after a ferry capsized, officials say.\n\nMore was said.\n", "s")
    assert meta["title"] == "Zanzibar ferry: At least 41 dead after MV Saint Anna capsizes"
    assert ("Africa", "heading") in [(r.text, r.reason) for r in removed]
