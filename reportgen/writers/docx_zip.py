"""Reproducible ZIP packages: fixed timestamps, permissions and member order.

``zipfile.writestr`` with a plain name stamps each member with the current time, so
two saves of the same document differ. Every member written here carries the same
fixed date (1980-01-01, the earliest a ZIP can hold) and attributes, in the order given.

>>> blob = zip_members([("b.xml", b"<b/>"), ("a.xml", b"<a/>")])
>>> blob == zip_members([("b.xml", b"<b/>"), ("a.xml", b"<a/>")])
True
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

FIXED_DATE = (1980, 1, 1, 0, 0, 0)
_PACKED = (".png", ".jpeg", ".jpg", ".gif")  # already compressed: stored as they are


def zip_members(members: Iterable[tuple[str, bytes]]) -> bytes:
    """A ZIP archive of ``(name, data)`` members, byte-for-byte reproducible.

    XML is deflated; pictures that are compressed already are stored.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            packed = name.lower().endswith(_PACKED)
            info.compress_type = zipfile.ZIP_STORED if packed else zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            archive.writestr(info, data)
    return buffer.getvalue()
