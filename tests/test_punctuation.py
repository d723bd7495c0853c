"""Stray punctuation pass: real snippets (minimal fixtures), negatives, properties, corpus."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Cleaner, replay
from tests.conftest import corpus_files, needs_shared, passage

ONLY = Cleaner(passes=("punctuation",))

#: text made of the pieces this pass reacts to, so that properties reach its branches
TOKENS = [
    *list(" .,;'’‘“”\"-—\n()"),
    "the",
    "at",
    "899",
    "ceiling",
    "plaintiffs",
    "but",
    "not",
    "whether",
    "Id",
    "a",
    "489 U.S. 189",
    "so",
    "as",
    "to",
    "his",
    "by",
    "in",
    "goin",
    "o",
    "clock",
    " . . . ",
]
SOUP = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join)

POSITIVES = [
    # a regular plural of a known word is a word too
    ("will lie only upon'recognizances taken", "will lie only upon recognizances taken"),
    # the next word as the word passes will read it ("tbe" is "the"): same verdict both runs
    ("it was so as .tbe court said", "it was so as tbe court said"),
    (
        "the suit and judgment entered as* in favor of",
        "the suit and judgment entered as in favor of",
    ),
    (
        "they covenanted not^only to pay; inserted before^the word",
        "they covenanted not only to pay; inserted before the word",
    ),
    (
        "a Justice of the Peace .in garnishee proceedings",
        "a Justice of the Peace in garnishee proceedings",
    ),
    # a ‘ that is a misread “, or a single quotation already closed, opens nothing
    (
        "the duties shall be ‘prescribed by law.” We find the clerk is a judicial' officer",
        "the duties shall be ‘prescribed by law.” We find the clerk is a judicial officer",
    ),
    (
        "they ‘shall be prescribed by law.’ ” The term has been given to' the court",
        "they ‘shall be prescribed by law.’ ” The term has been given to the court",
    ),
    # a period between two common lower-case words ("the. officers" at large)
    ("This case was. decided upon the principle", "This case was decided upon the principle"),
    ("to apply the term to any. person or persons", "to apply the term to any person or persons"),
    # ... weighed on the word itself when a speck is glued to it, in the same run (BLN600)
    (
        "had taken up the study. of' theology, and suffered",
        "had taken up the study of theology, and suffered",
    ),
    # (OCR text, clean text) — rewritten from real opinions
    ("In fact, the. officers made it worse.", "In fact, the officers made it worse."),
    ("the line so as .to constitute a", "the line so as to constitute a"),
    ("removed four stained ceiling' tiles", "removed four stained ceiling tiles"),
    ("nature of the' plaintiffs’ injuries", "nature of the plaintiffs’ injuries"),
    ("See Kennedy,. 439 F.3d at 1062.", "See Kennedy, 439 F.3d at 1062."),
    (
        "Grubbs II, 92 F.3d at 899’ (citation omitted)",
        "Grubbs II, 92 F.3d at 899 (citation omitted)",
    ),
    ("gross negligence, but-not with the", "gross negligence, but not with the"),
    ("“[W]e examine whether-the [official] left", "“[W]e examine whether the [official] left"),
    ("at all — -particularly in light of", "at all — particularly in light of"),
    ("the time to be immaterial,, so that", "the time to be immaterial, so that"),
    ("filed a motion for , a new trial", "filed a motion for a new trial"),
    (
        "“[0]nly the most' egregious official conduct”",
        "“[0]nly the most egregious official conduct”",
    ),
    ("in the same position' — purportedly", "in the same position — purportedly"),
    (
        "during a barroom brawl' by an off-duty deputy",
        "during a barroom brawl by an off-duty deputy",
    ),
    ("it was an . assessment list", "it was an assessment list"),
    ("his improvement beyond ,the boundary", "his improvement beyond the boundary"),
    (
        "as agreed — the appellant repaired-the fencing",
        "as agreed — the appellant repaired the fencing",
    ),
    ("surviving Ann, his. wife, another daughter", "surviving Ann, his wife, another daughter"),
    ("Greenwood & Co., and. Fraley answered.", "Greenwood & Co., and Fraley answered."),
    ("free of risks of harm .”Id. at 129.", "free of risks of harm.”Id. at 129."),
    ("toward the purchase of a house.. On appeal", "toward the purchase of a house. On appeal"),
    ("April 5th, 1856..\nG. W. Chatten", "April 5th, 1856.\nG. W. Chatten"),
    ("to Mrs. Keith. The. evidence adduced", "to Mrs. Keith. The evidence adduced"),
    ("is yet in its nature a. criminal proceeding", "is yet in its nature a criminal proceeding"),
    ("an agreement to pay ten per cent, interest", "an agreement to pay ten per cent. interest"),
    # Arkansas 1860: a speck after a word's first letter, inside a word after an "s" or an
    # abbreviation-like piece, or for a lost space after a verb's "s"
    (
        "in form w'ith the provision, w'here the s'aid Eliza",
        "in form with the provision, where the said Eliza",
    ),
    (
        "See als'o Adams; these co’nstitutional provisions",
        "See also Adams; these constitutional provisions",
    ),
    (
        "That act provides'that the county; who knows'the fact",
        "That act provides that the county; who knows the fact",
    ),
    ("the subject matter in'litigation without", "the subject matter in litigation without"),
    ("by sections 57, ch. 52 Dig.', nor does it", "by sections 57, ch. 52 Dig., nor does it"),
    ("entered into before the c.ourt or officer", "entered into before the court or officer"),
    ("“if three or more persons.assemble together", "“if three or more persons assemble together"),
    # a comma glued between letters: a speck inside a word, or its space lost (Arkansas)
    ("of expens,es paid to a man", "of expenses paid to a man"),
    ("As to the t,ime of filing", "As to the time of filing"),
    ("as tenants in common,being prima facie", "as tenants in common, being prima facie"),
    ("between Fraley and Kinman,but they say", "between Fraley and Kinman, but they say"),
    ("between the parties and as to,the creditors", "between the parties and as to the creditors"),
    ("1 Ark. 275; Berry.vs. Linton, Ib. 252", "1 Ark. 275; Berry vs. Linton, Ib. 252"),
    (
        "the unlawful act for -which they had assembled",
        "the unlawful act for which they had assembled",
    ),
    ("the promise must be in- writing, signed", "the promise must be in writing, signed"),
    # a whole word, a stray hyphen, a function word (Illinois 1887, Arkansas 1860)
    (
        "no property found, caused- to be issued out of said court",
        "no property found, caused to be issued out of said court",
    ),
    (
        "and was entitled- to all its benefits. The- proceeds",
        "and was entitled to all its benefits. The proceeds",
    ),
    ("Not in the constitution;. not in any statute", "Not in the constitution; not in any statute"),
    (
        "But if, as an “agreement,”, it was ever binding",
        "But if, as an “agreement,” it was ever binding",
    ),
    ("as an “agreement,’’, it was binding", "as an “agreement,’’ it was binding"),
    ("jurisdiction to harass a' debtor of a debtor", "jurisdiction to harass a debtor of a debtor"),
    ("2 years, 6 months, .and 10 days", "2 years, 6 months, and 10 days"),
    (
        "the sum in controversy exceeded one'hundred dollars",
        "the sum in controversy exceeded one hundred dollars",
    ),
    ("and not'a part of it, whilst", "and not a part of it, whilst"),
    ("the defendant to plead to’the declaration", "the defendant to plead to the declaration"),
    ("on account of the chai’ge, to be accused", "on account of the charge, to be accused"),
    ("The Circuit Coui’ts have control over their", "The Circuit Courts have control over their"),
    ("equally true of clerks: '“It may be assumed”", "equally true of clerks: “It may be assumed”"),
    ("“ [l. s.] ' David R. Cobb,", "“ [l. s.] David R. Cobb,"),
    ("April 5th, 1856. G. W. CHATTEN.” '", "April 5th, 1856. G. W. CHATTEN.”"),
    (
        "two years after its rendition. . Again, it is",
        "two years after its rendition. Again, it is",
    ),
    # a line-end hyphen read as a period, the line break lost (Arkansas 1838, BLN600)
    (
        "proof that they “ are not sub. ject to overflow",
        "proof that they “ are not subject to overflow",
    ),
    (
        "and the legal pre. sumption is, in the absence",
        "and the legal presumption is, in the absence",
    ),
    ("she had deceived a most expe. rienced expert", "she had deceived a most experienced expert"),
    ("the Queen received in the Quad. rangle of", "the Queen received in the Quadrangle of"),
    ("on Saturday morn. ing, about thirty", "on Saturday morning, about thirty"),
    # a hyphen stuck to a word's start, in a text that prints its dashes as dashes
    (
        "as — before — the value of the residuary -estate; whether such consent -would make",
        "as — before — the value of the residuary estate; whether such consent would make",
    ),
    # an apostrophe inside a common word is a speck; of two words, the likelier reading
    ("and who is bound by the decr'ee. If it", "and who is bound by the decree. If it"),
    ("he came up'on the hill some'times", "he came upon the hill sometimes"),
    ("It perhaps may'be regarded as", "It perhaps may be regarded as"),
    ("at any'time before the 15th of", "at any time before the 15th of"),
    (
        "with the means thus furnished'by her trustee",
        "with the means thus furnished by her trustee",
    ),
    ("under the charge of Cap. tain Stoker", "under the charge of Captain Stoker"),
]

NEGATIVES = [
    "Gould's Dig., ch. and sec.; see Reply Br. and the record",  # abbreviation, function word
    "decided so.* The rule; see *1127 and the court*1128 held; as t* notice",  # marks, pages
    "a contract m^de by; Y^itness knew; x^2 and 2^10",  # a misread letter
    "see 20 Ark .in which it was held",  # an abbreviation's period set apart
    "on board the 'Fairy,' and the ' Victoria and Albert' proceeded",  # straight quotes
    "even accepting as true the plaintiffs’ version of events",
    "in harm’s way; ’tis so; at five o'clock; the Smiths' house",
    "the U.S. Supreme Court; Wood v. Ostrander; Gen. Motors Co. v. No. 5, Inc.",
    "Mr. Smith, e.g., the court; i.e., L.W. v. Grubbs",
    "the Ark. statute; cert. denied, 516 U.S. 299; Byers et al. vs. Fowler",
    "does [not] guarantee . . . a workplace . . . free of risk",
    "a well-known, north-west, pre-existing, state-created danger; to-wit; in-state",
    "a 6 in. pipe; 10 a. m.; p. 12; sec. 5; 42 U.S.C. § 1983",
    # glued commas that may be either: two words joined ("in,to"), a name ("Crabtree,relates"),
    # a capital letter ("the I,ord"), numbers and addresses
    "came in,to the house; from Crabtree,relates not; the I,ord said; 1,000; www.a,b.com",
    "the decree appealed from. A decree may be void. It was sued upon. This defence fails.",
    "“the plaintiff’ in harm’s way",  # may close the quotation: the quotes pass decides
    "he said ‘go away’ to them; a 'straight' one",
    "plaintiffs’ claim; Jones' claim; Sanchez' claim",
    "he was goin' home",
    "see id., at 5; Id. at 849; 227 F.3d 1082,1087",
    "out-of-pocket, right-of-way, up-to-date, not-for-profit, case-by-case",
    "",
    "a",
    "wait... what . . . and etc. and. . . then",
    "ten per cent, and the rest; five per cent, which is due",
    "o'er the hills; e'en so; t'other day; m'lord; d'Arcy; the plaintiffs’recovery; adm’rs; ex'r",
    "after a patient hearing of the arguments pro. and con., the further consideration",
    # a text that sets three dashes tight after content words (ICDAR 2017)
    "the hideous pigs-the only sight; a remarkable object-an immense rock; goats-of course",
    "Const. U. S.and secs.; just as much a.part of it; see example.com",
    "judgment n.o.v. on the verdict; i.e, the rule",
    "the priorities are:\na. impute income; Subpart a. of this statute",
    "pre- and post-trial; in- and out-patients",
    "first- and second-degree murder; late of Newcastle- upon-Tyne",
    "he said 'it is so.', and left",  # a quotation closes between the period and the comma
    "Stuart et al. adm’rs vs. Peay, Rec’r; don't; we're; ma'am; ne'er; o'er the hill",
    "the plaintiffs’recovery",  # a possessive that lost its space: not two words
    "the word ‘ taxes ’ means burdens; whose ‘ benefit and advantage ’ by it",  # spaced quotes
    "a board 5 ' 10 long; wait . . . And then",
    # no dash glyph: " -" may be the text's dash; compounds split by a space
    "It was my hint to speak -such was the process",
    "as — before — a pre -trial motion and self -defence",
    # abbreviations' tails, archaic endings, a poet's elided "e"
    "the gov't and dep't; thou behold'st and stay'st; wand'ring, mould'ring",
    # two words, not one split by a misread hyphen: abbreviations, initials, "for. a"
    "Railroad Co. in Texarkana; at 2:40 p. m. on; Solomon D. or bearer; Robert H. at the",
    "Angell on Lim. p. 400; chap. 126 Eng. Dig. it is; Savings & Trust Co. in trust",
]


@pytest.mark.parametrize(("before", "after"), POSITIVES)
def test_fixes(before: str, after: str) -> None:
    result = ONLY.clean(before)
    assert result.text == after
    assert replay(before, result.changes) == after


@pytest.mark.parametrize("text", NEGATIVES)
def test_leaves_alone(text: str) -> None:
    result = ONLY.clean(text)
    assert result.text == text
    assert not result.changes, result.changes


@pytest.mark.parametrize(
    "text",
    [
        "caused several fi. fas. to be issued",  # maybe an abbreviation
        "and shot her. momma, and Bill",  # a rare word after it: maybe a sentence start
        "situated in block thirty. two in the city",  # maybe "He" read as "lie" after it
        "does result from the use , of ordinary bills",  # older printers spaced commas
        "a fine one-the finest of all",  # a text without dashes may print them as hyphens
    ],
)
def test_doubtful_is_only_suggested(text: str) -> None:
    r = ONLY.clean(text)
    assert r.text == text
    assert [c.applied for c in r.changes] == [False]
    assert r.changes[0].confidence < 0.8


def test_hyphen_before_a_function_word_may_be_a_dash() -> None:
    # a text with no dash glyph may print its dashes as hyphens ("one-the finest")
    r = ONLY.clean("a fine one-the finest of all")
    assert r.text == "a fine one-the finest of all"
    assert [c.applied for c in r.changes] == [False]


def test_dialect_keeps_its_elisions() -> None:
    text = "I'll sen' ye silk an' gowd, an' bring wi' me a' the rest; the ceiling' tiles"
    r = ONLY.clean(text)
    assert r.text == "I'll sen' ye silk an' gowd, an' bring wi' me a' the rest; the ceiling tiles"


CURLY = "The “rule”, the “view”, the “act” and the “law” of it.\n"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("it is conceived that 'a signing suffices", "it is conceived that a signing suffices"),
        ("upon which 'such action shall’ be brought", "upon which such action shall be brought"),
    ],
)
def test_stray_straight_openers_in_a_curly_document(before: str, after: str) -> None:
    assert ONLY.clean(CURLY + before).text == CURLY + after


@pytest.mark.parametrize("text", ["he said 'go home' now", "'tis so, and 'twas"])
def test_straight_quotations_in_a_curly_document_stay(text: str) -> None:
    assert ONLY.clean(CURLY + text).text == CURLY + text


def test_one_double_quotation_is_enough() -> None:
    # a document that quotes with double marks once (a2d 1953): its straight ' opens none
    one = 'The court said "no."\n'
    before = "upon which this suit was 'based, i.e., the nuisance"
    assert ONLY.clean(one + before).text == one + before.replace("'", "")
    none = "upon which this suit was 'based, i.e., the nuisance"  # no double quote at all
    assert ONLY.clean(none).text == none


def test_every_change_has_a_reason() -> None:
    r = ONLY.clean("the. officers, ceiling' tiles, but-not with")
    assert len(r.changes) == 3
    assert all(c.reason and c.pass_name == "punctuation" for c in r.changes)


@settings(max_examples=150, deadline=None)
@given(SOUP)
def test_properties_on_punctuation_soup(text: str) -> None:
    r = ONLY.clean(text)
    assert replay(text, r.changes) == r.text
    assert ONLY.clean(r.text).text == r.text


@needs_shared
def test_corpus_counts() -> None:
    counts: Counter[str] = Counter()
    for path in corpus_files():
        text = path.read_text(encoding="utf-8")
        r = ONLY.clean(text)
        assert replay(text, r.changes) == r.text
        for c in r.changes:
            counts[f"{c.reason.split(' after ')[0]} applied={c.applied}"] += 1
    print(dict(counts))
    assert sum(counts.values()) > 100  # the corpus has such specks; they are found


def check_in_passage(words: str, noisy: bool, expected: str) -> None:
    """Clean ``words`` set in a damaged (``noisy``) or a clean passage: ``expected`` is in
    the result, the report replays, and a second cleaning changes nothing."""
    text = passage(noisy, "evidence, and " + words)
    r = ONLY.clean(text)
    assert expected in r.text
    assert replay(text, r.changes) == r.text
    assert ONLY.clean(r.text).text == r.text


@pytest.mark.parametrize(
    ("words", "noisy", "expected"),
    [
        # BLN600 newspapers: a quotation it could open or close is likelier a speck there
        ("he fell, and 'if the' rope had been longer", True, "and if the rope had been"),
        ("upon examining 'the child they observed", True, "upon examining the child they"),
        ("said he was 'of opinion that", True, "said he was of opinion that"),
        ("he fell, and 'if the' rope had been longer", False, "and 'if the' rope had been"),
        ("upon examining 'the child they observed", False, "upon examining 'the child they"),
        # an apostrophe opening a word that no quotation mark closes later in its line
        ("with a, 'crowvbar the flags were raised", True, "with a crowvbar the flags"),
        ("the number of their 'buses which plied", True, "their 'buses which plied"),
        ("they had 'half a mutchkin.' and left", True, "they had 'half a mutchkin.'"),
        # dialect elisions stay even in a damaged text
        ("silk an' gowd wi' lace in a' the land", True, "silk an' gowd wi' lace in a' the land"),
    ],
)
def test_apostrophe_on_a_function_word_in_a_badly_damaged_text(
    words: str, noisy: bool, expected: str
) -> None:
    check_in_passage(words, noisy, expected)


@pytest.mark.parametrize(
    ("words", "noisy", "expected"),
    [
        # BLN600: a comma read as a period before a clause opener, in a damaged text
        ("the prisoner. who resided in the house", True, "the prisoner, who resided"),
        ("was drunk. and the constable came", True, "was drunk, and the constable"),
        # an opinion's period before "and" is a speck ("bind parties. and privies")
        ("can only bind parties. and privies here", False, "bind parties and privies"),
        # a rare word before a word that seldom opens a sentence: a speck where OCR
        # sprinkles them; elsewhere a suggestion (an abbreviation no list knows)
        ("the gentlewoman. to the station at once", True, "gentlewoman to the station"),
        ("the gentlewoman. to the station at once", False, "gentlewoman. to the station"),
        # before a word that opens sentences, the capital may be what the OCR lost
        ("the gentlewoman. they went home at once", True, "gentlewoman. they went home"),
        ("he was there. when the ship came in", True, "he was there, when the ship"),
        # an apostrophe for a space after an article or before a capitalized word
        ("there was A'girl in the room", True, "there was A girl in the"),
        ("he came on or'Friday last", True, "on or Friday last"),
        ("Mr. O'Brien and M'Donald came", True, "Mr. O'Brien and M'Donald came"),
        ("there was A'girl in the room", False, "there was A'girl in the"),
        # a legal abbreviation: "and anor." (and another)
        ("Re Hogbin and anor. and the Act", True, "Hogbin and anor. and the Act"),
    ],
)
def test_period_before_a_lower_case_word_in_a_badly_damaged_text(
    words: str, noisy: bool, expected: str
) -> None:
    check_in_passage(words, noisy, expected)


@pytest.mark.parametrize(
    ("words", "noisy", "expected"),
    [
        # an article never ends a clause (opinions: "deny the, validity"; BLN600)
        ("they deny the, validity of it", False, "deny the validity of"),
        ("as agent of the, colliery here", True, "agent of the colliery"),
        ("he was struck by a, man there", True, "by a man there"),
        # "a," may end a label's clause in an opinion; "A," labels an exhibit
        ("under clause a, which provides", False, "clause a, which provides"),
        ("the paper marked A, and in these words", True, "marked A, and in"),
        # a repetition, and a list of letters
        ("to convict him of the, the various", False, "of the, the various"),
        ("items a, b and c", True, "items a, b and c"),
    ],
)
def test_comma_after_an_article(words: str, noisy: bool, expected: str) -> None:
    check_in_passage(words, noisy, expected)


#: a paragraph long enough that a text of such lines has paragraphs for lines
PARAGRAPH = (
    "On the hearing, the Court decreed as prayed by the bill, but directed the master to"
    " ascertain and state an account of any payments made upon the debt in his life time.\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Arkansas 1860: a paragraph's period read as a comma; BLN600 alike
        (
            PARAGRAPH
            + "The administrators appealed from the decree,\nThe appellants having failed",
            PARAGRAPH
            + "The administrators appealed from the decree.\nThe appellants having failed",
        ),
        # a heading's comma, a capitalized word before it: kept
        (
            PARAGRAPH + "M. B. McCOY, Internal Improvement Commissioner,\nIn account current with",
            PARAGRAPH + "M. B. McCOY, Internal Improvement Commissioner,\nIn account current with",
        ),
        # a text wrapped at a width: a comma ends many a line
        (
            "appealed from the decree,\nThe appellants having failed",
            "appealed from the decree,\nThe appellants having failed",
        ),
    ],
)
def test_comma_that_ends_a_paragraph(text: str, expected: str) -> None:
    r = ONLY.clean(text)
    assert r.text == expected
    assert replay(text, r.changes) == r.text


@pytest.mark.parametrize(
    ("noisy", "expected"), [(True, "\nMURDER AND SUICIDE"), (False, "\nI MURDER")]
)
def test_column_rule_read_as_i_before_a_heading(noisy: bool, expected: str) -> None:
    # a newspaper's column rule read as "I"; in an opinion "I" may number a part
    text = passage(noisy, "evidence")
    r = ONLY.clean(text + "\nI MURDER AND SUICIDE AT CHATHAM.\nThe inquest was held.")
    assert expected in r.text


def test_dialect_elisions_are_only_suggestions() -> None:
    # ICDAR 2017: a text that writes its elisions ("don'", "wan'", "yo'", "bes'")
    text = "Massa don' wan' yo' boat. Do yo' washin'. Here's yo' bes' friend"
    r = Cleaner(passes=("punctuation",)).clean(text)
    assert r.text == text
    assert r.changes and not any(c.applied for c in r.changes)


def test_a_period_before_a_garbled_line_is_only_suggested() -> None:
    # BLN600: "caused." ends a sentence; "to ing" is a garbled line, no continuation of it
    text = "suffocation might have been accidentally caused. to ing Mr. Mead again remanded"
    r = Cleaner(passes=("punctuation",)).clean(text)
    assert r.text == text
    assert [(c.before, c.applied) for c in r.changes] == [(".", False)]
