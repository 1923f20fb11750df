"""The Council's vote rules at their boundaries, against an independent count.

The rules (Nghị định 98/2023 as provinces carried them over): the meeting decides only with at
least two thirds of ALL members present; a title passes with a share of ALL members (not of
those present) voting Đồng ý; a quota is filled by votes, most first; a tie across the quota's
edge goes to the chairman's vote. The independent count below decides each candidate on its
own (how many passers have more votes, how many have as many), in integers, never sorting.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thidua_xlsx.core.council import (
    Council,
    CouncilMember,
    Share,
    TitleRule,
    parse_share,
)
from thidua_xlsx.core.vote import Candidate, Choice, MemberVote, Outcome, decide

TITLE = "Giấy khen"


def _council(n: int, chair: int | None, written: bool = True, quorum: Share | None = None):
    members = tuple(
        CouncilMember(f"Thành viên {i + 1}", "Chủ tịch" if i == chair else "Ủy viên")
        for i in range(n)
    )
    return Council(members, quorum or Share(Fraction(2, 3)), (), written)


def _candidates(m: int) -> tuple[Candidate, ...]:
    return tuple(
        Candidate(f"U{i}", f"Đơn vị {i}", Decimal(100 - i), i + 1, "Tốt") for i in range(m)
    )


def _votes(council: Council, present: list[bool], grid: list[list[Choice]], units: list[str]):
    return [
        MemberVote(member, here, dict(zip(units, row, strict=True)))
        for member, here, row in zip(council.members, present, grid, strict=True)
    ]


def _reaches(count: int, total: int, num: int, den: int, strict: bool) -> bool:
    """count/total against num/den, cross-multiplied in integers."""
    return count * den > num * total if strict else count * den >= num * total


def expected_outcomes(
    n: int,
    present: list[bool],
    grid: list[list[Choice]],
    chair: int | None,
    written: bool,
    num: int,
    den: int,
    strict: bool,
    quota: int | None,
) -> list[Outcome]:
    """Each candidate's outcome, counted independently of :func:`decide`."""
    m = len(grid[0]) if grid else 0
    if not 3 * sum(present) >= 2 * n:
        return [Outcome.NO_QUORUM] * m
    sent = [any(c is not Choice.BLANK for c in grid[i]) for i in range(n)]
    counts = [i for i in range(n) if present[i] or (written and sent[i])]
    yes = [sum(1 for i in counts if grid[i][j] is Choice.YES) for j in range(m)]
    passes = [_reaches(yes[j], n, num, den, strict) for j in range(m)]
    chair_counts = chair is not None and chair in counts
    out = []
    for j in range(m):
        if not passes[j]:
            out.append(Outcome.BELOW_SHARE)
            continue
        passers = [k for k in range(m) if passes[k]]
        if quota is None or len(passers) <= quota:
            out.append(Outcome.SELECTED)
            continue
        more = sum(1 for k in passers if yes[k] > yes[j])
        same = [k for k in passers if yes[k] == yes[j]]
        if more + len(same) <= quota:
            out.append(Outcome.SELECTED)
        elif more >= quota:
            out.append(Outcome.OVER_QUOTA)
        else:
            slots = quota - more
            if not chair_counts:
                out.append(Outcome.TIE)
                continue
            assert chair is not None
            agreed = [k for k in same if grid[chair][k] is Choice.YES]
            mine = grid[chair][j] is Choice.YES
            if len(agreed) == slots:
                out.append(Outcome.SELECTED if mine else Outcome.OVER_QUOTA)
            elif len(agreed) > slots:
                out.append(Outcome.TIE if mine else Outcome.OVER_QUOTA)
            else:
                out.append(Outcome.SELECTED if mine else Outcome.TIE)
    return out


@st.composite
def meetings(draw: st.DrawFn):
    n = draw(st.integers(3, 12))
    needed = -(-2 * n // 3)  # the fewest present that make two thirds
    # presence near the quorum's edge most of the time: exactly two thirds, one fewer, more
    count = draw(
        st.one_of(st.sampled_from([needed - 1, needed, min(needed + 1, n)]), st.integers(0, n))
    )
    present = [True] * count + [False] * (n - count)
    present = draw(st.permutations(present))
    m = draw(st.integers(1, 6))
    choice = st.sampled_from([Choice.YES, Choice.YES, Choice.NO, Choice.BLANK])
    grid = draw(st.lists(st.lists(choice, min_size=m, max_size=m), min_size=n, max_size=n))
    chair = draw(st.one_of(st.none(), st.integers(0, n - 1)))
    written = draw(st.booleans())
    num, den, strict = draw(
        st.one_of(
            st.sampled_from([(1, 2, True), (1, 2, False), (2, 3, False), (4, 5, False)]),
            st.tuples(st.integers(1, 9), st.just(10), st.booleans()),
        )
    )
    quota = draw(st.one_of(st.none(), st.integers(1, m)))
    return n, list(present), grid, chair, written, num, den, strict, quota


@settings(max_examples=400, deadline=None)
@given(meetings())
def test_every_decision_matches_an_independent_count(meeting) -> None:
    n, present, grid, chair, written, num, den, strict, quota = meeting
    council = _council(n, chair, written)
    candidates = _candidates(len(grid[0]))
    rule = TitleRule(TITLE, Share(Fraction(num, den), strict), quota)
    votes = _votes(council, present, grid, [c.unit for c in candidates])
    decided = decide(council, rule, candidates, votes)
    want = expected_outcomes(n, present, grid, chair, written, num, den, strict, quota)
    assert [d.outcome for d in decided.decisions] == want
    assert decided.quorum_met is (3 * sum(present) >= 2 * n)
    for d, j in zip(decided.decisions, range(len(candidates)), strict=True):
        sent = [any(c is not Choice.BLANK for c in grid[i]) for i in range(n)]
        counting = [i for i in range(n) if present[i] or (written and sent[i])]
        assert d.yes == sum(1 for i in counting if grid[i][j] is Choice.YES)
        assert d.yes + d.no + d.blank == len(counting)
        # every decision says why, in both languages
        assert d.reason.message("vi") and d.reason.message("en")
    selected = [d for d in decided.decisions if d.selected]
    if quota is not None:
        assert len(selected) <= quota


def _decide(n, present_count, yes_counts, share, quota=None, chair_yes=None, written=True):
    """``n`` members, the first ``present_count`` present, candidate j agreed to by the first
    ``yes_counts[j]`` members (the chairman is member 0 unless ``chair_yes`` says which
    candidates he agreed to, then he is the last member)."""
    chair = 0 if chair_yes is None else n - 1
    council = _council(n, chair, written)
    candidates = _candidates(len(yes_counts))
    grid = [
        [Choice.YES if i < yes_counts[j] else Choice.NO for j in range(len(yes_counts))]
        for i in range(n)
    ]
    if chair_yes is not None:
        grid[n - 1] = [Choice.YES if j in chair_yes else Choice.NO for j in range(len(yes_counts))]
    present = [i < present_count for i in range(n)]
    votes = _votes(council, present, grid, [c.unit for c in candidates])
    return decide(council, TitleRule(TITLE, share, quota), candidates, votes)


@pytest.mark.parametrize(
    ("n", "present", "met"),
    [(9, 6, True), (9, 5, False), (12, 8, True), (12, 7, False), (10, 7, True), (10, 6, False)],
)
def test_exactly_two_thirds_present_is_a_quorum(n: int, present: int, met: bool) -> None:
    decided = _decide(n, present, [n], Share(Fraction(1, 2)))
    assert decided.quorum_met is met
    if not met:
        assert [i.code for i in decided.issues] == ["vote_no_quorum"]
        assert decided.decisions[0].outcome is Outcome.NO_QUORUM


def test_the_share_is_of_all_members_not_of_those_present() -> None:
    # 9 members, 6 present, all 6 agree; the 3 absent sent no opinion: 6/9 = 66.67%
    decided = _decide(9, 6, [6], Share(Fraction(4, 5)))  # 80% of all members needs 8
    assert decided.decisions[0].outcome is Outcome.BELOW_SHARE
    assert decided.decisions[0].reason.params["needed"] == "8"
    assert _decide(9, 6, [6], Share(Fraction(2, 3))).decisions[0].selected  # 6/9 is 2/3


@pytest.mark.parametrize(
    ("text", "n", "yes", "passes"),
    [
        ("2/3", 9, 6, True),  # exactly two thirds
        ("2/3", 9, 5, False),
        ("Từ 50% trở lên", 10, 5, True),  # exactly half, at least half
        ("Trên 50%", 10, 5, False),  # exactly half, more than half
        ("Trên 50%", 10, 6, True),
        ("quá bán", 9, 5, True),
        ("80%", 10, 8, True),
        ("80%", 10, 7, False),
    ],
)
def test_exactly_the_threshold(text: str, n: int, yes: int, passes: bool) -> None:
    share = parse_share(text)
    assert share is not None
    decided = _decide(n, n, [yes], share)
    assert decided.decisions[0].selected is passes
    assert decided.decisions[0].reason.code == ("vote_passed" if passes else "vote_below_share")


def test_a_tie_at_the_quota_goes_to_the_chairmans_vote() -> None:
    # quota 2: U0 has 8 votes; U1 and U2 tie with 6 for the one place left; the chairman
    # (the last member) agreed to U2, not to U1
    n = 9
    decided = _decide(n, n, [7, 6, 5], Share(Fraction(1, 2)), quota=2, chair_yes={0, 2})
    assert [d.yes for d in decided.decisions] == [8, 6, 6]
    outcomes = [d.outcome for d in decided.decisions]
    assert outcomes == [Outcome.SELECTED, Outcome.OVER_QUOTA, Outcome.SELECTED]
    assert [d.reason.code for d in decided.decisions] == [
        "vote_passed",
        "vote_tie_chair_not",
        "vote_tie_chair_agreed",
    ]
    # the chairman agreed to both tied units: the tie stands, the Council votes again
    again = _decide(n, n, [7, 5, 5], Share(Fraction(1, 2)), quota=2, chair_yes={0, 1, 2})
    assert [d.yes for d in again.decisions] == [8, 6, 6]
    assert [d.outcome for d in again.decisions][1:] == [Outcome.TIE, Outcome.TIE]
    assert again.decisions[1].reason.code == "vote_tie_unresolved"


@pytest.mark.parametrize(
    ("text", "fraction", "strict"),
    [
        ("2/3", Fraction(2, 3), False),
        ("≥ 2/3", Fraction(2, 3), False),
        ("66,67%", Fraction(6667, 10000), False),
        ("Từ 80% trở lên", Fraction(4, 5), False),
        ("trên 50%", Fraction(1, 2), True),
        ("> 50 %", Fraction(1, 2), True),
        ("Quá bán", Fraction(1, 2), True),
        (0.8, Fraction(4, 5), False),
        (90, Fraction(9, 10), False),
    ],
)
def test_shares_as_people_write_them(text: object, fraction: Fraction, strict: bool) -> None:
    assert parse_share(text) == Share(fraction, strict)


@pytest.mark.parametrize("text", ["", "nhiều", "0", "0%", "150%", "3/2", "2/0", True])
def test_what_is_not_a_share(text: object) -> None:
    assert parse_share(text) is None


@given(st.integers(1, 200), st.integers(1, 200), st.booleans())
def test_a_share_as_shown_reads_back_the_same(num: int, den: int, strict: bool) -> None:
    """What ``thidua show``, the ballots and the reasons print reads back as the same rule."""
    if num > den:
        num, den = den, num
    share = Share(Fraction(num, den), strict)
    assert parse_share(share.text()) == share
    words = share.vi()  # «trên 50%», «từ 2/3 trở lên»
    assert parse_share(words) == share
