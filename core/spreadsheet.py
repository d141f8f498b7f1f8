"""CSV cells a spreadsheet cannot run: a text cell starting with =, +, -, @, a tab or a carriage
return would be read as a formula (CSV injection), so it gets a leading apostrophe, which
spreadsheets show as text. Plain numbers (« -2.50 ») stay numbers."""

import re

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


def safe_cell(value):
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def safe_row(row) -> list:
    return [safe_cell(value) for value in row]
