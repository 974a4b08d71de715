/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-collab.c — diff, three-way merge and git, with real repositories */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "custos-diff.h"
#include "custos-document.h"
#include "custos-file.h"
#include "custos-git.h"
#include "custos-history.h"
#include "custos-merge.h"
#include "custos-test-util.h"
#include "custos-xml-writer.h"

static CustosDocument *
load_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CustosDocument *document = custos_file_load (file, NULL, &error);

  ck_assert_msg (document != NULL, "%s does not load: %s", path, error ? error->message : "");
  return document;
}

static CustosDocument *
load_example (void)
{
  g_autofree char *path = custos_test_example_path ();

  return load_path (path);
}

static void
save_path (CustosDocument *document,
           const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  ck_assert_msg (custos_file_save (document, file, NULL, &error), "cannot save %s: %s", path,
                 error ? error->message : "");
}

static CustosRisk *
risk (CustosDocument *document,
      const char     *id)
{
  CustosRecord *record = custos_document_lookup (document, CUSTOS_REGISTER_RISKS, id);

  ck_assert_msg (record != NULL, "no risk %s", id);
  return CUSTOS_RISK (record);
}

static CustosMergeConflict *
conflict_at (CustosDocument *document,
             guint           i)
{
  GListModel *conflicts = custos_document_get_register (document, CUSTOS_REGISTER_MERGE_CONFLICTS);
  g_autoptr(CustosRecord) record = g_list_model_get_item (conflicts, i);

  return CUSTOS_MERGE_CONFLICT (record); /* the register keeps a reference */
}

/* A new risk, with an action that refers to it. */
static CustosRecord *
add_risk_with_action (CustosDocument *document,
                      const char     *title,
                      const char     *action_title)
{
  CustosRecord *new_risk = custos_document_add_new (document, CUSTOS_REGISTER_RISKS);
  CustosRecord *action = custos_document_add_new (document, CUSTOS_REGISTER_ACTIONS);

  custos_risk_set_title (CUSTOS_RISK (new_risk), title);
  custos_risk_set_likelihood (CUSTOS_RISK (new_risk), 2);
  custos_action_set_title (CUSTOS_ACTION (action), action_title);
  custos_action_set_risk (CUSTOS_ACTION (action), custos_record_get_id (new_risk));
  return new_risk;
}

/* Diff ----------------------------------------------------------------------- */

START_TEST (test_diff_lines)
{
  g_autoptr(CustosDocument) old_doc = load_example ();
  g_autoptr(CustosDocument) new_doc = load_example ();
  const char *controls[] = { "6.3", "8.1", "8.7", "8.8", "8.13", "8.16", NULL };
  g_autoptr(CustosDiff) diff = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  CustosRecord *removed = custos_document_lookup (new_doc, CUSTOS_REGISTER_INCIDENTS, "INC-001");
  CustosRecord *added;

  custos_risk_set_likelihood (risk (new_doc, "R-001"), 3);
  custos_risk_set_controls (risk (new_doc, "R-001"), controls);
  custos_policy_set_version (custos_document_get_policy (new_doc), "1.3");
  added = custos_document_add_new (new_doc, CUSTOS_REGISTER_ASSETS);
  custos_asset_set_name (CUSTOS_ASSET (added), "Backup appliance");
  ck_assert_ptr_nonnull (removed);
  expected = g_strdup_printf ("  Incident INC-001 '%s' removed\n", custos_record_get_title (removed));
  custos_document_remove (new_doc, CUSTOS_REGISTER_INCIDENTS, removed);

  diff = custos_diff_new (old_doc, new_doc);
  ck_assert_uint_eq (custos_diff_get_n_changes (diff), 4);
  text = custos_diff_format_text (diff);
  ck_assert_msg (strstr (text, "Information security policy: version '1.2' \u2192 '1.3'\n") != NULL, "%s", text);
  ck_assert_msg (strstr (text, "Risks\n  Risk R-001 'Ransomware encrypts laptops and synchronised Microsoft 365 data': "
                               "likelihood 4 \u2192 3; controls +A.8.16 \u2212A.5.30\n") != NULL, "%s", text);
  ck_assert_msg (strstr (text, "Assets\n  Asset A-023 'Backup appliance' added\n") != NULL, "%s", text);
  ck_assert_msg (strstr (text, expected) != NULL, "%s", text);
}
END_TEST

START_TEST (test_diff_cli)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *example = custos_test_example_path ();
  g_autofree char *changed = g_build_filename (dir, "changed.isms", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(CustosDocument) document = load_example ();

  custos_risk_set_consequence (risk (document, "R-003"), 1);
  save_path (document, changed);
  {
    const char *args[] = { "--diff", example, example, NULL };
    ck_assert_int_eq (custos_test_run_cli (args, &out, &err), 0);
    ck_assert_str_eq (out, "");
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *args[] = { "--diff", example, changed, NULL };
    ck_assert_int_eq (custos_test_run_cli (args, &out, &err), 1);
    ck_assert_msg (strstr (out, "Risk R-003 ") != NULL && strstr (out, ": consequence 4 \u2192 1\n") != NULL, "%s", out);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *args[] = { "--diff", "--diff-format=csv", example, changed, NULL };
    ck_assert_int_eq (custos_test_run_cli (args, &out, &err), 1);
    ck_assert_msg (g_str_has_prefix (out, "register,id,title,change,field,old,new\r\nrisks,R-003,"), "%s", out);
    ck_assert_msg (g_str_has_suffix (out, ",changed,consequence,4,1\r\n"), "%s", out);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *args[] = { "--diff", example, "/nonexistent/plan.isms", NULL };
    ck_assert_int_eq (custos_test_run_cli (args, &out, &err), 2);
  }
  custos_test_rmdir (dir);
}
END_TEST

/* A format-1 file (before merge conflicts existed) still loads, and is
 * written back in the current format. */
START_TEST (test_format_1_loads)
{
  g_autofree char *path = custos_test_data_path ("bad/valid.isms");
  g_autoptr(GBytes) original = custos_test_read_file (path);
  g_autoptr(CustosDocument) document = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autofree char *format = g_strdup_printf ("format=\"%d\"", CUSTOS_XML_FORMAT);

  ck_assert_ptr_nonnull (strstr (g_bytes_get_data (original, NULL), "format=\"1\""));
  document = load_path (path);
  written = custos_xml_write (document);
  ck_assert_ptr_nonnull (strstr (g_bytes_get_data (written, NULL), format));
  ck_assert_ptr_nonnull (strstr (g_bytes_get_data (written, NULL), "<merge-conflicts/>"));
}
END_TEST

/* Merge ------------------------------------------------------------------------ */

START_TEST (test_merge_clean)
{
  g_autoptr(CustosDocument) base = load_example ();
  g_autoptr(CustosDocument) ours = load_example ();
  g_autoptr(CustosDocument) theirs = load_example ();
  const char *assets[] = { "A-001", "A-003", NULL };
  const char * const *merged;

  custos_risk_set_likelihood (risk (ours, "R-001"), 3);
  custos_risk_set_consequence (risk (theirs, "R-001"), 2);
  custos_risk_set_title (risk (theirs, "R-002"), "Payment diversion");
  custos_risk_set_assets (risk (theirs, "R-004"), assets);
  /* Both add a control to one risk: the sets merge. */
  {
    g_auto(GStrv) o = g_strdupv ((char **) custos_risk_get_controls (risk (ours, "R-003")));
    g_auto(GStrv) t = g_strdupv ((char **) custos_risk_get_controls (risk (theirs, "R-003")));
    GStrvBuilder *ob = g_strv_builder_new (), *tb = g_strv_builder_new ();
    g_auto(GStrv) o2 = NULL, t2 = NULL;

    g_strv_builder_addv (ob, (const char **) o);
    g_strv_builder_add (ob, "5.1");
    g_strv_builder_addv (tb, (const char **) t);
    g_strv_builder_add (tb, "5.2");
    o2 = g_strv_builder_end (ob);
    t2 = g_strv_builder_end (tb);
    g_strv_builder_unref (ob);
    g_strv_builder_unref (tb);
    custos_risk_set_controls (risk (ours, "R-003"), (const char * const *) o2);
    custos_risk_set_controls (risk (theirs, "R-003"), (const char * const *) t2);
  }

  ck_assert_int_eq (custos_merge (base, ours, theirs, NULL), 0);
  ck_assert_int_eq (custos_risk_get_likelihood (risk (ours, "R-001")), 3);
  ck_assert_int_eq (custos_risk_get_consequence (risk (ours, "R-001")), 2);
  ck_assert_str_eq (custos_risk_get_title (risk (ours, "R-002")), "Payment diversion");
  ck_assert (g_strv_equal (custos_risk_get_assets (risk (ours, "R-004")), assets));
  merged = custos_risk_get_controls (risk (ours, "R-003"));
  ck_assert (g_strv_contains (merged, "5.1") && g_strv_contains (merged, "5.2"));
  ck_assert_uint_eq (custos_document_count (ours, CUSTOS_REGISTER_MERGE_CONFLICTS), 0);
}
END_TEST

START_TEST (test_merge_conflict_resolve_undo)
{
  g_autoptr(CustosDocument) base = load_example ();
  g_autoptr(CustosDocument) ours = load_example ();
  g_autoptr(CustosDocument) theirs = load_example ();
  g_autoptr(CustosHistory) history = NULL;
  g_autofree char *message = NULL;
  CustosMergeConflict *conflict;

  custos_risk_set_likelihood (risk (ours, "R-001"), 3);
  custos_risk_set_likelihood (risk (theirs, "R-001"), 2);
  ck_assert_int_eq (custos_merge (base, ours, theirs, NULL), 1);
  ck_assert_int_eq (custos_risk_get_likelihood (risk (ours, "R-001")), 3); /* ours kept */
  conflict = conflict_at (ours, 0);
  ck_assert_str_eq (custos_record_get_id (CUSTOS_RECORD (conflict)), "MC-001");
  ck_assert_str_eq (custos_merge_conflict_get_kind (conflict), "risk");
  ck_assert_str_eq (custos_merge_conflict_get_record (conflict), "R-001");
  ck_assert_str_eq (custos_merge_conflict_get_field (conflict), "likelihood");
  ck_assert_str_eq (custos_merge_conflict_get_base (conflict), "4");
  ck_assert_str_eq (custos_merge_conflict_get_ours (conflict), "3");
  ck_assert_str_eq (custos_merge_conflict_get_theirs (conflict), "2");

  /* A bad value is refused and changes nothing. */
  history = custos_history_new (ours);
  ck_assert (!custos_merge_resolve (ours, conflict, "seven", &message));
  ck_assert_ptr_nonnull (message);
  ck_assert_uint_eq (custos_document_count (ours, CUSTOS_REGISTER_MERGE_CONFLICTS), 1);

  ck_assert (custos_merge_resolve (ours, conflict, custos_merge_conflict_get_theirs (conflict), NULL));
  ck_assert_int_eq (custos_risk_get_likelihood (risk (ours, "R-001")), 2);
  ck_assert_uint_eq (custos_document_count (ours, CUSTOS_REGISTER_MERGE_CONFLICTS), 0);
  /* One undo step brings back both the value and the conflict. */
  ck_assert (custos_history_undo (history));
  ck_assert_int_eq (custos_risk_get_likelihood (risk (ours, "R-001")), 3);
  ck_assert_uint_eq (custos_document_count (ours, CUSTOS_REGISTER_MERGE_CONFLICTS), 1);
  ck_assert (!custos_history_can_undo (history));
}
END_TEST

START_TEST (test_merge_same_new_id)
{
  g_autoptr(CustosDocument) base = load_example ();
  g_autoptr(CustosDocument) ours = load_example ();
  g_autoptr(CustosDocument) theirs = load_example ();
  g_autofree char *ours_id = NULL, *theirs_id = NULL, *action_id = NULL;
  CustosRecord *renamed, *action = NULL;
  GListModel *actions;

  ours_id = g_strdup (custos_record_get_id (add_risk_with_action (ours, "Flood in the basement", "Move the server")));
  theirs_id = g_strdup (custos_record_get_id (add_risk_with_action (theirs, "Supplier insolvency", "Second supplier")));
  ck_assert_str_eq (ours_id, theirs_id); /* the collision this is about */

  ck_assert_int_eq (custos_merge (base, ours, theirs, NULL), 0);
  ck_assert_str_eq (custos_risk_get_title (risk (ours, ours_id)), "Flood in the basement");
  renamed = custos_document_lookup (ours, CUSTOS_REGISTER_RISKS, "R-033");
  ck_assert_ptr_nonnull (renamed);
  ck_assert_str_eq (custos_record_get_title (renamed), "Supplier insolvency");

  /* Their action was renumbered too, and follows their risk. */
  actions = custos_document_get_register (ours, CUSTOS_REGISTER_ACTIONS);
  for (guint i = 0, n = g_list_model_get_n_items (actions); i < n; i++)
    {
      g_autoptr(CustosRecord) a = g_list_model_get_item (actions, i);

      if (g_strcmp0 (custos_record_get_title (a), "Second supplier") == 0)
        action = a;
      if (g_strcmp0 (custos_record_get_title (a), "Move the server") == 0)
        ck_assert_str_eq (custos_action_get_risk (CUSTOS_ACTION (a)), ours_id);
    }
  ck_assert_ptr_nonnull (action);
  ck_assert_str_eq (custos_action_get_risk (CUSTOS_ACTION (action)), "R-033");
  action_id = custos_document_next_id (ours, CUSTOS_REGISTER_ACTIONS);
  ck_assert_str_eq (custos_record_get_id (action), "ACT-035");
  ck_assert_str_eq (action_id, "ACT-036");
  {
    g_autofree char *dir = custos_test_mkdtemp ();
    g_autofree char *path = g_build_filename (dir, "merged.isms", NULL);
    g_autoptr(CustosDocument) reloaded = NULL;

    save_path (ours, path);
    reloaded = load_path (path);
    ck_assert_uint_eq (custos_document_count (reloaded, CUSTOS_REGISTER_RISKS),
                       custos_document_count (base, CUSTOS_REGISTER_RISKS) + 2);
    custos_test_rmdir (dir);
  }
}
END_TEST

/* custos --merge as git runs it: the result replaces OURS (no backup left
 * beside it); an empty ancestor is a file added on both sides; a side that
 * does not load leaves OURS as it was. The files are loaded side by side. */
START_TEST (test_merge_cli)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *example = custos_test_example_path ();
  g_autofree char *empty = g_build_filename (dir, "empty", NULL);
  g_autofree char *ours_path = g_build_filename (dir, "ours.isms", NULL);
  g_autofree char *theirs_path = g_build_filename (dir, "theirs.isms", NULL);
  g_autofree char *backup = g_strconcat (ours_path, ".bak", NULL);
  g_autoptr(CustosDocument) ours = load_example ();
  g_autoptr(CustosDocument) theirs = load_example ();
  g_autoptr(CustosDocument) merged = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *out = NULL, *err = NULL;

  custos_risk_set_consequence (risk (ours, "R-003"), 1);
  custos_risk_set_likelihood (risk (theirs, "R-004"), 1);
  save_path (ours, ours_path);
  save_path (theirs, theirs_path);
  ck_assert (g_file_set_contents (empty, "", 0, NULL));
  {
    const char *args[] = { "--merge", example, ours_path, theirs_path, NULL };
    ck_assert_int_eq (custos_test_run_cli (args, &out, &err), 0);
  }
  merged = load_path (ours_path);
  ck_assert_int_eq (custos_risk_get_consequence (risk (merged, "R-003")), 1);
  ck_assert_int_eq (custos_risk_get_likelihood (risk (merged, "R-004")), 1);
  ck_assert (!g_file_test (backup, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Added on both sides: records alike are one, and theirs of the same id
   * that differ (R-003 and R-004, as merged above) are renumbered. */
  {
    const char *args[] = { "--merge", empty, ours_path, example, NULL };
    ck_assert_int_eq (custos_test_run_cli (args, &out, &err), 0);
  }
  g_clear_object (&merged);
  merged = load_path (ours_path);
  ck_assert_uint_eq (custos_document_count (merged, CUSTOS_REGISTER_RISKS),
                     custos_document_count (theirs, CUSTOS_REGISTER_RISKS) + 2);
  ck_assert_int_eq (custos_risk_get_consequence (risk (merged, "R-003")), 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  before = custos_test_read_file (ours_path);
  {
    const char *args[] = { "--merge", example, ours_path, "/nonexistent/theirs.isms", NULL };
    ck_assert_int_eq (custos_test_run_cli (args, &out, &err), 2);
  }
  after = custos_test_read_file (ours_path);
  ck_assert (g_bytes_equal (before, after));
  custos_test_rmdir (dir);
}
END_TEST

START_TEST (test_merge_deleted_and_changed)
{
  g_autoptr(CustosDocument) base = load_example ();
  g_autoptr(CustosDocument) ours = load_example ();
  g_autoptr(CustosDocument) theirs = load_example ();
  CustosMergeConflict *conflict;

  /* We delete an incident they changed; they delete an asset we left alone. */
  custos_document_remove (ours, CUSTOS_REGISTER_INCIDENTS,
                          custos_document_lookup (ours, CUSTOS_REGISTER_INCIDENTS, "INC-002"));
  custos_incident_set_lessons (CUSTOS_INCIDENT (custos_document_lookup (theirs, CUSTOS_REGISTER_INCIDENTS, "INC-002")),
                               "Check the backups weekly");
  custos_document_remove (theirs, CUSTOS_REGISTER_ASSETS,
                          custos_document_lookup (theirs, CUSTOS_REGISTER_ASSETS, "A-022"));

  ck_assert_int_eq (custos_merge (base, ours, theirs, NULL), 1);
  ck_assert_ptr_null (custos_document_lookup (ours, CUSTOS_REGISTER_ASSETS, "A-022"));
  ck_assert_str_eq (custos_incident_get_lessons (CUSTOS_INCIDENT (
                      custos_document_lookup (ours, CUSTOS_REGISTER_INCIDENTS, "INC-002"))),
                    "Check the backups weekly");
  conflict = conflict_at (ours, 0);
  ck_assert_str_eq (custos_merge_conflict_get_field (conflict), CUSTOS_MERGE_WHOLE_RECORD);
  ck_assert_str_eq (custos_merge_conflict_get_ours (conflict), CUSTOS_MERGE_DELETED);
  ck_assert_str_eq (custos_merge_conflict_get_theirs (conflict), CUSTOS_MERGE_CHANGED);
  /* Keeping our decision deletes the record again. */
  ck_assert (custos_merge_resolve (ours, conflict, CUSTOS_MERGE_DELETED, NULL));
  ck_assert_ptr_null (custos_document_lookup (ours, CUSTOS_REGISTER_INCIDENTS, "INC-002"));
}
END_TEST

/* Git ---------------------------------------------------------------------------- */

/* Runs git in dir; returns its exit status, stdout in out (may be NULL). */
static int
git (const char  *dir,
     char       **out,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *stdout_text = NULL;
  const char *arg;
  va_list args;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) "git");
  g_ptr_array_add (argv, (gpointer) "-C");
  g_ptr_array_add (argv, (gpointer) dir);
  va_start (args, out);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  ck_assert_msg (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &stdout_text,
                               &err, &status, &error),
                 "cannot run git: %s", error ? error->message : "");
  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  return g_spawn_check_wait_status (status, NULL) ? 0 : WEXITSTATUS (status);
}

/* A private git identity and configuration for the test. */
static void
git_environment (const char *home)
{
  g_setenv ("HOME", home, TRUE);
  g_setenv ("GIT_CONFIG_NOSYSTEM", "1", TRUE);
  g_setenv ("GIT_AUTHOR_NAME", "Test", TRUE);
  g_setenv ("GIT_AUTHOR_EMAIL", "test@example.org", TRUE);
  g_setenv ("GIT_COMMITTER_NAME", "Test", TRUE);
  g_setenv ("GIT_COMMITTER_EMAIL", "test@example.org", TRUE);
  g_unsetenv ("GIT_DIR");
  g_unsetenv ("GIT_WORK_TREE");
}

/* A bare origin holding the example as plan.isms, and two clones set up
 * with custos --git-setup. */
static void
two_clones (const char *dir,
            char      **a,
            char      **b)
{
  g_autofree char *seed = g_build_filename (dir, "seed", NULL);
  g_autofree char *origin = g_build_filename (dir, "origin.git", NULL);
  g_autofree char *plan = g_build_filename (seed, "plan.isms", NULL);
  g_autoptr(CustosDocument) example = load_example ();

  git_environment (dir);
  *a = g_build_filename (dir, "a", NULL);
  *b = g_build_filename (dir, "b", NULL);
  ck_assert_int_eq (g_mkdir (seed, 0700), 0);
  ck_assert_int_eq (git (seed, NULL, "init", "-q", "-b", "main", NULL), 0);
  save_path (example, plan);
  {
    const char *args[] = { "--git-setup", seed, NULL };
    g_autofree char *out = NULL, *err = NULL;
    ck_assert_msg (custos_test_run_cli (args, &out, &err) == 0, "%s", err);
  }
  ck_assert_int_eq (git (seed, NULL, "add", "plan.isms", ".gitattributes", NULL), 0);
  ck_assert_int_eq (git (seed, NULL, "commit", "-q", "-m", "Issue 1.2", NULL), 0);
  ck_assert_int_eq (git (dir, NULL, "clone", "-q", "--bare", seed, origin, NULL), 0);
  ck_assert_int_eq (git (dir, NULL, "clone", "-q", origin, *a, NULL), 0);
  ck_assert_int_eq (git (dir, NULL, "clone", "-q", origin, *b, NULL), 0);
  for (guint i = 0; i < 2; i++)
    {
      const char *args[] = { "--git-setup", i == 0 ? *a : *b, NULL };
      g_autofree char *out = NULL, *err = NULL;
      ck_assert_msg (custos_test_run_cli (args, &out, &err) == 0, "%s", err);
    }
}

static void
commit_plan (const char     *clone,
             CustosDocument *document,
             const char     *message)
{
  g_autofree char *plan = g_build_filename (clone, "plan.isms", NULL);

  save_path (document, plan);
  ck_assert_int_eq (git (clone, NULL, "commit", "-q", "-a", "-m", message, NULL), 0);
}

static CustosDocument *
load_plan (const char *clone)
{
  g_autofree char *plan = g_build_filename (clone, "plan.isms", NULL);

  return load_path (plan);
}

START_TEST (test_git_different_risks)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *a = NULL, *b = NULL;
  g_autoptr(CustosDocument) merged = NULL;

  two_clones (dir, &a, &b);
  {
    g_autoptr(CustosDocument) doc = load_plan (a);
    custos_risk_set_likelihood (risk (doc, "R-001"), 3);
    commit_plan (a, doc, "Ransomware less likely");
    ck_assert_int_eq (git (a, NULL, "push", "-q", NULL), 0);
  }
  {
    g_autoptr(CustosDocument) doc = load_plan (b);
    custos_risk_set_consequence (risk (doc, "R-002"), 3);
    commit_plan (b, doc, "Payment fraud less severe");
    ck_assert_int_eq (git (b, NULL, "pull", "-q", "--no-rebase", "--no-edit", NULL), 0);
  }
  merged = load_plan (b);
  ck_assert_int_eq (custos_risk_get_likelihood (risk (merged, "R-001")), 3);
  ck_assert_int_eq (custos_risk_get_consequence (risk (merged, "R-002")), 3);
  ck_assert_uint_eq (custos_document_count (merged, CUSTOS_REGISTER_MERGE_CONFLICTS), 0);

  /* git log -p reads as a list of fields, not as XML (textconv). */
  {
    g_autofree char *log = NULL;

    ck_assert_int_eq (git (b, &log, "log", "-p", "--", "plan.isms", NULL), 0);
    ck_assert_msg (strstr (log, "+    likelihood: 3\n") != NULL, "%s", log);
    /* The hunk header names the record. */
    ck_assert_msg (strstr (log, " @@   Risk R-001 'Ransomware encrypts laptops") != NULL, "%s", log);
    ck_assert_msg (strstr (log, "-    consequence: 4\n+    consequence: 3\n") != NULL, "%s", log);
    ck_assert_msg (strstr (log, "<likelihood>") == NULL, "%s", log);
  }
  custos_test_rmdir (dir);
}
END_TEST

/* The scenario of issue 14: two clones edit the example, different and
 * same fields, both add a risk; pull, merge. */
START_TEST (test_git_two_clones_conflict)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *a = NULL, *b = NULL;
  g_autofree char *plan = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(CustosDocument) merged = NULL;
  g_autofree char *new_id = NULL;
  CustosMergeConflict *conflict;
  CustosRecord *theirs_risk;

  two_clones (dir, &a, &b);
  {
    g_autoptr(CustosDocument) doc = load_plan (a);
    custos_risk_set_likelihood (risk (doc, "R-001"), 3);
    custos_risk_set_title (risk (doc, "R-002"), "Invoice fraud");
    add_risk_with_action (doc, "Supplier insolvency", "Second supplier");
    commit_plan (a, doc, "A's review");
    ck_assert_int_eq (git (a, NULL, "push", "-q", NULL), 0);
  }
  {
    g_autoptr(CustosDocument) doc = load_plan (b);
    custos_risk_set_likelihood (risk (doc, "R-001"), 2);
    custos_risk_set_consequence (risk (doc, "R-003"), 1);
    new_id = g_strdup (custos_record_get_id (add_risk_with_action (doc, "Flood in the basement", "Move the server")));
    commit_plan (b, doc, "B's review");
    /* The merge driver reports the conflict: git stops the pull. */
    ck_assert_int_ne (git (b, NULL, "pull", "-q", "--no-rebase", "--no-edit", NULL), 0);
  }

  plan = g_build_filename (b, "plan.isms", NULL);
  merged = load_plan (b); /* loads: no conflict markers */
  ck_assert_int_eq (custos_risk_get_likelihood (risk (merged, "R-001")), 2);
  ck_assert_str_eq (custos_risk_get_title (risk (merged, "R-002")), "Invoice fraud");
  ck_assert_int_eq (custos_risk_get_consequence (risk (merged, "R-003")), 1);
  ck_assert_str_eq (custos_risk_get_title (risk (merged, new_id)), "Flood in the basement");
  theirs_risk = custos_document_lookup (merged, CUSTOS_REGISTER_RISKS, "R-033");
  ck_assert_ptr_nonnull (theirs_risk);
  ck_assert_str_eq (custos_record_get_title (theirs_risk), "Supplier insolvency");

  ck_assert_uint_eq (custos_document_count (merged, CUSTOS_REGISTER_MERGE_CONFLICTS), 1);
  conflict = conflict_at (merged, 0);
  ck_assert_str_eq (custos_merge_conflict_get_record (conflict), "R-001");
  ck_assert_str_eq (custos_merge_conflict_get_field (conflict), "likelihood");
  ck_assert_str_eq (custos_merge_conflict_get_ours (conflict), "2");
  ck_assert_str_eq (custos_merge_conflict_get_theirs (conflict), "3");
  /* The driver's save leaves no backup of git's temporary file behind
   * (plan.isms.bak is the test's own save). */
  {
    g_autofree char *status = NULL;

    ck_assert_int_eq (git (b, &status, "status", "--porcelain", NULL), 0);
    ck_assert_msg (strstr (status, ".merge_file") == NULL, "%s", status);
  }

  {
    const char *args[] = { "--check", plan, NULL };
    ck_assert_int_eq (custos_test_run_cli (args, &out, &err), 1);
    ck_assert_msg (strstr (out, ": error: 7.5.3: Merge conflict MC-001: risk R-001, field likelihood") != NULL,
                   "%s", out);
  }

  /* Resolved and committed, the check passes again. */
  ck_assert (custos_merge_resolve (merged, conflict, "3", NULL));
  save_path (merged, plan);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *args[] = { "--check", plan, NULL };
    ck_assert_int_eq (custos_test_run_cli (args, &out, &err), 0);
  }
  ck_assert_int_eq (git (b, NULL, "commit", "-q", "-a", "-m", "Merged", NULL), 0);
  custos_test_rmdir (dir);
}
END_TEST

/* The window's pack finds the previous issue in git: the newest commit
 * whose latest revision has another version. */
START_TEST (test_git_previous_issue)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *a = NULL, *b = NULL;
  g_autofree char *plan = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CustosDocument) doc = NULL;
  g_autoptr(CustosDocument) previous = NULL;
  g_autoptr(GPtrArray) commits = NULL;
  CustosRecord *revision;

  two_clones (dir, &a, &b);
  plan = g_build_filename (a, "plan.isms", NULL);
  file = g_file_new_for_path (plan);
  doc = load_plan (a);
  custos_risk_set_likelihood (risk (doc, "R-001"), 3);
  revision = custos_document_add_new (doc, CUSTOS_REGISTER_REVISIONS);
  custos_revision_set_version (CUSTOS_REVISION (revision), "1.4");
  custos_revision_set_date (CUSTOS_REVISION (revision), "2027-01-10");
  commit_plan (a, doc, "Issue 1.4");
  custos_risk_set_consequence (risk (doc, "R-001"), 4);
  commit_plan (a, doc, "Issue 1.4, corrected");

  commits = custos_git_log (file, 10, NULL);
  ck_assert_ptr_nonnull (commits);
  ck_assert_uint_eq (commits->len, 3);
  ck_assert_str_eq (((CustosGitCommit *) commits->pdata[0])->subject, "Issue 1.4, corrected");

  previous = custos_git_previous_issue (file, "1.4", &name, NULL);
  ck_assert_ptr_nonnull (previous);
  ck_assert_msg (g_str_has_prefix (name, "version 1.3 (commit "), "%s", name);
  ck_assert_int_eq (custos_risk_get_likelihood (risk (previous, "R-001")), 4);

  /* Outside a repository there is none. */
  {
    g_autofree char *outside = g_build_filename (dir, "outside.isms", NULL);
    g_autoptr(GFile) outside_file = g_file_new_for_path (outside);

    save_path (doc, outside);
    ck_assert (!custos_git_locate (outside_file, NULL, NULL));
    ck_assert_ptr_null (custos_git_previous_issue (outside_file, "1.4", NULL, NULL));
  }
  custos_test_rmdir (dir);
}
END_TEST

/* Report ----------------------------------------------------------------------- */

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  ck_assert_msg (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error),
                 "pdftotext: %s", error ? error->message : "");
  ck_assert (g_spawn_check_wait_status (status, NULL));
  return out;
}

START_TEST (test_pack_since)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *example = custos_test_example_path ();
  g_autofree char *current = g_build_filename (dir, "current.isms", NULL);
  g_autofree char *pdf = g_build_filename (dir, "pack.pdf", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *text = NULL;
  g_autoptr(CustosDocument) document = load_example ();

  custos_risk_set_likelihood (risk (document, "R-001"), 3);
  save_path (document, current);
  {
    const char *args[] = { "--export=pack", "--since", example, "--output", pdf, current, NULL };
    ck_assert_msg (custos_test_run_cli (args, &out, &err) == 0, "%s", err);
  }
  text = pdf_text (pdf);
  ck_assert_msg (strstr (text, "Changes since the last issue") != NULL, "%s", text);
  ck_assert_msg (strstr (text, "northwind-accountants.isms") != NULL, "no previous issue named");
  ck_assert_msg (strstr (text, "Likelihood 4 \u2192 3") != NULL, "no change listed");

  /* Without a previous issue, the section says so. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&text, g_free);
  {
    const char *args[] = { "--export=pack", "--output", pdf, current, NULL };
    ck_assert_msg (custos_test_run_cli (args, &out, &err) == 0, "%s", err);
  }
  text = pdf_text (pdf);
  ck_assert_msg (strstr (text, "No previous issue is known") != NULL, "section missing");
  custos_test_rmdir (dir);
}
END_TEST

/* Without --since, the pack counts its changes from the last issued
 * version's frozen copy (custos --issue). */
START_TEST (test_pack_since_issue)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *current = g_build_filename (dir, "current.isms", NULL);
  g_autofree char *pdf = g_build_filename (dir, "pack.pdf", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *text = NULL;
  g_autoptr(CustosDocument) document = load_example ();

  save_path (document, current);
  {
    const char *args[] = { "--issue=9.0", "--approver=Margaret Hale", current, NULL };
    ck_assert_msg (custos_test_run_cli (args, &out, &err) == 0, "%s", err);
  }
  g_clear_object (&document);
  {
    g_autoptr(GFile) file = g_file_new_for_path (current);
    g_autoptr(GError) error = NULL;

    document = custos_file_load (file, NULL, &error);
    ck_assert_msg (document != NULL, "%s", error ? error->message : "");
  }
  custos_risk_set_likelihood (risk (document, "R-001"), 3);
  save_path (document, current);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *args[] = { "--export=pack", "--output", pdf, current, NULL };
    ck_assert_msg (custos_test_run_cli (args, &out, &err) == 0, "%s", err);
  }
  text = pdf_text (pdf);
  ck_assert_msg (strstr (text, "version 9.0 of") != NULL, "the issue is not named: %s", text);
  ck_assert_msg (strstr (text, "Likelihood 4 \u2192 3") != NULL, "no change listed");
  custos_test_rmdir (dir);
}
END_TEST

static Suite *
collab_suite (void)
{
  Suite *s = suite_create ("collab");
  TCase *tc = tcase_create ("diff");

  tcase_add_test (tc, test_diff_lines);
  tcase_add_test (tc, test_diff_cli);
  tcase_add_test (tc, test_format_1_loads);
  suite_add_tcase (s, tc);

  tc = tcase_create ("merge");
  tcase_add_test (tc, test_merge_clean);
  tcase_add_test (tc, test_merge_conflict_resolve_undo);
  tcase_add_test (tc, test_merge_same_new_id);
  tcase_add_test (tc, test_merge_deleted_and_changed);
  tcase_add_test (tc, test_merge_cli);
  suite_add_tcase (s, tc);

  tc = tcase_create ("git");
  tcase_set_timeout (tc, 300);
  tcase_add_test (tc, test_git_different_risks);
  tcase_add_test (tc, test_git_two_clones_conflict);
  tcase_add_test (tc, test_git_previous_issue);
  suite_add_tcase (s, tc);

  tc = tcase_create ("report");
  tcase_set_timeout (tc, 300);
  tcase_add_test (tc, test_pack_since);
  tcase_add_test (tc, test_pack_since_issue);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  return custos_test_run_suite (collab_suite ());
}
