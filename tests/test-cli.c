/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli.c — the command line, run as a user runs it, without a display */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "custos-document.h"
#include "custos-escape.h"
#include "custos-file.h"
#include "custos-test-util.h"

START_TEST (test_version)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--version", NULL };

  ck_assert_int_eq (custos_test_run_cli (args, &out, &err), 0);
  ck_assert_str_eq (out, "custos " PACKAGE_VERSION "\n");
}
END_TEST

START_TEST (test_check_example)
{
  g_autofree char *example = custos_test_example_path ();
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  const char *args[] = { "--check", example, NULL };
  g_autoptr(GFile) file = g_file_new_for_path (example);
  g_autoptr(CustosDocument) doc = custos_file_load (file, NULL, NULL);

  ck_assert_ptr_nonnull (doc);
  ck_assert_int_eq (custos_test_run_cli (args, &out, &err), 0);
  ck_assert_str_eq (err, "");
  /* First line: the file, the edition and a count for every register; the
   * readiness findings and percentage follow (see test-readiness). */
  ck_assert (g_str_has_suffix (out, "\n"));
  first = g_strndup (out, strcspn (out, "\n"));
  last = g_strdup_printf ("%s: readiness: ", example);
  ck_assert_ptr_nonnull (strstr (out, last));
  expected = g_strdup_printf ("%s: edition 2022, revisions %u, issues %u, parties %u, requirements %u, roles %u, "
                              "assets %u, risks %u, ",
                              example,
                              custos_document_count (doc, CUSTOS_REGISTER_REVISIONS),
                              custos_document_count (doc, CUSTOS_REGISTER_ISSUES),
                              custos_document_count (doc, CUSTOS_REGISTER_PARTIES),
                              custos_document_count (doc, CUSTOS_REGISTER_REQUIREMENTS),
                              custos_document_count (doc, CUSTOS_REGISTER_ROLES),
                              custos_document_count (doc, CUSTOS_REGISTER_ASSETS),
                              custos_document_count (doc, CUSTOS_REGISTER_RISKS));
  ck_assert_msg (g_str_has_prefix (first, expected), "got: %s", first);
  ck_assert_ptr_nonnull (strstr (first, ", soa 93, "));
  ck_assert_ptr_nonnull (strstr (first, ", incidents "));
}
END_TEST

START_TEST (test_check_bad_file)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "broken.isms", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *expected = NULL;
  const char *args[] = { "--check", path, NULL };
  const char *text =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<isms xmlns=\"urn:custos:isms:1\" format=\"1\" edition=\"2022\">\n"
    "  <organisation>\n"
    "    <name>Broken Ltd</name>\n";

  ck_assert (g_file_set_contents (path, text, -1, NULL));
  ck_assert_int_eq (custos_test_run_cli (args, &out, &err), 1);
  ck_assert_str_eq (out, "");
  expected = g_strdup_printf ("%s:5:", path);
  ck_assert_msg (g_str_has_prefix (err, expected), "got: %s", err);
  custos_test_rmdir (dir);
}
END_TEST

START_TEST (test_check_missing_file)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--check", "/nonexistent/dir/none.isms", NULL };

  ck_assert_int_eq (custos_test_run_cli (args, &out, &err), 1);
  ck_assert_ptr_nonnull (strstr (err, "none.isms"));
}
END_TEST

START_TEST (test_output_round_trip)
{
  g_autofree char *example = custos_test_example_path ();
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *copy = g_build_filename (dir, "copy.isms", NULL);
  g_autofree char *option = g_strdup_printf ("--output=%s", copy);
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { option, example, NULL };
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;

  ck_assert_int_eq (custos_test_run_cli (args, &out, &err), 0);
  a = custos_test_read_file (example);
  b = custos_test_read_file (copy);
  ck_assert_msg (g_bytes_equal (a, b), "--output of the example is not byte-identical");
  custos_test_rmdir (dir);
}
END_TEST

START_TEST (test_output_migrates)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *old_path = g_build_filename (dir, "old.isms", NULL);
  g_autofree char *new_path = g_build_filename (dir, "new.isms", NULL);
  g_autofree char *option = g_strdup_printf ("--output=%s", new_path);
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { option, "--edition=2022", old_path, NULL };
  /* The date of the revision the migration adds. */
  const char *today = "2026-12-01";
  g_autoptr(CustosDocument) old_doc = custos_document_new (CUSTOS_EDITION_2013);
  g_autoptr(CustosDocument) new_doc = NULL;
  g_autoptr(GFile) old_file = g_file_new_for_path (old_path);
  g_autoptr(GFile) new_file = g_file_new_for_path (new_path);
  g_autoptr(GError) error = NULL;
  CustosRecord *entry;

  custos_organisation_set_name (custos_document_get_organisation (old_doc), "Old Ltd");
  entry = custos_document_lookup (old_doc, CUSTOS_REGISTER_SOA, "A.12.3.1");
  custos_soa_entry_set_applicable (CUSTOS_SOA_ENTRY (entry), CUSTOS_APPLICABILITY_APPLICABLE);
  custos_soa_entry_set_justification (CUSTOS_SOA_ENTRY (entry), "Nightly backups of client files");
  ck_assert (custos_file_save (old_doc, old_file, NULL, &error));

  g_setenv ("CUSTOS_TODAY", today, TRUE);
  ck_assert_int_eq (custos_test_run_cli (args, &out, &err), 0);
  new_doc = custos_file_load (new_file, NULL, &error);
  g_assert_no_error (error);
  ck_assert_int_eq (custos_document_get_edition (new_doc), CUSTOS_EDITION_2022);
  ck_assert_uint_eq (custos_document_count (new_doc, CUSTOS_REGISTER_SOA), 93);
  entry = custos_document_lookup (new_doc, CUSTOS_REGISTER_SOA, "8.13");
  ck_assert_str_eq (custos_soa_entry_get_justification (CUSTOS_SOA_ENTRY (entry)),
                    "Nightly backups of client files");

  /* --check names every control the migration flagged, and the revision
   * it opened, which needs a new approval. */
  {
    const char *check[] = { "--check", new_path, NULL };
    g_autofree char *flagged = g_strdup_printf ("%s: warning: 6.1.3 d: Control 5.15 “Access control” is flagged "
                                                "for review: Merged from A.9.1.1, A.9.1.2 (ISO/IEC 27001:2013).\n",
                                                new_path);
    g_autofree char *revision = g_strdup_printf ("%s: warning: 7.5.2: The latest revision, 1.0 of 2026-12-01, "
                                                 "is not approved\n", new_path);
    guint n_flagged = 0;

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    ck_assert_int_eq (custos_test_run_cli (check, &out, &err), 0);
    ck_assert_msg (strstr (out, flagged) != NULL, "“%s” not in:\n%s", flagged, out);
    ck_assert_msg (strstr (out, revision) != NULL, "“%s” not in:\n%s", revision, out);
    for (const char *p = out; (p = strstr (p, "is flagged for review")) != NULL; p++)
      n_flagged++;
    ck_assert_uint_eq (n_flagged, 35);
  }
  g_unsetenv ("CUSTOS_TODAY");
  custos_test_rmdir (dir);
}
END_TEST

START_TEST (test_usage_errors)
{
  g_autofree char *example = custos_test_example_path ();
  const char *no_file[] = { "--check", NULL };
  const char *edition_alone[] = { "--edition=2022", example, NULL };
  const char *bad_edition[] = { "--output=/tmp/custos-never-written.isms", "--edition=2005", example, NULL };
  const char *downgrade[] = { "--output=/tmp/custos-never-written.isms", "--edition=2013", example, NULL };
  const char *verify_two[] = { "--verify-evidence", example, example, NULL };
  const char *verify_edition[] = { "--verify-evidence", "--output=/tmp/custos-never-written.isms", "--edition=2022",
                                   example, NULL };
  const char * const *cases[] = { no_file, edition_alone, bad_edition, downgrade, verify_two, verify_edition };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL, *err = NULL;
      ck_assert_int_eq (custos_test_run_cli (cases[i], &out, &err), 1);
      ck_assert_str_ne (err, "");
    }
  ck_assert (!g_file_test ("/tmp/custos-never-written.isms", G_FILE_TEST_EXISTS));
}
END_TEST

/* A named pipe given as the file: refused at once, naming it (0.1.0 waited
 * for a writer for ever). */
START_TEST (test_check_refuses_pipe)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *fifo = g_build_filename (dir, "pipe.isms", NULL);
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--check", fifo, NULL };

  ck_assert (mkfifo (fifo, 0600) == 0);
  ck_assert_int_eq (custos_test_run_cli (args, &out, &err), 1);
  ck_assert_msg (strstr (err, fifo) != NULL && strstr (err, "named pipe") != NULL, "stderr: %s", err);
  custos_test_rmdir (dir);
}
END_TEST

/* Local names with a colon are local files, not URIs of an unknown scheme. */
START_TEST (test_names_with_colon)
{
  g_autofree char *example = custos_test_example_path ();
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *input = g_build_filename (dir, "plan:v2.isms", NULL);
  g_autofree char *output = g_build_filename (dir, "out:v3.isms", NULL);
  g_autofree char *csv = g_build_filename (dir, "soa:v3.csv", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: edition 2022,", input);
  g_autoptr(GBytes) original = custos_test_read_file (example);
  g_autoptr(GBytes) copy = NULL;
  const char *check[] = { "--check", "plan:v2.isms", NULL };
  const char *convert[] = { "--output=out:v3.isms", "plan:v2.isms", NULL };
  const char *export[] = { "--export=soa", "--output=soa:v3.csv", "plan:v2.isms", NULL };

  ck_assert (g_file_set_contents (input, g_bytes_get_data (original, NULL), g_bytes_get_size (original), NULL));
  {
    g_autofree char *out = NULL, *err = NULL;
    ck_assert_int_eq (custos_test_run_cli_in (dir, check, &out, &err), 0);
    ck_assert_msg (g_str_has_prefix (out, expected), "stdout: %s\nstderr: %s", out, err);
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    ck_assert_msg (custos_test_run_cli_in (dir, convert, &out, &err) == 0, "stderr: %s", err);
    copy = custos_test_read_file (output);
    ck_assert (g_bytes_equal (copy, original));
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    ck_assert_msg (custos_test_run_cli_in (dir, export, &out, &err) == 0, "stderr: %s", err);
    ck_assert (g_file_test (csv, G_FILE_TEST_IS_REGULAR));
  }
  custos_test_rmdir (dir);
}
END_TEST

static const char foreign_lock[] = "Jane Doe,jdoe,ws-12,01.02.2027 10:15,file:///home/jdoe/.config/libreoffice/4;";

/* --output does not write over a file someone has open, unless --force;
 * their lock stays theirs either way. */
START_TEST (test_output_honours_lock)
{
  g_autofree char *example = custos_test_example_path ();
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "shared.isms", NULL);
  g_autofree char *lock = g_build_filename (dir, ".~lock.shared.isms#", NULL);
  g_autofree char *option = g_strdup_printf ("--output=%s", path);
  g_autoptr(GBytes) original = custos_test_read_file (example);
  g_autoptr(GBytes) lock_bytes = NULL;
  g_autoptr(GBytes) written = NULL;
  const char *plain[] = { option, example, NULL };
  const char *forced[] = { option, "--force", example, NULL };

  ck_assert (g_file_set_contents (path, "theirs", -1, NULL));
  ck_assert (g_file_set_contents (lock, foreign_lock, -1, NULL));
  {
    g_autofree char *out = NULL, *err = NULL;
    ck_assert_int_eq (custos_test_run_cli (plain, &out, &err), 1);
    ck_assert_msg (strstr (err, "Jane Doe (jdoe on ws-12) has it open since 01.02.2027 10:15") != NULL &&
                   strstr (err, "--force") != NULL, "stderr: %s", err);
    written = custos_test_read_file (path);
    ck_assert_str_eq (g_bytes_get_data (written, NULL), "theirs");
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    ck_assert_msg (custos_test_run_cli (forced, &out, &err) == 0, "stderr: %s", err);
    g_clear_pointer (&written, g_bytes_unref);
    written = custos_test_read_file (path);
    ck_assert (g_bytes_equal (written, original));
    lock_bytes = custos_test_read_file (lock);
    ck_assert_str_eq (g_bytes_get_data (lock_bytes, NULL), foreign_lock);
  }
  /* Unlocked: written, and no lock file left behind. */
  {
    g_autofree char *out = NULL, *err = NULL;
    ck_assert (g_unlink (lock) == 0);
    ck_assert_msg (custos_test_run_cli (plain, &out, &err) == 0, "stderr: %s", err);
    ck_assert (!g_file_test (lock, G_FILE_TEST_EXISTS));
  }
  custos_test_rmdir (dir);
}
END_TEST

/* --check reads: it neither honours nor takes a lock. */
START_TEST (test_check_takes_no_lock)
{
  g_autofree char *example = custos_test_example_path ();
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "plan.isms", NULL);
  g_autofree char *lock = g_build_filename (dir, ".~lock.plan.isms#", NULL);
  g_autoptr(GBytes) original = custos_test_read_file (example);
  const char *args[] = { "--check", path, NULL };

  ck_assert (g_file_set_contents (path, g_bytes_get_data (original, NULL), g_bytes_get_size (original), NULL));
  ck_assert (g_file_set_contents (lock, foreign_lock, -1, NULL));
  {
    g_autofree char *out = NULL, *err = NULL;
    g_autoptr(GBytes) still = NULL;

    ck_assert_msg (custos_test_run_cli (args, &out, &err) == 0, "stderr: %s", err);
    still = custos_test_read_file (lock);
    ck_assert_str_eq (g_bytes_get_data (still, NULL), foreign_lock);
  }
  ck_assert (g_unlink (lock) == 0);
  {
    g_autofree char *out = NULL, *err = NULL;
    ck_assert_int_eq (custos_test_run_cli (args, &out, &err), 0);
    ck_assert (!g_file_test (lock, G_FILE_TEST_EXISTS));
  }
  custos_test_rmdir (dir);
}
END_TEST

START_TEST (test_help_mentions_force)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { "--help", NULL };
  const char *misuse[] = { "--force", "--check", "x.isms", NULL };

  ck_assert_int_eq (custos_test_run_cli (args, &out, &err), 0);
  ck_assert_msg (strstr (out, "--force") != NULL, "%s", out);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (custos_test_run_cli (misuse, &out, &err), 1);
  ck_assert_str_eq (err, "--force needs --output\n");
}
END_TEST

/* Output that a terminal shows as it is: no control character but the line
 * ends, no bidi formatting character. */
static void
assert_no_raw_controls (const char *output)
{
  ck_assert (g_utf8_validate (output, -1, NULL));
  for (const char *p = output; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      ck_assert_msg (c == '\n' || !custos_unichar_is_unsafe (c), "U+%04X in the output:\n%s", c, output);
    }
}

/* Ids with a TAB or a bidi override are refused, and --check quotes them
 * escaped, one problem per line; a finding quoting a title does the same. */
START_TEST (test_check_escapes_controls)
{
  static const struct { const char *file; const char *shown; guint lines; } bad[] = {
    { "bad/id-tab.isms", "“R\\t001” is not a valid id", 1 },
    { "bad/id-bidi.isms", "“R-001\\u202E” is not a valid id", 1 },
    { "bad/ref-bidi.isms", "asset “A\\u2067-002” does not exist", 2 },
  };
  g_autofree char *text_path = custos_test_data_path ("controls-in-text.isms");
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *finding = g_strdup_printf ("%s: warning: 6.1.2 c: Risk R-001 “Laptop\\tstolen \\u202Efrom a car” "
                                              "has no risk owner\n", text_path);
  const char *args[] = { "--check", text_path, NULL };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = custos_test_data_path (bad[i].file);
      g_autofree char *bad_out = NULL, *bad_err = NULL;
      const char *bad_args[] = { "--check", path, NULL };
      guint n_lines = 0;

      ck_assert_int_eq (custos_test_run_cli (bad_args, &bad_out, &bad_err), 1);
      ck_assert_msg (strstr (bad_err, bad[i].shown) != NULL, "%s: %s", bad[i].file, bad_err);
      assert_no_raw_controls (bad_err);
      for (const char *p = bad_err; (p = strchr (p, '\n')) != NULL; p++)
        n_lines++;
      ck_assert_uint_eq (n_lines, bad[i].lines);
    }

  ck_assert_int_eq (custos_test_run_cli (args, &out, &err), 0);
  assert_no_raw_controls (out);
  ck_assert_msg (strstr (out, finding) != NULL, "no line “%s” in:\n%s", finding, out);
}
END_TEST

/* An evidence item of doc for control 5.1 at location. */
static void
add_evidence (CustosDocument *doc,
              const char     *title,
              const char     *location)
{
  CustosEvidence *evidence = CUSTOS_EVIDENCE (custos_document_add_new (doc, CUSTOS_REGISTER_EVIDENCE));
  const char *controls[] = { "5.1", NULL };

  custos_evidence_set_title (evidence, title);
  custos_evidence_set_controls (evidence, controls);
  custos_evidence_set_location (evidence, location);
}

/* custos --verify-evidence: real files beside the .isms file (and one by
 * absolute path), recorded with --output, then changed and deleted. */
START_TEST (test_verify_evidence)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "plan.isms", NULL);
  g_autofree char *out_path = g_build_filename (dir, "out.isms", NULL);
  g_autofree char *sub = g_build_filename (dir, "evidence", NULL);
  g_autofree char *log = g_build_filename (sub, "backup test.txt", NULL);
  g_autofree char *policy = g_build_filename (dir, "policy.pdf", NULL);
  g_autofree char *output = g_strconcat ("--output=", out_path, NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *line = NULL;
  g_autoptr(CustosDocument) doc = custos_document_new (CUSTOS_EDITION_2022);
  g_autoptr(CustosDocument) recorded = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) out_file = g_file_new_for_path (out_path);
  g_autoptr(GError) error = NULL;
  const char *verify[] = { "--verify-evidence", path, NULL };
  const char *record[] = { "--verify-evidence", output, path, NULL };
  const char *verify_out[] = { "--verify-evidence", out_path, NULL };
  const char *check[] = { "--check", "--verify-evidence", "--strict", out_path, NULL };
  const char *plain_check[] = { "--check", "--strict", out_path, NULL };
  /* sha256sum of "restore of 2026-11-30 succeeded\n" */
  const char *log_sha = "93bfb7e7cfa0e69edd692b33c0646a56a2c840769f1ad2bb4114adb4dbf8a1df";

  ck_assert_int_eq (g_mkdir (sub, 0700), 0);
  ck_assert (g_file_set_contents (log, "restore of 2026-11-30 succeeded\n", -1, NULL));
  ck_assert (g_file_set_contents (policy, "%PDF-1.4 policy\n", -1, NULL));
  add_evidence (doc, "Backup restore test", "evidence/backup test.txt");
  add_evidence (doc, "Signed policy", policy);
  add_evidence (doc, "Policy on the intranet", "SharePoint > ISMS > 5.6");
  add_evidence (doc, "Auditor's website", "https://example.org/report.pdf");
  ck_assert (custos_file_save (doc, file, NULL, &error));

  /* Nothing recorded yet: every file is there, no checksum to compare. */
  g_setenv ("CUSTOS_TODAY", "2026-12-01", TRUE);
  ck_assert_int_eq (custos_test_run_cli (verify, &out, &err), 0);
  line = g_strdup_printf ("%s: EV-001: no checksum: evidence/backup test.txt\n", path);
  ck_assert_msg (strstr (out, line) != NULL, "“%s” not in:\n%s", line, out);
  g_clear_pointer (&line, g_free);
  line = g_strdup_printf ("%s: EV-003: not a local file: SharePoint > ISMS > 5.6\n"
                          "%s: EV-004: not a local file: https://example.org/report.pdf\n"
                          "%s: evidence files: 0 ok, 0 changed, 0 missing, 2 without checksum; 2 not local files\n",
                          path, path, path);
  ck_assert_msg (g_str_has_suffix (out, line), "“%s” does not end:\n%s", line, out);
  g_clear_pointer (&line, g_free);

  /* --output records the checksums, verified today; the input is left alone. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (custos_test_run_cli (record, &out, &err), 0);
  recorded = custos_file_load (out_file, NULL, &error);
  g_assert_no_error (error);
  {
    CustosEvidence *first = CUSTOS_EVIDENCE (custos_document_lookup (recorded, CUSTOS_REGISTER_EVIDENCE, "EV-001"));
    CustosEvidence *url = CUSTOS_EVIDENCE (custos_document_lookup (recorded, CUSTOS_REGISTER_EVIDENCE, "EV-004"));
    g_autoptr(CustosDocument) input = custos_file_load (file, NULL, NULL);

    ck_assert_str_eq (custos_evidence_get_sha256 (first), log_sha);
    ck_assert_str_eq (custos_evidence_get_verified (first), "2026-12-01");
    ck_assert_ptr_null (custos_evidence_get_sha256 (url));
    ck_assert_ptr_null (custos_evidence_get_verified (url));
    ck_assert_ptr_null (custos_evidence_get_sha256 (CUSTOS_EVIDENCE (
      custos_document_lookup (input, CUSTOS_REGISTER_EVIDENCE, "EV-001"))));
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (custos_test_run_cli (verify_out, &out, &err), 0);
  ck_assert_ptr_nonnull (strstr (out, ": evidence files: 2 ok, 0 changed, 0 missing, 0 without checksum; 2 not local files\n"));

  /* A changed file fails, and so does a deleted one. */
  ck_assert (g_file_set_contents (log, "restore of 2026-11-30 FAILED\n", -1, NULL));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (custos_test_run_cli (verify_out, &out, &err), 1);
  line = g_strdup_printf ("%s: EV-001: changed: evidence/backup test.txt\n%s: EV-002: ok: %s\n", out_path, out_path, policy);
  ck_assert_msg (strstr (out, line) != NULL, "“%s” not in:\n%s", line, out);
  g_clear_pointer (&line, g_free);
  ck_assert_int_eq (g_unlink (policy), 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (custos_test_run_cli (verify_out, &out, &err), 1);
  line = g_strdup_printf ("%s: EV-002: missing: %s\n", out_path, policy);
  ck_assert_msg (strstr (out, line) != NULL, "“%s” not in:\n%s", line, out);
  g_clear_pointer (&line, g_free);

  /* --check hashes only when asked: then the missing file is an error
   * (--strict fails) and the changed one a warning. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  custos_test_run_cli (plain_check, &out, &err);
  ck_assert_ptr_nonnull (strstr (out, ": readiness: "));
  ck_assert_ptr_null (strstr (out, "7.5.3: Evidence EV-00"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (custos_test_run_cli (check, &out, &err), 1);
  line = g_strdup_printf ("%s: error: 7.5.3: Evidence EV-002 “Signed policy”: its file %s is missing\n", out_path, policy);
  ck_assert_msg (strstr (out, line) != NULL, "“%s” not in:\n%s", line, out);
  g_clear_pointer (&line, g_free);
  line = g_strdup_printf ("%s: warning: 7.5.3: Evidence EV-001 “Backup restore test”: its file evidence/backup test.txt "
                          "has changed since it was verified on 2026-12-01\n", out_path);
  ck_assert_msg (strstr (out, line) != NULL, "“%s” not in:\n%s", line, out);

  /* Recording again keeps the changed file's old checksum: the change
   * must not disappear by itself. */
  {
    const char *again[] = { "--verify-evidence", output, out_path, NULL };
    g_autoptr(CustosDocument) reloaded = NULL;

    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    ck_assert_int_eq (custos_test_run_cli (again, &out, &err), 1);
    reloaded = custos_file_load (out_file, NULL, &error);
    g_assert_no_error (error);
    ck_assert_str_eq (custos_evidence_get_sha256 (CUSTOS_EVIDENCE (
      custos_document_lookup (reloaded, CUSTOS_REGISTER_EVIDENCE, "EV-001"))), log_sha);
  }
  g_unsetenv ("CUSTOS_TODAY");
  custos_test_rmdir (dir);
}
END_TEST

static Suite *
cli_suite (void)
{
  Suite *s = suite_create ("cli");
  TCase *tc = tcase_create ("commands");

  tcase_add_test (tc, test_version);
  tcase_add_test (tc, test_check_example);
  tcase_add_test (tc, test_check_bad_file);
  tcase_add_test (tc, test_check_missing_file);
  tcase_add_test (tc, test_output_round_trip);
  tcase_add_test (tc, test_output_migrates);
  tcase_add_test (tc, test_usage_errors);
  tcase_add_test (tc, test_check_refuses_pipe);
  tcase_add_test (tc, test_names_with_colon);
  tcase_add_test (tc, test_output_honours_lock);
  tcase_add_test (tc, test_check_takes_no_lock);
  tcase_add_test (tc, test_help_mentions_force);
  tcase_add_test (tc, test_check_escapes_controls);
  tcase_add_test (tc, test_verify_evidence);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  /* The command line must work with no display at all. */
  g_unsetenv ("DISPLAY");
  g_unsetenv ("WAYLAND_DISPLAY");
  return custos_test_run_suite (cli_suite ());
}
