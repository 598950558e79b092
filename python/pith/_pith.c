/* SPDX-License-Identifier: MIT */
/*
 * _pith.c - the CPython extension under the pith package: libpith's
 * extractor and WARC reader as Python types, against the public header
 * (pith/pith.h) only.
 *
 * Two types:
 *  - Extractor wraps one pith_extractor.  extract() takes str or any
 *    bytes-like object, releases the GIL while the page is extracted and
 *    rendered, and returns the rendered document (str) or None when the
 *    page has no main text.  An extractor is used by one thread at a
 *    time: a lock per object serialises callers that share one (taken
 *    without the GIL, so a waiting thread blocks no other).
 *  - WarcIterator streams a WARC file through pith_warc_reader and yields
 *    the JSON line of each HTML response (or broken record) as the pith
 *    tool writes it with --json.  The reader and the extraction run
 *    without the GIL; the read callback takes it back only when the input
 *    is a Python file object (a path is read with read(2) directly).
 *
 * Errors are raised through a factory the Python package installs
 * (_set_error_factory): it maps a pith_status number to a pith.Error
 * subclass, so this file needs no list of statuses.
 *
 * A str is passed as UTF-8 behind a byte order mark, which overrides any
 * <meta charset> the markup declares: the characters are already decoded.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "pith/pith.h"

/* Output formats of Extractor.extract(). */
enum { FMT_TXT = 0, FMT_JSON, FMT_MARKDOWN, FMT_XML, FMT_HTML, FMT_COUNT };

static PyObject *error_factory; /* callable(status, message) -> exception */

/* Raise the pith.Error subclass of `st` with `message`. */
static void raise_status(int st, const char *message) {
  if (!message)
    message = pith_strerror((pith_status)st);
  if (st == PITH_ERR_NOMEM && !error_factory) {
    PyErr_NoMemory();
    return;
  }
  if (!error_factory) {
    PyErr_Format(PyExc_RuntimeError, "pith: %s (status %d)", message, st);
    return;
  }
  PyObject *exc = PyObject_CallFunction(error_factory, "is", st, message);
  if (!exc)
    return;
  PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
  Py_DECREF(exc);
}

/* ---- input ---------------------------------------------------------- */

typedef struct {
  Py_buffer view; /* bytes-like input */
  int have_view;
  char *copy; /* str input: BOM + UTF-8 (PyMem_RawMalloc) */
  const char *data;
  size_t len;
} page_input;

static int input_get(PyObject *o, page_input *in) {
  memset(in, 0, sizeof *in);
  if (PyUnicode_Check(o)) {
    PyObject *b = PyUnicode_AsEncodedString(o, "utf-8", "surrogatepass");
    if (!b)
      return -1;
    size_t n = (size_t)PyBytes_GET_SIZE(b);
    if (n == 0) { /* "" stays empty: the library reports it */
      Py_DECREF(b);
      in->data = "";
      return 0;
    }
    in->copy = PyMem_RawMalloc(n + 3);
    if (!in->copy) {
      Py_DECREF(b);
      PyErr_NoMemory();
      return -1;
    }
    memcpy(in->copy, "\xEF\xBB\xBF", 3);
    memcpy(in->copy + 3, PyBytes_AS_STRING(b), n);
    Py_DECREF(b);
    in->data = in->copy;
    in->len = n + 3;
    return 0;
  }
  if (PyObject_CheckBuffer(o)) {
    if (PyObject_GetBuffer(o, &in->view, PyBUF_SIMPLE) != 0)
      return -1;
    in->have_view = 1;
    in->data = in->view.buf;
    in->len = (size_t)in->view.len;
    return 0;
  }
  PyErr_Format(PyExc_TypeError, "html must be str or bytes, not %.100s",
               Py_TYPE(o)->tp_name);
  return -1;
}

static void input_release(page_input *in) {
  if (in->have_view)
    PyBuffer_Release(&in->view);
  PyMem_RawFree(in->copy);
  memset(in, 0, sizeof *in);
}

/* A str from UTF-8 the library wrote (always valid; "replace" to be
 * safe). */
static PyObject *str_from(const char *s) {
  return PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "replace");
}

/* ---- Extractor ------------------------------------------------------ */

typedef struct {
  PyObject_HEAD pith_extractor *ex;
  PyThread_type_lock lock;
  unsigned opts;
  size_t max_input; /* 0: the library default */
} ExtractorObject;

static int Extractor_init(ExtractorObject *self, PyObject *args, PyObject *kw) {
  static char *kwlist[] = {"opts",      "max_input",  "max_nodes",
                           "max_depth", "time_limit", NULL};
  unsigned int opts = 0, max_depth = 0, time_limit = 0;
  Py_ssize_t max_input = 0, max_nodes = 0;
  if (!PyArg_ParseTupleAndKeywords(args, kw, "|InnII", kwlist, &opts,
                                   &max_input, &max_nodes, &max_depth,
                                   &time_limit))
    return -1;
  if (max_input < 0 || max_nodes < 0) {
    PyErr_SetString(PyExc_ValueError, "sizes must not be negative");
    return -1;
  }
  if (self->ex) {
    PyErr_SetString(PyExc_RuntimeError, "Extractor already initialised");
    return -1;
  }
  if (pith_global_init() != PITH_OK) {
    raise_status(PITH_ERR_NOMEM, NULL);
    return -1;
  }
  self->lock = PyThread_allocate_lock();
  self->ex = pith_extractor_new(opts);
  if (!self->lock || !self->ex) {
    PyErr_NoMemory();
    return -1;
  }
  self->opts = opts;
  self->max_input = (size_t)max_input;
  pith_extractor_set_max_input(self->ex, (size_t)max_input);
  pith_extractor_set_max_nodes(self->ex, (size_t)max_nodes);
  pith_extractor_set_max_depth(self->ex, max_depth);
  pith_extractor_set_time_budget(self->ex, time_limit);
  return 0;
}

static void Extractor_dealloc(ExtractorObject *self) {
  pith_extractor_free(self->ex);
  if (self->lock)
    PyThread_free_lock(self->lock);
  Py_TYPE(self)->tp_free((PyObject *)self);
}

/* Take the extractor's lock; called without the GIL. */
static void ex_lock(ExtractorObject *self) {
  PyThread_acquire_lock(self->lock, WAIT_LOCK);
}

static void ex_unlock(ExtractorObject *self) {
  PyThread_release_lock(self->lock);
}

/* The message of a failed extraction, as the pith tool words it. */
static void status_message(pith_status st, size_t len, size_t max,
                           const char *detail, char *msg, size_t cap) {
  if (st == PITH_ERR_TOO_LARGE)
    snprintf(msg, cap, "input too large (%zu bytes, max %zu)", len,
             max ? max : PITH_DEFAULT_MAX_INPUT);
  else if (detail && *detail)
    snprintf(msg, cap, "%s", detail); /* pith_extractor_error(): "not HTML:
                                         PDF document" */
  else
    snprintf(msg, cap, "%s", pith_strerror(st));
}

/* Render `res` in `format`; NULL when out of memory.  txt is a copy of
 * the text, so that every format is freed with pith_free() or free(). */
static char *render(const pith_result *res, int format, unsigned flags,
                    const char *source, int *is_malloc) {
  *is_malloc = 0;
  switch (format) {
  case FMT_JSON:
    return flags ? pith_render_json_ex(res, source, flags)
                 : pith_render_json(res, source);
  case FMT_MARKDOWN:
    return pith_render_markdown(res, flags);
  case FMT_XML:
    return pith_render_xml(res, flags);
  case FMT_HTML:
    return pith_render_html(res, flags);
  default: {
    const char *t = pith_result_text(res);
    size_t n = strlen(t) + 1;
    char *c = malloc(n);
    if (c)
      memcpy(c, t, n);
    *is_malloc = 1;
    return c;
  }
  }
}

PyDoc_STRVAR(Extractor_extract_doc,
             "extract(html, url=None, encoding=None, format=0, flags=0, "
             "source=None, none_if_empty=True)\n--\n\n"
             "Extract one page and render it: format 0 text, 1 JSON, 2 "
             "Markdown, 3 XML, 4 HTML; flags are the render bits.  Returns "
             "str, or None when none_if_empty and the page has no main "
             "text.  Raises pith.Error on failure.");

static PyObject *Extractor_extract(ExtractorObject *self, PyObject *args,
                                   PyObject *kw) {
  static char *kwlist[] = {"html",  "url",    "encoding", "format",
                           "flags", "source", NULL};
  PyObject *html;
  const char *url = NULL, *encoding = NULL, *source = NULL;
  int format = FMT_TXT;
  unsigned int flags = 0;
  if (!PyArg_ParseTupleAndKeywords(args, kw, "O|zziIz", kwlist, &html, &url,
                                   &encoding, &format, &flags, &source))
    return NULL;
  if (format < 0 || format >= FMT_COUNT) {
    PyErr_SetString(PyExc_ValueError, "unknown format number");
    return NULL;
  }
  if (!self->ex) {
    PyErr_SetString(PyExc_RuntimeError, "Extractor not initialised");
    return NULL;
  }
  page_input in;
  if (input_get(html, &in) != 0)
    return NULL;

  pith_result *res = NULL;
  pith_status st;
  char *out = NULL;
  int empty = 0, is_malloc = 0;
  PyThreadState *ts = PyEval_SaveThread(); /* the GIL is released */
  ex_lock(self);
  st = pith_extractor_extract(self->ex, in.data, in.len, url, encoding, &res);
  char detail[160];
  snprintf(detail, sizeof detail, "%s", pith_extractor_error(self->ex));
  ex_unlock(self);
  if (st == PITH_OK) {
    empty = *pith_result_text(res) == '\0';
    if (!empty)
      out = render(res, format, flags, source, &is_malloc);
  }
  pith_result_free(res);
  PyEval_RestoreThread(ts);

  size_t len = in.len;
  input_release(&in);
  if (st != PITH_OK) {
    char msg[160];
    status_message(st, len, self->max_input, detail, msg, sizeof msg);
    raise_status(st, msg);
    return NULL;
  }
  if (empty)
    Py_RETURN_NONE;
  if (!out)
    return PyErr_NoMemory();
  /* Documents without the final newline the tool writes after them. */
  size_t n = strlen(out);
  if (format != FMT_JSON && n && out[n - 1] == '\n')
    n--;
  PyObject *r = PyUnicode_DecodeUTF8(out, (Py_ssize_t)n, "replace");
  if (is_malloc)
    free(out);
  else
    pith_free(out);
  return r;
}

PyDoc_STRVAR(Extractor_record_doc,
             "record(html, url=None, encoding=None, source=None, flags=0)\n"
             "--\n\n"
             "Extract one page and return its JSON record (str), as "
             "`pith --json` writes it, whether or not it has text.");

static PyObject *Extractor_record(ExtractorObject *self, PyObject *args,
                                  PyObject *kw) {
  static char *kwlist[] = {"html", "url", "encoding", "source", "flags", NULL};
  PyObject *html;
  const char *url = NULL, *encoding = NULL, *source = NULL;
  unsigned int flags = 0;
  if (!PyArg_ParseTupleAndKeywords(args, kw, "O|zzzI", kwlist, &html, &url,
                                   &encoding, &source, &flags))
    return NULL;
  if (!self->ex) {
    PyErr_SetString(PyExc_RuntimeError, "Extractor not initialised");
    return NULL;
  }
  page_input in;
  if (input_get(html, &in) != 0)
    return NULL;
  pith_result *res = NULL;
  pith_status st;
  char *out = NULL;
  PyThreadState *ts = PyEval_SaveThread(); /* the GIL is released */
  ex_lock(self);
  st = pith_extractor_extract(self->ex, in.data, in.len, url, encoding, &res);
  char detail[160];
  snprintf(detail, sizeof detail, "%s", pith_extractor_error(self->ex));
  ex_unlock(self);
  if (st == PITH_OK)
    out = flags ? pith_render_json_ex(res, source, flags)
                : pith_render_json(res, source);
  pith_result_free(res);
  PyEval_RestoreThread(ts);

  size_t len = in.len;
  input_release(&in);
  if (st != PITH_OK) {
    char msg[160];
    status_message(st, len, self->max_input, detail, msg, sizeof msg);
    raise_status(st, msg);
    return NULL;
  }
  if (!out)
    return PyErr_NoMemory();
  PyObject *r = str_from(out);
  pith_free(out);
  return r;
}

/* ---- WARC iterator -------------------------------------------------- */

typedef struct {
  PyObject_HEAD ExtractorObject *ex; /* strong reference */
  pith_warc_reader *r;
  int fd;         /* read(2) from it when >= 0 */
  int own_fd;     /* close it when done */
  PyObject *file; /* else: a file object with readinto() or read() */
  char *source;   /* the "source" key (PyMem_RawMalloc), or NULL */
  size_t max;     /* record and page cap */
  PyThreadState *ts;
  PyObject *exc_type, *exc_value, *exc_tb; /* raised by file.read */
  int read_errno;
  int finished;
  int busy; /* in next(), without the GIL: another caller must not enter */
  unsigned long long records, pages, errors, skipped;
  unsigned long long seen_skipped, bytes_read;
} WarcIterObject;

static void warc_close(WarcIterObject *it) {
  if (it->r)
    it->bytes_read = pith_warc_reader_bytes_read(it->r);
  pith_warc_reader_free(it->r);
  it->r = NULL;
  if (it->own_fd && it->fd >= 0)
    close(it->fd);
  it->fd = -1;
  it->own_fd = 0;
  Py_CLEAR(it->file);
  it->finished = 1;
}

/* Read from a Python file object; called with the GIL held. */
static ptrdiff_t read_file(WarcIterObject *it, char *buf, size_t len) {
  PyObject *mv = PyMemoryView_FromMemory(buf, (Py_ssize_t)len, PyBUF_WRITE);
  if (!mv)
    return -1;
  PyObject *r = NULL;
  if (PyObject_HasAttrString(it->file, "readinto")) {
    r = PyObject_CallMethod(it->file, "readinto", "O", mv);
    Py_DECREF(mv);
    if (!r)
      return -1;
    if (r == Py_None) {
      Py_DECREF(r);
      PyErr_SetString(PyExc_BlockingIOError,
                      "the WARC file object returned no data (non-blocking)");
      return -1;
    }
    Py_ssize_t n = PyLong_AsSsize_t(r);
    Py_DECREF(r);
    if (n < 0 && PyErr_Occurred())
      return -1;
    if (n < 0 || (size_t)n > len) {
      PyErr_SetString(PyExc_ValueError, "readinto() returned a bad count");
      return -1;
    }
    return n;
  }
  Py_DECREF(mv);
  r = PyObject_CallMethod(it->file, "read", "n", (Py_ssize_t)len);
  if (!r)
    return -1;
  Py_buffer v;
  if (PyObject_GetBuffer(r, &v, PyBUF_SIMPLE) != 0) {
    Py_DECREF(r);
    PyErr_SetString(PyExc_TypeError,
                    "the WARC file must be opened in binary mode");
    return -1;
  }
  size_t n = (size_t)v.len < len ? (size_t)v.len : len;
  memcpy(buf, v.buf, n);
  PyBuffer_Release(&v);
  Py_DECREF(r);
  return (ptrdiff_t)n;
}

static ptrdiff_t warc_read_cb(void *ctx, char *buf, size_t len) {
  WarcIterObject *it = ctx;
  if (it->fd >= 0) {
    for (;;) {
      ssize_t n = read(it->fd, buf, len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        it->read_errno = errno;
      return n < 0 ? -1 : (ptrdiff_t)n;
    }
  }
  if (!it->file)
    return 0;
  PyEval_RestoreThread(it->ts);
  ptrdiff_t n = read_file(it, buf, len);
  if (n < 0 && !it->exc_type)
    PyErr_Fetch(&it->exc_type, &it->exc_value, &it->exc_tb);
  else if (n < 0)
    PyErr_Clear();
  it->ts = PyEval_SaveThread();
  return n;
}

/* Is a record that is too large one that would have been a page? */
static int oversized_page(const pith_warc_record *rec) {
  const char *mime = pith_warc_record_content_type(rec);
  return strcmp(pith_warc_record_type(rec), "response") == 0 &&
         (!*mime || strcmp(mime, "text/html") == 0 ||
          strcmp(mime, "application/xhtml+xml") == 0);
}

static const char *nonempty(const char *s) { return s && *s ? s : NULL; }

/* The JSON line of one record (run without the GIL): extract an HTML
 * response, or render a broken record.  *page is set for a page. */
static char *warc_record_line(WarcIterObject *it, const pith_warc_record *rec,
                              pith_status st, int *failed) {
  char msg[320];
  const char *err = NULL;
  pith_result *res = NULL;
  *failed = 0;
  if (st != PITH_OK) {
    snprintf(msg, sizeof msg, "WARC record at offset %llu: %s",
             pith_warc_record_stored_offset(rec), pith_warc_record_error(rec));
    err = msg;
  } else {
    size_t len;
    const char *body = pith_warc_record_body(rec, &len);
    if (!len)
      goto render; /* an empty response: a record with no text */
    ex_lock(it->ex);
    pith_status xs = pith_extractor_extract(
        it->ex->ex, body, len, nonempty(pith_warc_record_target_uri(rec)),
        nonempty(pith_warc_record_charset(rec)), &res);
    char detail[160];
    snprintf(detail, sizeof detail, "%s", pith_extractor_error(it->ex->ex));
    ex_unlock(it->ex);
    if (xs != PITH_OK) {
      status_message(xs, len, it->max, detail, msg, sizeof msg);
      err = msg;
    }
  }
render:
  *failed = err != NULL;
  char *line = pith_render_json_warc_at(
      res, it->source, nonempty(pith_warc_record_target_uri(rec)),
      nonempty(pith_warc_record_id(rec)), nonempty(pith_warc_record_date(rec)),
      pith_warc_record_http_status(rec),
      nonempty(pith_warc_record_truncated(rec)),
      (long long)pith_warc_record_stored_offset(rec),
      pith_warc_record_stored_length(rec)
          ? (long long)pith_warc_record_stored_length(rec)
          : -1,
      err);
  pith_result_free(res);
  return line;
}

static PyObject *warn_skipped(unsigned long long n, const char *source) {
  if (PyErr_WarnFormat(PyExc_RuntimeWarning, 1,
                       "%s: skipped %llu bytes that belong to no WARC record",
                       source ? source : "WARC input", n) != 0)
    return NULL;
  return Py_None;
}

static PyObject *WarcIter_next_locked(WarcIterObject *it);

static PyObject *WarcIter_next(WarcIterObject *it) {
  if (it->busy) {
    PyErr_SetString(PyExc_ValueError, "WARC iterator already executing");
    return NULL;
  }
  it->busy = 1;
  PyObject *r = WarcIter_next_locked(it);
  it->busy = 0;
  return r;
}

static PyObject *WarcIter_next_locked(WarcIterObject *it) {
  while (!it->finished && it->r) {
    const pith_warc_record *rec = NULL;
    pith_status st;
    char *line = NULL;
    int page = 0, failed = 0, skip = 0;
    it->ts = PyEval_SaveThread();
    st = pith_warc_reader_next(it->r, &rec);
    if (rec) {
      if (st == PITH_OK && !pith_warc_record_is_html(rec))
        skip = 1;
      else if (st == PITH_ERR_TOO_LARGE && !oversized_page(rec))
        skip = 1; /* e.g. a video: not a page anyway */
      else {
        page = 1;
        line = warc_record_line(it, rec, st, &failed);
      }
    }
    PyEval_RestoreThread(it->ts);
    it->ts = NULL;

    unsigned long long sk = pith_warc_reader_skipped_bytes(it->r);
    if (rec)
      it->records++;
    if (sk != it->seen_skipped) {
      unsigned long long d = sk - it->seen_skipped;
      it->seen_skipped = sk;
      if (!rec && st == PITH_OK && it->records == 0) {
        char m[120];
        snprintf(m, sizeof m, "not a WARC file (no WARC record in %llu bytes)",
                 sk);
        warc_close(it);
        raise_status(PITH_ERR_WARC_FORMAT, m);
        return NULL;
      }
      if (!warn_skipped(d, it->source)) {
        pith_free(line);
        return NULL;
      }
    }
    if (!rec) {
      if (it->exc_type) {
        PyErr_Restore(it->exc_type, it->exc_value, it->exc_tb);
        it->exc_type = it->exc_value = it->exc_tb = NULL;
        warc_close(it);
        return NULL;
      }
      if (st == PITH_OK && it->records == 0 && it->seen_skipped == 0) {
        warc_close(it);
        raise_status(PITH_ERR_EMPTY, "empty input");
        return NULL;
      }
      int rerr = it->read_errno;
      warc_close(it);
      if (st == PITH_OK)
        return NULL; /* StopIteration */
      if (st == PITH_ERR_IO && rerr) {
        errno = rerr;
        return PyErr_SetFromErrno(PyExc_OSError);
      }
      raise_status(st, NULL);
      return NULL;
    }
    if (skip) {
      it->skipped++;
      continue;
    }
    if (page) {
      it->pages++;
      if (failed)
        it->errors++;
    }
    if (!line)
      return PyErr_NoMemory();
    PyObject *r = str_from(line);
    pith_free(line);
    return r;
  }
  return NULL;
}

static void WarcIter_dealloc(WarcIterObject *it) {
  warc_close(it);
  Py_XDECREF(it->ex);
  Py_XDECREF(it->exc_type);
  Py_XDECREF(it->exc_value);
  Py_XDECREF(it->exc_tb);
  PyMem_RawFree(it->source);
  Py_TYPE(it)->tp_free((PyObject *)it);
}

static PyObject *WarcIter_close(WarcIterObject *it, PyObject *unused) {
  (void)unused;
  if (it->busy) {
    PyErr_SetString(PyExc_ValueError, "WARC iterator already executing");
    return NULL;
  }
  warc_close(it);
  Py_RETURN_NONE;
}

static PyObject *WarcIter_stats(WarcIterObject *it, void *unused) {
  (void)unused;
  return Py_BuildValue(
      "{sKsKsKsKsKsK}", "records", it->records, "pages", it->pages, "errors",
      it->errors, "skipped", it->skipped, "bytes_read",
      it->r ? pith_warc_reader_bytes_read(it->r) : it->bytes_read,
      "skipped_bytes", it->seen_skipped);
}

static PyMethodDef WarcIter_methods[] = {
    {"close", (PyCFunction)WarcIter_close, METH_NOARGS,
     "Stop reading and release the input."},
    {NULL, NULL, 0, NULL}};

static PyGetSetDef WarcIter_getset[] = {
    {"stats", (getter)WarcIter_stats, NULL,
     "Counts so far: records, pages (HTML responses and broken records), "
     "errors, skipped (records that are not pages), bytes_read, "
     "skipped_bytes.",
     NULL},
    {NULL, NULL, NULL, NULL, NULL}};

static PyTypeObject WarcIterType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "pith._pith.WarcIterator",
    .tp_basicsize = sizeof(WarcIterObject),
    .tp_dealloc = (destructor)WarcIter_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Iterator over the JSON lines of a WARC file's pages.",
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)WarcIter_next,
    .tp_methods = WarcIter_methods,
    .tp_getset = WarcIter_getset,
};

PyDoc_STRVAR(Extractor_iter_warc_doc,
             "iter_warc(input, source=None, close_fd=False)\n--\n\n"
             "Stream a WARC file: input is a file descriptor (int) or a "
             "binary file object.  Yields the JSON line (str) of each HTML "
             "response and of each broken record.");

static PyObject *Extractor_iter_warc(ExtractorObject *self, PyObject *args,
                                     PyObject *kw) {
  static char *kwlist[] = {"input", "source", "close_fd", NULL};
  PyObject *input;
  const char *source = NULL;
  int close_fd = 0;
  if (!PyArg_ParseTupleAndKeywords(args, kw, "O|zp", kwlist, &input, &source,
                                   &close_fd))
    return NULL;
  if (!self->ex) {
    PyErr_SetString(PyExc_RuntimeError, "Extractor not initialised");
    return NULL;
  }
  WarcIterObject *it = PyObject_New(WarcIterObject, &WarcIterType);
  if (!it)
    return NULL;
  memset((char *)it + sizeof(PyObject), 0,
         sizeof *it - sizeof(PyObject)); /* all but the header */
  it->fd = -1;
  Py_INCREF(self);
  it->ex = self;
  if (PyLong_Check(input)) {
    int fd = (int)PyLong_AsLong(input);
    if (fd < 0) {
      if (!PyErr_Occurred())
        PyErr_SetString(PyExc_ValueError, "bad file descriptor");
      Py_DECREF(it);
      return NULL;
    }
    it->fd = fd;
    it->own_fd = close_fd;
  } else {
    Py_INCREF(input);
    it->file = input;
  }
  if (source) {
    size_t n = strlen(source) + 1;
    it->source = PyMem_RawMalloc(n);
    if (!it->source) {
      Py_DECREF(it);
      return PyErr_NoMemory();
    }
    memcpy(it->source, source, n);
  }
  it->max = self->max_input ? self->max_input : PITH_DEFAULT_MAX_INPUT;
  it->r = pith_warc_reader_new(warc_read_cb, it);
  if (!it->r) {
    Py_DECREF(it);
    return PyErr_NoMemory();
  }
  pith_warc_reader_set_max_record(it->r, it->max);
  return (PyObject *)it;
}

static PyMethodDef Extractor_methods[] = {
    {"extract", (PyCFunction)(void (*)(void))Extractor_extract,
     METH_VARARGS | METH_KEYWORDS, Extractor_extract_doc},
    {"record", (PyCFunction)(void (*)(void))Extractor_record,
     METH_VARARGS | METH_KEYWORDS, Extractor_record_doc},
    {"iter_warc", (PyCFunction)(void (*)(void))Extractor_iter_warc,
     METH_VARARGS | METH_KEYWORDS, Extractor_iter_warc_doc},
    {NULL, NULL, 0, NULL}};

static PyTypeObject ExtractorType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "pith._pith.Extractor",
    .tp_basicsize = sizeof(ExtractorObject),
    .tp_dealloc = (destructor)Extractor_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Extractor(opts=0, max_input=0, max_nodes=0, max_depth=0, "
              "time_limit=0): one reusable pith_extractor.",
    .tp_methods = Extractor_methods,
    .tp_init = (initproc)Extractor_init,
    .tp_new = PyType_GenericNew,
};

/* ---- module --------------------------------------------------------- */

static PyObject *mod_set_error_factory(PyObject *m, PyObject *fn) {
  (void)m;
  if (!PyCallable_Check(fn)) {
    PyErr_SetString(PyExc_TypeError, "the error factory must be callable");
    return NULL;
  }
  Py_INCREF(fn);
  Py_XSETREF(error_factory, fn);
  Py_RETURN_NONE;
}

static PyObject *mod_strerror(PyObject *m, PyObject *arg) {
  (void)m;
  long st = PyLong_AsLong(arg);
  if (st == -1 && PyErr_Occurred())
    return NULL;
  return PyUnicode_FromString(pith_strerror((pith_status)st));
}

static PyObject *mod_error_record(PyObject *m, PyObject *args) {
  (void)m;
  const char *source, *url, *message;
  if (!PyArg_ParseTuple(args, "zzs", &source, &url, &message))
    return NULL;
  char *s = pith_render_json_error(source, url, message);
  if (!s)
    return PyErr_NoMemory();
  PyObject *r = str_from(s);
  pith_free(s);
  return r;
}

static PyMethodDef module_methods[] = {
    {"error_record", mod_error_record, METH_VARARGS,
     "error_record(source, url, message): the JSON record of a failed "
     "input, as `pith --json` writes it."},
    {"_set_error_factory", mod_set_error_factory, METH_O,
     "Install callable(status, message) -> exception for library errors."},
    {"strerror", mod_strerror, METH_O,
     "The library's message for a status number."},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    "pith._pith",
    "libpith bindings; use the pith package, not this module.",
    -1,
    module_methods,
    NULL,
    NULL,
    NULL,
    NULL};

PyMODINIT_FUNC PyInit__pith(void);
PyMODINIT_FUNC PyInit__pith(void) {
  if (PyType_Ready(&ExtractorType) < 0 || PyType_Ready(&WarcIterType) < 0)
    return NULL;
  PyObject *m = PyModule_Create(&module_def);
  if (!m)
    return NULL;
  Py_INCREF(&ExtractorType);
  if (PyModule_AddObject(m, "Extractor", (PyObject *)&ExtractorType) < 0) {
    Py_DECREF(&ExtractorType);
    Py_DECREF(m);
    return NULL;
  }
  Py_INCREF(&WarcIterType);
  if (PyModule_AddObject(m, "WarcIterator", (PyObject *)&WarcIterType) < 0) {
    Py_DECREF(&WarcIterType);
    Py_DECREF(m);
    return NULL;
  }
  struct {
    const char *name;
    long value;
  } consts[] = {
      {"OPT_NO_FALLBACK", PITH_OPT_NO_FALLBACK},
      {"OPT_KEEP_HIDDEN", PITH_OPT_KEEP_HIDDEN},
      {"OPT_NO_METADATA", PITH_OPT_NO_METADATA},
      {"OPT_NO_COMMENTS", PITH_OPT_NO_COMMENTS},
      {"OPT_TRUNCATE_INPUT", PITH_OPT_TRUNCATE_INPUT},
      {"OPT_PRECISION", PITH_OPT_PRECISION},
      {"OPT_RECALL", PITH_OPT_RECALL},
      {"OPT_LINKS", PITH_OPT_LINKS},
      {"OPT_IMAGES", PITH_OPT_IMAGES},
      {"OPT_FORMATTING", PITH_OPT_FORMATTING},
      {"OPT_NO_TABLES", PITH_OPT_NO_TABLES},
      {"OPT_PARSER_HTML5", PITH_OPT_PARSER_HTML5},
      {"OPT_PARSER_LIBXML2", PITH_OPT_PARSER_LIBXML2},
      {"RENDER_MARKDOWN_FIELD", PITH_RENDER_MARKDOWN_FIELD},
      {"FMT_TXT", FMT_TXT},
      {"FMT_JSON", FMT_JSON},
      {"FMT_MARKDOWN", FMT_MARKDOWN},
      {"FMT_XML", FMT_XML},
      {"FMT_HTML", FMT_HTML},
      {"DEFAULT_MAX_INPUT", (long)PITH_DEFAULT_MAX_INPUT},
  };
  for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
    if (PyModule_AddIntConstant(m, consts[i].name, consts[i].value) < 0) {
      Py_DECREF(m);
      return NULL;
    }
  if (PyModule_AddStringConstant(m, "version", pith_version_string()) < 0) {
    Py_DECREF(m);
    return NULL;
  }
  if (PyModule_AddStringConstant(m, "default_parser", pith_default_parser()) <
      0) {
    Py_DECREF(m);
    return NULL;
  }
  return m;
}
