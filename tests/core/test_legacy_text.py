"""Legacy Vietnamese fonts (TCVN3/ABC and VNI): detection and conversion.

The legacy strings below are written by hand from the encoding tables (TCVN3: glibc
``iconv -f TCVN5712-1``; VNI: UniKey's VNI-WIN table), not produced by the code under test.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata

import pytest

from thidua_xlsx.core.legacy_encodings import (
    convert_legacy,
    detect_legacy,
    encode_legacy,
    fix_legacy_text,
)

# (Unicode, TCVN3 as a reader returns it, VNI as a reader returns it)
PHRASES = [
    (
        "Độc lập - Tự do - Hạnh phúc",
        "§éc lËp - Tù do - H¹nh phóc",
        "Ñoäc laäp - Töï do - Haïnh phuùc",
    ),
    ("Xin chào các bạn", "Xin chµo c¸c b¹n", "Xin chaøo caùc baïn"),
    ("Hội Liên hiệp Phụ nữ", "Héi Liªn hiÖp Phô n÷", "Hoäi Lieân hieäp Phuï nöõ"),
    ("Công an phường", "C«ng an ph\xadêng", "Coâng an phöôøng"),
    ("Trạm Y tế", "Tr¹m Y tÕ", "Traïm Y teá"),
    ("Đoàn Thanh niên", "§oµn Thanh niªn", "Ñoaøn Thanh nieân"),
    ("Bình đẳng giới", "B×nh ®¼ng giíi", "Bình ñaúng giôùi"),
    ("ủy ban nhân dân", "ñy ban nh©n d©n", "uûy ban nhaân daân"),
    ("Phường Nhơn Hưng", "Ph\xadêng Nh¬n H\xadng", "Phöôøng Nhôn Höng"),
    ("Trường Tiểu học", "Tr\xadêng TiÓu häc", "Tröôøng Tieåu hoïc"),
    ("Người lập biểu", "Ng\xadêi lËp biÓu", "Ngöôøi laäp bieåu"),
    ("Xuất sắc", "XuÊt s¾c", "Xuaát saéc"),
    ("Hoàn thành tốt nhiệm vụ", "Hoµn thµnh tèt nhiÖm vô", "Hoaøn thaønh toát nhieäm vuï"),
    ("Chưa đạt", "Ch\xada ®¹t", "Chöa ñaït"),
    (
        "Kế hoạch số 05/KH-PN ngày 10/01/2024",
        "KÕ ho¹ch sè 05/KH-PN ngµy 10/01/2024",
        "Keá hoaïch soá 05/KH-PN ngaøy 10/01/2024",
    ),
]

# Single letters, one per kind of sequence.
LETTERS = [
    ("ư", "\xad", "ö"),
    ("đ", "®", "ñ"),
    ("Đ", "§", "Ñ"),
    ("ơ", "¬", "ô"),
    ("ô", "«", "oâ"),
    ("ờ", "ê", "ôø"),
    ("ậ", "Ë", "aä"),
    ("ẳ", "¼", "aú"),
    ("ĩ", "Ü", "ó"),
    ("ị", "Þ", "ò"),
    ("ỵ", "þ", "î"),
    ("ỹ", "ü", "yõ"),
    ("Ă", "¡", "AÊ"),
]

_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_LOWER = [
    unicodedata.normalize("NFC", base + tone)
    for base in "aăâeêioôơuưy"
    for tone in _TONES
    if base + tone not in "aeiouy"
] + ["đ"]
ALL_LETTERS = _LOWER + [letter.upper() for letter in _LOWER]
TCVN3_CAPITALS = set("ĂÂÊÔƠƯĐ")  # the only capitals a normal .Vn* font holds


def test_all_134_letters_listed() -> None:
    assert len(ALL_LETTERS) == len(set(ALL_LETTERS)) == 134


@pytest.mark.parametrize(("unicode", "tcvn3", "vni"), PHRASES + LETTERS)
def test_convert(unicode: str, tcvn3: str, vni: str) -> None:
    assert convert_legacy(tcvn3, "tcvn3") == unicode
    assert convert_legacy(vni, "vni") == unicode


@pytest.mark.parametrize(("unicode", "tcvn3", "vni"), PHRASES + LETTERS)
def test_encode_matches_hand_written(unicode: str, tcvn3: str, vni: str) -> None:
    assert encode_legacy(unicode, "tcvn3") == tcvn3
    assert encode_legacy(unicode, "vni") == vni


@pytest.mark.parametrize(("unicode", "tcvn3", "vni"), PHRASES)
def test_detected_by_statistics(unicode: str, tcvn3: str, vni: str) -> None:
    assert fix_legacy_text(tcvn3) == (unicode, "tcvn3")
    assert fix_legacy_text(vni) == (unicode, "vni")


@pytest.mark.parametrize(("unicode", "tcvn3", "vni"), PHRASES)
def test_detected_by_font(unicode: str, tcvn3: str, vni: str) -> None:
    assert fix_legacy_text(tcvn3, ".VnTime") == (unicode, "tcvn3")
    assert fix_legacy_text(vni, "VNI-Times") == (unicode, "vni")


def test_output_is_nfc() -> None:
    assert convert_legacy("viÖt", "tcvn3") == unicodedata.normalize("NFC", "việt")
    assert len(convert_legacy("Vieät", "vni")) == 4


@pytest.mark.parametrize("letter", ALL_LETTERS)
def test_vni_round_trip(letter: str) -> None:
    assert convert_legacy(encode_legacy(letter, "vni"), "vni") == letter


@pytest.mark.parametrize("letter", ALL_LETTERS)
def test_tcvn3_round_trip(letter: str) -> None:
    if letter.islower() or letter in TCVN3_CAPITALS:
        assert convert_legacy(encode_legacy(letter, "tcvn3"), "tcvn3") == letter
    else:  # capitals with a tone mark exist only in the all-capitals fonts
        with pytest.raises(ValueError, match="cannot hold"):
            encode_legacy(letter, "tcvn3")
    in_h_font = encode_legacy(letter, "tcvn3", capitals=True)
    assert convert_legacy(in_h_font, "tcvn3", capitals=True) == letter.upper()


@pytest.mark.parametrize(
    ("text", "font", "expected"),
    [
        ("céng hoµ x· héi chñ nghÜa viÖt nam", ".VnTimeH", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("ñy ban nh©n d©n", ".VnArialH", "ỦY BAN NHÂN DÂN"),
        ("§éc lËp - Tù do - H¹nh phóc", ".VnTimeH", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC"),
        ("ñy ban nh©n d©n", ".VnArial", "ủy ban nhân dân"),
        (
            "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM",
            "VNI-Times",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        ),
        ("UÛY BAN NHAÂN DAÂN", "VNI-Helve", "ỦY BAN NHÂN DÂN"),
    ],
)
def test_capitals(text: str, font: str, expected: str) -> None:
    assert fix_legacy_text(text, font)[0] == expected


def test_capitals_flag_upper_cases() -> None:
    assert convert_legacy("tr\xadêng", "tcvn3", capitals=True) == "TRƯỜNG"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\xad", "ư"),
        ("Tr\xadêng", "Trường"),
        ("H\xadng Yªn", "Hưng Yên"),
    ],
)
def test_soft_hyphen_is_u_horn(text: str, expected: str) -> None:
    assert convert_legacy(text, "tcvn3") == expected


def test_windows_punctuation_is_kept_in_tcvn3() -> None:
    # VN3 leaves 0x80-0x9F to cp1252 punctuation: en dash, curly quotes, ellipsis stay.
    assert convert_legacy("§éc lËp – Tù do – H¹nh phóc…", "tcvn3") == (
        "Độc lập – Tự do – Hạnh phúc…"
    )
    assert fix_legacy_text("“Hµ Néi” vµ “§µ N½ng”") == ("“Hà Nội” và “Đà Nẵng”", "tcvn3")


def test_c1_controls_from_undefined_cp1252_bytes_do_not_block_detection() -> None:
    assert detect_legacy("§éc lËp\x81 - Tù do\x9d") == "tcvn3"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Ban chi dao",
        "Cong an phuong 5",
        "nguyen.van.a@gmail.com",
        "12,5",
        "1.234.567,5",
        "§",
        "§ 3",
        "café",
        "Müller",
        "naïve",
        "Le café est très bon",
        "Noël à Paris, François Müller",
        "Señor García, mañana",
        "Die Straße ist schön",
        "São Paulo",
        "10 µm - 20 µm",
        "A · B · C",
        "½ + ¼ = ¾",
        "© 2024",
        "Độc lập - Tự do - Hạnh phúc",
        unicodedata.normalize("NFD", "Độc lập - Tự do - Hạnh phúc"),
        "Hội Liên hiệp Phụ nữ",
        unicodedata.normalize("NFD", "Bình đẳng giới"),
        "Bùi Tú",
        "Hoà Bình",
        "Cà Mau",
        "Tù do",  # TCVN3 for "Tự do", but also a correct Vietnamese phrase: left alone
    ],
)
def test_not_detected(text: str) -> None:
    assert detect_legacy(text) is None
    assert fix_legacy_text(text) == (text, None)


@pytest.mark.parametrize(
    ("text", "font", "expected"),
    [
        ("Tù do", ".VnTime", "tcvn3"),  # statistics would leave it alone
        ("Tù do", ".VNTIME", "tcvn3"),
        ("§éc lËp - Tù do - H¹nh phóc", "VNI-Times", "vni"),  # statistics say TCVN3
        ("Xin chaøo caùc baïn", ".VnArial", "tcvn3"),  # statistics say VNI
        ("Toát", "VNI Times", "vni"),
        ("Toát", "vni-times", "vni"),
        ("Toát", None, None),
        ("Xin chaøo caùc baïn", "Times New Roman", "vni"),  # other fonts: statistics decide
        ("Nguyễn Văn A", ".VnTime", None),  # holds a letter no legacy byte gives
        ("Bình đẳng giới", "VNI-Times", None),
    ],
)
def test_font_name_decides(text: str, font: str | None, expected: str | None) -> None:
    assert detect_legacy(text, font) == expected


def test_font_name_converts_even_ambiguous_text() -> None:
    assert fix_legacy_text("Tù do", ".VnTime") == ("Tự do", "tcvn3")
    assert fix_legacy_text("Toát", "VNI-Times") == ("Tốt", "vni")


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Ấp", "tcvn3"),  # a capital with a tone mark: only in .VnTimeH
        ("→", "tcvn3"),
        ("→", "vni"),
        ("«", "tcvn3"),  # would read back as "ô"
        ("aø", "vni"),  # would read back as "à"
    ],
)
def test_encode_rejects_what_cannot_be_held(text: str, encoding: str) -> None:
    with pytest.raises(ValueError, match=encoding):
        encode_legacy(text, encoding)  # type: ignore[arg-type]


def test_unknown_encoding() -> None:
    with pytest.raises(ValueError, match="unknown"):
        convert_legacy("abc", "viscii")  # type: ignore[arg-type]


def _reader_byte(char: str) -> int:
    """The byte a cp1252 reader turned into ``char`` (C1 controls: the byte itself)."""
    try:
        return char.encode("cp1252")[0]
    except UnicodeEncodeError:
        return ord(char)


@pytest.mark.skipif(shutil.which("iconv") is None, reason="glibc iconv is not installed")
def test_tcvn3_table_agrees_with_iconv() -> None:
    from thidua_xlsx.core.legacy_encodings import _TCVN3

    chars = list(_TCVN3)
    raw = b"\n".join(bytes([_reader_byte(char)]) for char in chars)
    done = subprocess.run(
        ["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=raw, capture_output=True, check=True
    )
    decoded = unicodedata.normalize("NFC", done.stdout.decode("utf-8")).split("\n")
    assert dict(zip(chars, decoded, strict=True)) == _TCVN3
    assert len(set(_TCVN3.values())) == 74  # 67 lower-case letters + Ă Â Ê Ô Ơ Ư Đ
