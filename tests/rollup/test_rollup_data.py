"""The text a summary carries per unit: what is written reads back exactly, over any number of
cells, and anything else is refused with a reason (never a crash)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thidua_xlsx.rollup.codec import (
    CHUNK_CHARS,
    INPUT_COLUMNS,
    MAX_TEXT_CHARS,
    RollupDataError,
    decode_inputs,
    encode_inputs,
    text_check,
)

values = st.one_of(
    st.text(max_size=300),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False),
)
inputs = st.dictionaries(
    st.text(min_size=1, max_size=12),
    st.dictionaries(st.sampled_from(INPUT_COLUMNS), values, max_size=5),
    max_size=40,
)


@given(inputs)
def test_what_is_written_reads_back_exactly(carried: dict[str, dict[str, object]]) -> None:
    chunks = encode_inputs(carried)
    assert all(0 < len(c) <= CHUNK_CHARS for c in chunks)
    decoded = decode_inputs("".join(chunks))
    assert decoded == carried
    assert list(decoded) == list(carried)  # the card's order is kept


def test_long_text_goes_on_over_more_cells() -> None:
    evidence = "Quyết định số 12/QĐ-UBND về việc khen thưởng; " * 2000
    carried = {f"I.{i}": {"evidence": evidence, "result": 5} for i in range(1, 4)}
    chunks = encode_inputs(carried)
    assert len(chunks) >= 8 and max(map(len, chunks)) == CHUNK_CHARS
    assert decode_inputs("".join(chunks)) == carried


def test_the_text_names_the_cards_columns_and_numbers_are_numbers() -> None:
    carried = {"I.4": {"result": Decimal("21.5"), "target": Decimal(27), "evidence": "QĐ 12"}}
    text = "".join(encode_inputs(carried))
    assert text == '{"I.4":{"F":21.5,"E":27.0,"H":"QĐ 12"}}'
    assert decode_inputs(text) == {"I.4": {"result": 21.5, "target": 27.0, "evidence": "QĐ 12"}}


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ('{"I.1":{"F":5}', "Expecting"),  # cut short
        ("[1, 2]", "not an object"),
        ('{"I.1":[5]}', "not an object"),
        ('{"":{"F":5}}', "not an object"),
        ('{"I.1":{"F":5},"I.1":{"F":6}}', "twice"),
        ('{"I.1":{"F":5,"F":6}}', "twice"),
        ('{"I.1":{"G":5}}', "unknown column"),  # the card's own score: never carried
        ('{"I.1":{"result":5}}', "unknown column"),
        ('{"I.1":{"F":true}}', "not a number or text"),
        ('{"I.1":{"F":null}}', "not a number or text"),
        ('{"I.1":{"F":{"x":1}}}', "not a number or text"),
        ('{"I.1":{"F":NaN}}', "NaN is not a number"),
        ('{"I.1":{"F":-Infinity}}', "Infinity is not a number"),
        ("[" * 100_000 + "]" * 100_000, "recursion"),  # nested too deep for the parser
        ("", "Expecting value"),
        ('{"I.1":{"H":"\\ud800"}}', "not Unicode"),  # a lone surrogate, forged by an escape
        ('{"\\udfff":{"F":1}}', "not Unicode"),
        ('{"I.1":{"F":1' + "0" * 400 + "}}", "401 digits"),
        ('{"I.1":{"F":1.5e400}}', "too large"),
        ('{"I.1":{"H":"' + "x" * MAX_TEXT_CHARS + '"}}', "characters"),
    ],
)
def test_anything_else_is_refused_with_a_reason(text: str, why: str) -> None:
    with pytest.raises(RollupDataError, match=why):
        decode_inputs(text)


def test_astral_text_fits_excels_cells() -> None:
    """Excel counts a cell's 32,767 characters in UTF-16 units: a pasted 𝐁𝐨𝐥𝐝 letter is two."""
    carried = {f"I.{i}": {"evidence": "𝐁𝐨𝐥𝐝 😀" * 400} for i in range(1, 40)}
    chunks = encode_inputs(carried)
    assert len(chunks) > 2
    assert all(len(c.encode("utf-16-le")) // 2 <= 32_767 for c in chunks)
    assert decode_inputs("".join(chunks)) == carried


def test_the_checksum_changes_with_the_text_and_the_unit() -> None:
    text = "".join(encode_inputs({"I.1": {"result": Decimal(5)}}))
    assert text_check("P-A", text) == text_check("P-A", text)
    assert text_check("P-A", text) != text_check("P-B", text)
    assert text_check("P-A", text) != text_check("P-A", text.replace("5.0", "6.0"))
