"""Plain text: find the encoding (BOM, strict UTF-8, UTF-16 by its NUL pattern, then
charset-normalizer's statistics), decode, and hand HTML markup saved as `.txt` to the HTML
reader."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from pbdocs.model import Warning

_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Detector names → the codec we decode with and record. GB18030 is a superset of GB2312/GBK, so
# decoding with it never loses a character the narrower name would have decoded.
_ALIASES = {
    "gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "cp936": "gb18030",
    "hz": "gb18030", "big5": "big5hkscs", "cp950": "big5hkscs", "big5hkscs": "big5hkscs",
    "utf_8": "utf-8", "utf-8": "utf-8", "ascii": "utf-8", "utf_16": "utf-16",
    "utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be",
}
# C0 controls other than tab, newline, vertical tab, form feed, carriage return and escape:
# text files do not contain them, binary files are full of them.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f\ufffd]")
_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
                         re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"<(?:p|div|br|span|table|td|tr|li|h[1-6]|a|body|head|meta|title)\b[^>]*>",
                       re.IGNORECASE)


@dataclass
class Decoded:
    """Decoded text, the codec name recorded for it, whether it rests on statistics, and how
    many byte sequences could not be decoded (each replaced by U+FFFD)."""

    text: str
    encoding: str
    guessed: bool = False
    lost: int = 0


# At most this share of a text's non-ASCII characters may be undecodable bytes: above it the
# bytes are not a damaged text in that encoding but something else.
MAX_LOST_SHARE = 0.3


def looks_binary(data: bytes) -> bool:
    """True when bytes are not text in any encoding we read (NULs outside UTF-16, controls)."""
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in data:
        return _utf16_without_bom(data) is None
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 0x20 and b not in b"\t\n\x0b\x0c\r\x1b")
    return controls > max(2, len(sample) // 200)


def _clean(text: str) -> bool:
    return len(_CONTROL.findall(text)) <= max(2, len(text) // 500)


def _decode(data: bytes, codec: str) -> tuple[str, int]:
    """The bytes decoded with U+FFFD for what cannot be, and how many replacements that took."""
    text = data.decode(codec, errors="replace")
    lost = text.count("\ufffd")
    if lost and codec.startswith("utf-8"):
        lost -= data.count("\ufffd".encode("utf-8"))  # replacement characters in the file itself
    return text, max(lost, 0)


def _mostly_lost(text: str, lost: int) -> bool:
    wide = sum(1 for ch in text if ord(ch) > 0x7F)
    return lost > max(2, MAX_LOST_SHARE * wide)


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 without a BOM shows NULs mostly on one parity (the high byte of ASCII chars; CJK
    characters like 一 U+4E00 put a few on the other)."""
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    if even + odd == 0:
        return None
    codec = "utf-16-le" if odd > even else "utf-16-be"
    if min(even, odd) * 3 > max(even, odd):
        return None
    text, lost = _decode(data[:len(data) // 2 * 2], codec)
    lost += len(data) % 2
    if _mostly_lost(text, lost) or not _clean(text.replace("\ufffd", "")):
        return None
    return Decoded(text, codec, guessed=True, lost=lost)


_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}"
                       rb"|[\xf0-\xf4][\x80-\xbf]{3}")


def _damaged_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few stray bytes: valid multi-byte sequences (which text in any other
    encoding almost never forms by chance) far outnumber the invalid bytes."""
    valid = len(_UTF8_SEQ.findall(data))
    if valid < 10:
        return None
    text, lost = _decode(data, "utf-8")
    if lost * 20 > valid or not _clean(text.replace("\ufffd", "")):
        return None
    return Decoded(text, "utf-8", lost=lost)


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode text bytes, cheapest certainty first; raise ValueError when they are not text.

    `declared` is an encoding the file states about itself (an HTML `<meta charset>`). A few
    undecodable bytes are replaced (and counted in `lost`); only bytes that are mostly
    undecodable in every encoding are refused."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text, lost = _decode(data, codec)
            return Decoded(text.lstrip("\ufeff"), codec, lost=lost)
    if b"\x00" in data:
        found = _utf16_without_bom(data)
        if found is None:
            raise ValueError("binary")
        return found
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    codec = None
    if declared:
        codec = _ALIASES.get(declared.lower().replace("-", "_"), declared.lower())
        try:
            text = data.decode(codec)
            if _clean(text):
                return Decoded(text, codec)
        except (UnicodeDecodeError, LookupError):
            pass
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged
    if codec:  # the declared encoding with a few damaged bytes
        try:
            text, lost = _decode(data, codec)
            if not _mostly_lost(text, lost) and _clean(text.replace("\ufffd", "")):
                return Decoded(text, codec, lost=lost)
        except LookupError:
            pass
    return _detect(data)


def _common_share(text: str, codec: str) -> float:
    """Share of the non-ASCII characters that are everyday ones in that script: GB2312's
    first level and symbols for GB18030, Big5's frequent set for Big5. A wrong guess between
    the two decodes into rare characters."""
    chars = [ch for ch in text if ord(ch) > 0x7F and ch != "\ufffd"]
    if not chars:
        return 1.0
    common = 0
    for ch in chars:
        try:
            b = ch.encode("gb2312" if codec == "gb18030" else "big5")
        except UnicodeEncodeError:
            continue
        if codec == "gb18030":
            common += 0xB0A1 <= int.from_bytes(b, "big") <= 0xD7F9 or 0xA1 <= b[0] <= 0xA9
        else:
            common += 0xA140 <= int.from_bytes(b, "big") <= 0xC67E
    return common / len(chars)


def _detect(data: bytes) -> Decoded:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    guess = _ALIASES.get(best.encoding, best.encoding) if best is not None else None
    decoded: dict[str, tuple[str, int]] = {}
    for codec in dict.fromkeys([c for c in (guess, "gb18030", "big5hkscs") if c]):
        try:
            text, lost = _decode(data, codec)
        except LookupError:
            continue
        if not _mostly_lost(text, lost) and _clean(text.replace("\ufffd", "")):
            decoded[codec] = (text, lost)
    if not decoded:
        raise ValueError("undecodable")
    # Chinese texts that are not UTF-8 are GB- or Big5-encoded; short ones fool the statistics,
    # so the Chinese decoding whose characters are everyday ones wins (GB18030 on a tie), and
    # among those the one that loses fewest bytes.
    scored = sorted(((_common_share(decoded[c][0], c) >= 0.6, -decoded[c][1],
                      _common_share(decoded[c][0], c), c == "gb18030", c) for c in decoded
                     if c in ("gb18030", "big5hkscs")), reverse=True)
    if scored and scored[0][0]:
        codec = scored[0][-1]
    elif guess in decoded:
        codec = guess
    else:  # bytes that make no everyday text in any of them: noise, not a damaged text
        raise ValueError("undecodable")
    text, lost = decoded[codec]
    return Decoded(text, codec, guessed=True, lost=lost)


def looks_like_html(text: str) -> bool:
    """True when text is HTML markup (a web page saved with a .txt name)."""
    head = text[:4096]
    if _HTML_START.match(head):
        return True
    return len(_HTML_TAG.findall(head)) >= 5 and head.lstrip().startswith("<")


def guessed_warning(path: Path, encoding: str) -> Warning:
    """The warning that the encoding was inferred by statistics, not stated by the file."""
    return Warning(
        kind="encoding_guessed",
        message=(f"文件 {path.name} 没有编码标记且不是 UTF-8，"
                 f"已按统计推断为 {encoding.upper()} 编码；"
                 "如出现乱码，请将文件另存为 UTF-8 后重试。"),
        excerpt=None,
        offset=None,
    )


def lost_warning(path: Path, encoding: str, lost: int) -> Warning:
    """The warning that some bytes could not be decoded and were replaced."""
    return Warning(
        kind="encoding_replaced",
        message=(f"文件 {path.name} 中有 {lost} 处字节无法按 {encoding.upper()} 编码解读，"
                 "已替换为“\ufffd”，其余内容照常读取；请核对这些位置的原文。"),
        excerpt=None,
        offset=None,
    )


def decode_or_fail(path: Path, data: bytes, declared: str | None = None):
    """(text with \\n line ends, encoding, warnings) of text bytes, or InputError."""
    from pbdocs.read import fail

    try:
        dec = decode_bytes(data, declared)
    except ValueError:
        raise fail(path, "不是文本文件（含有二进制内容或无法识别的编码），无法读取") from None
    text = dec.text.replace("\r\n", "\n").replace("\r", "\n")
    warnings = [guessed_warning(path, dec.encoding)] if dec.guessed else []
    if dec.lost:
        warnings.append(lost_warning(path, dec.encoding, dec.lost))
    return text, dec.encoding, warnings


def read_txt(path: Path, data: bytes):
    """Read a plain-text file (any of the encodings above); HTML markup goes to the HTML reader."""
    from pbdocs.read import RawText

    text, encoding, warnings = decode_or_fail(path, data)
    # Form feeds are page breaks in text saved from PDFs (pdftotext): a line break to us.
    text = text.replace("\f", "\n")
    if looks_like_html(text):
        from pbdocs.read.html import read_markup

        return read_markup(path, text, encoding, warnings)
    return RawText(text, "txt", encoding, warnings)
