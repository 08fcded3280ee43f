"""Reading scraped text files robustly, with one clear line for every way a file can be bad.

Scraped pages arrive in whatever encoding the scraper wrote: UTF-8 (with or without a byte-order
mark), UTF-16 from Windows tools, cp1252 or Latin-1 from older pipelines. `read_text_file` tries
them in order of how strict they are, refuses files that are not text at all, and returns the text
with newlines normalised. UTF-8 with a few bad bytes stays UTF-8, the bytes replaced and the
file named in a note (`read_text_file_noted`).

The text it returns is what crosswire stores as an article's `raw` text: decoded and with every
``\\r\\n`` and lone ``\\r`` turned into ``\\n``, nothing else changed (terminal escape sequences and
markup-like brackets stay verbatim). Sentence spans (`core.ingest.segment`) index this stored text, not
the bytes on disk, so a span stays valid whatever encoding the file had.
"""

from __future__ import annotations

import codecs
from pathlib import Path

DEFAULT_MAX_BYTES = 10_000_000
"""Scraped articles are a few KB; 10 MB is far past any article and still quick to read."""

DEFAULT_MAX_LINES = 200_000
"""Cleaning costs ~15 us per line whatever its length, so a 10 MB file of one-character lines
would take over a minute; a page of 200,000 lines (~3 s) is already far past any article."""

_CONTROL_SHARE_LIMIT = 0.10
"""More than this share of control characters (besides tab/newline/CR/ESC) means binary data."""

_SNIFF_BYTES = 65_536

_FEW_BAD_BYTES = 8
"""Bytes that are not UTF-8 which a file with valid UTF-8 beyond ASCII may hold and still be read
as UTF-8 (more only when it holds more valid non-ASCII characters than that)."""


class UnreadableFile(Exception):
    """A file crosswire cannot use as an article, with a reason a person understands."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def read_text_file(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, max_lines: int = DEFAULT_MAX_LINES
) -> str:
    """Return the decoded, newline-normalised text of `path` (`read_text_file_noted`, without
    its note)."""
    return read_text_file_noted(path, max_bytes=max_bytes, max_lines=max_lines)[0]


def read_text_file_noted(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, max_lines: int = DEFAULT_MAX_LINES
) -> tuple[str, str | None]:
    """Return the decoded, newline-normalised text of `path`, and a note naming the file when
    bytes in it were not UTF-8 and were replaced (else None).

    The text is the article's stored raw text: every later offset refers to it. Raises
    `UnreadableFile` (one line: "FILE: reason") when the path is missing, a directory, empty or
    whitespace only, binary, larger than `max_bytes` or `max_lines`, or in no encoding that
    yields text.
    """
    path = Path(path)
    data = _read_bytes(path, max_bytes=max_bytes)
    if not data:
        raise UnreadableFile(path, "empty file (0 bytes)")
    text, replaced = _decode(path, data)
    text = normalise_newlines(text)
    if not text.strip():
        raise UnreadableFile(path, "empty file (only whitespace)")
    # A final newline ends the last line rather than starting another (as `wc -l` and editors
    # count): 200,001 lines each ending in a newline are 200,001 lines.
    lines = text.count("\n") + (0 if text.endswith("\n") else 1)
    if lines > max_lines:
        raise UnreadableFile(path, f"too many lines ({lines:,}; the limit is {max_lines:,})")
    note = None
    if replaced:
        what = "byte that is" if replaced == 1 else "bytes that are"
        note = f"{path}: {replaced:,} {what} not UTF-8 replaced with \N{REPLACEMENT CHARACTER}"
    return text, note


def normalise_newlines(text: str) -> str:
    """Turn Windows (``\\r\\n``) and old Mac (``\\r``) line ends into ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_bytes(path: Path, *, max_bytes: int) -> bytes:
    try:
        if not path.exists():
            raise UnreadableFile(path, "no such file")
        if path.is_dir():
            raise UnreadableFile(path, "is a directory, not a text file")
        size = path.stat().st_size
        if size > max_bytes:
            limit = _human_size(max_bytes, trim=True)
            raise UnreadableFile(path, f"too large ({_human_size(size)}; the limit is {limit})")
        return path.read_bytes()
    except UnreadableFile:
        raise
    except PermissionError:
        raise UnreadableFile(path, "permission denied") from None
    except OSError as error:
        raise UnreadableFile(path, f"cannot be read ({error.strerror or error})") from None


def _human_size(size: int, *, trim: bool = False) -> str:
    """'50.0 MB', or with `trim` '10 MB'; sizes under a megabyte in KB."""
    value, unit = (size / 1_000_000, "MB") if size >= 1_000_000 else (size / 1_000, "KB")
    number = f"{value:.1f}"
    if trim:
        number = number.rstrip("0").rstrip(".")
    return f"{number} {unit}"


def _decode(path: Path, data: bytes) -> tuple[str, int]:
    """Decode with the strictest encoding that works; refuse binary data. Returns the text and
    how many bytes that were not UTF-8 it replaced.

    UTF-8 that holds a few bad bytes (a stray byte in a page of UTF-8 accents and quotes) is read
    as UTF-8 with those bytes replaced, not as cp1252 mojibake ('Japanâs'); a file with no valid
    UTF-8 sequence beyond ASCII, or far more bad bytes than good ones, is clearly another
    encoding, tried next.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _checked(path, data.decode("utf-16")), 0
        except UnicodeDecodeError:
            raise UnreadableFile(path, "undecodable (UTF-16 byte-order mark, bad data)") from None
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise UnreadableFile(path, "binary file (contains NUL bytes)")
    try:
        return _checked(path, data.decode("utf-8-sig")), 0
    except UnicodeDecodeError:
        pass
    replaced_text = data.decode("utf-8-sig", errors="replace")
    replaced = replaced_text.count("\ufffd") - data.count("\ufffd".encode())
    decoded = sum(1 for ch in replaced_text if ch > "\x7f") - replaced
    # A few bad bytes among valid UTF-8 (any accent, dash or quote written as UTF-8) are damage;
    # many, with hardly any valid sequence, are another encoding.
    if decoded > 0 and 0 < replaced <= max(_FEW_BAD_BYTES, decoded):
        return _checked(path, replaced_text), replaced
    try:
        return _checked(path, data.decode("cp1252")), 0
    except UnicodeDecodeError:
        pass
    # Latin-1 decodes any byte sequence, so it is only a guess: keep it only if it reads as text.
    text = data.decode("latin-1")
    if _control_share(text) > _CONTROL_SHARE_LIMIT or _c1_share(text) > 0.01:
        raise UnreadableFile(path, "undecodable (not UTF-8, UTF-16, cp1252 or Latin-1 text)")
    return text, 0


def _checked(path: Path, text: str) -> str:
    if "\x00" in text:
        raise UnreadableFile(path, "binary file (contains NUL characters)")
    share = _control_share(text)
    if share > _CONTROL_SHARE_LIMIT:
        raise UnreadableFile(path, f"binary file ({share:.0%} control characters)")
    return text


def _control_share(text: str) -> float:
    sample = text[:_SNIFF_BYTES]
    if not sample:
        return 0.0
    # ESC is allowed: scraped terminal output may carry colour codes and is still text.
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\x1b\x0c")
    return controls / len(sample)


def _c1_share(text: str) -> float:
    """Share of C1 control characters (U+0080-U+009F): common when Latin-1 misreads binary."""
    sample = text[:_SNIFF_BYTES]
    if not sample:
        return 0.0
    return sum(1 for ch in sample if 0x80 <= ord(ch) <= 0x9F) / len(sample)
