/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "custos-test-util.h"

#include "custos-date.h"

#include <glib/gstdio.h>
#include <sys/wait.h>

static const char *
env_or_fail (const char *name)
{
  const char *value = g_getenv (name);

  if (value == NULL)
    g_error ("%s is not set; run the tests with meson test", name);
  return value;
}

char *
custos_test_data_path (const char *name)
{
  return g_build_filename (env_or_fail ("CUSTOS_TEST_DATA"), name, NULL);
}

char *
custos_test_example_path (void)
{
  return g_build_filename (env_or_fail ("CUSTOS_SOURCE_ROOT"), "data", "examples",
                           "northwind-accountants.isms", NULL);
}

char *
custos_test_mkdtemp (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("custos-test-XXXXXX", &error);

  g_assert_no_error (error);
  return path;
}

void
custos_test_rmdir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        custos_test_rmdir (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

GBytes *
custos_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    ck_abort_msg ("cannot read %s: %s", path, error->message);
  return g_bytes_new_take (contents, length);
}

int
custos_test_run_cli (const char * const  *args,
                     char               **out,
                     char               **err)
{
  return custos_test_run_cli_in (NULL, args, out, err);
}

int
custos_test_run_cli_in (const char          *cwd,
                        const char * const  *args,
                        char               **out,
                        char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) env_or_fail ("CUSTOS_BINARY"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (cwd, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     out, err, &status, &error))
    ck_abort_msg ("cannot run custos: %s", error->message);
  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  ck_abort_msg ("custos did not exit normally (status %d)", status);
  return -1;
}

/* Every warning and critical stays fatal (G_DEBUG), but one: GTK 4.8 warns
 * "Trying to snapshot … without a current allocation" when a widget queues a
 * resize after the frame's layout and before its paint, and skips drawing it
 * for that frame. Pages built on first show make that timing-dependent (it
 * shows under ASan's slowness); it loses no data and draws in the next frame. */
static GLogWriterOutput
write_log (GLogLevelFlags   level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0 &&
        g_str_has_prefix (fields[i].value, "Trying to snapshot ") &&
        g_str_has_suffix (fields[i].value, " without a current allocation"))
      return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, user_data);
}

int
custos_test_run_suite (Suite *suite)
{
  SRunner *runner = srunner_create (suite);
  int failed;

  g_log_set_writer_func (write_log, NULL, NULL);

  srunner_run_all (runner, CK_NORMAL);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? 0 : 1;
}

static guint
field_index (CustosRecord *record,
             const char   *field)
{
  guint index = 0;

  ck_assert_msg (custos_kind_find_field (custos_record_get_kind (record), field, &index) != NULL,
                 "a %s has no field “%s”", custos_record_get_kind (record)->name, field);
  return index;
}

const char *
custos_test_get_string (CustosRecord *record,
                        const char   *field)
{
  return custos_record_get_string_at (record, field_index (record, field));
}

void
custos_test_set_string (CustosRecord *record,
                        const char   *field,
                        const char   *value)
{
  custos_record_set_string_at (record, field_index (record, field), value);
}

void
custos_test_spin (void)
{
  gint64 start = g_get_monotonic_time ();

  while (g_get_monotonic_time () < start + 50 * 1000 ||
         (g_main_context_pending (NULL) && g_get_monotonic_time () < start + 10 * G_USEC_PER_SEC))
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

void
custos_test_spin_for (gint64 usec)
{
  gint64 end = g_get_monotonic_time () + usec;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

GDate
custos_test_date (const char *iso)
{
  GDate date;

  ck_assert_msg (custos_date_parse (iso, &date), "bad date %s", iso);
  return date;
}
