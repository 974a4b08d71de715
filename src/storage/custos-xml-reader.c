/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-xml-reader.c — reads and checks an ISMS document
 *
 * One streaming pass with libxml2's SAX2 parser: elements are matched
 * against the descriptors of custos-kinds.c as they arrive, values are
 * converted with custos_field_from_text(), records go to the document with
 * one custos_document_append_all() per register, and references are checked
 * at the end, once every register is known. No tree is built.
 *
 * Every problem is reported as FILE:LINE:COLUMN: message. Well-formedness
 * errors stop the parse at the first; all other problems are collected.
 *
 * Why SAX rather than xmlTextReader: the reader parses ahead in chunks, so
 * xmlTextReaderGetParserLineNumber() can be dozens of lines past the node
 * being read, and in libxml2 2.9 a node keeps neither its column nor a line
 * above 65535. Here every position is computed from the byte offset of the
 * '<' in the input, which the SAX callbacks know exactly, so messages point
 * at the element, attribute or value at fault, in files of any length.
 *
 * Why not RELAX NG on load: the schema (resources/schema/isms.rng) and these
 * checks are generated from the same descriptors and express the same
 * grammar, and these checks add what a schema cannot say (references,
 * levels against the document's criteria, the SoA against the catalogue),
 * with messages a person can act on. The budget for loading is 3 × the time
 * of `xmllint --noout` on the same file. On a 10,000-risk file (7.6 MB)
 * xmllint takes 56 ms and this reader 62 ms; libxml2's RELAX NG validation
 * adds 134 ms streaming (xmlTextReaderRelaxNGSetSchema) or 129 ms on a tree
 * (parse + xmlRelaxNGValidateDoc), about 3.5 × in all. So the load path
 * keeps its own checks, and the test suite validates every file the writer
 * produces, and the example, against the schema. docs/FILE-FORMAT.md has
 * the numbers.
 *
 * Security: hostile input gets an error, never a hang, a crash or network
 * access. Any document type declaration is refused as soon as the parser
 * sees it, before its internal subset is read, so no entity can be declared,
 * expanded (billion laughs) or fetched (XXE); the parser runs with
 * XML_PARSE_NONET and an entity loader that refuses everything during our
 * parses; input size, nesting depth, attributes per element, value length
 * and record count are capped; ids are hashed with a keyed hash, so that
 * colliding ids cannot make the checks quadratic; libxml2's messages come
 * through structured handlers and never reach stderr.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "custos-escape.h"
#include "custos-xml-reader.h"
#include "custos-xml-writer.h"

G_DEFINE_QUARK (custos-storage-error-quark, custos_storage_error)

/* Never XML_PARSE_NOENT, _DTDLOAD, _DTDATTR, _XINCLUDE or _HUGE. The file is
 * UTF-8 by definition: a declared encoding is checked before parsing and then
 * ignored, so the byte offsets the positions come from are those of the
 * input. */
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_IGNORE_ENC)

/* Problems kept for the message (sorted by position); the rest are counted. */
#define MAX_PROBLEMS_KEPT 10000

typedef struct
{
  guint line;
  guint column;
} Position;

typedef struct
{
  Position  pos;
  guint     seq;
  char     *message;
} Problem;

typedef enum
{
  FRAME_ROOT,
  FRAME_SECTION,     /* organisation, scope …: fields */
  FRAME_REGISTER,    /* risks …: records */
  FRAME_RECORD,      /* risk …: fields */
  FRAME_VALUE,       /* a field's value */
  FRAME_STRINGS,     /* a STRINGS field: items */
  FRAME_ITEM,        /* one item of a STRINGS field */
  FRAME_CRITERIA,    /* likelihood, consequence, bands */
  FRAME_SCALE,       /* levels */
  FRAME_LEVEL,       /* label, meaning */
  FRAME_LEVEL_VALUE,
  FRAME_BANDS,       /* bands */
  FRAME_BAND,        /* name, action, timescale, accepted-by */
  FRAME_BAND_VALUE,
  FRAME_SKIP,        /* inside an element already reported */
} FrameType;

typedef struct
{
  FrameType         type;
  const char       *name;       /* local name, from the parser's dictionary */
  gsize             offset;     /* of the '<' */
  Position          pos;
  Position          value_pos;  /* leaves: first character of the value */
  guint64           seen;       /* children seen, by order index (SEEN_BIT) */
  int               last;       /* highest order index seen, or -1 */
  const char       *last_name;
  gboolean          text_reported;
  const CustosKind *kind;       /* SECTION, REGISTER, RECORD */
  CustosRecord     *record;     /* SECTION (borrowed), RECORD (owned) */
  int               reg;        /* REGISTER, RECORD: register index, or -1 */
  guint             index;      /* VALUE, STRINGS: field; SCALE: scale; *_VALUE: child */
  GPtrArray        *items;      /* STRINGS */
} Frame;

/* Frame.seen holds one bit per child a parent may have: the fields of the
 * largest kind, the top-level parts of the document, the children of the
 * criteria, of a level and of a band. A kind or a document with more children
 * must fail to build rather than confuse its children. */
#define SEEN_BIT(index) (G_GUINT64_CONSTANT (1) << (index))
#define SEEN_BITS       (sizeof (((Frame *) NULL)->seen) * 8)
G_STATIC_ASSERT (CUSTOS_KIND_MAX_FIELDS <= SEEN_BITS);
G_STATIC_ASSERT (CUSTOS_N_SECTIONS + CUSTOS_N_REGISTERS + 1 <= SEEN_BITS);

/* A REF or REFS value, checked once every register has been read. */
typedef struct
{
  CustosRecord     *record;     /* borrowed from the document */
  const CustosKind *kind;
  guint             field;
  Position          pos;
} PendingRef;

typedef struct
{
  const char       *data;
  gsize             length;
  const char       *display_name;
  xmlParserCtxtPtr  ctxt;

  /* Line and column of byte offset cursor, advanced on demand. */
  gsize             cursor;
  Position          cursor_pos;

  Frame             stack[CUSTOS_XML_MAX_DEPTH];
  guint             depth;
  gsize             tag_end;    /* offset of the '>' or '/' ending the start tag being read */
  gsize             mark;       /* offset just after the last tag */
  GString          *text;       /* the value being read */

  CustosDocument   *document;
  CustosCatalogue  *catalogue;
  Position          root_pos;
  guint             n_records;
  GPtrArray        *pending;    /* records of the register being read */
  GHashTable       *ids[CUSTOS_N_REGISTERS]; /* id → first line */
  GArray           *refs;       /* of PendingRef */

  /* The criteria being read. */
  CustosScoring     scoring;
  GArray           *levels[2];  /* of CustosLevel */
  GArray           *bands;      /* of CustosBand */
  int               scale_max[2];

  /* The SoA. */
  gboolean          soa_present;
  Position          soa_pos;
  guint8           *soa_seen;   /* per control of the catalogue */
  int               soa_last;   /* catalogue index of the last entry */
  const char       *soa_last_id;

  GArray           *problems;   /* of Problem */
  guint             n_problems;
  gboolean          has_code;
  CustosStorageError code;
  gboolean          stopped;
} Reader;

/* Positions ----------------------------------------------------------- */

/* Advances pos over the bytes [from, to): lines end at LF, columns count
 * characters (UTF-8 lead bytes). */
static Position
position_advance (Position    pos,
                  const char *from,
                  const char *to)
{
  const char *nl;

  while (from < to && (nl = memchr (from, '\n', to - from)) != NULL)
    {
      pos.line++;
      pos.column = 1;
      from = nl + 1;
    }
  for (; from < to; from++)
    if (((guchar) *from & 0xC0) != 0x80)
      pos.column++;
  return pos;
}

/* Line and column of a byte offset. Offsets are asked for in increasing
 * order, so the whole file is scanned once; going back starts over. */
static Position
position_at (Reader *r,
             gsize   offset)
{
  offset = MIN (offset, r->length);
  if (offset < r->cursor)
    {
      r->cursor = 0;
      r->cursor_pos.line = 1;
      r->cursor_pos.column = 1;
    }
  r->cursor_pos = position_advance (r->cursor_pos, r->data + r->cursor, r->data + offset);
  r->cursor = offset;
  return r->cursor_pos;
}

/* Where the parser is, as an offset into the input. */
static gsize
parser_offset (Reader *r)
{
  long consumed = xmlByteConsumed (r->ctxt);

  if (consumed < 0)
    return r->cursor;
  return MIN ((gsize) consumed, r->length);
}

/* The '<' that starts the tag the parser has just read. */
static gsize
tag_start (Reader *r,
           gsize   end)
{
  gsize i = MIN (end, r->length);

  while (i > 0 && r->data[i] != '<')
    i--;
  return i;
}

static gboolean
is_xml_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The position of an attribute (prefix:name) of the start tag being read,
 * found by scanning its source text; the element's position if not found. */
static Position
attribute_position (Reader     *r,
                    Frame      *frame,
                    const char *prefix,
                    const char *name)
{
  const char *p = r->data + frame->offset + 1;
  const char *end = r->data + MIN (r->tag_end, r->length);
  gsize prefix_len = prefix != NULL ? strlen (prefix) : 0;
  gsize name_len = strlen (name);

  while (p < end && !is_xml_space (*p) && *p != '/' && *p != '>')
    p++;
  for (;;)
    {
      const char *attr;
      char quote;

      while (p < end && is_xml_space (*p))
        p++;
      if (p >= end || *p == '/' || *p == '>')
        break;
      attr = p;
      while (p < end && !is_xml_space (*p) && *p != '=')
        p++;
      if (prefix == NULL
          ? ((gsize) (p - attr) == name_len && memcmp (attr, name, name_len) == 0)
          : ((gsize) (p - attr) == prefix_len + 1 + name_len &&
             memcmp (attr, prefix, prefix_len) == 0 && attr[prefix_len] == ':' &&
             memcmp (attr + prefix_len + 1, name, name_len) == 0))
        return position_advance (frame->pos, r->data + frame->offset, attr);
      while (p < end && *p != '"' && *p != '\'')
        p++;
      if (p >= end)
        break;
      quote = *p++;
      while (p < end && *p != quote)
        p++;
      p++;
    }
  return frame->pos;
}

/* Problems ------------------------------------------------------------ */

/* Stops reading: callbacks ignore everything from now on. The parser itself
 * is halted (xmlStopParser) only from the element and DTD callbacks, after
 * which libxml2 checks for it; halting from inside an error or character
 * callback would free the input under the parser's feet. */
static void
stop (Reader *r)
{
  r->stopped = TRUE;
}

static void
add_problem (Reader             *r,
             Position            pos,
             CustosStorageError  code,
             gboolean            fatal,
             char               *message)
{
  if (fatal || !r->has_code)
    {
      r->code = code;
      r->has_code = TRUE;
    }
  if (r->problems->len < MAX_PROBLEMS_KEPT)
    {
      /* Messages quote the file: escaped here, once for all of them, so
       * that no TAB, line break or bidi override reaches a terminal or the
       * window as it is. */
      Problem problem = { pos, r->n_problems, custos_escape_unsafe (message) };
      g_array_append_val (r->problems, problem);
    }
  g_free (message);
  r->n_problems++;
  if (fatal)
    stop (r);
}

static void problem (Reader     *r,
                     Position    pos,
                     const char *format,
                     ...) G_GNUC_PRINTF (3, 4);

/* A problem that does not stop the reading. */
static void
problem (Reader     *r,
         Position    pos,
         const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  add_problem (r, pos, CUSTOS_STORAGE_ERROR_INVALID, FALSE, g_strdup_vprintf (format, args));
  va_end (args);
}

static void fatal (Reader             *r,
                   Position            pos,
                   CustosStorageError  code,
                   const char         *format,
                   ...) G_GNUC_PRINTF (4, 5);

/* A problem after which nothing more can sensibly be read. */
static void
fatal (Reader             *r,
       Position            pos,
       CustosStorageError  code,
       const char         *format,
       ...)
{
  va_list args;

  va_start (args, format);
  add_problem (r, pos, code, TRUE, g_strdup_vprintf (format, args));
  va_end (args);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const Problem *x = a, *y = b;

  if (x->pos.line != y->pos.line)
    return x->pos.line < y->pos.line ? -1 : 1;
  if (x->pos.column != y->pos.column)
    return x->pos.column < y->pos.column ? -1 : 1;
  return x->seq < y->seq ? -1 : (x->seq > y->seq);
}

static void
clear_problem (gpointer data)
{
  g_free (((Problem *) data)->message);
}

/* "risk R-003", "control 5.1", "policy": how messages name a record. */
static char *
record_label (const CustosKind *kind,
              CustosRecord     *record)
{
  const char *id = record != NULL ? custos_record_get_id (record) : NULL;

  if (kind->register_name != NULL && id != NULL)
    return g_strdup_printf ("%s %s", kind->name, id);
  return g_strdup (kind->name);
}

/* libxml2 messages ---------------------------------------------------- */

static void
report_xml_error (Reader      *r,
                  xmlErrorPtr  error,
                  gboolean     from_parser)
{
  g_autofree char *message = NULL;
  Position pos;
  gsize offset = r->length;

  /* Warnings (a relative namespace URI, say) do not make a file unreadable;
   * only the first error counts. */
  if (error == NULL || error->level == XML_ERR_WARNING || r->stopped)
    return;

  message = g_strdup (error->message != NULL ? error->message : "unknown error");
  g_strstrip (message);

  if (from_parser && r->ctxt != NULL && r->ctxt->input != NULL)
    {
      gsize at;

      offset = parser_offset (r);
      at = offset;
      /* The parser stops after the end tag or the entity reference at
       * fault; point at its start instead. */
      if (error->code == XML_ERR_TAG_NAME_MISMATCH && at > 0)
        at = tag_start (r, at - 1);
      else if (error->code == XML_ERR_UNDECLARED_ENTITY || error->code == XML_WAR_UNDECLARED_ENTITY)
        {
          gsize i = at;

          while (i > 0 && offset - i < 64 && r->data[i - 1] != '&')
            i--;
          if (i > 0 && r->data[i - 1] == '&')
            at = i - 1;
        }
      pos = position_at (r, at);
    }
  else
    {
      pos.line = MAX (error->line, 1);
      pos.column = MAX (error->int2, 1);
    }

  if (error->code == XML_ERR_DOCUMENT_EMPTY)
    fatal (r, pos, CUSTOS_STORAGE_ERROR_PARSE, _("not an XML file: %s"), message);
  else if (offset >= r->length)
    fatal (r, pos, CUSTOS_STORAGE_ERROR_PARSE, _("the file is truncated: %s"), message);
  else
    fatal (r, pos, CUSTOS_STORAGE_ERROR_PARSE, _("not well-formed XML: %s"), message);
}

/* Errors the parser raises about its own input. */
static void
on_parser_error (void        *user_data,
                 xmlErrorPtr  error)
{
  xmlParserCtxtPtr ctxt = user_data;

  report_xml_error (ctxt->_private, error, TRUE);
}

/* Errors raised without a parser context (this thread only). */
static void
on_thread_error (void        *user_data,
                 xmlErrorPtr  error)
{
  report_xml_error (user_data, error, FALSE);
}

static void
on_generic_error (void       *user_data,
                  const char *format,
                  ...)
{
  /* Everything worth saying also comes through a structured handler. */
}

/* One-time set-up ----------------------------------------------------- */

static GPrivate in_custos_parse;
static xmlExternalEntityLoader default_entity_loader;

/* While one of our parses runs on this thread, nothing is loaded: no DTD,
 * no external entity, no file, no URL. (A document type declaration stops
 * the parse before any of these could be asked for; this is the second
 * line.) Other users of libxml2 in the process keep the default loader. */
static xmlParserInputPtr
refusing_entity_loader (const char       *url,
                        const char       *id,
                        xmlParserCtxtPtr  ctxt)
{
  if (g_private_get (&in_custos_parse) != NULL)
    return NULL;
  return default_entity_loader (url, id, ctxt);
}

/* Ids are hashed with SipHash-2-4 under a key chosen at random once per
 * process: with g_str_hash, whose collisions are easy to construct, a file
 * of colliding ids would take hours to check (each insertion compares with
 * every earlier one). */
static guint64 id_hash_key[2];

#define ROTL(x, b) (((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND(v0, v1, v2, v3) G_STMT_START {  \
    v0 += v1;                                     \
    v1 = ROTL (v1, 13);                           \
    v1 ^= v0;                                     \
    v0 = ROTL (v0, 32);                           \
    v2 += v3;                                     \
    v3 = ROTL (v3, 16);                           \
    v3 ^= v2;                                     \
    v0 += v3;                                     \
    v3 = ROTL (v3, 21);                           \
    v3 ^= v0;                                     \
    v2 += v1;                                     \
    v1 = ROTL (v1, 17);                           \
    v1 ^= v2;                                     \
    v2 = ROTL (v2, 32);                           \
  } G_STMT_END

static guint
id_hash (gconstpointer key)
{
  const guchar *p = key;
  gsize len = strlen (key);
  guint64 v0 = id_hash_key[0] ^ G_GUINT64_CONSTANT (0x736f6d6570736575);
  guint64 v1 = id_hash_key[1] ^ G_GUINT64_CONSTANT (0x646f72616e646f6d);
  guint64 v2 = id_hash_key[0] ^ G_GUINT64_CONSTANT (0x6c7967656e657261);
  guint64 v3 = id_hash_key[1] ^ G_GUINT64_CONSTANT (0x7465646279746573);
  guint64 last = (guint64) len << 56;
  gsize i;

  for (i = 0; i + 8 <= len; i += 8)
    {
      guint64 m = 0;

      for (guint b = 0; b < 8; b++)
        m |= (guint64) p[i + b] << (8 * b);
      v3 ^= m;
      SIPROUND (v0, v1, v2, v3);
      SIPROUND (v0, v1, v2, v3);
      v0 ^= m;
    }
  for (guint b = 0; i + b < len; b++)
    last |= (guint64) p[i + b] << (8 * b);
  v3 ^= last;
  SIPROUND (v0, v1, v2, v3);
  SIPROUND (v0, v1, v2, v3);
  v0 ^= last;
  v2 ^= 0xff;
  for (guint r = 0; r < 4; r++)
    SIPROUND (v0, v1, v2, v3);
  return (guint) (v0 ^ v1 ^ v2 ^ v3);
}

static gpointer
init_libxml (gpointer data)
{
  for (guint i = 0; i < 2; i++)
    id_hash_key[i] = ((guint64) g_random_int () << 32) | g_random_int ();
  xmlInitParser ();
  default_entity_loader = xmlGetExternalEntityLoader ();
  xmlSetExternalEntityLoader (refusing_entity_loader);
  return NULL;
}

/* Element helpers ------------------------------------------------------ */

static Frame *
parent_frame (Reader *r)
{
  return r->depth >= 2 ? &r->stack[r->depth - 2] : NULL;
}

/* Copies the attributes of the start tag into values[] by name (NULL when
 * absent) and reports any other attribute. */
static void
read_attributes (Reader              *r,
                 Frame               *frame,
                 const xmlChar      **attributes,
                 int                  n_attributes,
                 const char * const  *names,
                 char               **values)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    values[i] = NULL;

  for (int a = 0; a < n_attributes; a++)
    {
      const char *local = (const char *) attributes[5 * a];
      const char *prefix = (const char *) attributes[5 * a + 1];
      const char *value = (const char *) attributes[5 * a + 3];
      const char *end = (const char *) attributes[5 * a + 4];
      gboolean known = FALSE;

      if ((gsize) (end - value) > CUSTOS_XML_MAX_VALUE)
        {
          fatal (r, attribute_position (r, frame, prefix, local), CUSTOS_STORAGE_ERROR_TOO_LARGE,
                 _("the value of attribute “%s” is longer than 1 MiB"), local);
          return;
        }
      for (guint i = 0; prefix == NULL && names != NULL && names[i] != NULL; i++)
        if (strcmp (local, names[i]) == 0)
          {
            values[i] = g_strndup (value, end - value);
            known = TRUE;
            break;
          }
      if (!known)
        problem (r, attribute_position (r, frame, prefix, local),
                 _("unknown attribute “%s%s%s” on <%s>"),
                 prefix != NULL ? prefix : "", prefix != NULL ? ":" : "", local, frame->name);
    }
}

static void
free_values (char **values,
             guint  n)
{
  for (guint i = 0; i < n; i++)
    g_free (values[i]);
}

static void
no_attributes (Reader         *r,
               Frame          *frame,
               const xmlChar **attributes,
               int             n_attributes)
{
  read_attributes (r, frame, attributes, n_attributes, NULL, NULL);
}

static void
unknown_element (Reader     *r,
                 Frame      *frame,
                 Frame      *parent,
                 const char *prefix)
{
  problem (r, frame->pos, _("unknown element <%s%s%s> in <%s>"),
           prefix != NULL ? prefix : "", prefix != NULL ? ":" : "", frame->name, parent->name);
  frame->type = FRAME_SKIP;
}

/* Checks a child against the order of its parent's children. Returns FALSE
 * for a second occurrence, which is reported and skipped. */
static gboolean
check_order (Reader *r,
             Frame  *parent,
             Frame  *frame,
             int     index)
{
  if (parent->seen & SEEN_BIT (index))
    {
      problem (r, frame->pos, _("<%s> appears more than once in <%s>"), frame->name, parent->name);
      frame->type = FRAME_SKIP;
      return FALSE;
    }
  if (index < parent->last)
    problem (r, frame->pos, _("<%s> is out of order in <%s>: it must come before <%s>"),
             frame->name, parent->name, parent->last_name);
  parent->seen |= SEEN_BIT (index);
  if (index > parent->last)
    {
      parent->last = index;
      parent->last_name = frame->name;
    }
  return TRUE;
}

/* A leaf: its text is gathered into r->text until it ends. */
static void
start_value (Reader    *r,
             Frame     *frame,
             FrameType  type,
             guint      index)
{
  frame->type = type;
  frame->index = index;
  frame->value_pos = r->tag_end < r->length && r->data[r->tag_end] == '>'
                     ? position_at (r, r->tag_end + 1) : frame->pos;
  g_string_truncate (r->text, 0);
}

/* Ids are one word: no white space, commas or semicolons (the separators of
 * id lists), and no control or bidi formatting character, which would make
 * two ids look alike or a message about one unreadable. */
static gboolean
id_is_valid (const char *id)
{
  if (id == NULL || *id == '\0' || custos_text_has_unsafe (id))
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (is_xml_space (*p) || *p == ',' || *p == ';')
      return FALSE;
  return TRUE;
}

static gboolean
parse_int (const char *text,
           int        *value)
{
  gint64 n;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, G_MININT, G_MAXINT, &n, NULL))
    return FALSE;
  *value = (int) n;
  return TRUE;
}

/* The root ------------------------------------------------------------- */

static void
start_root (Reader         *r,
            Frame          *frame,
            const char     *uri,
            const xmlChar **attributes,
            int             n_attributes)
{
  static const char * const names[] = { "format", "edition", NULL };
  char *values[2];
  guint n_before;
  int format = 0;
  int edition = 0;

  frame->type = FRAME_ROOT;
  r->root_pos = frame->pos;

  if (strcmp (frame->name, "isms") != 0)
    {
      fatal (r, frame->pos, CUSTOS_STORAGE_ERROR_INVALID,
             _("the root element is <%s>, not <isms>: this is not an ISMS file"), frame->name);
      return;
    }

  read_attributes (r, frame, attributes, n_attributes, names, values);
  n_before = r->n_problems;

  /* A newer format is the first thing to say, whatever else looks wrong. */
  if (r->stopped)
    ;
  else if (values[0] != NULL && parse_int (values[0], &format) && format > CUSTOS_XML_FORMAT)
    fatal (r, attribute_position (r, frame, NULL, "format"), CUSTOS_STORAGE_ERROR_VERSION,
           _("this file was written by a newer version of Custos (format %d); "
             "this version reads format %d"), format, CUSTOS_XML_FORMAT);
  else
    {
      if (uri == NULL)
        problem (r, frame->pos, _("<isms> is not in the Custos namespace (expected xmlns=\"%s\")"),
                 CUSTOS_XML_NAMESPACE);
      else if (strcmp (uri, CUSTOS_XML_NAMESPACE) != 0)
        problem (r, frame->pos, _("<isms> is in the namespace “%s”; expected “%s”"), uri,
                 CUSTOS_XML_NAMESPACE);

      if (values[0] == NULL)
        problem (r, frame->pos, _("<isms> has no “format” attribute"));
      else if (!parse_int (values[0], &format))
        problem (r, attribute_position (r, frame, NULL, "format"),
                 _("format “%s” is not a whole number"), values[0]);
      else if (format < 1)
        problem (r, attribute_position (r, frame, NULL, "format"),
                 _("format %d is not valid (formats start at 1)"), format);

      if (values[1] == NULL)
        problem (r, frame->pos, _("<isms> has no “edition” attribute"));
      else if (!parse_int (values[1], &edition) ||
               (edition != CUSTOS_EDITION_2013 && edition != CUSTOS_EDITION_2022))
        problem (r, attribute_position (r, frame, NULL, "edition"),
                 _("unknown edition “%s” (expected 2013 or 2022)"), values[1]);
    }
  free_values (values, 2);

  /* Without a known format, namespace and edition the rest cannot be read
   * (an unknown attribute alone does not stop the reading). */
  if (r->stopped || r->n_problems > n_before)
    {
      stop (r);
      return;
    }

  r->document = custos_document_new_empty ((CustosEdition) edition);
  r->catalogue = custos_document_get_catalogue (r->document);
  r->soa_seen = g_new0 (guint8, custos_catalogue_get_n_controls (r->catalogue));
  for (guint s = 0; s < 2; s++)
    r->scale_max[s] =
      (int) custos_criteria_get_n_levels (custos_document_get_criteria (r->document), s);
}

/* to-review="true" (format 2) on a record or section. */
static void
read_to_review (Reader     *r,
                Frame      *frame,
                const char *value)
{
  if (value == NULL || r->stopped)
    return;
  if (strcmp (value, "true") == 0 || strcmp (value, "false") == 0)
    custos_record_set_to_review (frame->record, value[0] == 't');
  else
    problem (r, attribute_position (r, frame, NULL, "to-review"),
             _("“%s” is not true or false for “to-review”"), value);
}

static void
start_part (Reader         *r,
            Frame          *frame,
            Frame          *parent,
            const char     *prefix,
            const xmlChar **attributes,
            int             n_attributes)
{
  guint n_parts = 0;
  const CustosXmlPart *parts = custos_xml_get_parts (&n_parts);
  const CustosXmlPart *part = NULL;
  guint index;

  for (index = 0; index < n_parts; index++)
    if (strcmp (custos_xml_part_get_name (&parts[index]), frame->name) == 0)
      {
        part = &parts[index];
        break;
      }
  if (part == NULL)
    {
      unknown_element (r, frame, parent, prefix);
      return;
    }
  if (!check_order (r, parent, frame, (int) index))
    return;

  switch (part->type)
    {
    case CUSTOS_XML_PART_SECTION:
      {
        static const char * const names[] = { "to-review", NULL };
        char *values[1];

        read_attributes (r, frame, attributes, n_attributes, names, values);
        frame->type = FRAME_SECTION;
        frame->kind = custos_xml_part_get_kind (part);
        frame->record = custos_document_get_section (r->document, part->index);
        read_to_review (r, frame, values[0]);
        free_values (values, 1);
      }
      break;

    case CUSTOS_XML_PART_REGISTER:
      no_attributes (r, frame, attributes, n_attributes);
      frame->type = FRAME_REGISTER;
      frame->kind = custos_xml_part_get_kind (part);
      frame->reg = (int) part->index;
      if (part->index == CUSTOS_REGISTER_SOA)
        {
          r->soa_present = TRUE;
          r->soa_pos = frame->pos;
        }
      break;

    case CUSTOS_XML_PART_CRITERIA:
    default:
      {
        static const char * const names[] = { "scoring", NULL };
        char *values[1];

        frame->type = FRAME_CRITERIA;
        read_attributes (r, frame, attributes, n_attributes, names, values);
        r->scoring = CUSTOS_SCORING_PRODUCT;
        if (values[0] == NULL)
          problem (r, frame->pos, _("<criteria> has no “scoring” attribute"));
        else if (strcmp (values[0], "sum") == 0)
          r->scoring = CUSTOS_SCORING_SUM;
        else if (strcmp (values[0], "product") != 0)
          problem (r, attribute_position (r, frame, NULL, "scoring"),
                   _("“%s” is not a valid scoring (one of product, sum)"), values[0]);
        free_values (values, 1);
      }
      break;
    }
}

/* Records ---------------------------------------------------------------- */

static void
start_record (Reader         *r,
              Frame          *frame,
              Frame          *parent,
              const char     *prefix,
              const xmlChar **attributes,
              int             n_attributes)
{
  static const char * const names[] = { "id", "to-review", NULL };
  const CustosKind *kind = parent->kind;
  g_autofree char *id = NULL;
  g_autofree char *to_review = NULL;
  char *values[2];
  GHashTable *ids;

  if (strcmp (frame->name, kind->name) != 0)
    {
      problem (r, frame->pos, _("unknown element <%s%s%s> in <%s> (expected <%s>)"),
               prefix != NULL ? prefix : "", prefix != NULL ? ":" : "", frame->name,
               parent->name, kind->name);
      frame->type = FRAME_SKIP;
      return;
    }
  if (++r->n_records > CUSTOS_XML_MAX_RECORDS)
    {
      fatal (r, frame->pos, CUSTOS_STORAGE_ERROR_TOO_LARGE,
             _("the file holds more than %d records"), CUSTOS_XML_MAX_RECORDS);
      return;
    }

  read_attributes (r, frame, attributes, n_attributes, names, values);
  id = values[0];
  to_review = values[1];
  if (r->stopped)
    return;

  frame->type = FRAME_RECORD;
  frame->kind = kind;
  frame->reg = parent->reg;

  if (id == NULL)
    problem (r, frame->pos, _("<%s> has no “id” attribute"), kind->name);
  else if (!id_is_valid (id))
    {
      problem (r, attribute_position (r, frame, NULL, "id"),
               _("“%s” is not a valid id for a %s "
                 "(ids are one word, without spaces, commas, semicolons or control characters)"),
               id, kind->name);
      g_clear_pointer (&id, g_free);
    }
  else if (frame->reg == CUSTOS_REGISTER_SOA)
    {
      const CustosControl *control = custos_catalogue_lookup (r->catalogue, id);

      if (control == NULL)
        problem (r, attribute_position (r, frame, NULL, "id"),
                 _("unknown control “%s”: ISO/IEC 27001:%d Annex A has no such control"),
                 id, (int) custos_catalogue_get_edition (r->catalogue));
      else
        {
          if ((int) control->index < r->soa_last)
            problem (r, attribute_position (r, frame, NULL, "id"),
                     _("control %s is out of order: the SoA lists the controls in catalogue order, "
                       "so it must come before %s"), id, r->soa_last_id);
          else
            {
              r->soa_last = (int) control->index;
              r->soa_last_id = control->id;
            }
          r->soa_seen[control->index] = TRUE;
        }
    }

  frame->record = custos_record_new (kind, id);
  read_to_review (r, frame, to_review);
  if (id == NULL)
    return;

  ids = r->ids[frame->reg];
  if (ids == NULL)
    ids = r->ids[frame->reg] = g_hash_table_new (id_hash, g_str_equal);
  if (g_hash_table_contains (ids, id))
    problem (r, attribute_position (r, frame, NULL, "id"),
             _("duplicate id “%s”: already used by the %s on line %u"), id, kind->name,
             GPOINTER_TO_UINT (g_hash_table_lookup (ids, id)));
  else
    /* The key lives as long as the record, which the document keeps. */
    g_hash_table_insert (ids, (gpointer) custos_record_get_id (frame->record),
                         GUINT_TO_POINTER (frame->pos.line));
}

static void
start_field (Reader         *r,
             Frame          *frame,
             Frame          *parent,
             const char     *prefix,
             const xmlChar **attributes,
             int             n_attributes)
{
  guint index = 0;
  const CustosField *field = custos_kind_find_field (parent->kind, frame->name, &index);

  if (field == NULL)
    {
      unknown_element (r, frame, parent, prefix);
      return;
    }
  if (!check_order (r, parent, frame, (int) index))
    return;
  no_attributes (r, frame, attributes, n_attributes);

  frame->kind = parent->kind;
  if (field->type == CUSTOS_FIELD_STRINGS)
    {
      frame->type = FRAME_STRINGS;
      frame->index = index;
      frame->items = g_ptr_array_new_with_free_func (g_free);
    }
  else
    start_value (r, frame, FRAME_VALUE, index);
}

/* Strips XML white space from both ends, in place. */
static char *
strip_space (char *text)
{
  char *end;

  while (is_xml_space (*text))
    text++;
  end = text + strlen (text);
  while (end > text && is_xml_space (end[-1]))
    end--;
  *end = '\0';
  return text;
}

/* The decimal form of xsd:double, without INF and NaN (and without the hex
 * floats and leading blanks g_ascii_strtod would also take). */
static gboolean
number_is_valid (const char *p)
{
  gboolean digits = FALSE;

  if (*p == '+' || *p == '-')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    digits = TRUE;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      digits = TRUE;
  if (!digits)
    return FALSE;
  if (*p == 'e' || *p == 'E')
    {
      p++;
      if (*p == '+' || *p == '-')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  return *p == '\0';
}

static void
queue_ref (Reader           *r,
           CustosRecord     *record,
           const CustosKind *kind,
           guint             field,
           Position          pos)
{
  PendingRef ref = { record, kind, field, pos };

  g_array_append_val (r->refs, ref);
}

static void
end_value (Reader *r,
           Frame  *frame,
           Frame  *owner)
{
  const CustosKind *kind = owner->kind;
  const CustosField *field = &kind->fields[frame->index];
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *message = NULL;
  g_autofree char *label = NULL;
  char *text = r->text->str;

  switch (field->type)
    {
    case CUSTOS_FIELD_STRING:
    case CUSTOS_FIELD_TEXT:
      /* Text is kept exactly as written. */
      break;

    case CUSTOS_FIELD_FLAGS:
    case CUSTOS_FIELD_REFS:
    case CUSTOS_FIELD_CONTROLS:
      if (strpbrk (text, ",;") != NULL)
        {
          label = record_label (kind, owner->record);
          problem (r, frame->value_pos,
                   _("%s: the values of %s are separated by spaces, not by commas or semicolons"),
                   label, field->name);
          return;
        }
      if (*strip_space (text) == '\0')
        {
          label = record_label (kind, owner->record);
          problem (r, frame->value_pos, _("%s: %s is empty"), label, field->name);
          return;
        }
      break;

    case CUSTOS_FIELD_INT:
    case CUSTOS_FIELD_NUMBER:
    case CUSTOS_FIELD_BOOL:
    case CUSTOS_FIELD_DATE:
    case CUSTOS_FIELD_ENUM:
    case CUSTOS_FIELD_REF:
    default:
      text = strip_space (text);
      if (*text == '\0')
        message = g_strdup_printf (_("%s is empty"), field->name);
      else if (field->type == CUSTOS_FIELD_BOOL && strcmp (text, "true") != 0 &&
               strcmp (text, "false") != 0)
        message = g_strdup_printf (_("“%s” is not true or false for %s"), text, field->name);
      else if (field->type == CUSTOS_FIELD_NUMBER && !number_is_valid (text))
        message = g_strdup_printf (_("“%s” is not a number for %s"), text, field->name);
      else if (field->type == CUSTOS_FIELD_REF && !id_is_valid (text))
        message = g_strdup_printf (_("“%s” is not a valid id for %s"), text, field->name);
      else if (field->type == CUSTOS_FIELD_INT && field->min < 0)
        {
          /* Levels run from 1 to the size of the scale in the document's
           * criteria, which come before any risk in the file. */
          int max = r->scale_max[field->min == CUSTOS_RANGE_LIKELIHOOD ? CUSTOS_SCALE_LIKELIHOOD
                                                                       : CUSTOS_SCALE_CONSEQUENCE];
          int n;

          if (parse_int (text, &n) && (n < 1 || n > max))
            message = g_strdup_printf (_("%s %d is out of range (1 to %d)"), field->name, n, max);
        }
      break;
    }

  if (message == NULL && !custos_field_from_text (field, text, &value, &message))
    g_assert (message != NULL);
  if (message != NULL)
    {
      label = record_label (kind, owner->record);
      problem (r, frame->value_pos, _("%s: %s"), label, message);
      return;
    }

  if (field->type == CUSTOS_FIELD_CONTROLS)
    {
      const char * const *ids = g_value_get_boxed (&value);

      for (guint i = 0; ids[i] != NULL; i++)
        if (custos_catalogue_lookup (r->catalogue, ids[i]) == NULL)
          {
            g_free (label);
            label = record_label (kind, owner->record);
            problem (r, frame->value_pos,
                     _("%s: unknown control “%s”: ISO/IEC 27001:%d Annex A has no such control"),
                     label, ids[i], (int) custos_catalogue_get_edition (r->catalogue));
          }
    }
  else if (field->type == CUSTOS_FIELD_REF || field->type == CUSTOS_FIELD_REFS)
    queue_ref (r, owner->record, kind, frame->index, frame->value_pos);

  custos_record_set_value (owner->record, frame->index, &value);
}

static void
end_strings (Reader *r,
             Frame  *frame,
             Frame  *owner)
{
  const CustosField *field = &owner->kind->fields[frame->index];
  g_auto(GValue) value = G_VALUE_INIT;

  if (frame->items->len == 0)
    {
      g_autofree char *label = record_label (owner->kind, owner->record);
      problem (r, frame->pos, _("%s: %s has no <%s>"), label, field->name, field->item);
      return;
    }
  g_ptr_array_add (frame->items, NULL);
  g_value_init (&value, G_TYPE_STRV);
  g_value_take_boxed (&value, g_ptr_array_free (g_steal_pointer (&frame->items), FALSE));
  custos_record_set_value (owner->record, frame->index, &value);
}

/* Required fields are not checked here: a record the user has not finished
 * yet must still save and load (the readiness check reports it instead). */
static void
end_record (Reader *r,
            Frame  *frame)
{
  g_ptr_array_add (r->pending, g_steal_pointer (&frame->record));
}

static void
end_register (Reader *r,
              Frame  *frame)
{
  if (r->pending->len > 0)
    custos_document_append_all (r->document, frame->reg,
                                (CustosRecord **) r->pending->pdata, r->pending->len);
  g_ptr_array_set_size (r->pending, 0);
}

/* Criteria --------------------------------------------------------------- */

static const char * const criteria_children[] = { "likelihood", "consequence", "bands" };
static const char * const level_children[] = { "label", "meaning" };
static const char * const band_children[] = { "name", "action", "timescale", "accepted-by" };
G_STATIC_ASSERT (G_N_ELEMENTS (criteria_children) <= SEEN_BITS);
G_STATIC_ASSERT (G_N_ELEMENTS (level_children) <= SEEN_BITS);
G_STATIC_ASSERT (G_N_ELEMENTS (band_children) <= SEEN_BITS);

static int
find_name (const char * const *names,
           guint               n_names,
           const char         *name)
{
  for (guint i = 0; i < n_names; i++)
    if (strcmp (names[i], name) == 0)
      return (int) i;
  return -1;
}

static void
clear_level (gpointer data)
{
  CustosLevel *level = data;

  g_free (level->label);
  g_free (level->meaning);
}

static void
clear_band (gpointer data)
{
  CustosBand *band = data;

  g_free (band->name);
  g_free (band->colour);
  g_free (band->action);
  g_free (band->timescale);
  g_free (band->accepted_by);
}

static void
start_level (Reader         *r,
             Frame          *frame,
             Frame          *parent,
             const char     *prefix,
             const xmlChar **attributes,
             int             n_attributes)
{
  static const char * const names[] = { "value", NULL };
  GArray *levels = r->levels[parent->index];
  CustosLevel level = { NULL, NULL };
  char *values[1];
  int value = 0;

  if (strcmp (frame->name, "level") != 0)
    {
      unknown_element (r, frame, parent, prefix);
      return;
    }
  read_attributes (r, frame, attributes, n_attributes, names, values);
  if (values[0] == NULL)
    problem (r, frame->pos, _("<level> has no “value” attribute"));
  else if (!parse_int (values[0], &value) || value != (int) levels->len + 1)
    problem (r, attribute_position (r, frame, NULL, "value"),
             _("level value “%s” is out of sequence: the levels of the %s scale "
               "are numbered 1, 2, 3 … in order (expected %u)"),
             values[0], parent->name, levels->len + 1);
  free_values (values, 1);

  frame->type = FRAME_LEVEL;
  frame->index = levels->len;
  g_array_append_val (levels, level);
}

static void
start_band (Reader         *r,
            Frame          *frame,
            Frame          *parent,
            const char     *prefix,
            const xmlChar **attributes,
            int             n_attributes)
{
  static const char * const names[] = { "min", "max", "colour", "acceptable", NULL };
  CustosBand band = { 0, };
  char *values[4];

  if (strcmp (frame->name, "band") != 0)
    {
      unknown_element (r, frame, parent, prefix);
      return;
    }
  read_attributes (r, frame, attributes, n_attributes, names, values);
  for (guint i = 0; i < 2; i++)
    if (values[i] == NULL)
      problem (r, frame->pos, _("<band> has no “%s” attribute"), names[i]);
    else if (!parse_int (values[i], i == 0 ? &band.min : &band.max))
      problem (r, attribute_position (r, frame, NULL, names[i]),
               _("band %s “%s” is not a whole number"), names[i], values[i]);
  band.colour = g_steal_pointer (&values[2]);
  if (values[3] == NULL)
    problem (r, frame->pos, _("<band> has no “acceptable” attribute"));
  else if (strcmp (values[3], "true") == 0)
    band.acceptable = TRUE;
  else if (strcmp (values[3], "false") != 0)
    problem (r, attribute_position (r, frame, NULL, "acceptable"),
             _("“%s” is not true or false for acceptable"), values[3]);
  free_values (values, 4);

  frame->type = FRAME_BAND;
  frame->index = r->bands->len;
  g_array_append_val (r->bands, band);
}

static void
end_criteria (Reader *r,
              Frame  *frame)
{
  g_autoptr(CustosCriteria) criteria = NULL;
  g_autofree char *message = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (criteria_children); i++)
    if ((frame->seen & SEEN_BIT (i)) == 0)
      problem (r, frame->pos, _("<criteria> has no <%s>"), criteria_children[i]);

  criteria = custos_criteria_new ();
  custos_criteria_set_scoring (criteria, r->scoring);
  for (guint s = 0; s < 2; s++)
    custos_criteria_set_levels (criteria, s, (CustosLevel *) (gpointer) r->levels[s]->data,
                                r->levels[s]->len);
  custos_criteria_set_bands (criteria, (CustosBand *) (gpointer) r->bands->data, r->bands->len);

  if (!custos_criteria_validate (criteria, &message))
    {
      problem (r, frame->pos, _("criteria: %s"), message);
      /* Check levels against the largest scale allowed instead. */
      r->scale_max[0] = r->scale_max[1] = CUSTOS_MAX_LEVELS;
      return;
    }
  custos_document_set_criteria (r->document, criteria, NULL);
  for (guint s = 0; s < 2; s++)
    r->scale_max[s] = (int) r->levels[s]->len;
}

static void
end_criteria_value (Reader *r,
                    Frame  *frame,
                    Frame  *parent)
{
  char *text = g_strdup (r->text->str);

  if (frame->type == FRAME_LEVEL_VALUE)
    {
      Frame *scale = &r->stack[r->depth - 3];
      CustosLevel *level = &g_array_index (r->levels[scale->index], CustosLevel, parent->index);
      char **slot = frame->index == 0 ? &level->label : &level->meaning;

      g_free (*slot);
      *slot = text;
    }
  else
    {
      CustosBand *band = &g_array_index (r->bands, CustosBand, parent->index);
      char **slots[] = { &band->name, &band->action, &band->timescale, &band->accepted_by };

      g_free (*slots[frame->index]);
      *slots[frame->index] = text;
    }
}

/* SAX callbacks ---------------------------------------------------------- */

static void
start_element (Reader         *r,
               const xmlChar  *localname,
               const xmlChar  *prefix,
               const xmlChar  *uri,
               int             n_attributes,
               const xmlChar **attributes)
{
  const char *pfx = (const char *) prefix;
  Frame *parent;
  Frame *frame;
  gsize start;

  /* The parser calls this with the start tag read up to its '>' or "/>". */
  r->tag_end = parser_offset (r);
  start = tag_start (r, r->tag_end);
  if (r->depth == CUSTOS_XML_MAX_DEPTH)
    {
      fatal (r, position_at (r, start), CUSTOS_STORAGE_ERROR_TOO_LARGE,
             _("elements are nested too deeply (more than %d levels)"), CUSTOS_XML_MAX_DEPTH);
      return;
    }

  parent = r->depth > 0 ? &r->stack[r->depth - 1] : NULL;
  frame = &r->stack[r->depth++];
  memset (frame, 0, sizeof *frame);
  frame->name = (const char *) localname;
  frame->offset = start;
  frame->pos = position_at (r, start);
  frame->last = -1;
  frame->reg = -1;
  r->mark = r->tag_end + (r->tag_end < r->length && r->data[r->tag_end] == '>' ? 1 : 2);

  if (parent == NULL)
    {
      start_root (r, frame, (const char *) uri, attributes, n_attributes);
      return;
    }

  switch (parent->type)
    {
    case FRAME_SKIP:
      frame->type = FRAME_SKIP;
      return;
    case FRAME_VALUE:
    case FRAME_ITEM:
    case FRAME_LEVEL_VALUE:
    case FRAME_BAND_VALUE:
      problem (r, frame->pos, _("unexpected element <%s%s%s> inside the value of <%s>"),
               pfx != NULL ? pfx : "", pfx != NULL ? ":" : "", frame->name, parent->name);
      frame->type = FRAME_SKIP;
      return;
    default:
      break;
    }

  if (uri == NULL || strcmp ((const char *) uri, CUSTOS_XML_NAMESPACE) != 0)
    {
      if (uri == NULL)
        problem (r, frame->pos, _("<%s> in <%s> is in no namespace; Custos elements are in “%s”"),
                 frame->name, parent->name, CUSTOS_XML_NAMESPACE);
      else
        problem (r, frame->pos,
                 _("<%s%s%s> in <%s> is in the namespace “%s”; Custos elements are in “%s”"),
                 pfx != NULL ? pfx : "", pfx != NULL ? ":" : "", frame->name, parent->name,
                 (const char *) uri, CUSTOS_XML_NAMESPACE);
      frame->type = FRAME_SKIP;
      return;
    }

  switch (parent->type)
    {
    case FRAME_ROOT:
      start_part (r, frame, parent, pfx, attributes, n_attributes);
      break;

    case FRAME_SECTION:
    case FRAME_RECORD:
      start_field (r, frame, parent, pfx, attributes, n_attributes);
      break;

    case FRAME_REGISTER:
      start_record (r, frame, parent, pfx, attributes, n_attributes);
      break;

    case FRAME_STRINGS:
      if (strcmp (frame->name, parent->kind->fields[parent->index].item) != 0)
        unknown_element (r, frame, parent, pfx);
      else
        {
          no_attributes (r, frame, attributes, n_attributes);
          start_value (r, frame, FRAME_ITEM, 0);
        }
      break;

    case FRAME_CRITERIA:
      {
        int index = find_name (criteria_children, G_N_ELEMENTS (criteria_children), frame->name);

        if (index < 0)
          unknown_element (r, frame, parent, pfx);
        else if (check_order (r, parent, frame, index))
          {
            no_attributes (r, frame, attributes, n_attributes);
            frame->type = index == 2 ? FRAME_BANDS : FRAME_SCALE;
            frame->index = (guint) index;
          }
      }
      break;

    case FRAME_SCALE:
      start_level (r, frame, parent, pfx, attributes, n_attributes);
      break;

    case FRAME_BANDS:
      start_band (r, frame, parent, pfx, attributes, n_attributes);
      break;

    case FRAME_LEVEL:
    case FRAME_BAND:
      {
        gboolean level = parent->type == FRAME_LEVEL;
        int index = level ? find_name (level_children, G_N_ELEMENTS (level_children), frame->name)
                          : find_name (band_children, G_N_ELEMENTS (band_children), frame->name);

        if (index < 0)
          unknown_element (r, frame, parent, pfx);
        else if (check_order (r, parent, frame, index))
          {
            no_attributes (r, frame, attributes, n_attributes);
            start_value (r, frame, level ? FRAME_LEVEL_VALUE : FRAME_BAND_VALUE, (guint) index);
          }
      }
      break;

    case FRAME_VALUE:
    case FRAME_ITEM:
    case FRAME_LEVEL_VALUE:
    case FRAME_BAND_VALUE:
    case FRAME_SKIP:
    default:
      g_assert_not_reached ();
    }
}

static void
on_start_element (void           *ctx,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = ctx;
  Reader *r = ctxt->_private;

  if (!r->stopped)
    start_element (r, localname, prefix, uri, n_attributes, attributes);
  if (r->stopped)
    xmlStopParser (ctxt);
}

static void
clear_frame (Frame *frame)
{
  if (frame->type == FRAME_RECORD)
    g_clear_object (&frame->record);
  g_clear_pointer (&frame->items, g_ptr_array_unref);
}

static void
on_end_element (void          *ctx,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  xmlParserCtxtPtr ctxt = ctx;
  Reader *r = ctxt->_private;
  Frame *frame;
  Frame *parent;

  if (r->stopped || r->depth == 0)
    return;

  frame = &r->stack[r->depth - 1];
  parent = parent_frame (r);
  r->mark = parser_offset (r);

  switch (frame->type)
    {
    case FRAME_VALUE:
      end_value (r, frame, parent);
      break;
    case FRAME_ITEM:
      g_ptr_array_add (parent->items, g_strndup (r->text->str, r->text->len));
      break;
    case FRAME_STRINGS:
      end_strings (r, frame, parent);
      break;
    case FRAME_RECORD:
      end_record (r, frame);
      break;
    case FRAME_REGISTER:
      end_register (r, frame);
      break;
    case FRAME_CRITERIA:
      end_criteria (r, frame);
      break;
    case FRAME_LEVEL:
      if ((frame->seen & SEEN_BIT (0)) == 0)
        problem (r, frame->pos, _("level %u of the %s scale has no <label>"), frame->index + 1,
                 parent->name);
      break;
    case FRAME_BAND:
      if ((frame->seen & SEEN_BIT (0)) == 0)
        problem (r, frame->pos, _("score band %u has no <name>"), frame->index + 1);
      break;
    case FRAME_LEVEL_VALUE:
    case FRAME_BAND_VALUE:
      end_criteria_value (r, frame, parent);
      break;
    case FRAME_ROOT:
    case FRAME_SECTION:
    case FRAME_SCALE:
    case FRAME_BANDS:
    case FRAME_SKIP:
    default:
      break;
    }

  clear_frame (frame);
  r->depth--;
  if (r->stopped)
    xmlStopParser (ctxt);
}

static gboolean
is_blank (const char *text,
          gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!is_xml_space (text[i]))
      return FALSE;
  return TRUE;
}

static void
on_characters (void          *ctx,
               const xmlChar *ch,
               int            len)
{
  xmlParserCtxtPtr ctxt = ctx;
  Reader *r = ctxt->_private;
  Frame *frame;

  if (r->stopped || r->depth == 0)
    return;

  frame = &r->stack[r->depth - 1];
  switch (frame->type)
    {
    case FRAME_VALUE:
    case FRAME_ITEM:
    case FRAME_LEVEL_VALUE:
    case FRAME_BAND_VALUE:
      if (r->text->len + (gsize) len > CUSTOS_XML_MAX_VALUE)
        {
          fatal (r, frame->value_pos, CUSTOS_STORAGE_ERROR_TOO_LARGE,
                 _("the value of <%s> is longer than 1 MiB"), frame->name);
          return;
        }
      g_string_append_len (r->text, (const char *) ch, len);
      break;

    case FRAME_SKIP:
      break;

    default:
      if (!frame->text_reported && !is_blank ((const char *) ch, len))
        {
          gsize offset = r->mark;

          while (offset < r->length && is_xml_space (r->data[offset]))
            offset++;
          frame->text_reported = TRUE;
          problem (r, position_at (r, offset), _("unexpected text in <%s>"), frame->name);
        }
      break;
    }
}

/* The parser calls this when it has read "<!DOCTYPE name ExternalID",
 * before any internal subset: stopping here means no entity is ever
 * declared, let alone expanded or fetched. */
static void
on_internal_subset (void          *ctx,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = ctx;
  Reader *r = ctxt->_private;

  fatal (r, position_at (r, tag_start (r, parser_offset (r))), CUSTOS_STORAGE_ERROR_PARSE,
         _("document type declarations are not allowed"));
  xmlStopParser (ctxt);
}

static const xmlSAXHandler sax_handler = {
  .internalSubset = on_internal_subset,
  .characters = on_characters,
  .cdataBlock = on_characters,
  .ignorableWhitespace = on_characters,
  .initialized = XML_SAX2_MAGIC,
  .startElementNs = on_start_element,
  .endElementNs = on_end_element,
  .serror = on_parser_error,
};

/* Before parsing ------------------------------------------------------------ */

/* Custos files are UTF-8. Other encodings are refused up front, so that the
 * parser never converts and byte offsets stay those of the input. */
static gboolean
check_encoding (Reader *r)
{
  const guchar *d = (const guchar *) r->data;
  gsize n = r->length;
  const Position start = { 1, 1 };
  const char *decl_end;
  const char *p;
  gsize skip = 0;

  if ((n >= 2 && ((d[0] == 0xFE && d[1] == 0xFF) || (d[0] == 0xFF && d[1] == 0xFE))) ||
      (n >= 4 && (d[0] == 0 || d[1] == 0)) ||
      (n >= 4 && d[0] == 0x4C && d[1] == 0x6F && d[2] == 0xA7 && d[3] == 0x94))
    {
      fatal (r, start, CUSTOS_STORAGE_ERROR_PARSE,
             _("the file is not UTF-8 (it looks like UTF-16, UTF-32 or EBCDIC); "
               "Custos files are UTF-8"));
      return FALSE;
    }

  if (n >= 3 && d[0] == 0xEF && d[1] == 0xBB && d[2] == 0xBF)
    skip = 3;
  if (n < skip + 6 || memcmp (r->data + skip, "<?xml", 5) != 0 || !is_xml_space (r->data[skip + 5]))
    return TRUE;

  decl_end = g_strstr_len (r->data + skip, MIN (n - skip, 512), "?>");
  if (decl_end == NULL)
    return TRUE; /* the parser will say what is wrong */
  p = g_strstr_len (r->data + skip, decl_end - (r->data + skip), "encoding");
  if (p == NULL)
    return TRUE;
  {
    const char *q = p + strlen ("encoding");
    const char *value;
    gsize len;

    while (q < decl_end && (is_xml_space (*q) || *q == '='))
      q++;
    if (q >= decl_end || (*q != '"' && *q != '\''))
      return TRUE;
    value = q + 1;
    for (len = 0; value + len < decl_end && value[len] != *q; len++)
      ;
    if ((len == 5 && g_ascii_strncasecmp (value, "UTF-8", 5) == 0) ||
        (len == 4 && g_ascii_strncasecmp (value, "UTF8", 4) == 0))
      return TRUE;
    fatal (r, position_advance (start, r->data, p), CUSTOS_STORAGE_ERROR_PARSE,
           _("the encoding “%.*s” is not supported; Custos files are UTF-8"), (int) MIN (len, 40),
           value);
    return FALSE;
  }
}

/* libxml2 2.9 compares each attribute of a start tag with every earlier one
 * (for duplicates) before any callback can object, so one tag with 200,000
 * attributes takes minutes. No element of the format has more than four, so
 * a tag with more than CUSTOS_XML_MAX_ATTRIBUTES (namespace declarations
 * included) is refused before parsing. The scan is
 * lexical and linear: it skips comments, CDATA sections and processing
 * instructions as the parser does, counts the '=' outside quoted values of
 * each start tag, and leaves anything malformed to the parser, which stops
 * there, before any later tag. */
static gboolean
check_attribute_counts (Reader *r)
{
  const char *p = r->data;
  const char *end = r->data + r->length;

  while (p < end && (p = memchr (p, '<', end - p)) != NULL)
    {
      const char *tag = p++;
      const char *close = NULL;
      guint n = 0;
      char quote = 0;

      if (p >= end)
        break;
      if (*p == '!' || *p == '?')
        {
          if (end - tag >= 4 && memcmp (tag, "<!--", 4) == 0)
            close = g_strstr_len (tag + 4, end - tag - 4, "-->");
          else if (end - tag >= 9 && memcmp (tag, "<![CDATA[", 9) == 0)
            close = g_strstr_len (tag + 9, end - tag - 9, "]]>");
          else if (*p == '?')
            close = g_strstr_len (tag + 2, end - tag - 2, "?>");
          else
            return TRUE; /* a DTD: the parser refuses it before any element */
          if (close == NULL)
            return TRUE; /* unterminated (or a NUL): the parser stops there */
          p = close + 2;
          continue;
        }
      if (*p == '/')
        continue;

      for (; p < end; p++)
        if (quote != 0)
          quote = *p == quote ? 0 : quote;
        else if (*p == '"' || *p == '\'')
          quote = *p;
        else if (*p == '=')
          n++;
        else if (*p == '>' || *p == '<')
          break;
      if (n > CUSTOS_XML_MAX_ATTRIBUTES)
        {
          fatal (r, position_at (r, tag - r->data), CUSTOS_STORAGE_ERROR_TOO_LARGE,
                 _("an element has more than %d attributes"), CUSTOS_XML_MAX_ATTRIBUTES);
          return FALSE;
        }
    }
  return TRUE;
}

/* After parsing --------------------------------------------------------------- */

static void
check_soa (Reader *r)
{
  guint n = custos_catalogue_get_n_controls (r->catalogue);
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n_missing = 0;

  for (guint i = 0; i < n; i++)
    if (!r->soa_seen[i])
      {
        if (n_missing < 20)
          g_string_append_printf (missing, "%s%s", n_missing > 0 ? ", " : "",
                                  custos_catalogue_get_control (r->catalogue, i)->id);
        n_missing++;
      }
  if (n_missing == 0)
    return;
  if (n_missing > 20)
    g_string_append_printf (missing, _(" and %u more"), n_missing - 20);
  problem (r, r->soa_present ? r->soa_pos : r->root_pos,
           _("the SoA has no entry for %u of the %u controls of ISO/IEC 27001:%d Annex A: %s"),
           n_missing, n, (int) custos_catalogue_get_edition (r->catalogue), missing->str);
}

static void
check_refs (Reader *r)
{
  for (guint i = 0; i < r->refs->len; i++)
    {
      const PendingRef *ref = &g_array_index (r->refs, PendingRef, i);
      const CustosField *field = &ref->kind->fields[ref->field];
      const CustosKind *target = custos_kinds_lookup (field->target);
      int reg = custos_kinds_register_index (target);
      GHashTable *ids = reg >= 0 ? r->ids[reg] : NULL;
      const GValue *value = custos_record_get_value (ref->record, ref->field);
      const char *one[] = { NULL, NULL };
      const char * const *values;

      if (field->type == CUSTOS_FIELD_REF)
        {
          one[0] = g_value_get_string (value);
          values = one;
        }
      else
        values = g_value_get_boxed (value);

      for (guint v = 0; values != NULL && values[v] != NULL; v++)
        if (ids == NULL || !g_hash_table_contains (ids, values[v]))
          {
            g_autofree char *label = record_label (ref->kind, ref->record);
            problem (r, ref->pos, _("%s: %s “%s” does not exist"), label, target->name, values[v]);
          }
    }
}

static void
set_error (Reader  *r,
           GError **error)
{
  g_autoptr(GString) message = g_string_new (NULL);
  guint shown = MIN (r->problems->len, CUSTOS_XML_MAX_ERRORS);

  g_autofree char *name = custos_escape_unsafe (r->display_name);

  g_array_sort (r->problems, compare_problems);
  for (guint i = 0; i < shown; i++)
    {
      const Problem *p = &g_array_index (r->problems, Problem, i);
      g_string_append_printf (message, "%s%s:%u:%u: %s", i > 0 ? "\n" : "",
                              name, p->pos.line, p->pos.column, p->message);
    }
  if (r->n_problems > shown)
    {
      g_string_append_c (message, '\n');
      g_string_append_printf (message, _("… and %u more"), r->n_problems - shown);
    }
  g_set_error_literal (error, CUSTOS_STORAGE_ERROR, r->code, message->str);
}

static void
reader_clear (Reader *r)
{
  while (r->depth > 0)
    clear_frame (&r->stack[--r->depth]);
  if (r->text != NULL)
    g_string_free (g_steal_pointer (&r->text), TRUE);
}

CustosDocument *
custos_xml_read (const char  *data,
                 gsize        length,
                 const char  *display_name,
                 GError     **error)
{
  static GOnce init_once = G_ONCE_INIT;
  Reader reader = { 0, };
  Reader *r = &reader;
  xmlStructuredErrorFunc old_serror;
  void *old_serror_data;
  xmlGenericErrorFunc old_generic;
  void *old_generic_data;
  CustosDocument *document = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_once (&init_once, init_libxml, NULL);

  r->data = data != NULL ? data : "";
  r->length = length;
  r->display_name = display_name != NULL ? display_name : "document";
  r->cursor_pos.line = r->cursor_pos.column = 1;
  r->problems = g_array_new (FALSE, FALSE, sizeof (Problem));
  g_array_set_clear_func (r->problems, clear_problem);
  r->soa_last = -1;

  if (length > CUSTOS_XML_MAX_SIZE)
    {
      const Position start = { 1, 1 };
      fatal (r, start, CUSTOS_STORAGE_ERROR_TOO_LARGE,
             _("the file is too large (%lu MiB; the limit is %d MiB)"),
             (unsigned long) (length / (1024 * 1024)), CUSTOS_XML_MAX_SIZE / (1024 * 1024));
      goto out;
    }
  if (!check_encoding (r) || !check_attribute_counts (r))
    goto out;

  r->text = g_string_sized_new (256);
  r->pending = g_ptr_array_new_with_free_func (g_object_unref);
  r->refs = g_array_new (FALSE, FALSE, sizeof (PendingRef));
  for (guint s = 0; s < 2; s++)
    {
      r->levels[s] = g_array_new (FALSE, TRUE, sizeof (CustosLevel));
      g_array_set_clear_func (r->levels[s], clear_level);
    }
  r->bands = g_array_new (FALSE, TRUE, sizeof (CustosBand));
  g_array_set_clear_func (r->bands, clear_band);

  r->ctxt = xmlNewParserCtxt ();
  if (r->ctxt == NULL || r->ctxt->sax == NULL)
    g_error ("Out of memory creating an XML parser");
  memcpy (r->ctxt->sax, &sax_handler, sizeof sax_handler);
  r->ctxt->_private = r;

  /* Per-thread handlers: whatever libxml2 reports goes to us, not stderr. */
  old_serror = xmlStructuredError;
  old_serror_data = xmlStructuredErrorContext;
  old_generic = xmlGenericError;
  old_generic_data = xmlGenericErrorContext;
  xmlSetStructuredErrorFunc (r, on_thread_error);
  xmlSetGenericErrorFunc (NULL, on_generic_error);
  g_private_set (&in_custos_parse, GINT_TO_POINTER (TRUE));

  xmlCtxtReadMemory (r->ctxt, r->data, (int) length, NULL, NULL, PARSE_OPTIONS);

  g_private_set (&in_custos_parse, NULL);
  xmlSetGenericErrorFunc (old_generic_data, old_generic);
  xmlSetStructuredErrorFunc (old_serror_data, old_serror);

  if (!r->stopped)
    {
      if (r->document == NULL)
        {
          const Position start = { 1, 1 };
          fatal (r, start, CUSTOS_STORAGE_ERROR_PARSE, _("not an XML file: no root element"));
        }
      else
        {
          check_soa (r);
          check_refs (r);
        }
    }

  xmlFreeParserCtxt (r->ctxt);
  r->ctxt = NULL;

out:
  if (r->n_problems > 0)
    set_error (r, error);
  else
    {
      document = g_steal_pointer (&r->document);
      custos_document_set_modified (document, FALSE);
    }

  reader_clear (r);
  g_clear_object (&r->document);
  g_clear_pointer (&r->pending, g_ptr_array_unref);
  g_clear_pointer (&r->refs, g_array_unref);
  for (guint s = 0; s < 2; s++)
    g_clear_pointer (&r->levels[s], g_array_unref);
  g_clear_pointer (&r->bands, g_array_unref);
  for (guint i = 0; i < CUSTOS_N_REGISTERS; i++)
    g_clear_pointer (&r->ids[i], g_hash_table_unref);
  g_clear_pointer (&r->soa_seen, g_free);
  g_array_unref (r->problems);
  return document;
}
