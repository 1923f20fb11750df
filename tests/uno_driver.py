"""Type into spreadsheets through a real LibreOffice, headless, over UNO.

Run with the system Python that has the ``uno`` module (``/usr/bin/python3``), not the
project's: ``/usr/bin/python3 tests/uno_driver.py JOB.json RESULT.json``. A job is::

    {"documents": [{"source": "card.xlsx", "sheet": "Phiếu chấm điểm", "unprotect": true,
                    "fills": [{"actions": [{"op": "rename_sheet", ...}],
                               "cells": {"F13": 5, "F14": "Đạt", "H13": "QĐ 12"},
                               "then": [{"actions": [{"op": "delete_rows", "row": 20}],
                                         "cells": {"A21": "II.9"}}],
                               "clear": ["F13", "F14"],
                               "read": ["G13", "G40"],
                               "save_as": ["out/fill-1.xlsx", "out/fill-1.ods"]}]}]}

For every fill the ``clear`` cells are emptied, the ``cells`` typed (numbers as numbers, text
as text, text starting with ``=`` as a formula), the ``typed`` texts entered as a person types
them (LibreOffice's input parsing decides: "86%" becomes 0.86, "12,5" stays text in en-US; a
percentage entered into a cell of the standard format takes the percent format, as the input
line gives it), the document recalculated, the ``read`` cells reported as LibreOffice computed
them (the ``formats`` cells: their number format code), and the document saved in each
format given.

The view's own input (``.uno:EnterString`` through the dispatcher) would set the format
itself, but it crashes LibreOffice 7 on a later save of a hidden document; the percent format
is therefore set here, as the input line sets it.
The result is ``{"documents": [{"fills": [{"values": {"G13": 5.0, ...}}]}]}``.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

FILTERS = {".xlsx": "Calc MS Excel 2007 XML", ".ods": "calc8", ".xls": "MS Excel 97"}


def _props(**kwargs: object) -> tuple[object, ...]:
    result = []
    for name, value in kwargs.items():
        prop = PropertyValue()
        prop.Name, prop.Value = name, value
        result.append(prop)
    return tuple(result)


def _connect(pipe: str) -> object:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def _cell(sheet: object, address: str) -> object:
    return sheet.getCellRangeByName(address)  # type: ignore[attr-defined]


def _type(cell: object, value: object) -> None:
    if value is None or value == "":
        cell.setString("")  # type: ignore[attr-defined]
    elif isinstance(value, bool):
        cell.setValue(1.0 if value else 0.0)  # type: ignore[attr-defined]
    elif isinstance(value, (int, float)):
        cell.setValue(float(value))  # type: ignore[attr-defined]
    elif isinstance(value, str) and value.startswith("="):
        cell.setFormula(value)  # type: ignore[attr-defined]
    else:
        cell.setString(str(value))  # type: ignore[attr-defined]


def _read(cell: object) -> object:
    from com.sun.star.table.CellContentType import (  # type: ignore[import-not-found]
        EMPTY,
        FORMULA,
        TEXT,
    )

    kind = cell.getType()  # type: ignore[attr-defined]
    if kind == EMPTY:
        return None
    if kind == TEXT:
        return cell.getString()  # type: ignore[attr-defined]
    if kind == FORMULA and cell.getError() != 0:  # type: ignore[attr-defined]
        return {"error": cell.getError()}  # type: ignore[attr-defined]
    if kind == FORMULA and cell.FormulaResultType2 == 2:  # type: ignore[attr-defined]  # TEXT
        return cell.getString()  # type: ignore[attr-defined]
    return cell.getValue()  # type: ignore[attr-defined]


def run(job: dict[str, object]) -> dict[str, object]:
    pipe = f"thidua_uno_{os.getpid()}"
    profile = tempfile.mkdtemp(prefix="lo-uno-profile-")
    office = subprocess.Popen(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--nodefault",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    results: list[dict[str, object]] = []
    try:
        ctx = _connect(pipe)
        desktop = ctx.ServiceManager.createInstanceWithContext(  # type: ignore[attr-defined]
            "com.sun.star.frame.Desktop", ctx
        )
        for document in job["documents"]:  # type: ignore[attr-defined]
            results.append(_document(desktop, document))
        with contextlib.suppress(Exception):  # the bridge goes away as LibreOffice quits
            desktop.terminate()
        office.wait(timeout=60)
    finally:
        if office.poll() is None:
            office.kill()
            office.wait()
    return {"documents": results}


def _act(doc: object, sheet: object, action: dict[str, object]) -> object:
    """Edits a person might make: rows deleted or inserted, sheets renamed, shown, removed,
    a date typed into a number cell. Returns the (possibly new) working sheet."""
    sheets = doc.Sheets  # type: ignore[attr-defined]
    op = action["op"]
    if op == "remove_sheet":
        sheets.removeByName(action["name"])
    elif op == "rename_sheet":
        sheets.getByName(action["name"]).setName(action["to"])
    elif op == "show_sheet":
        sheets.getByName(action["name"]).IsVisible = True
    elif op == "delete_rows":
        sheet.Rows.removeByIndex(action["row"], action.get("count", 1))  # type: ignore[attr-defined]
    elif op == "insert_rows":
        sheet.Rows.insertByIndex(action["row"], action.get("count", 1))  # type: ignore[attr-defined]
    elif op == "date":
        from com.sun.star.lang import Locale  # type: ignore[import-not-found]

        cell = _cell(sheet, str(action["cell"]))
        cell.setValue(float(action["value"]))  # type: ignore[attr-defined]
        formats = doc.NumberFormats  # type: ignore[attr-defined]
        cell.NumberFormat = formats.getStandardFormat(2, Locale())  # type: ignore[attr-defined]  # DATE
    else:
        raise ValueError(f"unknown action {op}")
    return sheet


def _enter(doc: object, cell: object, text: str) -> None:
    """``text`` as typed: LibreOffice parses it (``setFormula`` takes input as the input line
    does); a percentage typed into a cell of the standard format then shows as one, as the
    input line sets it (0.86 shown 86%)."""
    from com.sun.star.lang import Locale  # type: ignore[import-not-found]
    from com.sun.star.table.CellContentType import VALUE  # type: ignore[import-not-found]
    from com.sun.star.util.NumberFormat import PERCENT  # type: ignore[import-not-found]

    cell.setFormula(text)  # type: ignore[attr-defined]
    formats = doc.NumberFormats  # type: ignore[attr-defined]
    not_percent = formats.getByKey(cell.NumberFormat).Type & PERCENT == 0  # type: ignore[attr-defined]
    if cell.getType() == VALUE and text.strip().endswith("%") and not_percent:  # type: ignore[attr-defined]
        cell.NumberFormat = formats.getStandardFormat(PERCENT, Locale())  # type: ignore[attr-defined]


def _format(doc: object, cell: object) -> str:
    """The cell's number format code (``0%``, ``General``)."""
    key = cell.NumberFormat  # type: ignore[attr-defined]
    return str(doc.NumberFormats.getByKey(key).FormatString)  # type: ignore[attr-defined]


def _document(desktop: object, document: dict[str, object]) -> dict[str, object]:
    url = Path(str(document["source"])).resolve().as_uri()
    doc = desktop.loadComponentFromURL(url, "_blank", 0, _props(Hidden=True))  # type: ignore[attr-defined]
    fills: list[dict[str, object]] = []
    try:
        sheets = doc.Sheets
        sheet = (
            sheets.getByName(document["sheet"]) if document.get("sheet") else sheets.getByIndex(0)
        )
        if document.get("unprotect"):
            sheet.unprotect("")
        for fill in document["fills"]:  # type: ignore[attr-defined]
            for action in fill.get("actions", []):
                sheet = _act(doc, sheet, action)
            for address in fill.get("clear", []):
                _type(_cell(sheet, address), None)
            for address, value in fill.get("cells", {}).items():
                _type(_cell(sheet, address), value)
            for address, text in fill.get("typed", {}).items():
                # as a person types it: LibreOffice's own input parsing decides what the text
                # becomes ("86%" a number shown as a percentage, "12,5" text in en-US)
                _enter(doc, _cell(sheet, address), str(text))
            for step in fill.get("then", []):  # edits made after typing (rows deleted…)
                for action in step.get("actions", []):
                    sheet = _act(doc, sheet, action)
                for address, value in step.get("cells", {}).items():
                    _type(_cell(sheet, address), value)
            doc.calculateAll()
            values = {a: _read(_cell(sheet, a)) for a in fill.get("read", [])}
            formats = {a: _format(doc, _cell(sheet, a)) for a in fill.get("formats", [])}
            for target in fill.get("save_as", []):
                password = target.get("password") if isinstance(target, dict) else None
                path = Path(target["path"] if isinstance(target, dict) else target).resolve()
                path.parent.mkdir(parents=True, exist_ok=True)
                options = {"FilterName": FILTERS[path.suffix.lower()]}
                if password:
                    options["Password"] = password
                doc.storeToURL(path.as_uri(), _props(**options))
            fills.append({"values": values, "formats": formats})
    finally:
        doc.close(True)
    return {"fills": fills}


def main() -> int:
    job = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    result = run(job)
    Path(sys.argv[2]).write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
