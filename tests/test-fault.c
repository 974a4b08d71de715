/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-fault.c — kill -9 in the middle of saves (suite "fault")
 *
 * A child process saves a document of about 25 MB over a file and is
 * killed with SIGKILL at a random moment of the save: while it serialises,
 * writes, flushes, reads back, parses, links the backup or renames. After
 * every kill the file must be the old version or the new one, byte for
 * byte (both load), and the backup one of them too; temporary files may be
 * left, but the next save that completes removes them all.
 *
 * CUSTOS_FAULT_KILLS sets the number of kills (default 200; CI uses fewer
 * under AddressSanitizer), CUSTOS_FAULT_SEED the random seed (default 1).
 * The outcome is printed at the end (meson test fault -v).
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "custos-file.h"
#include "custos-test-util.h"
#include "custos-xml-writer.h"

/* A clean save after this many kills (and at the end) checks the cleanup. */
#define CLEAN_EVERY 10

/* About 25 MB: 2,500 issues with 10 KB of text each. */
static CustosDocument *
big_version (const char *name)
{
  CustosDocument *document = custos_document_new (CUSTOS_EDITION_2022);
  GString *text = g_string_new (NULL);

  custos_organisation_set_name (custos_document_get_organisation (document), name);
  for (guint i = 0; i < 2500; i++)
    {
      CustosRecord *issue = custos_document_add_new (document, CUSTOS_REGISTER_ISSUES);

      g_string_truncate (text, 0);
      while (text->len < 10 * 1024)
        g_string_append_printf (text, "Issue %u of %s changes how the ISMS treats its suppliers (%" G_GSIZE_FORMAT "). ",
                                i, name, text->len);
      custos_issue_set_title (CUSTOS_ISSUE (issue), "Supplier change");
      custos_issue_set_description (CUSTOS_ISSUE (issue), text->str);
    }
  g_string_free (text, TRUE);
  return document;
}

typedef struct
{
  guint kills;          /* the child was killed during its save */
  guint completed;      /* the save ended before the kill came */
  guint file_old;       /* after a kill, the file held the old version */
  guint file_new;       /* … the new one */
  guint with_strays;    /* kills that left temporary files */
  guint strays;         /* temporary files left, in all */
  goffset stray_bytes;  /* the largest */
  guint clean_saves;    /* saves after which the folder was checked */
} Outcome;

/* Which of the two versions bytes is: 0, 1, or -1 for neither. */
static int
which_version (GBytes *bytes,
               GBytes *versions[2])
{
  for (int v = 0; v < 2; v++)
    if (g_bytes_equal (bytes, versions[v]))
      return v;
  return -1;
}

static int
read_version (const char *path,
              GBytes     *versions[2])
{
  g_autoptr(GBytes) bytes = custos_test_read_file (path);
  int v = which_version (bytes, versions);

  ck_assert_msg (v >= 0, "%s is neither version (%" G_GSIZE_FORMAT " bytes)", path, g_bytes_get_size (bytes));
  return v;
}

static void
count_strays (const char *dir,
              Outcome    *outcome)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint found = 0;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GStatBuf st;

      if (g_str_equal (name, "doc.isms") || g_str_equal (name, "doc.isms.bak"))
        continue;
      ck_assert_msg (g_str_has_prefix (name, ".doc.isms.custos-"), "%s is not a temporary file of ours", name);
      ck_assert (g_stat (path, &st) == 0);
      outcome->stray_bytes = MAX (outcome->stray_bytes, st.st_size);
      found++;
    }
  outcome->strays += found;
  outcome->with_strays += found > 0;
}

static void
assert_clean (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    ck_assert_msg (g_str_equal (name, "doc.isms") || g_str_equal (name, "doc.isms.bak"),
                   "%s is left after a save that completed", name);
}

/* Saves in a child process; returns its pid. */
static GPid
save_in_child (CustosDocument *document,
               GFile          *file)
{
  pid_t pid = fork ();

  ck_assert (pid >= 0);
  if (pid == 0)
    _exit (custos_file_save (document, file, NULL, NULL) ? 0 : 1);
  return pid;
}

START_TEST (test_kill_during_save)
{
  const char *kills_env = g_getenv ("CUSTOS_FAULT_KILLS");
  const char *seed_env = g_getenv ("CUSTOS_FAULT_SEED");
  guint target = kills_env != NULL ? (guint) atoi (kills_env) : 200;
  guint32 seed = seed_env != NULL ? (guint32) atoi (seed_env) : 1;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "doc.isms", NULL);
  g_autofree char *backup = g_build_filename (dir, "doc.isms.bak", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  CustosDocument *documents[2] = { big_version ("Alpha Ltd"), big_version ("Bravo Ltd") };
  GBytes *versions[2] = { custos_xml_write (documents[0]), custos_xml_write (documents[1]) };
  Outcome outcome = { 0 };
  gint64 longest = 0;
  guint last_clean = 0;
  int current;

  /* The file and its backup exist; then time two whole saves, so that the
   * kills fall anywhere in a save. */
  ck_assert (custos_file_save (documents[0], file, NULL, NULL));
  ck_assert (custos_file_save (documents[1], file, NULL, NULL));
  current = 1;
  for (int i = 0; i < 2; i++)
    {
      gint64 start = g_get_monotonic_time ();
      int status = 0;
      GPid pid = save_in_child (documents[current ^ 1], file);

      ck_assert (waitpid (pid, &status, 0) == pid && WIFEXITED (status) && WEXITSTATUS (status) == 0);
      longest = MAX (longest, g_get_monotonic_time () - start);
      current ^= 1;
    }
  ck_assert_int_eq (read_version (path, versions), current);

  while (outcome.kills < target)
    {
      int next = current ^ 1;
      int status = 0;
      GPid pid = save_in_child (documents[next], file);
      int now;

      g_usleep ((gulong) g_rand_double_range (rand, 0, (double) longest));
      kill (pid, SIGKILL);
      ck_assert (waitpid (pid, &status, 0) == pid);
      if (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL)
        outcome.kills++;
      else
        {
          ck_assert_msg (WIFEXITED (status) && WEXITSTATUS (status) == 0, "a save failed (status %d)", status);
          outcome.completed++;
        }

      /* Old or new, never anything else; the backup one of the two. */
      now = read_version (path, versions);
      read_version (backup, versions);
      if (WIFSIGNALED (status))
        {
          outcome.file_old += now == current;
          outcome.file_new += now == next;
          count_strays (dir, &outcome);
        }
      current = now;

      /* The next save that completes leaves nothing behind. */
      if (outcome.kills != last_clean && (outcome.kills % CLEAN_EVERY == 0 || outcome.kills == target))
        {
          last_clean = outcome.kills;
          ck_assert (custos_file_save (documents[current ^ 1], file, NULL, NULL));
          current ^= 1;
          ck_assert_int_eq (read_version (path, versions), current);
          assert_clean (dir);
          outcome.clean_saves++;
        }
    }

  /* Both load, not only byte-compare. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GFile) f = g_file_new_for_path (i == 0 ? path : backup);
      g_autoptr(GError) error = NULL;
      g_autoptr(CustosDocument) loaded = custos_file_load (f, NULL, &error);

      g_assert_no_error (error);
      ck_assert_ptr_nonnull (loaded);
    }

  g_print ("fault: %u kills of saves of a %.1f MB document (seed %u; a whole save took %.2f s at most): "
           "file old %u, new %u, neither 0; backup always a version that loads; "
           "%u kills left temporary files (%u in all, at most %.1f MB each), all removed by the next save "
           "(%u saves checked); %u saves completed before the kill\n",
           outcome.kills, g_bytes_get_size (versions[0]) / 1e6, seed, longest / 1e6, outcome.file_old,
           outcome.file_new, outcome.with_strays, outcome.strays, outcome.stray_bytes / 1e6, outcome.clean_saves,
           outcome.completed);

  for (guint i = 0; i < 2; i++)
    {
      g_object_unref (documents[i]);
      g_bytes_unref (versions[i]);
    }
  custos_test_rmdir (dir);
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("fault");
  TCase *tc = tcase_create ("kill");

  tcase_set_timeout (tc, 3600); /* meson's timeout (tests/meson.build) is the one that counts */
  tcase_add_test (tc, test_kill_during_save);
  suite_add_tcase (suite, tc);
  return custos_test_run_suite (suite);
}
