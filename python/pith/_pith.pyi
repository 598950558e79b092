# SPDX-License-Identifier: MIT
"""Type stubs of the C extension under the pith package (python/pith/
_pith.c).  Use the pith package, not this module."""
from typing import Any, Callable, Dict, Iterator, Optional, Union

_Html = Union[str, bytes, bytearray, memoryview]

version: str
default_parser: str
OPT_NO_FALLBACK: int
OPT_KEEP_HIDDEN: int
OPT_NO_METADATA: int
OPT_NO_COMMENTS: int
OPT_TRUNCATE_INPUT: int
OPT_PRECISION: int
OPT_RECALL: int
OPT_LINKS: int
OPT_IMAGES: int
OPT_FORMATTING: int
OPT_NO_TABLES: int
OPT_PARSER_HTML5: int
OPT_PARSER_LIBXML2: int
RENDER_MARKDOWN_FIELD: int
FMT_TXT: int
FMT_JSON: int
FMT_MARKDOWN: int
FMT_XML: int
FMT_HTML: int
DEFAULT_MAX_INPUT: int


class WarcIterator(Iterator[str]):
    @property
    def stats(self) -> Dict[str, int]: ...
    def close(self) -> None: ...
    def __next__(self) -> str: ...


class Extractor:
    def __init__(self, opts: int = ..., max_input: int = ...,
                 max_nodes: int = ..., max_depth: int = ...,
                 time_limit: int = ...) -> None: ...
    def extract(self, html: _Html, url: Optional[str] = ...,
                encoding: Optional[str] = ..., format: int = ...,
                flags: int = ...,
                source: Optional[str] = ...) -> Optional[str]: ...
    def record(self, html: _Html, url: Optional[str] = ...,
               encoding: Optional[str] = ..., source: Optional[str] = ...,
               flags: int = ...) -> str: ...
    def iter_warc(self, input: Union[int, Any],
                  source: Optional[str] = ...,
                  close_fd: bool = ...) -> WarcIterator: ...


def error_record(source: Optional[str], url: Optional[str],
                 message: str) -> str: ...
def strerror(status: int) -> str: ...
def _set_error_factory(factory: Callable[[int, str], BaseException]) -> None: ...
