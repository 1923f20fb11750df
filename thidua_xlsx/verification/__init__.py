"""The upper level's verification workbook (*bảng thẩm định*): where each cell is
(:mod:`~thidua_xlsx.verification.layout`, pure) and how it is written
(:mod:`~thidua_xlsx.verification.writer`, XlsxWriter). It is read back by
:mod:`~thidua_xlsx.intake.verification_file` and checked by
:mod:`~thidua_xlsx.checking.verification`."""
