"""Regenerate ``_TCVN3`` in ``thidua_xlsx/legacy_text.py`` from glibc iconv.

Run ``python tests/gen_tcvn3_table.py`` and paste the printed dict into the module. It asks
``iconv -f TCVN5712-1 -t UTF-8`` for each byte 0x80–0xFF on its own and keeps the bytes TCVN3
(VN3, the ABC ``.Vn*`` fonts) gives Vietnamese letters: the 67 lower-case letters and the seven
capitals without a tone mark. glibc implements the full VN1 set, which also puts capitals with
tone marks at C0/C1 and some high positions; VN3 leaves those bytes to Windows punctuation
(0x96 is an en dash, 0x93/0x94 curly quotes), so they are not mapped. Keys are the byte as a
cp1252 reader returns it; for bytes cp1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) the C1
control character a latin-1 reader returns is added too.
"""

from __future__ import annotations

import subprocess
import unicodedata

_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_LOWER = [unicodedata.normalize("NFC", base + tone) for base in "aăâeêioôơuưy" for tone in _TONES]
VN3_LETTERS = {ch for ch in _LOWER if not ch.isascii()} | {"đ", "Ă", "Â", "Ê", "Ô", "Ơ", "Ư", "Đ"}


def iconv_byte(byte: int) -> str:
    """What glibc iconv decodes one TCVN5712-1 byte to, in NFC."""
    done = subprocess.run(
        ["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"],
        input=bytes([byte]),
        capture_output=True,
        check=True,
    )
    return unicodedata.normalize("NFC", done.stdout.decode("utf-8"))


def reader_chars(byte: int) -> list[str]:
    """The characters a spreadsheet reader may deliver for ``byte`` stored as cp1252."""
    try:
        chars = [bytes([byte]).decode("cp1252")]
    except UnicodeDecodeError:
        chars = []
    latin1 = chr(byte)
    return chars if latin1 in chars else [*chars, latin1]


def build() -> list[tuple[int, str, str]]:
    """(byte, reader character, Vietnamese letter) for every byte TCVN3 uses for a letter."""
    rows = []
    for byte in range(0x80, 0x100):
        letter = iconv_byte(byte)
        if letter in VN3_LETTERS:
            rows += [(byte, char, letter) for char in reader_chars(byte)]
    if len({letter for _, _, letter in rows}) != len(VN3_LETTERS):
        raise SystemExit("iconv did not give all 74 TCVN3 letters")
    return rows


def main() -> None:
    for byte, char, letter in build():
        key = char if char.isprintable() else f"\\x{ord(char):02x}"
        print(f'    "{key}": "{letter}",  # 0x{byte:02X}')


if __name__ == "__main__":
    main()
