"""Text made safe for XML 1.0, which Word (.docx), PDF tagging and HTML parsers all rely on.

Text pasted from Word carries characters XML cannot hold: Shift+Enter is U+000B (vertical
tab), a manual page break U+000C. They become a new line, as the author meant; the other C0
controls (except tab, line feed and carriage return), lone surrogates and U+FFFE/U+FFFF are
dropped. Plain Python.
"""

from __future__ import annotations

import re

_LINE_BREAKS = re.compile("[\x0b\x0c]")
_NOT_XML = re.compile("[\x00-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` with every character XML 1.0 cannot hold replaced (line breaks) or removed."""
    return _NOT_XML.sub("", _LINE_BREAKS.sub("\n", text))
