"""Which cells show their number as a percentage (SPEC §6): "86%" typed in Excel or LibreOffice
is stored as 0.86 with a percent format, and the person saw, and meant, 86.

python-calamine reads values, not number formats, so each format is asked here with the
libraries intake already uses:

* .xlsx/.xlsm: the styles part (``xl/styles.xml``), parsed as every returned part is
  (:func:`~thidua_xlsx.intake.marks.parse_untrusted`): the cell formats (``cellXfs``) whose
  number format is a percentage, built-in (ids 9 and 10) or written out (``numFmt``); a
  cell's ``s`` attribute in the sheet part names its cell format
  (:func:`~thidua_xlsx.intake.marks.xlsx_marks` collects them).
* .ods: the cell's own ``office:value-type="percentage"`` in ``content.xml``, which the
  OpenDocument standard requires of a cell whose value is shown as a percentage
  (:func:`~thidua_xlsx.intake.marks.ods_marks`).
* .xls: xlrd's formatting records (``formatting_info``): the format string of the cell's XF
  (:func:`~thidua_xlsx.intake.marks.xls_marks`).

Nothing here may cost a file its check: a styles part that cannot be read means no cell is
known to show a percentage (the values are then read as they are stored).
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

__all__ = ["BUILTIN_PERCENT_IDS", "is_percent_format", "xlsx_percent_styles"]

BUILTIN_PERCENT_IDS = frozenset({9, 10})  # "0%" and "0.00%" (ECMA-376 part 1, §18.8.30)
_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')  # literal text, fill and colour codes


def is_percent_format(code: str) -> bool:
    """A number format code that multiplies by 100 and shows ``%``: a ``%`` outside quoted
    text, escapes (``\\%``) and brackets, in the section for positive numbers."""
    first = _QUOTED.sub("", code).split(";", 1)[0]
    return "%" in first


def xlsx_percent_styles(root: Element) -> frozenset[str]:
    """The indices (as the sheet writes them, ``s="5"``) of the cell formats of a parsed
    styles part whose number format is a percentage."""
    custom: dict[int, str] = {}
    for element in root.iter():
        if _local(element.tag) == "numFmt":
            number = _int(element.get("numFmtId"))
            if number is not None:
                custom[number] = element.get("formatCode", "")
    percent = {
        number
        for number in (*BUILTIN_PERCENT_IDS, *custom)
        if (is_percent_format(custom[number]) if number in custom else True)
    }
    cell_xfs = next((e for e in root.iter() if _local(e.tag) == "cellXfs"), None)
    if cell_xfs is None or not percent:
        return frozenset()
    formats = [e for e in cell_xfs if _local(e.tag) == "xf"]
    return frozenset(
        str(index) for index, xf in enumerate(formats) if _int(xf.get("numFmtId", "0")) in percent
    )


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]
