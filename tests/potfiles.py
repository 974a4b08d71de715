#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Translation checks for `meson test --suite data`.

    potfiles.py SOURCE_ROOT
        po/POTFILES.in must list, sorted and once each, every file under src/,
        ui/ and data/ with translatable strings, and nothing that does not
        exist.

    potfiles.py --translation PO_FILE
        `msgfmt -c --statistics` must accept PO_FILE and report no untranslated
        and no fuzzy messages.
"""

import os
import re
import shutil
import subprocess
import sys

SKIP = 77

# Calls that mark a string for translation in C, as in the i18n module's glib
# preset, plus the plain gettext family.
C_MARKERS = re.compile(
    r'\b(?:_|N_|C_|NC_|Q_|g_dgettext|g_dcgettext|g_dngettext|g_dpgettext2?|'
    r'gettext|dgettext|dcgettext|ngettext|dngettext|pgettext|npgettext)\s*\(')

# Data files that intltool-style extraction reads whole.
DATA_SUFFIXES = ('.desktop.in', '.metainfo.xml.in', '.appdata.xml.in')


def strip_c_comments(text):
    """The text without /* */ and // comments; string and character literals
    are kept (a "/*" inside a string is not a comment)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in '"\'':
            j = i + 1
            while j < n and text[j] != c and text[j] != '\n':
                j += 2 if text[j] == '\\' else 1
            out.append(text[i:j + 1])
            i = j + 1
        elif text.startswith('/*', i):
            j = text.find('*/', i + 2)
            i = n if j < 0 else j + 2
            out.append(' ')
        elif text.startswith('//', i):
            j = text.find('\n', i)
            i = n if j < 0 else j
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def is_translatable(path):
    name = os.path.basename(path)
    try:
        with open(path, encoding='utf-8') as f:
            text = f.read()
    except (UnicodeDecodeError, OSError):
        return False
    if name.endswith(('.c', '.h')):
        return C_MARKERS.search(strip_c_comments(text)) is not None
    if name.endswith('.ui'):
        return re.search(r'translatable\s*=\s*"(?:yes|true|1)"', text) is not None
    if name.endswith(DATA_SUFFIXES):
        return True
    if name.endswith('.gschema.xml'):
        return re.search(r'<(?:summary|description)\b', text) is not None
    return False


def check_potfiles(root):
    potfiles_in = os.path.join(root, 'po', 'POTFILES.in')
    with open(potfiles_in, encoding='utf-8') as f:
        entries = [line.strip() for line in f
                   if line.strip() and not line.lstrip().startswith('#')]

    problems = []
    missing_files = [e for e in entries if not os.path.isfile(os.path.join(root, e))]
    for e in missing_files:
        problems.append('po/POTFILES.in lists %s, which does not exist' % e)
    seen = set()
    for e in entries:
        if e in seen:
            problems.append('po/POTFILES.in lists %s more than once' % e)
        seen.add(e)
    if entries != sorted(entries):
        problems.append('po/POTFILES.in is not sorted; expected:\n    ' +
                        '\n    '.join(sorted(set(entries))))

    wanted = []
    for top in ('src', 'ui', 'data'):
        for directory, dirs, files in os.walk(os.path.join(root, top)):
            dirs.sort()
            for name in sorted(files):
                path = os.path.join(directory, name)
                if is_translatable(path):
                    wanted.append(os.path.relpath(path, root).replace(os.sep, '/'))
    for w in sorted(wanted):
        if w not in seen:
            problems.append('%s has translatable strings but po/POTFILES.in lacks it' % w)

    if problems:
        print('\n'.join(problems), file=sys.stderr)
        return 1
    print('po/POTFILES.in lists all %d files with translatable strings' % len(entries))
    return 0


def check_translation(po_file):
    msgfmt = shutil.which('msgfmt')
    if msgfmt is None:
        print('msgfmt not found', file=sys.stderr)
        return SKIP
    result = subprocess.run([msgfmt, '-c', '--statistics', '-o', os.devnull, po_file],
                            capture_output=True, text=True,
                            env=dict(os.environ, LC_ALL='C'))
    report = (result.stdout + result.stderr).strip()
    print(report)
    if result.returncode != 0:
        print('%s: msgfmt -c failed' % po_file, file=sys.stderr)
        return 1
    counts = {kind: int(n) for n, kind in
              re.findall(r'(\d+) (translated|fuzzy|untranslated)', report)}
    if counts.get('fuzzy', 0) or counts.get('untranslated', 0):
        print('%s: %d untranslated and %d fuzzy messages; run `meson compile custos-update-po` '
              'and translate them' % (po_file, counts.get('untranslated', 0), counts.get('fuzzy', 0)),
              file=sys.stderr)
        return 1
    return 0


def main(argv):
    if len(argv) == 3 and argv[1] == '--translation':
        return check_translation(argv[2])
    if len(argv) == 2 and not argv[1].startswith('-'):
        return check_potfiles(argv[1])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv))
