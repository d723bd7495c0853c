"""Symbols pass: '§' read for '$', '{' for '(', '}' for 'y' (snippets, negatives, properties)."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import Cleaner, replay
from tests.conftest import corpus_files, needs_shared

ONLY = Cleaner(passes=("symbols",))

POSITIVES = [
    # "&" between two names
    ("see 4 Harris dy McHenry 340", "see 4 Harris & McHenry 340"),
    ("Ang. Sp Ames on Corp. 5", "Ang. & Ames on Corp. 5"),
    (
        "the cases of Fisher vs. Hall 4* Childress, 1 Ark. 275",
        "the cases of Fisher vs. Hall & Childress, 1 Ark. 275",
    ),
    ("2 Smcdes Sr Mar. 83; 3 Har. 4> J. 73", "2 Smcdes & Mar. 83; 3 Har. & J. 73"),
    ("Garland <fe Randolph, for appellee.", "Garland & Randolph, for appellee."),
    ("County, in the sum of §1,055, after first", "County, in the sum of $1,055, after first"),
    (
        "appellant owed said John Kirk §1,450 for loss",
        "appellant owed said John Kirk $1,450 for loss",
    ),
    ("the garnishee exceeds §200 or the limit", "the garnishee exceeds $200 or the limit"),
    ("a judgment for §407.11, instead of §824.40", "a judgment for $407.11, instead of §824.40"),
    (
        "for the sum of §824.40, the balance; a judgment for §407.11, instead of §824.40 as",
        "for the sum of $824.40, the balance; a judgment for $407.11, instead of $824.40 as",
    ),
    (
        "exceeded the sum of §200 at the time ... the original judgment, §200. This",
        "exceeded the sum of $200 at the time ... the original judgment, $200. This",
    ),
    (
        "the chargeable balance is §19,960 76, and the",
        "the chargeable balance is $19,960 76, and the",
    ),
    ("the accounts, amounting to §1521 01, with", "the accounts, amounting to $1521 01, with"),
    ("Finally he paid §400, reserving", "Finally he paid $400, reserving"),
    (
        "in a court of law.” {Edwards on Referees, 3.) The",
        "in a court of law.” (Edwards on Referees, 3.) The",
    ),
    ("Greer, 7 Iowa {Clark), 136; Peabody", "Greer, 7 Iowa (Clark), 136; Peabody"),
    (
        "under our statute {Dig. p. 447, sec. 17,) the",
        "under our statute (Dig. p. 447, sec. 17,) the",
    ),
    ("recognizing the validit}' of the sale", "recognizing the validity of the sale"),
    ("on the first Monda}r of March", "on the first Monday of March"),
    ("on the day the}! were executed", "on the day they were executed"),
    ("It ma}’' be remarked", "It may be remarked"),
    ("that remed} should be", "that remedy should be"),
    (
        "the deficiency letter dated July I, 1924. From",
        "the deficiency letter dated July 1, 1924. From",
    ),
    ("on Sept. l 1901 the", "on Sept. 1 1901 the"),
    # the figure "1" of an ordinal read as a letter (BLN600, ICDAR 2017)
    ("he left London about the Ist of June", "he left London about the 1st of June"),
    ("on the lst inst. a constable", "on the 1st inst. a constable"),
    ("on the l9th and the 2Ist of May", "on the 19th and the 21st of May"),
    # a currency sign the encoding lost (BLN600): a money word before it, or sterling elsewhere
    ("jewellery to the value of \ufffd100, the", "jewellery to the value of £100, the"),
    ("he was fined \ufffd20 and costs", "he was fined £20 and costs"),
    ("at \ufffd40 per week, and 5s. a day", "at £40 per week, and 5s. a day"),
    # "l." (pounds) read as "1." after a sum (BLN600)
    ("offered a reward of 21. for the", "offered a reward of 2l. for the"),
    ("the whole was about 4,0001. The prisoner", "the whole was about 4,000l. The prisoner"),
    ("in two sureties in 401., and himself", "in two sureties in 40l., and himself"),
    ("charged with embezzling 351. 6s., and", "charged with embezzling 35l. 6s., and"),
    ("an income exceeding 1001. per annum", "an income exceeding 100l. per annum"),
    ("there was only 1,6991. at his bankers", "there was only 1,699l. at his bankers"),
    ("to the amount of over 12,0001. Bardrick", "to the amount of over 12,000l. Bardrick"),
    # the figures of shillings or pence read as letters, beside a sum or after a money word
    ("bet anyone 5s. to 2s. Gd. that he", "bet anyone 5s. to 2s. 6d. that he"),
    ("her brother was fined lOs. and costs", "her brother was fined 10s. and costs"),
    ("salt beef, value Is. Gd., the property", "salt beef, value 1s. 6d., the property"),
]

NEGATIVES = [
    "John Smith Sr, of Boston; Smith Sr. Jones; Dr. Sp Jones; the dy Jones; he said Sp Ames",
    "42 U.S.C. §1983 and Ark. Stat. Ann. §19-1603 (6)",
    "(Ohio Code, §§377, 381.) Code, §390; Wash’s Pl.",
    "Ark. Stat. Ann. §§14-614.2 et seq.; §12-1710.2.",
    "a claim under §1983 is not barred",  # no money word, no thousands separator
    "see §12.11 of the rules",  # a decimal section with no money word
    "the sum of § 200 of the code",  # a space: a section's typography
    "a verdict of $12,345 and 1,000 acres",
    '{"json": true}',  # a brace closed by a brace
    "a set {a, b} and f(x)",
    "the word zz}' stays",
    "May I ask? In July I said 1924 was over",  # no known word with 'y'
    "",
    "under Code \ufffd390 the court held",  # a statute: a lost "§"
    "he died at the age of 21. The value of",  # an age, a date, a year, a page: no sums
    "on August 31. The court met in the year 1871. He",
    "see 101 U.S. 51. The rule",
    "before and after this period. Id. Intent must be shown",  # "Id." cites
    "Is. he there? A Gd. coin",  # no sum beside them
    "in Jackson vs. Bob, held for 18 Ark. 41. The will",  # a citation's page
    "the \ufffd2:3 was blurred",  # no evidence of money
    "the lth and Ith rows; Ist-class; a l2st",  # the suffix is no such number's
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


TOKENS = [
    " ",
    ",",
    ".",
    "§",
    "$",
    "{",
    "}",
    ")",
    "(",
    "1,055",
    "200",
    ".40",
    " 76",
    "sum of ",
    "Code, ",
    "the",
    "'",
    "r",
    "\n",
    "ma",
    "paid ",
]
SOUP = st.lists(st.sampled_from(TOKENS), max_size=30).map("".join)


@settings(max_examples=150, deadline=None)
@given(SOUP)
def test_properties_on_symbol_soup(text: str) -> None:
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
        counts.update(c.reason for c in r.changes)
    assert counts["'{' read for '(' (closed by ')')"] >= 10
    assert counts["'§' read for '$' before an amount of money"] >= 5
    assert counts["'}' read for 'y' at a word's end"] >= 5
