/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-full-disk.c — saving on a disk that is full (a 2 MB tmpfs)
 *
 * Custos 0.1.0 truncated the document when the disk filled up during a
 * save, and the next save copied the truncated file over the good backup.
 * Here a real file system runs out of space: a tmpfs of 2 MB, mounted for
 * the test (which needs root, as CI has; without it the test is skipped,
 * exit status 77). Each document takes a little under half of it, so two
 * fit and three do not.
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "custos-file.h"
#include "custos-test-util.h"
#include "custos-xml-writer.h"

static char *mount_point;

/* About 900 KB: 220 of the 512 pages of the file system. */
static CustosDocument *
big_version (const char *name)
{
  CustosDocument *document = custos_document_new (CUSTOS_EDITION_2022);
  GString *text = g_string_new (NULL);

  while (text->len < 860 * 1024)
    g_string_append_printf (text, "%s keeps the scope of its ISMS under review (%" G_GSIZE_FORMAT "). ", name, text->len);
  custos_organisation_set_name (custos_document_get_organisation (document), name);
  custos_scope_set_statement (custos_document_get_scope (document), text->str);
  g_string_free (text, TRUE);
  return document;
}

static GBytes *
save_big (GFile      *file,
          const char *name)
{
  g_autoptr(CustosDocument) document = big_version (name);
  g_autoptr(GError) error = NULL;

  ck_assert_msg (custos_file_save (document, file, NULL, &error), "%s", error ? error->message : "");
  return custos_xml_write (document);
}

static void
empty_mount (void)
{
  g_autoptr(GDir) dir = g_dir_open (mount_point, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (mount_point, name, NULL);
      g_unlink (path);
    }
}

static void
assert_only (const char *a,
             const char *b)
{
  g_autoptr(GDir) dir = g_dir_open (mount_point, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      ck_assert_msg (g_str_equal (name, a) || g_str_equal (name, b), "%s was left on the disk", name);
      n++;
    }
  ck_assert_uint_eq (n, 2);
}

static void
assert_file (const char *name,
             GBytes     *expected)
{
  g_autofree char *path = g_build_filename (mount_point, name, NULL);
  g_autoptr(GBytes) bytes = custos_test_read_file (path);

  ck_assert_msg (g_bytes_equal (bytes, expected), "%s is not what it was (%" G_GSIZE_FORMAT " bytes, not %"
                 G_GSIZE_FORMAT ")", name, g_bytes_get_size (bytes), g_bytes_get_size (expected));
}

/* The backup is a hard link: keeping it costs no space, so a save that
 * needs room for only the new version succeeds. */
START_TEST (test_backup_needs_no_space)
{
  g_autofree char *path = g_build_filename (mount_point, "doc.isms", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;

  empty_mount ();
  a = save_big (file, "Alpha Ltd");
  b = save_big (file, "Bravo Ltd");
  assert_file ("doc.isms", b);
  assert_file ("doc.isms.bak", a);
  assert_only ("doc.isms", "doc.isms.bak");
}
END_TEST

/* No room for the new version: the save fails, says so, and leaves the
 * file and its backup byte-identical. */
START_TEST (test_full_disk_changes_nothing)
{
  g_autofree char *path = g_build_filename (mount_point, "doc.isms", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CustosDocument) c = big_version ("Charlie Ltd");
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  g_autoptr(GError) error = NULL;

  empty_mount ();
  a = save_big (file, "Alpha Ltd");
  b = save_big (file, "Bravo Ltd");
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      ck_assert (!custos_file_save (c, file, NULL, &error));
      ck_assert_msg (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE), "%s", error->message);
      ck_assert_msg (strstr (error->message, "the disk is full") != NULL &&
                     g_str_has_suffix (error->message, "Your file on disk was not changed."), "%s", error->message);
      g_clear_error (&error);
      ck_assert (custos_document_get_modified (c));
      assert_file ("doc.isms", b);
      assert_file ("doc.isms.bak", a);
      assert_only ("doc.isms", "doc.isms.bak");
    }
}
END_TEST

/* custos --output says the same on stderr and exits 1. */
START_TEST (test_cli_full_disk)
{
  g_autofree char *path = g_build_filename (mount_point, "doc.isms", NULL);
  g_autofree char *option = g_strdup_printf ("--output=%s", path);
  g_autofree char *source_dir = custos_test_mkdtemp ();
  g_autofree char *source = g_build_filename (source_dir, "charlie.isms", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) source_file = g_file_new_for_path (source);
  g_autoptr(GBytes) a = NULL;
  g_autoptr(GBytes) b = NULL;
  g_autoptr(GBytes) c = NULL;
  g_autofree char *out = NULL, *err = NULL;
  const char *args[] = { option, source, NULL };

  empty_mount ();
  a = save_big (file, "Alpha Ltd");
  b = save_big (file, "Bravo Ltd");
  c = save_big (source_file, "Charlie Ltd");
  ck_assert_int_eq (custos_test_run_cli (args, &out, &err), 1);
  ck_assert_msg (strstr (err, path) != NULL && strstr (err, "the disk is full") != NULL &&
                 strstr (err, "Your file on disk was not changed.") != NULL, "stderr: %s", err);
  assert_file ("doc.isms", b);
  assert_file ("doc.isms.bak", a);
  assert_only ("doc.isms", "doc.isms.bak"); /* nor the lock file */
  custos_test_rmdir (source_dir);
}
END_TEST

static gboolean
run (const char * const *argv)
{
  int status = 0;

  return g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                       G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL) &&
         g_spawn_check_wait_status (status, NULL);
}

int
main (void)
{
  Suite *suite = suite_create ("full-disk");
  TCase *tc = tcase_create ("tmpfs");
  int status;

  mount_point = custos_test_mkdtemp ();
  {
    const char *mount[] = { "mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", mount_point, NULL };

    if (geteuid () != 0 || !run (mount))
      {
        g_printerr ("Cannot mount a tmpfs on %s (this test needs root): skipped\n", mount_point);
        g_rmdir (mount_point);
        return 77;
      }
  }

  tcase_add_test (tc, test_backup_needs_no_space);
  tcase_add_test (tc, test_full_disk_changes_nothing);
  tcase_add_test (tc, test_cli_full_disk);
  suite_add_tcase (suite, tc);
  status = custos_test_run_suite (suite);

  {
    const char *umount[] = { "umount", mount_point, NULL };

    if (!run (umount))
      g_printerr ("Cannot unmount %s\n", mount_point);
  }
  g_rmdir (mount_point);
  g_free (mount_point);
  return status;
}
