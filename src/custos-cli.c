/* SPDX-License-Identifier: GPL-3.0-or-later */
/* custos-cli.c — custos --check, --output, --edition, --export, --verify-evidence, --version
 * (--diff, --text, --merge and --git-setup are in custos-cli-diff.c)
 *
 * Everything here runs before GApplication registers, so no display and no
 * session bus are needed: scripts, CI and the tests use it as it is.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "custos-cli-diff.h"
#include "custos-cli.h"
#include "custos-clock.h"
#include "custos-date.h"
#include "custos-csv.h"
#include "custos-escape.h"
#include "custos-evidence-file.h"
#include "custos-document.h"
#include "custos-draft.h"
#include "custos-file.h"
#include "custos-import.h"
#include "custos-issue.h"
#include "custos-lock.h"
#include "custos-readiness.h"
#include "custos-report.h"
#include "custos-sheet.h"

static const GOptionEntry option_entries[] = {
  { "check", 'c', 0, G_OPTION_ARG_NONE, NULL,
    N_("Load and validate FILE, print a summary or the errors"), NULL },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a canonical copy of FILE to OUT"), N_("OUT") },
  { "edition", 'e', 0, G_OPTION_ARG_STRING, NULL,
    N_("With --output, migrate the copy to this Annex A edition (2022)"), N_("EDITION") },
  { "force", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --output, write OUT even when its lock file says someone has it open"), NULL },
  { "strict", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --check, fail when the readiness check finds an error"), NULL },
  { "verify-evidence", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Hash the evidence files of FILE and say which changed or are missing (then exit 1); with --output, "
       "record their checksums in OUT; with --check, report them as findings"), NULL },
  { "export", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Export REPORT (soa, rtp, risks, pack) or a register to --output=OUT.pdf or OUT.csv"), N_("REPORT") },
  { "import", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Import the rows of SHEET (.csv, .ods, .xlsx) into REGISTER (as named by --export, or auto) of FILE, written to --output=OUT"),
    N_("REGISTER") },
  { "draft", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Draft a first ISMS for a small organisation of SECTOR (accountancy, retail, software, healthcare, "
       "manufacturing, charity) named NAME, to --output=OUT, every part to review"), N_("SECTOR") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export, the paper size: a4 or letter (default: from the locale)"), N_("PAPER") },
  { "csv-bom", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export to a .csv file, start it with a UTF-8 byte order mark (for Excel)"), NULL },
  { "issued", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export, export issued version VERSION exactly as it was issued"), N_("VERSION") },
  { "issue", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Issue FILE as version VERSION: record the revision and freeze a copy beside FILE"), N_("VERSION") },
  { "approver", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --issue, who approves the issue"), N_("NAME") },
  { "since", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("With --export=pack, the previous issue, whose changes the pack lists"), N_("FILE") },
  { "diff", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("List the changes from OLD to NEW (FILE… is OLD NEW); exit 1 when they differ"), NULL },
  { "diff-format", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --diff, the format: text or csv"), N_("FORMAT") },
  { "text", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print FILE as plain text, one field a line (git's textconv)"), NULL },
  { "merge", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Merge BASE OURS THEIRS into OURS (git's merge driver); exit 1 on conflicts"), NULL },
  { "git-setup", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Make git diff and merge *.isms files with Custos in the repository of DIR (default: here)"), NULL },
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
  { NULL }
};

const GOptionEntry *
custos_cli_get_option_entries (void)
{
  return option_entries;
}

static char *
summary_line (CustosDocument *document)
{
  GString *line = g_string_new (NULL);

  g_string_append_printf (line, "edition %d", custos_document_get_edition (document));
  for (guint r = 0; r < CUSTOS_N_REGISTERS; r++)
    g_string_append_printf (line, ", %s %u", custos_kinds_register (r)->register_name,
                            custos_document_count (document, r));
  return g_string_free (line, FALSE);
}

/* Hashes the file of every evidence item of document (loaded from file)
 * that names one: evidence id → GINT_TO_POINTER (CustosEvidenceFileStatus).
 * With print, a line per item (FILE: EV-001: ok: location) and a count.
 * With record, a file without a checksum gets one and a file that matches
 * its checksum is verified today; a changed file keeps the checksum it was
 * verified with, so that the change is not hidden. */
static GHashTable *
verify_evidence (CustosDocument *document,
                 GFile          *file,
                 const char     *name,
                 const GDate    *today,
                 gboolean        print,
                 gboolean        record)
{
  GListModel *items = custos_document_get_register (document, CUSTOS_REGISTER_EVIDENCE);
  GHashTable *statuses = g_hash_table_new (g_str_hash, g_str_equal);
  guint counts[CUSTOS_EVIDENCE_FILE_MISSING + 1] = { 0 };
  char date[CUSTOS_DATE_ISO_SIZE];

  custos_date_format_iso (today, date);
  for (guint i = 0, n = g_list_model_get_n_items (items); i < n; i++)
    {
      g_autoptr(CustosEvidence) evidence = g_list_model_get_item (items, i);
      const char *id = custos_record_get_id (CUSTOS_RECORD (evidence));
      const char *location = custos_evidence_get_location (evidence);
      g_autoptr(GError) error = NULL;
      g_autofree char *sha256 = NULL;
      g_autofree char *shown = NULL;
      CustosEvidenceFileStatus status;

      status = custos_evidence_file_check (location, custos_evidence_get_sha256 (evidence), file, NULL, &sha256,
                                           &error);
      /* Ids are unique and the document outlives the table. */
      g_hash_table_insert (statuses, (gpointer) id, GINT_TO_POINTER (status));
      counts[status]++;
      if (record && (status == CUSTOS_EVIDENCE_FILE_UNRECORDED || status == CUSTOS_EVIDENCE_FILE_OK))
        {
          custos_evidence_set_sha256 (evidence, sha256);
          custos_evidence_set_verified (evidence, date);
        }
      if (!print)
        continue;
      shown = custos_escape_unsafe (location != NULL ? location : "");
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_print ("%s: %s: %s: %s (%s)\n", name, id, custos_evidence_file_status_to_string (status), shown,
                 error->message);
      else
        g_print ("%s: %s: %s: %s\n", name, id, custos_evidence_file_status_to_string (status), shown);
    }
  if (print)
    /* TRANSLATORS: the summary of custos --verify-evidence */
    g_print (_("%s: evidence files: %u ok, %u changed, %u missing, %u without checksum; %u not local files\n"), name,
             counts[CUSTOS_EVIDENCE_FILE_OK], counts[CUSTOS_EVIDENCE_FILE_CHANGED],
             counts[CUSTOS_EVIDENCE_FILE_MISSING], counts[CUSTOS_EVIDENCE_FILE_UNRECORDED],
             counts[CUSTOS_EVIDENCE_FILE_NOT_LOCAL]);
  return statuses;
}

/* Is any evidence file changed or missing? */
static gboolean
evidence_failed (GHashTable *statuses)
{
  GHashTableIter iter;
  gpointer status;

  g_hash_table_iter_init (&iter, statuses);
  while (g_hash_table_iter_next (&iter, NULL, &status))
    if (GPOINTER_TO_INT (status) == CUSTOS_EVIDENCE_FILE_CHANGED ||
        GPOINTER_TO_INT (status) == CUSTOS_EVIDENCE_FILE_MISSING)
      return TRUE;
  return FALSE;
}

/* The summary, then the readiness findings (FILE: severity: clause: message,
 * errors first), then the readiness percentage. 1 when the file does not
 * load or holds merge conflicts, or with strict when an error is found.
 * With evidence, the evidence files are hashed first and the check reports
 * those changed or missing. */
static int
check_file (GFile       *file,
            const GDate *today,
            gboolean     strict,
            gboolean     evidence)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CustosDocument) document = custos_file_load (file, NULL, &error);
  g_autoptr(CustosReadiness) readiness = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *parse_name = g_file_get_parse_name (file);
  g_autofree char *name = custos_escape_unsafe (parse_name);
  guint n_errors;

  if (document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  summary = summary_line (document);
  g_print ("%s: %s\n", name, summary);

  readiness = custos_readiness_new (document, today);
  if (evidence)
    {
      g_autoptr(GHashTable) statuses = verify_evidence (document, file, name, today, FALSE, FALSE);

      custos_readiness_set_evidence_files (readiness, statuses);
      custos_readiness_update (readiness, NULL);
    }
  for (guint i = 0, n = custos_readiness_get_n_findings (readiness); i < n; i++)
    {
      const CustosReadinessFinding *finding = custos_readiness_get_finding (readiness, i);
      g_print ("%s: %s: %s: %s\n", name, custos_readiness_severity_to_string (finding->severity),
               finding->clause, finding->message);
    }
  n_errors = custos_readiness_count (readiness, CUSTOS_READINESS_SEVERITY_ERROR);
  g_print ("%s: readiness: %d%% (errors %u, warnings %u, info %u)\n", name,
           custos_readiness_get_percentage (readiness), n_errors,
           custos_readiness_count (readiness, CUSTOS_READINESS_SEVERITY_WARNING),
           custos_readiness_count (readiness, CUSTOS_READINESS_SEVERITY_INFO));
  /* Unresolved merge conflicts fail like conflict markers would, strict or not. */
  if (custos_document_count (document, CUSTOS_REGISTER_MERGE_CONFLICTS) > 0)
    return 1;
  return strict && n_errors > 0 ? 1 : 0;
}

static gboolean
parse_edition (const char    *text,
               CustosEdition *edition)
{
  if (g_strcmp0 (text, "2022") == 0)
    *edition = CUSTOS_EDITION_2022;
  else if (g_strcmp0 (text, "2013") == 0)
    *edition = CUSTOS_EDITION_2013;
  else
    return FALSE;
  return TRUE;
}

/* Someone with FILE open in a window would lose their work or ours. The
 * lock is held while writing, so that nobody opens FILE meanwhile. With
 * --force, FILE is written anyway and their lock left to them: they still
 * have it open (and their Custos will notice the change). FALSE (with the
 * message printed) when FILE must not be written. */
static gboolean
lock_for_writing (GFile       *file,
                  gboolean     force,
                  CustosLock **lock)
{
  g_autoptr(CustosLockOwner) holder = NULL;
  g_autoptr(GError) error = NULL;

  *lock = custos_lock_acquire (file, FALSE, &holder, &error);
  if (*lock == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BUSY) && !force)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *who = holder != NULL ? custos_lock_owner_describe (holder) : g_strdup (_("someone else"));

      if (holder != NULL && holder->since != NULL)
        g_printerr (_("Cannot write %s: %s has it open since %s. Use --force to write it anyway.\n"), name, who,
                    holder->since);
      else
        g_printerr (_("Cannot write %s: %s has it open. Use --force to write it anyway.\n"), name, who);
      return FALSE;
    }
  return TRUE;
}

/* Writes document to output under its lock (exit status 0 or 1). */
static int
save_output (CustosDocument *document,
             const char     *output,
             gboolean        force)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) out = custos_file_new_for_arg (output, NULL);
  g_autoptr(CustosLock) lock = NULL;

  if (!lock_for_writing (out, force, &lock))
    return 1;
  /* The message says what happened and that the file was not changed. */
  if (!custos_file_save (document, out, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

/* custos --verify-evidence [--output=OUT] FILE: 1 when FILE does not load,
 * an evidence file changed or is missing, or OUT cannot be written. */
static int
verify_file (GFile       *file,
             const char  *output,
             gboolean     force,
             const GDate *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CustosDocument) document = custos_file_load (file, NULL, &error);
  g_autoptr(GHashTable) statuses = NULL;
  g_autofree char *parse_name = g_file_get_parse_name (file);
  g_autofree char *name = custos_escape_unsafe (parse_name);
  int status;

  if (document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  statuses = verify_evidence (document, file, name, today, TRUE, output != NULL);
  status = evidence_failed (statuses) ? 1 : 0;
  if (output != NULL && save_output (document, output, force) != 0)
    status = 1;
  return status;
}

/* custos --issue=VERSION --approver=NAME FILE: see custos-issue.h. */
static int
issue_file (GFile       *file,
            const char  *version,
            const char  *approver,
            const GDate *today,
            gboolean     force)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CustosDocument) document = NULL;
  g_autoptr(CustosLock) lock = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  char date[CUSTOS_DATE_ISO_SIZE];

  if (approver == NULL)
    {
      g_printerr (_("--issue needs --approver=NAME: who approves this version\n"));
      return 1;
    }
  document = custos_file_load (file, NULL, &error);
  if (document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (!lock_for_writing (file, force, &lock))
    return 1;
  custos_date_format_iso (today, date);
  if (!custos_issue_document (document, file, NULL, NULL, version, approver, NULL, date, NULL, &error))
    {
      g_printerr (_("Cannot issue %s: %s\n"), name, error->message);
      return 1;
    }
  return 0;
}

static int
convert_file (GFile       *file,
              const char  *output,
              const char  *edition_text,
              gboolean     force,
              const GDate *today)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CustosDocument) document = NULL;
  CustosEdition edition = 0;

  if (edition_text != NULL && !parse_edition (edition_text, &edition))
    {
      g_printerr (_("Unknown edition “%s”: use 2013 or 2022\n"), edition_text);
      return 1;
    }

  document = custos_file_load (file, NULL, &error);
  if (document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (edition != 0 && edition != custos_document_get_edition (document))
    {
      g_autoptr(GPtrArray) plan = custos_document_plan_migration (document, &error);

      if (plan == NULL || edition != CUSTOS_EDITION_2022)
        {
          g_printerr (_("Cannot migrate from edition %d to %d: only 2013 → 2022 is supported\n"),
                      custos_document_get_edition (document), edition);
          return 1;
        }
      custos_document_apply_migration (document, plan, today);
    }

  return save_output (document, output, force);
}

static gboolean
has_suffix (const char *path,
            const char *suffix)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  return g_str_has_suffix (lower, suffix);
}

/* custos --export=NAME --output=OUT[.pdf|.csv] [--paper=PAPER] [--csv-bom] [--since=FILE] INPUT.
 * Prints errors on stderr; returns the exit status (0 or 1). */
static int
export_file (const char *input,
             const char *name,
             const char *output,
             const char *paper,
             const char *issued,
             gboolean    bom,
             const char *since)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) in = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(CustosDocument) document = NULL;
  g_autoptr(CustosClock) clock = NULL;
  g_autoptr(CustosDocument) previous = NULL;
  g_autofree char *previous_name = NULL;
  CustosReportOptions options;
  CustosReportKind kind = CUSTOS_REPORT_SOA;
  CustosRegister reg = CUSTOS_REGISTER_SOA;
  gboolean pdf;

  custos_report_options_init (&options);
  if (output == NULL)
    {
      g_printerr (_("--export needs --output=FILE.pdf or --output=FILE.csv\n"));
      return 1;
    }
  if (has_suffix (output, ".pdf"))
    pdf = TRUE;
  else if (has_suffix (output, ".csv"))
    pdf = FALSE;
  else
    {
      g_printerr (_("Cannot tell the format of “%s”: the output must end in .pdf or .csv\n"), output);
      return 1;
    }
  if (bom && pdf)
    {
      g_printerr (_("--csv-bom needs --output=FILE.csv\n"));
      return 1;
    }
  if (paper != NULL && !custos_paper_parse (paper, &options.paper))
    {
      g_printerr (_("Unknown paper size “%s”: use a4 or letter\n"), paper);
      return 1;
    }
  if (pdf && !custos_report_kind_parse (name, &kind))
    {
      g_printerr (_("Unknown report “%s”: use soa, rtp, risks or pack\n"), name);
      return 1;
    }
  if (!pdf && g_strcmp0 (name, "pack") == 0)
    {
      g_printerr (_("The certification pack has no CSV form: write it to a .pdf file\n"));
      return 1;
    }
  if (since != NULL && (!pdf || kind != CUSTOS_REPORT_PACK))
    {
      g_printerr (_("--since needs --export=pack\n"));
      return 1;
    }
  if (!pdf && g_strcmp0 (name, "rtp") != 0 && !custos_csv_lookup (name, &reg))
    {
      g_printerr (_("Unknown register “%s”: use soa, rtp, risks, assets or the name of any register (issues, incidents, …)\n"),
                  name);
      return 1;
    }

  clock = custos_clock_new_from_environment (&error);
  if (clock == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  options.today = custos_clock_get_today (clock);

  in = custos_file_new_for_arg (input, NULL);
  document = issued != NULL ? custos_issue_load (in, issued, NULL, &error) : custos_file_load (in, NULL, &error);
  if (document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  /* The file is an issue while it is still exactly its snapshot. */
  options.issued = custos_issue_get_current (document, in) != NULL;

  if (since != NULL)
    {
      g_autoptr(GFile) since_file = custos_file_new_for_arg (since, NULL);

      previous = custos_file_load (since_file, NULL, &error);
      if (previous == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      previous_name = g_file_get_basename (since_file);
    }
  else if (pdf && kind == CUSTOS_REPORT_PACK)
    previous = custos_issue_load_previous (document, in, &previous_name);
  options.previous = previous;
  options.previous_name = previous_name;

  out = custos_file_new_for_arg (output, NULL);
  if (pdf)
    {
      if (!custos_report_export_pdf (document, kind, &options, out, NULL, &error))
        {
          g_printerr (_("Cannot write %s: %s\n"), output, error->message);
          return 1;
        }
    }
  else
    {
      char *text = custos_csv_write (document, name, bom ? CUSTOS_CSV_BOM : CUSTOS_CSV_DISPLAY);
      g_autoptr(GBytes) bytes = g_bytes_new_take (text, strlen (text));

      if (!custos_report_save_bytes (bytes, out, NULL, &error))
        {
          g_printerr (_("Cannot write %s: %s\n"), output, error->message);
          return 1;
        }
    }
  return 0;
}

/* custos --draft=SECTOR --output=OUT [NAME]: the guided first ISMS with
 * typical answers (Microsoft 365, online accounting, laptops and phones). */
static int
draft_file (const char *sector_name,
            const char *name,
            const char *output,
            gboolean    force)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CustosDocument) document = NULL;
  g_autoptr(CustosClock) clock = custos_clock_new_from_environment (&error);
  CustosDraftAnswers answers = {
    name != NULL ? name : _("Our organisation"), 0, 12, NULL,
    CUSTOS_DRAFT_MICROSOFT_365 | CUSTOS_DRAFT_ACCOUNTING_SAAS | CUSTOS_DRAFT_LAPTOPS | CUSTOS_DRAFT_PHONES, NULL,
  };

  if (clock == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  answers.today = custos_clock_get_today (clock);

  if (output == NULL)
    {
      g_printerr (_("--draft needs --output=OUT.isms\n"));
      return 1;
    }
  if (!custos_sector_parse (sector_name, &answers.sector))
    {
      g_printerr (_("Unknown sector “%s”: use accountancy, retail, software, healthcare, manufacturing or charity\n"),
                  sector_name);
      return 1;
    }
  document = custos_draft_new (&answers);
  return save_output (document, output, force);
}

/* custos --import=REGISTER --output=OUT SHEET FILE: FILE with the rows of
 * SHEET, written to OUT. 2 when SHEET cannot be read or a row has a
 * problem: then nothing is written. */
static int
import_file (const char *name,
             const char *sheet,
             const char *input,
             const char *output,
             gboolean    force)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) sheet_file = custos_file_new_for_arg (sheet, NULL);
  g_autoptr(GFile) in = custos_file_new_for_arg (input, NULL);
  g_autoptr(GPtrArray) table = NULL;
  g_autoptr(CustosDocument) document = NULL;
  g_autoptr(CustosImport) import = NULL;
  CustosRegister reg = 0;
  gboolean guess = g_strcmp0 (name, "auto") == 0;

  if (output == NULL)
    {
      g_printerr (_("--import needs --output=OUT.isms\n"));
      return 1;
    }
  if (!guess && !custos_csv_lookup (name, &reg))
    {
      g_printerr (_("Unknown register “%s”: use auto, soa, rtp, risks, assets or the name of any register (issues, incidents, …)\n"),
                  name);
      return 1;
    }
  document = custos_file_load (in, NULL, &error);
  if (document == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  table = custos_sheet_load (sheet_file, NULL, &error);
  if (table == NULL)
    {
      g_printerr (_("Cannot import %s: %s\n"), sheet, error->message);
      return 2;
    }
  import = custos_import_new (document, table, guess ? -1 : (int) reg);
  if (!custos_import_apply (import, &error))
    {
      g_printerr (_("Cannot import %s: %s\n"), sheet, error->message);
      return 2;
    }
  if (save_output (document, output, force) != 0)
    return 1;
  g_print (_("%s: %u added, %u updated in %s\n"), sheet, custos_import_get_n_added (import),
           custos_import_get_n_updated (import), custos_kinds_register (custos_import_get_register (import))->register_name);
  return 0;
}

int
custos_cli_run (GVariantDict *options)
{
  g_autofree const char **files = NULL;
  g_autofree char *output = NULL;
  g_autofree char *edition = NULL;
  gboolean check = FALSE;
  gboolean strict = FALSE;
  gboolean force = FALSE;
  gboolean evidence = FALSE;
  g_autoptr(CustosClock) clock = NULL;
  int status = 0;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("custos %s\n", PACKAGE_VERSION);
      return 0;
    }

  status = custos_cli_diff_run (options);
  if (status >= 0)
    return status;
  status = 0;

  /* --export=REPORT --output=OUT [--paper=PAPER] [--csv-bom] [--since=FILE] FILE (src/report). */
  {
    g_autofree char *report = NULL;
    g_autofree char *paper = NULL;
    g_autofree char *since = NULL;
    gboolean bom = g_variant_dict_contains (options, "csv-bom");
    g_autofree char *issued = NULL;

    g_variant_dict_lookup (options, "paper", "s", &paper);
    g_variant_dict_lookup (options, "issued", "s", &issued);
    g_variant_dict_lookup (options, "since", "^ay", &since);
    if (g_variant_dict_lookup (options, "export", "s", &report))
      {
        g_autofree const char **inputs = NULL;
        g_autofree char *out = NULL;

        g_variant_dict_lookup (options, "output", "^ay", &out);
        g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &inputs);
        if (inputs == NULL || inputs[0] == NULL || inputs[1] != NULL)
          {
            g_printerr (_("--export takes exactly one FILE\n"));
            return 1;
          }
        return export_file (inputs[0], report, out, paper, issued, bom, since);
      }
    if (since != NULL)
      {
        g_printerr (_("--since needs --export=pack\n"));
        return 1;
      }
    if (paper != NULL || issued != NULL || bom)
      {
        g_printerr (_("%s needs --export\n"), paper != NULL ? "--paper" : issued != NULL ? "--issued" : "--csv-bom");
        return 1;
      }
  }

  /* --issue=VERSION --approver=NAME FILE */
  {
    g_autofree char *version = NULL;
    g_autofree char *approver = NULL;

    g_variant_dict_lookup (options, "approver", "s", &approver);
    if (g_variant_dict_lookup (options, "issue", "s", &version))
      {
        g_autofree const char **inputs = NULL;
        g_autoptr(GFile) file = NULL;
        g_autoptr(GError) error = NULL;

        g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &inputs);
        if (inputs == NULL || inputs[0] == NULL || inputs[1] != NULL)
          {
            g_printerr (_("--issue takes exactly one FILE\n"));
            return 1;
          }
        clock = custos_clock_new_from_environment (&error);
        if (clock == NULL)
          {
            g_printerr ("%s\n", error->message);
            return 1;
          }
        file = custos_file_new_for_arg (inputs[0], NULL);
        return issue_file (file, version, approver, custos_clock_get_today (clock),
                           g_variant_dict_contains (options, "force"));
      }
    if (approver != NULL)
      {
        g_printerr (_("--approver needs --issue\n"));
        return 1;
      }
  }

  /* --draft=SECTOR --output=OUT [NAME] (src/model/custos-draft.c). */
  {
    g_autofree char *sector = NULL;

    if (g_variant_dict_lookup (options, "draft", "s", &sector))
      {
        g_autofree const char **inputs = NULL;
        g_autofree char *out = NULL;

        g_variant_dict_lookup (options, "output", "^ay", &out);
        g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &inputs);
        if (inputs != NULL && inputs[0] != NULL && inputs[1] != NULL)
          {
            g_printerr (_("--draft takes at most one NAME\n"));
            return 1;
          }
        return draft_file (sector, inputs != NULL ? inputs[0] : NULL, out, g_variant_dict_contains (options, "force"));
      }
  }

  /* --import=REGISTER --output=OUT SHEET FILE (src/model/custos-import.c). */
  {
    g_autofree char *reg = NULL;

    if (g_variant_dict_lookup (options, "import", "s", &reg))
      {
        g_autofree const char **inputs = NULL;
        g_autofree char *out = NULL;

        g_variant_dict_lookup (options, "output", "^ay", &out);
        g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &inputs);
        if (inputs == NULL || inputs[0] == NULL || inputs[1] == NULL || inputs[2] != NULL)
          {
            g_printerr (_("--import takes a spreadsheet and a FILE\n"));
            return 1;
          }
        return import_file (reg, inputs[0], inputs[1], out, g_variant_dict_contains (options, "force"));
      }
  }

  check = g_variant_dict_contains (options, "check");
  strict = g_variant_dict_contains (options, "strict");
  evidence = g_variant_dict_contains (options, "verify-evidence");
  force = g_variant_dict_contains (options, "force");
  g_variant_dict_lookup (options, "output", "^ay", &output);
  g_variant_dict_lookup (options, "edition", "s", &edition);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);

  if (strict && !check)
    {
      g_printerr (_("--strict needs --check\n"));
      return 1;
    }
  if (force && output == NULL)
    {
      g_printerr (_("--force needs --output\n"));
      return 1;
    }

  if (!check && !evidence && output == NULL)
    {
      if (edition != NULL)
        {
          g_printerr (_("--edition needs --output\n"));
          return 1;
        }
      return -1;
    }

  if (files == NULL || files[0] == NULL)
    {
      g_printerr (_("No FILE given; see custos --help\n"));
      return 1;
    }

  /* Today (or CUSTOS_TODAY) dates the checks and the revision a migration
   * adds. */
  {
    g_autoptr(GError) error = NULL;

    clock = custos_clock_new_from_environment (&error);
    if (clock == NULL)
      {
        g_printerr ("%s\n", error->message);
        return 1;
      }
  }

  if (evidence && !check)
    {
      g_autoptr(GFile) file = NULL;

      if (files[1] != NULL)
        {
          g_printerr (_("--verify-evidence takes exactly one FILE\n"));
          return 1;
        }
      if (edition != NULL)
        {
          g_printerr (_("--edition cannot be used with --verify-evidence\n"));
          return 1;
        }
      file = custos_file_new_for_arg (files[0], NULL);
      return verify_file (file, output, force, custos_clock_get_today (clock));
    }

  if (output != NULL)
    {
      g_autoptr(GFile) file = NULL;

      if (files[1] != NULL)
        {
          g_printerr (_("--output takes exactly one FILE\n"));
          return 1;
        }
      file = custos_file_new_for_arg (files[0], NULL);
      return convert_file (file, output, edition, force, custos_clock_get_today (clock));
    }

  /* --check: every file is checked as of today (or CUSTOS_TODAY); the
   * status fails if any fails. */
  for (guint i = 0; files[i] != NULL; i++)
    {
      /* Never locked: checking is reading. */
      g_autoptr(GFile) file = custos_file_new_for_arg (files[i], NULL);
      if (check_file (file, custos_clock_get_today (clock), strict, evidence) != 0)
        status = 1;
    }
  return status;
}
