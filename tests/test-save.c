/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-save.c — saving that cannot lose data, and lock files
 *
 * Every failure a save can meet (a short write, fsync, reading back, the
 * rename), injected through custos_file_set_fault, must leave the file and
 * its backup byte-identical and no temporary file behind. Saving follows
 * symbolic links, keeps modes and owners, never replaces a backup with a
 * file that does not load, notices a file changed by someone else, cleans
 * up after a killed save, refuses anything but regular files, and takes
 * local names with a colon for local files. Lock files follow LibreOffice's
 * convention and never outlive their holder.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "custos-file.h"
#include "custos-file-private.h"
#include "custos-lock.h"
#include "custos-test-util.h"
#include "custos-xml-writer.h"

/* Helpers ----------------------------------------------------------------- */

/* A small document that says which version it is. */
static CustosDocument *
version (const char *name)
{
  CustosDocument *document = custos_document_new (CUSTOS_EDITION_2022);

  custos_organisation_set_name (custos_document_get_organisation (document), name);
  return document;
}

static void
save_version (GFile      *file,
              const char *name)
{
  g_autoptr(CustosDocument) document = version (name);
  g_autoptr(GError) error = NULL;

  ck_assert_msg (custos_file_save (document, file, NULL, &error), "%s", error ? error->message : "");
}

static gboolean
holds_version (GBytes     *bytes,
               const char *name)
{
  g_autofree char *element = g_strdup_printf ("<name>%s</name>", name);

  return g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), element) != NULL;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* The names in dir, sorted, separated by spaces. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
assert_listing (const char *dir,
                const char *expected)
{
  g_autofree char *names = list_dir (dir);

  ck_assert_msg (g_str_equal (names, expected), "the folder holds “%s”, not “%s”", names, expected);
}

static mode_t
mode_of (const char *path)
{
  struct stat st;

  ck_assert_msg (lstat (path, &st) == 0, "cannot stat %s", path);
  return st.st_mode;
}

/* A file and its backup, as two earlier saves left them. */
typedef struct
{
  char  *dir;
  char  *path;
  char  *backup;
  GFile *file;
} Saved;

static void
saved_init (Saved *saved)
{
  saved->dir = custos_test_mkdtemp ();
  saved->path = g_build_filename (saved->dir, "plan.isms", NULL);
  saved->backup = g_strconcat (saved->path, ".bak", NULL);
  saved->file = g_file_new_for_path (saved->path);
  save_version (saved->file, "First Ltd");
  save_version (saved->file, "Second Ltd");
}

static void
saved_clear (Saved *saved)
{
  custos_file_set_fault (CUSTOS_FILE_FAULT_NONE);
  custos_test_rmdir (saved->dir);
  g_free (saved->dir);
  g_free (saved->path);
  g_free (saved->backup);
  g_object_unref (saved->file);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Saved, saved_clear)

/* Failures ---------------------------------------------------------------- */

static const struct
{
  CustosFileFault fault;
  int             code;
  const char     *reason;
} faults[] = {
  { CUSTOS_FILE_FAULT_WRITE, G_IO_ERROR_NO_SPACE, "the disk is full" },
  { CUSTOS_FILE_FAULT_FSYNC, G_IO_ERROR_FAILED, "the disk reported an error" },
  { CUSTOS_FILE_FAULT_VERIFY, G_IO_ERROR_INVALID_DATA, "could not be read back intact" },
  { CUSTOS_FILE_FAULT_RENAME, G_IO_ERROR_FAILED, "the disk reported an error" },
  { CUSTOS_FILE_FAULT_WRITE | CUSTOS_FILE_FAULT_GIO, G_IO_ERROR_NO_SPACE, "the disk is full" },
  { CUSTOS_FILE_FAULT_VERIFY | CUSTOS_FILE_FAULT_GIO, G_IO_ERROR_INVALID_DATA, "could not be read back intact" },
  { CUSTOS_FILE_FAULT_RENAME | CUSTOS_FILE_FAULT_GIO, G_IO_ERROR_FAILED, "Input/output error" },
  { CUSTOS_FILE_FAULT_RENAME | CUSTOS_FILE_FAULT_NO_LINK, G_IO_ERROR_FAILED, "the disk reported an error" },
};

/* A failed save changes nothing: file and backup byte-identical, no
 * temporary file, the document still modified, and the message says so. */
START_TEST (test_failure_changes_nothing)
{
  g_auto(Saved) saved = { 0 };
  g_autoptr(GBytes) file_before = NULL;
  g_autoptr(GBytes) backup_before = NULL;
  g_autoptr(GBytes) file_after = NULL;
  g_autoptr(GBytes) backup_after = NULL;
  g_autoptr(CustosDocument) third = version ("Third Ltd");
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;

  saved_init (&saved);
  file_before = custos_test_read_file (saved.path);
  backup_before = custos_test_read_file (saved.backup);
  etag = custos_file_query_etag (saved.file, NULL, NULL);

  custos_file_set_fault (faults[_i].fault);
  ck_assert (!custos_file_save_full (third, saved.file, etag, NULL, NULL, &error));
  custos_file_set_fault (CUSTOS_FILE_FAULT_NONE);
  ck_assert_msg (g_error_matches (error, G_IO_ERROR, faults[_i].code), "%s (code %d)", error->message, error->code);
  ck_assert_msg (strstr (error->message, faults[_i].reason) != NULL, "%s", error->message);
  ck_assert_msg (strstr (error->message, saved.path) != NULL, "%s", error->message);
  ck_assert_msg (g_str_has_suffix (error->message, "Your file on disk was not changed."), "%s", error->message);
  ck_assert (custos_document_get_modified (third));

  file_after = custos_test_read_file (saved.path);
  backup_after = custos_test_read_file (saved.backup);
  ck_assert_msg (g_bytes_equal (file_before, file_after), "the file changed");
  ck_assert_msg (g_bytes_equal (backup_before, backup_after), "the backup changed");
  assert_listing (saved.dir, "plan.isms plan.isms.bak");

  /* Once the fault is gone, the same save goes through. */
  g_clear_error (&error);
  ck_assert (custos_file_save_full (third, saved.file, etag, NULL, NULL, &error));
  g_bytes_unref (file_after);
  g_bytes_unref (backup_after);
  file_after = custos_test_read_file (saved.path);
  backup_after = custos_test_read_file (saved.backup);
  ck_assert (holds_version (file_after, "Third Ltd"));
  ck_assert (g_bytes_equal (backup_after, file_before));
  assert_listing (saved.dir, "plan.isms plan.isms.bak");
}
END_TEST

/* A new file that cannot be written leaves nothing behind. */
START_TEST (test_failed_new_file)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "new.isms", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CustosDocument) document = version ("New Ltd");
  g_autoptr(GError) error = NULL;

  custos_file_set_fault (CUSTOS_FILE_FAULT_FSYNC);
  ck_assert (!custos_file_save (document, file, NULL, &error));
  custos_file_set_fault (CUSTOS_FILE_FAULT_NONE);
  ck_assert_msg (g_str_has_suffix (error->message, "Nothing was written."), "%s", error->message);
  assert_listing (dir, "");
  custos_test_rmdir (dir);
}
END_TEST

/* A document whose bytes would not load (a reference to a record that is
 * not there) is refused before anything is replaced, by either way of
 * saving, though that check runs beside the writing (LoadCheck). */
START_TEST (test_unloadable_changes_nothing)
{
  g_auto(Saved) saved = { 0 };
  g_autoptr(GBytes) file_before = NULL;
  g_autoptr(GBytes) file_after = NULL;
  g_autoptr(CustosDocument) broken = version ("Broken Ltd");
  CustosRecord *risk = custos_document_add_new (broken, CUSTOS_REGISTER_RISKS);
  const char * const missing[] = { "A-999", NULL };
  g_autoptr(GError) error = NULL;

  saved_init (&saved);
  file_before = custos_test_read_file (saved.path);
  custos_risk_set_assets (CUSTOS_RISK (risk), missing);

  custos_file_set_fault (_i == 0 ? CUSTOS_FILE_FAULT_NONE : CUSTOS_FILE_FAULT_GIO);
  ck_assert (!custos_file_save (broken, saved.file, NULL, &error));
  custos_file_set_fault (CUSTOS_FILE_FAULT_NONE);
  ck_assert_msg (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA), "%s", error->message);
  ck_assert_msg (strstr (error->message, "the new version does not load") != NULL, "%s", error->message);
  file_after = custos_test_read_file (saved.path);
  ck_assert_msg (g_bytes_equal (file_before, file_after), "the file changed");
  assert_listing (saved.dir, "plan.isms plan.isms.bak");
}
END_TEST

/* Backups ----------------------------------------------------------------- */

/* Where there are no hard links (FAT, some shares), the backup is a copy. */
START_TEST (test_backup_without_hard_links)
{
  g_auto(Saved) saved = { 0 };
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) backup = NULL;
  struct stat file_st, backup_st;

  saved_init (&saved);
  before = custos_test_read_file (saved.path);
  custos_file_set_fault (_i == 0 ? CUSTOS_FILE_FAULT_NO_LINK : CUSTOS_FILE_FAULT_GIO);
  save_version (saved.file, "Third Ltd");
  custos_file_set_fault (CUSTOS_FILE_FAULT_NONE);
  backup = custos_test_read_file (saved.backup);
  ck_assert (g_bytes_equal (before, backup));
  assert_listing (saved.dir, "plan.isms plan.isms.bak");
  ck_assert (stat (saved.path, &file_st) == 0 && stat (saved.backup, &backup_st) == 0);
  ck_assert_int_eq (backup_st.st_nlink, 1);
  ck_assert_int_eq (backup_st.st_mode & 07777, 0600);
}
END_TEST

/* The backup is the previous version itself (a hard link): it costs no
 * space, and it is the very file the user had. */
START_TEST (test_backup_is_the_old_file)
{
  g_auto(Saved) saved = { 0 };
  struct stat before, backup;

  saved_init (&saved);
  ck_assert (stat (saved.path, &before) == 0);
  save_version (saved.file, "Third Ltd");
  ck_assert (stat (saved.backup, &backup) == 0);
  ck_assert_int_eq (before.st_ino, backup.st_ino);
}
END_TEST

/* A file that does not load never replaces a good backup. */
START_TEST (test_broken_file_keeps_backup)
{
  g_auto(Saved) saved = { 0 };
  g_autoptr(GBytes) backup_before = NULL;
  g_autoptr(GBytes) backup_after = NULL;
  g_autoptr(GBytes) saved_bytes = NULL;

  saved_init (&saved);
  backup_before = custos_test_read_file (saved.backup);
  ck_assert (g_file_set_contents (saved.path, "<isms xmlns=\"urn:custos:isms:1\" format=\"1\"", -1, NULL));
  save_version (saved.file, "Third Ltd");
  backup_after = custos_test_read_file (saved.backup);
  saved_bytes = custos_test_read_file (saved.path);
  ck_assert_msg (g_bytes_equal (backup_before, backup_after), "a broken file replaced the backup");
  ck_assert (holds_version (saved_bytes, "Third Ltd"));
  assert_listing (saved.dir, "plan.isms plan.isms.bak");
}
END_TEST

/* Etags ------------------------------------------------------------------- */

/* A file changed by someone else since it was loaded is not overwritten
 * unless the caller says so; their version then becomes the backup. */
START_TEST (test_changed_on_disk)
{
  g_auto(Saved) saved = { 0 };
  g_autoptr(CustosDocument) loaded = NULL;
  g_autoptr(CustosDocument) theirs = version ("Theirs Ltd");
  g_autoptr(GBytes) their_bytes = custos_xml_write (theirs);
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *new_etag = NULL;
  g_autofree char *now = NULL;

  custos_file_set_fault (_i == 0 ? CUSTOS_FILE_FAULT_NONE : CUSTOS_FILE_FAULT_GIO);
  saved_init (&saved);
  loaded = custos_file_load_full (saved.file, &etag, NULL, &error);
  g_assert_no_error (error);
  ck_assert_ptr_nonnull (etag);
  now = custos_file_query_etag (saved.file, NULL, NULL);
  ck_assert_str_eq (etag, now);

  /* Someone else saves (same size as before would not fool the etag). */
  ck_assert (g_file_set_contents (saved.path, g_bytes_get_data (their_bytes, NULL), g_bytes_get_size (their_bytes), NULL));
  custos_scope_set_statement (custos_document_get_scope (loaded), "Mine");
  ck_assert (!custos_file_save_full (loaded, saved.file, etag, NULL, NULL, &error));
  ck_assert_msg (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG), "%s", error->message);
  ck_assert (strstr (error->message, "changed on disk") != NULL);
  on_disk = custos_test_read_file (saved.path);
  ck_assert (g_bytes_equal (on_disk, their_bytes));
  ck_assert (custos_document_get_modified (loaded));

  /* "Keep mine": saved over theirs, which is kept as the backup. */
  g_clear_error (&error);
  ck_assert (custos_file_save_full (loaded, saved.file, NULL, &new_etag, NULL, &error));
  g_clear_pointer (&on_disk, g_bytes_unref);
  on_disk = custos_test_read_file (saved.backup);
  ck_assert (g_bytes_equal (on_disk, their_bytes));
  g_free (now);
  now = custos_file_query_etag (saved.file, NULL, NULL);
  ck_assert_str_eq (new_etag, now);
  assert_listing (saved.dir, "plan.isms plan.isms.bak");
}
END_TEST

/* Links, modes, owners ------------------------------------------------------ */

/* Through a symbolic link, the file it points to is saved and the link
 * stays a link (as GNOME Text Editor and LibreOffice do). */
START_TEST (test_symlink)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *real_dir = g_build_filename (dir, "shared", NULL);
  g_autofree char *real = g_build_filename (real_dir, "plan.isms", NULL);
  g_autofree char *real_backup = g_strconcat (real, ".bak", NULL);
  g_autofree char *link = g_build_filename (dir, "link.isms", NULL);
  g_autofree char *target = NULL;
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autoptr(GFile) real_file = g_file_new_for_path (real);
  g_autoptr(GFile) resolved = NULL;
  g_autoptr(GBytes) bytes = NULL;

  custos_file_set_fault (_i == 0 ? CUSTOS_FILE_FAULT_NONE : CUSTOS_FILE_FAULT_GIO);
  ck_assert (g_mkdir (real_dir, 0700) == 0);
  save_version (real_file, "First Ltd");
  ck_assert (symlink ("shared/plan.isms", link) == 0);
  resolved = custos_file_resolve (link_file);
  ck_assert (g_file_equal (resolved, real_file));

  save_version (link_file, "Second Ltd");
  ck_assert (S_ISLNK (mode_of (link)));
  target = g_file_read_link (link, NULL);
  ck_assert_str_eq (target, "shared/plan.isms");
  bytes = custos_test_read_file (real);
  ck_assert (holds_version (bytes, "Second Ltd"));
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = custos_test_read_file (real_backup);
  ck_assert (holds_version (bytes, "First Ltd"));
  assert_listing (dir, "link.isms shared");
  assert_listing (real_dir, "plan.isms plan.isms.bak");

  /* A link to a file not yet there: saving creates the file. */
  ck_assert (g_unlink (real) == 0);
  save_version (link_file, "Third Ltd");
  ck_assert (S_ISLNK (mode_of (link)));
  ck_assert (S_ISREG (mode_of (real)));
  custos_file_set_fault (CUSTOS_FILE_FAULT_NONE);
  custos_test_rmdir (dir);
}
END_TEST

/* A file on a team share keeps the mode its owner gave it (and group and
 * owner where the system allows); a new file stays private. */
START_TEST (test_mode_and_owner)
{
  g_auto(Saved) saved = { 0 };
  struct stat st;

  custos_file_set_fault (_i == 0 ? CUSTOS_FILE_FAULT_NONE : CUSTOS_FILE_FAULT_GIO);
  saved_init (&saved);
  ck_assert_int_eq (mode_of (saved.path) & 07777, 0600);
  ck_assert (g_chmod (saved.path, 0664) == 0);
  save_version (saved.file, "Third Ltd");
  ck_assert_int_eq (mode_of (saved.path) & 07777, 0664);
  ck_assert_int_eq (mode_of (saved.backup) & 07777, 0664);

  /* Only root can give a file away; as root, the owner and group stay. */
  if (geteuid () == 0 && _i == 0)
    {
      ck_assert (chown (saved.path, 1234, 5678) == 0);
      ck_assert (g_chmod (saved.path, 0640) == 0);
      save_version (saved.file, "Fourth Ltd");
      ck_assert (stat (saved.path, &st) == 0);
      ck_assert_int_eq (st.st_uid, 1234);
      ck_assert_int_eq (st.st_gid, 5678);
      ck_assert_int_eq (st.st_mode & 07777, 0640);
    }
}
END_TEST

/* Temporary files -------------------------------------------------------------- */

static void
touch (const char *dir,
       const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  ck_assert (g_file_set_contents (path, "partial", -1, NULL));
}

/* A killed save leaves a temporary file; the next save removes it, but
 * only ours, and none a save still running holds locked. */
START_TEST (test_stale_temporary_files)
{
  g_auto(Saved) saved = { 0 };
  g_autofree char *busy = NULL;
  int fd;

  saved_init (&saved);
  touch (saved.dir, ".plan.isms.custos-Ab3De9");
  touch (saved.dir, ".plan.isms.custos-Busy42");
  touch (saved.dir, ".other.isms.custos-Ab3De9");
  touch (saved.dir, ".plan.isms.custos-toolong");
  touch (saved.dir, "notes.txt");
  busy = g_build_filename (saved.dir, ".plan.isms.custos-Busy42", NULL);
  fd = open (busy, O_RDONLY | O_CLOEXEC);
  ck_assert (fd >= 0 && flock (fd, LOCK_EX | LOCK_NB) == 0);

  save_version (saved.file, "Third Ltd");
  assert_listing (saved.dir, ".other.isms.custos-Ab3De9 .plan.isms.custos-Busy42 .plan.isms.custos-toolong "
                             "notes.txt plan.isms plan.isms.bak");
  close (fd);
  save_version (saved.file, "Fourth Ltd");
  assert_listing (saved.dir, ".other.isms.custos-Ab3De9 .plan.isms.custos-toolong notes.txt plan.isms plan.isms.bak");
}
END_TEST

/* Not regular files ------------------------------------------------------------ */

/* A named pipe is refused at once (opening it for reading would wait for
 * a writer for ever), and so are folders; saving over one too. */
START_TEST (test_not_regular)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *fifo = g_build_filename (dir, "pipe.isms", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.isms", NULL);
  const char *paths[] = { fifo, folder };
  const char *what[] = { "a named pipe", "a folder" };

  custos_file_set_fault (_i == 0 ? CUSTOS_FILE_FAULT_NONE : CUSTOS_FILE_FAULT_GIO);
  ck_assert (mkfifo (fifo, 0600) == 0);
  ck_assert (g_mkdir (folder, 0700) == 0);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(CustosDocument) document = NULL;
      g_autoptr(CustosDocument) other = version ("Other Ltd");
      g_autoptr(GError) error = NULL;

      document = custos_file_load (file, NULL, &error);
      ck_assert_ptr_null (document);
      ck_assert_msg (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE), "%s", error->message);
      ck_assert_msg (g_str_has_prefix (error->message, paths[i]), "%s", error->message);
      /* Through GIO a pipe is only known to be special. */
      ck_assert_msg (_i == 1 || strstr (error->message, what[i]) != NULL, "%s", error->message);
      g_clear_error (&error);
      ck_assert (!custos_file_save (other, file, NULL, &error));
      ck_assert_msg (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE), "%s", error->message);
    }
  ck_assert (S_ISFIFO (mode_of (fifo)));
  assert_listing (dir, "folder.isms pipe.isms");
  custos_file_set_fault (CUSTOS_FILE_FAULT_NONE);
  custos_test_rmdir (dir);
}
END_TEST

/* Local names with a colon ------------------------------------------------ */

START_TEST (test_name_with_colon)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "plan:v2.isms", NULL);
  g_autoptr(GFile) file = custos_file_new_for_arg ("plan:v2.isms", dir);
  g_autoptr(GFile) uri = custos_file_new_for_arg ("file:///tmp/x.isms", dir);
  g_autoptr(GFile) absolute = custos_file_new_for_arg (path, "/");
  g_autoptr(CustosDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;

  ck_assert_str_eq (g_file_peek_path (file), path);
  ck_assert_str_eq (g_file_peek_path (uri), "/tmp/x.isms");
  ck_assert_str_eq (g_file_peek_path (absolute), path);
  save_version (file, "Colon Ltd");
  loaded = custos_file_load (file, NULL, &error);
  g_assert_no_error (error);
  ck_assert_str_eq (custos_organisation_get_name (custos_document_get_organisation (loaded)),
                    "Colon Ltd");
  /* An existing local file wins over a scheme GIO knows. */
  {
    g_autofree char *file_colon = g_build_filename (dir, "file:notes.isms", NULL);
    g_autoptr(GFile) local = NULL;

    ck_assert (g_file_set_contents (file_colon, "", 0, NULL));
    local = custos_file_new_for_arg ("file:notes.isms", dir);
    ck_assert_str_eq (g_file_peek_path (local), file_colon);
  }
  custos_test_rmdir (dir);
}
END_TEST

/* Lock files ------------------------------------------------------------------- */

static char *
lock_path (const char *dir,
           const char *name)
{
  g_autofree char *lock_name = g_strconcat (".~lock.", name, "#", NULL);

  return g_build_filename (dir, lock_name, NULL);
}

/* The entry is LibreOffice's: five fields, escaped, ending in ';'. */
START_TEST (test_lock_entry)
{
  CustosLockOwner owner = { (char *) "Doe, Jane; \\ Ltd", (char *) "jdoe", (char *) "ws-12",
                            (char *) "01.02.2027 10:15", (char *) "file:///home/jdoe/.config/libreoffice/4" };
  g_autofree char *entry = custos_lock_owner_format (&owner);
  g_autoptr(CustosLockOwner) parsed = custos_lock_owner_parse (entry, strlen (entry));
  g_autoptr(CustosLockOwner) self = custos_lock_owner_new_for_self ();
  g_autoptr(GRegex) since = g_regex_new ("^[0-3][0-9]\\.[01][0-9]\\.[0-9]{4} [0-2][0-9]:[0-5][0-9]$", 0, 0, NULL);
  g_autofree char *described = NULL;
  const char *bad[] = { "", "a,b,c,d,e", "a,b,c,d;", "a,b,c,d,e,f;", "a\\x,b,c,d,e;" };

  ck_assert_str_eq (entry, "Doe\\, Jane\\; \\\\ Ltd,jdoe,ws-12,01.02.2027 10:15,file:///home/jdoe/.config/libreoffice/4;");
  ck_assert_str_eq (parsed->full_name, "Doe, Jane; \\ Ltd");
  ck_assert_str_eq (parsed->user, "jdoe");
  ck_assert_str_eq (parsed->host, "ws-12");
  ck_assert_str_eq (parsed->since, "01.02.2027 10:15");
  ck_assert_str_eq (parsed->url, "file:///home/jdoe/.config/libreoffice/4");
  described = custos_lock_owner_describe (parsed);
  ck_assert_str_eq (described, "Doe, Jane; \\ Ltd (jdoe on ws-12)");
  {
    g_autoptr(CustosLockOwner) copy = custos_lock_owner_copy (parsed);
    g_autofree char *again = custos_lock_owner_format (copy);

    ck_assert_str_eq (again, entry);
    ck_assert_ptr_null (custos_lock_owner_copy (NULL));
  }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    ck_assert_msg (custos_lock_owner_parse (bad[i], strlen (bad[i])) == NULL, "parsed “%s”", bad[i]);

  ck_assert_str_eq (self->user, g_get_user_name ());
  ck_assert_str_eq (self->host, g_get_host_name ());
  ck_assert (g_regex_match (since, self->since, 0, NULL));
  ck_assert (g_str_has_prefix (self->url, "file:///"));
}
END_TEST

/* Written on acquire, honoured, removed on release. */
START_TEST (test_lock_life)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "plan.isms", NULL);
  g_autofree char *lock = lock_path (dir, "plan.isms");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) lock_file = custos_lock_get_lock_file (file);
  g_autoptr(CustosLockOwner) self = custos_lock_owner_new_for_self ();
  g_autoptr(CustosLockOwner) holder = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) entry = NULL;
  g_autoptr(CustosLockOwner) written = NULL;
  CustosLock *first, *second;

  ck_assert_str_eq (g_file_peek_path (lock_file), lock);
  save_version (file, "Locked Ltd");
  first = custos_lock_acquire (file, FALSE, &holder, &error);
  g_assert_no_error (error);
  ck_assert_ptr_nonnull (first);
  entry = custos_test_read_file (lock);
  written = custos_lock_owner_parse (g_bytes_get_data (entry, NULL), g_bytes_get_size (entry));
  ck_assert_ptr_nonnull (written);
  ck_assert_str_eq (written->user, self->user);
  ck_assert_str_eq (written->host, self->host);
  ck_assert_str_eq (written->url, self->url);
  ck_assert_int_eq (mode_of (lock) & 0444, 0444); /* colleagues can read who holds it */

  /* Held by a live holder (here: this very process) it is honoured. */
  second = custos_lock_acquire (file, FALSE, &holder, &error);
  ck_assert_ptr_null (second);
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BUSY));
  ck_assert_ptr_nonnull (holder);
  ck_assert_str_eq (holder->user, self->user);

  custos_assert_finalized (first);
  ck_assert (!g_file_test (lock, G_FILE_TEST_EXISTS));
  assert_listing (dir, "plan.isms");
  custos_test_rmdir (dir);
}
END_TEST

/* Someone else's lock: honoured and described; taken over only when asked,
 * and then it is ours to remove. */
START_TEST (test_lock_foreign)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "plan.isms", NULL);
  g_autofree char *lock = lock_path (dir, "plan.isms");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CustosLockOwner) holder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;
  const char *foreign = "Jane Doe,jdoe,ws-12,01.02.2027 10:15,file:///home/jdoe/.config/libreoffice/4;";
  CustosLock *taken;

  save_version (file, "Shared Ltd");
  ck_assert (g_file_set_contents (lock, foreign, -1, NULL));
  ck_assert_ptr_null (custos_lock_acquire (file, FALSE, &holder, &error));
  ck_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BUSY));
  described = custos_lock_owner_describe (holder);
  ck_assert_str_eq (described, "Jane Doe (jdoe on ws-12)");
  ck_assert_str_eq (holder->since, "01.02.2027 10:15");
  {
    g_autoptr(GBytes) still = custos_test_read_file (lock);
    ck_assert_str_eq (g_bytes_get_data (still, NULL), foreign);
  }

  taken = custos_lock_acquire (file, TRUE, NULL, NULL);
  ck_assert_ptr_nonnull (taken);
  {
    g_autoptr(GBytes) ours = custos_test_read_file (lock);
    ck_assert (!g_str_equal (g_bytes_get_data (ours, NULL), foreign));
  }
  /* Taken over in turn by someone else: their lock stays when we let go. */
  ck_assert (g_file_set_contents (lock, foreign, -1, NULL));
  custos_assert_finalized (taken);
  ck_assert (g_file_test (lock, G_FILE_TEST_EXISTS));
  custos_test_rmdir (dir);
}
END_TEST

/* Our own lock left by a process that ended (nobody holds its flock) is
 * taken over; so is one on a file reached through a link, beside the file. */
START_TEST (test_lock_stale_own)
{
  g_autofree char *dir = custos_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "plan.isms", NULL);
  g_autofree char *link = g_build_filename (dir, "link.isms", NULL);
  g_autofree char *lock = lock_path (dir, "plan.isms");
  g_autoptr(GFile) link_file = g_file_new_for_path (link);
  g_autoptr(CustosLockOwner) self = custos_lock_owner_new_for_self ();
  g_autofree char *entry = NULL;
  CustosLock *taken;

  g_free (self->since);
  self->since = g_strdup ("01.01.2026 09:00");
  entry = custos_lock_owner_format (self);
  ck_assert (g_file_set_contents (path, "", 0, NULL));
  ck_assert (symlink ("plan.isms", link) == 0);
  ck_assert (g_file_set_contents (lock, entry, -1, NULL));
  taken = custos_lock_acquire (link_file, FALSE, NULL, NULL);
  ck_assert_ptr_nonnull (taken);
  {
    g_autoptr(GBytes) now = custos_test_read_file (lock);
    ck_assert (!g_str_equal (g_bytes_get_data (now, NULL), entry));
  }
  custos_assert_finalized (taken);
  assert_listing (dir, "link.isms plan.isms");
  custos_test_rmdir (dir);
}
END_TEST

int
main (void)
{
  Suite *suite = suite_create ("save");
  TCase *tc;

  tc = tcase_create ("failures");
  tcase_add_loop_test (tc, test_failure_changes_nothing, 0, G_N_ELEMENTS (faults));
  tcase_add_test (tc, test_failed_new_file);
  tcase_add_loop_test (tc, test_unloadable_changes_nothing, 0, 2);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("files");
  tcase_add_loop_test (tc, test_backup_without_hard_links, 0, 2);
  tcase_add_test (tc, test_backup_is_the_old_file);
  tcase_add_test (tc, test_broken_file_keeps_backup);
  tcase_add_loop_test (tc, test_changed_on_disk, 0, 2);
  tcase_add_loop_test (tc, test_symlink, 0, 2);
  tcase_add_loop_test (tc, test_mode_and_owner, 0, 2);
  tcase_add_test (tc, test_stale_temporary_files);
  tcase_add_loop_test (tc, test_not_regular, 0, 2);
  tcase_add_test (tc, test_name_with_colon);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("locks");
  tcase_add_test (tc, test_lock_entry);
  tcase_add_test (tc, test_lock_life);
  tcase_add_test (tc, test_lock_foreign);
  tcase_add_test (tc, test_lock_stale_own);
  suite_add_tcase (suite, tc);

  return custos_test_run_suite (suite);
}
