# SPDX-License-Identifier: MIT
"""pith: the main text and metadata of web pages, from Python.

A binding of libpith (the C library behind the ``pith`` tool).  The
functions take the names and meanings of trafilatura's ``extract()`` where
pith has the feature:

    >>> import pith
    >>> html = "<html><body><article><p>" + "Some words. " * 30 + "</p></article></body></html>"
    >>> pith.extract(html)[:21]
    'Some words. Some word'
    >>> pith.bare_extraction(html, url="https://example.org/a")["url"]
    'https://example.org/a'

``extract()`` returns the rendered document (``str``) or ``None`` when the
page has no main text; ``bare_extraction()`` returns the JSON record of
``pith --json`` as a ``dict``; ``iter_warc()`` streams the pages of a WARC
file; ``Extractor`` keeps one set of options for many pages.  Pages are
extracted without the GIL, so a ``concurrent.futures.ThreadPoolExecutor``
uses every core.  Failures raise :class:`pith.Error` subclasses.
"""
from __future__ import annotations

import json as _json
import os as _os
import threading as _threading
from typing import Any, BinaryIO, Dict, Iterator, Optional, Tuple, Union

from . import _pith

__all__ = [
    "extract", "bare_extraction", "iter_warc", "Extractor",
    "Error", "OutOfMemoryError", "InvalidArgumentError", "ParseError",
    "EncodingError", "TooLargeError", "InputOutputError", "WarcFormatError",
    "EmptyInputError", "NotHTMLError", "UnknownStatusError", "OUTPUT_FORMATS",
    "PARSERS", "DEFAULT_PARSER", "__version__",
]

__version__: str = _pith.version
#: The HTML parsers (the ``parser`` option) and this build's default.
PARSERS = ("html5", "libxml2")
DEFAULT_PARSER: str = _pith.default_parser

# ---- errors ----------------------------------------------------------------


class Error(Exception):
    """A failure reported by libpith.

    ``status`` is the library's status number (``pith_status`` in pith.h)
    and ``message`` its description, e.g. ``"the input has no bytes"``.
    """

    status: int = -1

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message

    def __reduce__(self):  # picklable, e.g. across Dask workers
        return (_make_error, (self.status, self.message))


class OutOfMemoryError(Error, MemoryError):
    """The library ran out of memory (status 1)."""


class InvalidArgumentError(Error, ValueError):
    """An invalid argument reached the library (status 2)."""


class ParseError(Error):
    """The parser could not produce a document (status 3)."""


class EncodingError(Error):
    """The input could not be decoded (status 4)."""


class TooLargeError(Error):
    """The input is larger than the size cap (status 5); see ``max_size``
    and ``truncate``."""


class InputOutputError(Error):
    """An I/O helper of the library failed (status 6)."""


class WarcFormatError(Error):
    """A WARC input is malformed, e.g. holds no WARC record (status 7)."""


class EmptyInputError(Error, ValueError):
    """The input has no bytes at all (status 8)."""


class NotHTMLError(Error, ValueError):
    """The payload is not a text document: a PDF, an image, binary data
    (status 9); the message names what it looks like."""


class UnknownStatusError(Error):
    """A status this version of the package has no class for (a newer
    library); ``status`` and ``message`` say which."""


_STATUS_ERRORS: Dict[int, type] = {
    1: OutOfMemoryError, 2: InvalidArgumentError, 3: ParseError,
    4: EncodingError, 5: TooLargeError, 6: InputOutputError,
    7: WarcFormatError, 8: EmptyInputError, 9: NotHTMLError,
}


def _make_error(status: int, message: str) -> Error:
    cls = _STATUS_ERRORS.get(status, UnknownStatusError)
    return cls(status, message)


_pith._set_error_factory(_make_error)

# ---- options ---------------------------------------------------------------

OUTPUT_FORMATS: Tuple[str, ...] = ("txt", "markdown", "json", "xml", "html")
_FORMAT_NUMBERS = {"txt": _pith.FMT_TXT, "markdown": _pith.FMT_MARKDOWN,
                   "json": _pith.FMT_JSON, "xml": _pith.FMT_XML,
                   "html": _pith.FMT_HTML}
# Names the pith tool and trafilatura also accept.
_FORMAT_ALIASES = {"text": "txt", "md": "markdown", "xmltei": None,
                   "csv": None, "python": None}

# Keys of the front matter with_metadata puts before txt and markdown,
# in the JSON record's order.
_FRONT_MATTER_KEYS = ("title", "author", "url", "date", "sitename",
                      "description", "language", "categories", "tags",
                      "date_modified", "image", "license", "page_type")

HtmlInput = Union[str, bytes, bytearray, memoryview]


def _format_number(output_format: str) -> int:
    if not isinstance(output_format, str):
        raise TypeError("output_format must be a str, not %s"
                        % type(output_format).__name__)
    name = output_format.lower()
    name = _FORMAT_ALIASES.get(name, name)
    if name not in _FORMAT_NUMBERS:
        raise ValueError("unknown output_format %r (choose from %s)"
                         % (output_format, ", ".join(OUTPUT_FORMATS)))
    return _FORMAT_NUMBERS[name]


def _option_bits(include_comments: bool, include_tables: bool,
                 include_links: bool, include_images: bool,
                 include_formatting: bool, favor_precision: bool,
                 favor_recall: bool, no_fallback: bool,
                 include_hidden: bool, truncate: bool,
                 parser: Optional[str] = None) -> int:
    opts = 0
    if parser is not None:
        if parser not in PARSERS:
            raise ValueError("unknown parser %r (choose from %s)"
                             % (parser, ", ".join(PARSERS)))
        opts |= (_pith.OPT_PARSER_HTML5 if parser == "html5"
                 else _pith.OPT_PARSER_LIBXML2)
    if not include_comments:
        opts |= _pith.OPT_NO_COMMENTS
    if not include_tables:
        opts |= _pith.OPT_NO_TABLES
    if include_links:
        opts |= _pith.OPT_LINKS
    if include_images:
        opts |= _pith.OPT_IMAGES
    if include_formatting:
        opts |= _pith.OPT_FORMATTING
    if favor_precision:
        opts |= _pith.OPT_PRECISION
    if favor_recall:
        opts |= _pith.OPT_RECALL
    if no_fallback:
        opts |= _pith.OPT_NO_FALLBACK
    if include_hidden:
        opts |= _pith.OPT_KEEP_HIDDEN
    if truncate:
        opts |= _pith.OPT_TRUNCATE_INPUT
    return opts


def _front_matter(record: Dict[str, Any]) -> str:
    """The metadata of a record as YAML-like front matter, as trafilatura
    writes it for txt and markdown with with_metadata=True."""
    lines = ["---"]
    for key in _FRONT_MATTER_KEYS:
        value = record.get(key)
        if isinstance(value, list):
            value = ", ".join(value)
        if value:
            lines.append("%s: %s" % (key, " ".join(str(value).split())))
    lines.append("---")
    return "\n".join(lines) + "\n"


class Extractor:
    """A reusable set of extraction options, for many pages.

    The options are those of :func:`extract`; ``Extractor(**options)``
    then ``.extract(html, url)``, ``.bare_extraction(html, url)`` and
    ``.iter_warc(path)`` apply them.  One extractor may be shared by
    threads (calls on it are serialised); for parallel work give each
    thread its own, or use :func:`extract`, which keeps one per thread.

    Bounds for untrusted input: ``max_size`` (bytes, default 64 MiB; with
    ``truncate=True`` longer input is cut instead of refused),
    ``max_nodes`` (default 4Mi elements and text runs), ``max_depth``
    (default 512) and ``time_limit`` (parsing time per page in ms, default
    5000); 0 keeps the default.

    ``parser`` picks the HTML parser: ``"html5"`` (pith's own, which
    parses as browsers do, about twice as fast) or ``"libxml2"``; ``None``
    (the default) uses the one libpith was built with
    (``pith.DEFAULT_PARSER``).
    """

    def __init__(self, output_format: str = "txt", *,
                 include_comments: bool = True, include_tables: bool = True,
                 include_links: bool = False, include_images: bool = False,
                 include_formatting: bool = False,
                 with_metadata: bool = False, favor_precision: bool = False,
                 favor_recall: bool = False, no_fallback: bool = False,
                 include_hidden: bool = False, max_size: int = 0,
                 truncate: bool = False, max_nodes: int = 0,
                 max_depth: int = 0, time_limit: int = 0,
                 parser: Optional[str] = None) -> None:
        self.output_format = output_format
        self._format = _format_number(output_format)
        self.with_metadata = bool(with_metadata)
        self._opts = _option_bits(include_comments, include_tables,
                                  include_links, include_images,
                                  include_formatting, favor_precision,
                                  favor_recall, no_fallback, include_hidden,
                                  truncate, parser)
        self._render = self._opts & (_pith.OPT_LINKS | _pith.OPT_IMAGES
                                     | _pith.OPT_FORMATTING)
        for name, value in (("max_size", max_size), ("max_nodes", max_nodes),
                            ("max_depth", max_depth),
                            ("time_limit", time_limit)):
            if not isinstance(value, int) or value < 0:
                raise ValueError("%s must be an int >= 0, not %r"
                                 % (name, value))
        self._ex = _pith.Extractor(self._opts, max_size, max_nodes,
                                   max_depth, time_limit)

    def __repr__(self) -> str:
        return "pith.Extractor(output_format=%r, opts=0x%x%s)" % (
            self.output_format, self._opts,
            ", with_metadata=True" if self.with_metadata else "")

    def extract(self, html: HtmlInput, url: Optional[str] = None, *,
                encoding: Optional[str] = None) -> Optional[str]:
        """Extract one page; see :func:`pith.extract`."""
        if self.with_metadata and self._format in (_pith.FMT_TXT,
                                                   _pith.FMT_MARKDOWN):
            record = self.bare_extraction(html, url, encoding=encoding)
            if not record.get("text"):
                return None
            body = (record["text"] if self._format == _pith.FMT_TXT else
                    self._ex.extract(html, url, encoding, self._format,
                                     self._render))
            return _front_matter(record) + (body or "")
        flags = self._render
        if self._format == _pith.FMT_JSON:
            flags = 0
        return self._ex.extract(html, url, encoding, self._format, flags)

    def bare_extraction(self, html: HtmlInput, url: Optional[str] = None, *,
                        encoding: Optional[str] = None,
                        source: Optional[str] = None) -> Dict[str, Any]:
        """Extract one page; see :func:`pith.bare_extraction`."""
        return _json.loads(self._ex.record(html, url, encoding, source))

    def iter_warc(self, warc: Union[str, bytes, "_os.PathLike[str]", BinaryIO],
                  *, raw: bool = False,
                  source: Optional[str] = None) -> Iterator[Any]:
        """Stream a WARC file; see :func:`pith.iter_warc`."""
        if isinstance(warc, (str, bytes, _os.PathLike)):
            path = _os.fsdecode(_os.fspath(warc))
            fd = _os.open(path, _os.O_RDONLY | getattr(_os, "O_CLOEXEC", 0))
            it = self._ex.iter_warc(fd, path if source is None else source,
                                    True)
        else:
            if source is None:
                name = getattr(warc, "name", None)
                source = _os.fsdecode(name) if isinstance(
                    name, (str, bytes)) else None
            it = self._ex.iter_warc(warc, source)
        return _WarcPages(it, raw)


class _WarcPages:
    """The iterator iter_warc() returns: dicts (or JSON lines with
    raw=True), with ``stats`` counting what was read."""

    def __init__(self, it: Any, raw: bool) -> None:
        self._it = it
        self._raw = raw

    def __iter__(self) -> "_WarcPages":
        return self

    def __next__(self) -> Any:
        line = next(self._it)
        return line if self._raw else _json.loads(line)

    @property
    def stats(self) -> Dict[str, int]:
        """Counts so far: records read, pages (HTML responses and broken
        records, one output each), errors (of those, the ones with an
        "error" key), skipped (records that are not pages), bytes_read
        (from the input, compressed) and skipped_bytes (garbage between
        records)."""
        return self._it.stats

    def close(self) -> None:
        """Stop reading and close the input (a path's file)."""
        self._it.close()

    def __enter__(self) -> "_WarcPages":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


# One Extractor per thread and set of options, for the module functions.
_local = _threading.local()


def _cached(key: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Extractor:
    cache = getattr(_local, "cache", None)
    if cache is None:
        cache = _local.cache = {}
    ex = cache.get(key)
    if ex is None:
        if len(cache) >= 32:
            cache.clear()
        ex = cache[key] = Extractor(**kwargs)
    return ex


def extract(html: HtmlInput, url: Optional[str] = None,
            output_format: str = "txt", include_comments: bool = True,
            include_tables: bool = True, include_links: bool = False,
            include_images: bool = False, include_formatting: bool = False,
            with_metadata: bool = False, favor_precision: bool = False,
            favor_recall: bool = False, *, encoding: Optional[str] = None,
            no_fallback: bool = False, include_hidden: bool = False,
            max_size: int = 0, truncate: bool = False, max_nodes: int = 0,
            max_depth: int = 0, time_limit: int = 0,
            parser: Optional[str] = None) -> Optional[str]:
    """Extract the main text of a web page and render it.

    html
        The page: ``bytes`` (the charset is detected from the bytes, their
        declarations and ``encoding``; gzip-compressed bytes are accepted)
        or ``str`` (already decoded; any charset it declares is ignored).
    url
        The page's address: used for metadata and to resolve relative
        links.
    output_format
        ``"txt"`` (paragraphs separated by a blank line), ``"markdown"``
        (CommonMark with pipe tables), ``"json"`` (the record of
        ``pith --json``, one line), ``"xml"`` (docs/formats.md) or
        ``"html"`` (a standalone page without scripts): the same text as
        ``pith --format FORMAT`` without its final newline.
    include_comments
        Collect reader comments.  They are never part of the text; they
        appear as the ``"comments"`` key of the json format and of
        :func:`bare_extraction` (``None`` when False).
    include_tables
        Keep tables (False leaves them out of every format).
    include_links, include_images, include_formatting
        markdown, xml, html: keep links (absolute URLs), images, and
        emphasis/strong/code.
    with_metadata
        txt and markdown: start with the metadata as front matter
        (``---`` lines, ``key: value``).  json, xml and html always carry
        the metadata.
    favor_precision
        Drop doubtful blocks: less boilerplate, some article text may go
        (``pith --precision``).
    favor_recall
        Keep doubtful blocks: more of the article, more boilerplate
        (``pith --recall``).  With both, neither applies.
    encoding
        A charset hint (e.g. from an HTTP header), used when the page
        declares none.
    no_fallback
        Do not fall back to the whole page when the main method finds too
        little text.
    include_hidden
        Keep elements hidden from readers (hidden, aria-hidden,
        display:none).
    max_size, truncate, max_nodes, max_depth, time_limit
        Bounds for untrusted input; see :class:`Extractor`.
    parser
        ``"html5"`` or ``"libxml2"`` (``pith --parser``); ``None``: the
        build's default, ``pith.DEFAULT_PARSER``.

    Returns the document as ``str``, or ``None`` when the page has no main
    text.  Raises :class:`pith.Error` (a subclass per status, e.g.
    :class:`EmptyInputError` for ``b""``), ``TypeError`` for an ``html``
    that is neither str nor bytes, ``ValueError`` for an unknown format.
    The GIL is released while the page is extracted.
    """
    kwargs = dict(output_format=output_format,
                  include_comments=include_comments,
                  include_tables=include_tables, include_links=include_links,
                  include_images=include_images,
                  include_formatting=include_formatting,
                  with_metadata=with_metadata,
                  favor_precision=favor_precision, favor_recall=favor_recall,
                  no_fallback=no_fallback, include_hidden=include_hidden,
                  max_size=max_size, truncate=truncate, max_nodes=max_nodes,
                  max_depth=max_depth, time_limit=time_limit, parser=parser)
    key = tuple(sorted(kwargs.items()))
    return _cached(key, kwargs).extract(html, url, encoding=encoding)


def bare_extraction(html: HtmlInput, url: Optional[str] = None,
                    include_comments: bool = True,
                    include_tables: bool = True,
                    include_links: bool = False,
                    include_images: bool = False,
                    include_formatting: bool = False,
                    with_metadata: bool = True,
                    favor_precision: bool = False,
                    favor_recall: bool = False, *,
                    encoding: Optional[str] = None,
                    source: Optional[str] = None, no_fallback: bool = False,
                    include_hidden: bool = False, max_size: int = 0,
                    truncate: bool = False, max_nodes: int = 0,
                    max_depth: int = 0, time_limit: int = 0,
                    parser: Optional[str] = None) -> Dict[str, Any]:
    """Extract a page and return its record as a ``dict``.

    The keys are exactly those of the JSON record ``pith --json`` writes,
    in the same order and with the same values (``None`` for null):
    source, url, title, author, date, sitename, description, language,
    categories, tags, date_modified, image, license, page_type, dateline,
    text, comments (and "truncated": True when a bound cut the page
    short).  ``text`` is ``""`` when the page has no main text.
    ``source`` sets the "source" key.  The other arguments are those of
    :func:`extract` (as with ``pith --json``, the links and formatting
    options do not change the record; ``with_metadata`` is accepted for
    trafilatura's sake: the record always has the metadata).  Raises
    :class:`pith.Error` on failure.
    """
    kwargs = dict(include_comments=include_comments,
                  include_tables=include_tables, include_links=include_links,
                  include_images=include_images,
                  include_formatting=include_formatting,
                  favor_precision=favor_precision, favor_recall=favor_recall,
                  no_fallback=no_fallback, include_hidden=include_hidden,
                  max_size=max_size, truncate=truncate, max_nodes=max_nodes,
                  max_depth=max_depth, time_limit=time_limit, parser=parser)
    key = ("bare",) + tuple(sorted(kwargs.items()))
    return _cached(key, kwargs).bare_extraction(html, url, encoding=encoding,
                                                source=source)


def iter_warc(warc: Union[str, bytes, "_os.PathLike[str]", BinaryIO], *,
              raw: bool = False, source: Optional[str] = None,
              **options: Any) -> Iterator[Any]:
    """Stream the pages of a WARC file (WARC/1.0 or 1.1, plain or gzip,
    e.g. Common Crawl's ``.warc.gz``).

    ``warc`` is a path or a binary file object (anything with
    ``readinto()`` or ``read()``, e.g. ``sys.stdin.buffer``).  Yields one
    ``dict`` per HTML response record: the keys of
    :func:`bare_extraction` with ``url`` the WARC-Target-URI and
    ``source`` the path (or ``source``), then the WARC keys
    (warc_record_id, warc_date, http_status, warc_truncated, ...) - what
    ``pith --json FILE`` writes.  A broken record, or a page that fails,
    gives a dict with an ``"error"`` key and reading goes on.  Other
    records (requests, images, metadata) are skipped.  ``raw=True``
    yields the JSON lines as ``str`` instead.

    Memory stays constant: one record is held at a time.  The iterator's
    ``stats`` counts records, pages, errors and skipped records; garbage
    between records raises a ``RuntimeWarning``; an input that holds no
    WARC record raises :class:`WarcFormatError`, an empty one
    :class:`EmptyInputError`.  ``options`` are those of
    :class:`Extractor` (include_comments, favor_precision, ...).
    """
    options.pop("output_format", None)
    return Extractor(**options).iter_warc(warc, raw=raw, source=source)
