#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generate a large, valid, canonical Custos ISMS document for benchmarks.

    bench/gen-isms.py --risks N [--assets M] [--seed S] -o FILE

Every register is filled in proportion to N (N/2 assets by default, about N
treatment actions, processes, monitoring, audits, reviews, nonconformities,
incidents, documents, training records) and the Statement of Applicability
holds all 93 controls of the 2022 edition, each decided. Every reference
resolves. The output is deterministic for a given seed and written in the
canonical form that Custos itself writes (namespace urn:custos:isms:1,
format 1), so `custos --output=OUT FILE` should reproduce it byte for byte.

The field tables below mirror src/model/custos-kinds.c and the enumerations
of src/model/custos-types.h; keep them in step when the format changes.
Only the Python standard library is used.
"""

import argparse
import datetime
import random
import sys

NAMESPACE = "urn:custos:isms:1"
FORMAT = "1"

# Enumerations: nicks in declaration order (the first one is the default and
# is never written).
ENUMS = {
    "issue-kind": ["internal", "external"],
    "asset-type": ["information", "software", "hardware", "service", "people", "site", "other"],
    "classification": ["public", "internal", "confidential", "restricted"],
    "treatment": ["undecided", "avoid", "remove-source", "change-likelihood",
                  "change-consequence", "transfer", "accept"],
    "risk-status": ["identified", "assessed", "treating", "accepted", "closed"],
    "action-status": ["planned", "in-progress", "done", "cancelled"],
    "applicability": ["undecided", "applicable", "not-applicable"],
    "implementation": ["not-implemented", "planned", "partial", "implemented"],
    "objective-status": ["not-started", "on-track", "at-risk", "achieved", "missed"],
    "training-kind": ["training", "awareness", "qualification"],
    "document-type": ["policy", "procedure", "plan", "record", "guideline", "other"],
    "document-status": ["draft", "approved", "under-review", "withdrawn"],
    "audit-status": ["planned", "in-progress", "completed", "cancelled"],
    "finding-type": ["major", "minor", "observation", "opportunity"],
    "nc-source": ["audit", "incident", "monitoring", "complaint", "review", "other"],
    "nc-status": ["open", "action-planned", "verifying", "closed"],
    "effectiveness": ["pending", "effective", "not-effective"],
    "severity": ["low", "medium", "high", "critical"],
}
# Flags: nicks in bit order (this is the order in which they are written).
FLAGS = {
    "reason": ["risk-treatment", "legal", "contractual", "business"],
}

S, T, I, N, B, D = "string", "text", "int", "number", "bool", "date"


def E(t):
    return ("enum", t)


def FL(t):
    return ("flags", t)


def REF(k):
    return ("ref", k)


def REFS(k):
    return ("refs", k)


CONTROLS = ("controls", None)


def STRS(item):
    return ("strings", item)


# (element, register element or None, id prefix, [(field, type)]) in file order.
SECTIONS = {
    "organisation": [("name", S), ("address", T), ("sector", S), ("employees", I),
                     ("isms-owner", S), ("classification", S)],
    "scope": [("statement", T), ("sites", T), ("networks", T), ("employee-groups", T),
              ("processes", T), ("out-of-scope", T), ("interfaces", T), ("exclusions", T)],
    "policy": [("statement", T), ("objectives-framework", T), ("commit-requirements", B),
               ("commit-improvement", B), ("authorised-by", S), ("approved", D),
               ("version", S), ("next-review", D), ("communicated", T)],
    "reassessment": [("interval-months", I), ("last", D), ("next", D),
                     ("triggers", STRS("trigger"))],
    "plan-approval": [("owners-approved-by", S), ("owners-approved", D),
                      ("management-approved-by", S), ("management-approved", D), ("notes", T)],
}

REGISTERS = {
    "revisions": ("revision", "REV-", [("version", S), ("date", D), ("author", S),
                                       ("summary", T), ("approved-by", S)]),
    "issues": ("issue", "ISS-", [("title", S), ("kind", E("issue-kind")), ("category", S),
                                 ("description", T), ("effect", T)]),
    "parties": ("party", "IP-", [("name", S), ("needs", T), ("relevant", B), ("addressed", T)]),
    "roles": ("role", "ROLE-", [("title", S), ("holder", S), ("responsibilities", T),
                                ("authority", T), ("top-management", B)]),
    "assets": ("asset", "A-", [("name", S), ("type", E("asset-type")), ("owner", REF("role")),
                               ("location", S), ("classification", E("classification")),
                               ("description", T)]),
    "risks": ("risk", "R-", [("title", S), ("assets", REFS("asset")), ("threat", T),
                             ("vulnerability", T), ("existing-controls", T), ("likelihood", I),
                             ("consequence", I), ("owner", REF("role")),
                             ("treatment", E("treatment")), ("controls", CONTROLS),
                             ("custom-controls", T), ("residual-likelihood", I),
                             ("residual-consequence", I), ("accepted-by", S), ("accepted", D),
                             ("management-approval", B), ("status", E("risk-status")),
                             ("next-review", D)]),
    "actions": ("action", "ACT-", [("title", S), ("risk", REF("risk")), ("controls", CONTROLS),
                                   ("owner", REF("role")), ("resources", T), ("due", D),
                                   ("status", E("action-status")), ("evidence", T)]),
    "soa": ("control", None, [("applicable", E("applicability")), ("reasons", FL("reason")),
                              ("implementation", E("implementation")), ("justification", T),
                              ("how-applied", S), ("document", REF("document")),
                              ("owner", REF("role")), ("review", B), ("migration-note", T)]),
    "objectives": ("objective", "OBJ-", [("title", S), ("target", T), ("measure", S),
                                         ("owner", REF("role")), ("resources", T), ("due", D),
                                         ("ongoing", B), ("progress", I),
                                         ("status", E("objective-status"))]),
    "competences": ("competence", "COMP-", [("role", REF("role")), ("requirement", T),
                                            ("verification", T)]),
    "trainings": ("training", "TRN-", [("person", S), ("topic", S), ("kind", E("training-kind")),
                                       ("date", D), ("evidence", S), ("expiry", D)]),
    "communications": ("communication", "COM-", [("subject", S), ("when", S), ("audience", S),
                                                 ("sender", REF("role")), ("channel", S)]),
    "documents": ("document", "DOC-", [("reference", S), ("title", S), ("type", E("document-type")),
                                       ("version", S), ("owner", REF("role")),
                                       ("approver", REF("role")), ("approved", D),
                                       ("next-review", D), ("classification", E("classification")),
                                       ("location", S), ("status", E("document-status"))]),
    "processes": ("process", "PROC-", [("name", S), ("owner", REF("role")), ("description", T),
                                       ("risks", REFS("risk"))]),
    "measures": ("measure", "MON-", [("title", S), ("method", T), ("frequency", S),
                                     ("owner", REF("role")), ("reported-to", S), ("escalation", T),
                                     ("target", N), ("unit", S), ("higher-is-better", B)]),
    "measurements": ("measurement", "RES-", [("measure", REF("measure")), ("date", D),
                                             ("value", N), ("note", T)]),
    "audits": ("audit", "AUD-", [("title", S), ("processes", REFS("process")),
                                 ("frequency-months", I), ("auditor", S), ("independence", T),
                                 ("planned", D), ("done", D), ("status", E("audit-status")),
                                 ("summary", T)]),
    "findings": ("finding", "FND-", [("audit", REF("audit")), ("type", E("finding-type")),
                                     ("reference", S), ("description", T),
                                     ("nonconformity", REF("nonconformity"))]),
    "reviews": ("review", "MR-", [("date", D), ("attendees", T), ("previous-actions", T),
                                  ("issue-changes", T), ("party-changes", T),
                                  ("nonconformities", T), ("monitoring", T), ("audits", T),
                                  ("objectives", T), ("feedback", T), ("risks", T),
                                  ("opportunities", T), ("decisions", T)]),
    "review-actions": ("review-action", "MRA-", [("review", REF("review")), ("title", S),
                                                 ("owner", REF("role")), ("due", D),
                                                 ("status", E("action-status"))]),
    "nonconformities": ("nonconformity", "NC-", [("title", S), ("source", E("nc-source")),
                                                 ("raised", D), ("description", T),
                                                 ("containment", T), ("whys", STRS("why")),
                                                 ("root-cause", T), ("corrective-action", T),
                                                 ("owner", REF("role")), ("due", D),
                                                 ("effectiveness-review", D),
                                                 ("effectiveness", E("effectiveness")),
                                                 ("status", E("nc-status"))]),
    "incidents": ("incident", "INC-", [("title", S), ("date", D), ("description", T),
                                       ("confidentiality", B), ("integrity", B),
                                       ("availability", B), ("severity", E("severity")),
                                       ("assets", REFS("asset")), ("response", T),
                                       ("lessons", T), ("nonconformity", REF("nonconformity"))]),
}

# Top-level order of the document.
TOP_LEVEL = [
    "organisation", "revisions", "issues", "parties", "scope", "policy", "roles", "criteria",
    "assets", "risks", "actions", "plan-approval", "soa", "objectives", "competences",
    "trainings", "communications", "documents", "reassessment", "processes", "measures",
    "measurements", "audits", "findings", "reviews", "review-actions", "nonconformities",
    "incidents",
]

# Record kind name -> register name, for reference checks.
KIND_REGISTER = {spec[0]: reg for reg, spec in REGISTERS.items()}

CONTROLS_2022 = (
    "5.1 5.2 5.3 5.4 5.5 5.6 5.7 5.8 5.9 5.10 5.11 5.12 5.13 5.14 5.15 5.16 5.17 5.18 5.19 "
    "5.20 5.21 5.22 5.23 5.24 5.25 5.26 5.27 5.28 5.29 5.30 5.31 5.32 5.33 5.34 5.35 5.36 "
    "5.37 6.1 6.2 6.3 6.4 6.5 6.6 6.7 6.8 7.1 7.2 7.3 7.4 7.5 7.6 7.7 7.8 7.9 7.10 7.11 "
    "7.12 7.13 7.14 8.1 8.2 8.3 8.4 8.5 8.6 8.7 8.8 8.9 8.10 8.11 8.12 8.13 8.14 8.15 8.16 "
    "8.17 8.18 8.19 8.20 8.21 8.22 8.23 8.24 8.25 8.26 8.27 8.28 8.29 8.30 8.31 8.32 8.33 "
    "8.34"
).split()

# The default risk criteria of a new document (custos_criteria_new_default).
DEFAULT_CRITERIA = {
    "scoring": "product",
    "likelihood": [
        ("Rare", "Less than once in ten years"),
        ("Unlikely", "Once in three to ten years"),
        ("Possible", "Once in one to three years"),
        ("Likely", "Once or several times a year"),
        ("Almost certain", "Monthly or more often"),
    ],
    "consequence": [
        ("Negligible", "Under £1,000; no effect on clients"),
        ("Minor", "£1,000 to £10,000; brief disruption, no client data exposed"),
        ("Moderate", "£10,000 to £50,000; a client affected, a day of disruption"),
        ("Major", "£50,000 to £250,000; reportable breach, several clients affected"),
        ("Severe", "Over £250,000; loss of clients or licence, regulatory action"),
    ],
    # name, colour, min, max, action, timescale, acceptable, accepted-by
    "bands": [
        ("Low", "#33d17a", 1, 4, "Accept and monitor through the normal review cycle.",
         "Review yearly", True, "Risk owner"),
        ("Medium", "#f6d32d", 5, 9,
         "Reduce where cost-effective; otherwise the risk owner may accept it.",
         "Within 6 months", True, "Risk owner"),
        ("High", "#ff7800", 10, 16,
         "Treat: plan controls to bring the risk down; acceptance needs top-management approval.",
         "Within 3 months", False, "Top management"),
        ("Critical", "#e01b24", 17, 25,
         "Act now: treat immediately and report to top management.",
         "Within 1 month", False, "Top management"),
    ],
}


def band_of(score, criteria=DEFAULT_CRITERIA):
    for band in criteria["bands"]:
        if band[2] <= score <= band[3]:
            return band[0]
    return None


# Canonical writer ---------------------------------------------------------

def escape_text(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_attr(text):
    return escape_text(text).replace('"', "&quot;")


class FormatError(Exception):
    pass


def _check_text(where, text):
    if text != text.strip():
        raise FormatError("%s: text starts or ends with white space: %r" % (where, text[:40]))
    if "\r" in text or "\t" in text:
        raise FormatError("%s: text holds a tab or carriage return" % where)


def _date_ok(text):
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def _format_number(value):
    # As g_ascii_formatd ("%.15g").
    return "%.15g" % value


def _field_text(where, name, ftype, value):
    """Text of one field, or None when the field is empty (and so not written)."""
    if value is None:
        return None
    kind = ftype[0] if isinstance(ftype, tuple) else ftype
    if kind in (S, T):
        if value == "":
            return None
        _check_text(where + "/" + name, value)
        return value
    if kind == D:
        if value == "":
            return None
        if not _date_ok(value):
            raise FormatError("%s/%s: bad date %r" % (where, name, value))
        return value
    if kind == I:
        if value == 0:
            return None
        return "%d" % value
    if kind == N:
        return _format_number(value)
    if kind == B:
        return "true" if value else None
    if kind == "enum":
        nicks = ENUMS[ftype[1]]
        if value not in nicks:
            raise FormatError("%s/%s: %r is not one of %s" % (where, name, value, nicks))
        return None if value == nicks[0] else value
    if kind == "flags":
        nicks = FLAGS[ftype[1]]
        values = set(value)
        unknown = values - set(nicks)
        if unknown:
            raise FormatError("%s/%s: unknown flags %s" % (where, name, unknown))
        text = " ".join(n for n in nicks if n in values)
        return text or None
    if kind in ("ref",):
        return value or None
    if kind in ("refs", "controls"):
        if not value:
            return None
        return " ".join(value)
    raise FormatError("unknown field type %r" % (ftype,))


def _write_fields(out, indent, where, fields, record):
    extra = set(record) - {f[0] for f in fields}
    if extra:
        raise FormatError("%s: unknown fields %s" % (where, sorted(extra)))
    pad = " " * indent
    for name, ftype in fields:
        value = record.get(name)
        if isinstance(ftype, tuple) and ftype[0] == "strings":
            if not value:
                continue
            out.append("%s<%s>\n" % (pad, name))
            for item in value:
                _check_text(where + "/" + name, item)
                if item == "":
                    raise FormatError("%s/%s: empty item" % (where, name))
                out.append("%s  <%s>%s</%s>\n" % (pad, ftype[1], escape_text(item), ftype[1]))
            out.append("%s</%s>\n" % (pad, name))
            continue
        text = _field_text(where, name, ftype, value)
        if text is None:
            continue
        out.append("%s<%s>%s</%s>\n" % (pad, name, escape_text(text), name))


def _write_record(out, indent, elem, attrs, fields, record, where):
    pad = " " * indent
    attr_text = "".join(' %s="%s"' % (k, escape_attr(v)) for k, v in attrs)
    body = []
    _write_fields(body, indent + 2, where, fields, record)
    if body:
        out.append("%s<%s%s>\n" % (pad, elem, attr_text))
        out.extend(body)
        out.append("%s</%s>\n" % (pad, elem))
    else:
        out.append("%s<%s%s/>\n" % (pad, elem, attr_text))


def _write_criteria(out, criteria):
    out.append('  <criteria scoring="%s">\n' % criteria["scoring"])
    for scale in ("likelihood", "consequence"):
        out.append("    <%s>\n" % scale)
        for value, (label, meaning) in enumerate(criteria[scale], 1):
            out.append('      <level value="%d">\n' % value)
            out.append("        <label>%s</label>\n" % escape_text(label))
            if meaning:
                out.append("        <meaning>%s</meaning>\n" % escape_text(meaning))
            out.append("      </level>\n")
        out.append("    </%s>\n" % scale)
    out.append("    <bands>\n")
    for name, colour, lo, hi, action, timescale, acceptable, accepted_by in criteria["bands"]:
        out.append('      <band min="%d" max="%d" colour="%s" acceptable="%s">\n'
                   % (lo, hi, colour, "true" if acceptable else "false"))
        out.append("        <name>%s</name>\n" % escape_text(name))
        for tag, text in (("action", action), ("timescale", timescale),
                          ("accepted-by", accepted_by)):
            if text:
                out.append("        <%s>%s</%s>\n" % (tag, escape_text(text), tag))
        out.append("      </band>\n")
    out.append("    </bands>\n")
    out.append("  </criteria>\n")


def validate(doc):
    """Checks ids, references, control ids and the SoA; raises FormatError."""
    ids = {}
    for reg, (elem, prefix, _fields) in REGISTERS.items():
        if reg == "soa":
            continue
        seen = set()
        for rid, _rec in doc.get(reg, []):
            if not rid.startswith(prefix):
                raise FormatError("%s: id %s lacks prefix %s" % (reg, rid, prefix))
            if rid in seen:
                raise FormatError("%s: duplicate id %s" % (reg, rid))
            seen.add(rid)
        ids[elem] = seen
    controls = set(CONTROLS_2022)
    soa = doc["soa"]
    if list(soa.keys()) != CONTROLS_2022:
        raise FormatError("the SoA must list the 93 controls of 2022 in catalogue order")

    def check_fields(where, fields, rec):
        for name, ftype in fields:
            value = rec.get(name)
            if not value or not isinstance(ftype, tuple):
                continue
            if ftype[0] == "ref" and value not in ids[ftype[1]]:
                raise FormatError("%s/%s: %s does not resolve" % (where, name, value))
            if ftype[0] == "refs":
                for v in value:
                    if v not in ids[ftype[1]]:
                        raise FormatError("%s/%s: %s does not resolve" % (where, name, v))
                if len(set(value)) != len(value):
                    raise FormatError("%s/%s: repeated reference" % (where, name))
            if ftype[0] == "controls":
                for v in value:
                    if v not in controls:
                        raise FormatError("%s/%s: %s is not a 2022 control" % (where, name, v))

    for reg, (elem, prefix, fields) in REGISTERS.items():
        if reg == "soa":
            for cid, rec in soa.items():
                check_fields("soa/" + cid, fields, rec)
            continue
        for rid, rec in doc.get(reg, []):
            check_fields(rid, fields, rec)
    return True


def write_document(doc, stream):
    """Writes doc (a dict, see generate()) in canonical form to a text stream."""
    validate(doc)
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n',
           '<isms xmlns="%s" format="%s" edition="%s">\n' % (NAMESPACE, FORMAT, doc["edition"])]
    for top in TOP_LEVEL:
        if top == "criteria":
            _write_criteria(out, doc.get("criteria", DEFAULT_CRITERIA))
        elif top in SECTIONS:
            _write_record(out, 2, top, [], SECTIONS[top], doc.get(top, {}), top)
        elif top == "soa":
            out.append("  <soa>\n")
            elem, _prefix, fields = REGISTERS["soa"]
            for cid, rec in doc["soa"].items():
                _write_record(out, 4, elem, [("id", cid)], fields, rec, "soa/" + cid)
            out.append("  </soa>\n")
        else:
            elem, _prefix, fields = REGISTERS[top]
            records = doc.get(top, [])
            if not records:
                out.append("  <%s/>\n" % top)
                continue
            out.append("  <%s>\n" % top)
            for rid, rec in records:
                _write_record(out, 4, elem, [("id", rid)], fields, rec, rid)
            out.append("  </%s>\n" % top)
    out.append("</isms>\n")
    stream.write("".join(out))


# Synthetic content ----------------------------------------------------------

NOT_APPLICABLE = {
    "7.6": "No secure areas beyond the general office; the comms cabinet is covered by 7.8.",
    "8.4": "The organisation develops no software and holds no source code.",
    "8.25": "No software development is carried out.",
    "8.28": "No software development is carried out; no code is written.",
    "8.29": "No development; acceptance of acquired services is covered by 8.26 and 5.23.",
    "8.30": "No development is outsourced.",
    "8.31": "No development or test environments exist.",
    "8.33": "No test environments; live data is never copied for testing.",
}
APPLICABLE_CONTROLS = [c for c in CONTROLS_2022 if c not in NOT_APPLICABLE]

THREATS = [
    "Ransomware delivered by phishing", "Business email compromise", "Credential theft",
    "Theft of a device", "Misdirected email", "Supplier outage", "Supplier data breach",
    "Insider misuse", "Unpatched vulnerability exploited", "Accidental deletion",
    "Fire or flood", "Power failure", "Unauthorised physical entry", "Loss of key person",
    "Regulatory change", "Malicious software from removable media", "Social engineering call",
    "Configuration error", "Excessive access rights", "Improper disposal of media",
]
ASSET_NOUNS = [
    "client records", "payroll data", "tax returns", "working papers", "HR files",
    "laptop fleet", "mobile phones", "file shares", "practice-management system",
    "email tenant", "backup service", "firewall", "printers", "archive boxes",
    "identity service", "client portal", "bookkeeping platform access", "office site",
]
QUALIFIERS = ["for the north region", "for key clients", "of the payroll bureau",
              "at the head office", "at the branch office", "for remote staff",
              "in the cloud tenant", "of the audit team", "of the tax team"]
WEAKNESSES = [
    "no second-person check", "manual process under deadline pressure",
    "shared account in use", "patching depends on one contractor",
    "no tested restore", "staff awareness varies", "weak supplier oversight",
    "retention not enforced", "devices leave the office daily", "legacy configuration",
]
EXISTING = [
    "Multi-factor authentication on all accounts", "Endpoint protection on all devices",
    "Daily backup with 30-day retention", "Annual awareness training",
    "Contract with the supplier including confidentiality terms",
    "Locked office with alarm", "Role-based access groups", "Monthly patching",
]
FIRST = ["Alex", "Sam", "Jo", "Chris", "Pat", "Lee", "Robin", "Kim", "Ash", "Jamie", "Morgan",
         "Taylor", "Jordan", "Casey", "Drew", "Avery"]
LAST = ["Smith", "Jones", "Taylor", "Brown", "Walker", "Wright", "Wood", "Hughes", "Green",
        "Hall", "Clarke", "Lewis", "Ward", "Shaw", "Holt", "Firth"]
ROLE_TITLES = [
    "Managing Director", "Finance Director", "ISMS Manager", "IT Manager",
    "Data Protection Lead", "Operations Manager", "HR Manager", "Team Leader",
    "Facilities Manager", "Compliance Officer", "Service Desk Lead", "Department Head",
]


def _date(base, days):
    return (base + datetime.timedelta(days=days)).isoformat()


def _pick(rng, seq, k):
    k = min(k, len(seq))
    return rng.sample(seq, k)


def _ids(prefix, n):
    return ["%s%03d" % (prefix, i) for i in range(1, n + 1)]


def generate(n_risks, n_assets=None, seed=1):
    """Builds a document dict with n_risks risks; everything else in proportion."""
    rng = random.Random(seed)
    if n_assets is None:
        n_assets = max(1, n_risks // 2)
    base = datetime.date(2026, 1, 5)
    n_roles = max(8, min(200, 8 + n_risks // 100))
    n_docs = max(12, n_risks // 20)
    n_processes = max(6, n_risks // 20)
    n_measures = max(5, n_risks // 50)
    n_audits = max(4, n_processes // 4)
    n_reviews = max(1, n_risks // 1000)
    n_ncs = max(3, n_risks // 50)
    n_incidents = max(4, n_risks // 20)

    role_ids = _ids("ROLE-", n_roles)
    asset_ids = _ids("A-", n_assets)
    risk_ids = _ids("R-", n_risks)
    doc_ids = _ids("DOC-", n_docs)
    proc_ids = _ids("PROC-", n_processes)
    measure_ids = _ids("MON-", n_measures)
    audit_ids = _ids("AUD-", n_audits)
    review_ids = _ids("MR-", n_reviews)
    nc_ids = _ids("NC-", n_ncs)
    top_roles = role_ids[:2]

    def person():
        return "%s %s" % (rng.choice(FIRST), rng.choice(LAST))

    def sentence(*parts):
        return " ".join(p for p in parts if p)

    doc = {"edition": "2022"}
    doc["organisation"] = {
        "name": "Benchmark Holdings Ltd", "address": "1 Example Street, Leeds LS1 1AA",
        "sector": "Professional services", "employees": max(10, n_risks // 10),
        "isms-owner": "ISMS Manager", "classification": "Confidential",
    }
    doc["revisions"] = [
        (rid, {"version": "1.%d" % i, "date": _date(base, 30 * i), "author": person(),
               "summary": "Generated revision %d of the benchmark document." % (i + 1),
               "approved-by": person()})
        for i, rid in enumerate(_ids("REV-", 3 + n_risks // 1000))
    ]
    doc["issues"] = [
        (iid, {"title": "%s affecting %s" % (rng.choice(THREATS), rng.choice(ASSET_NOUNS)),
               "kind": rng.choice(ENUMS["issue-kind"]),
               "category": rng.choice(["Legal", "Technology", "People", "Market", "Suppliers"]),
               "description": sentence("Issue recorded for benchmarking:",
                                       rng.choice(WEAKNESSES) + "."),
               "effect": "Considered in the risk assessment and the scope."})
        for iid in _ids("ISS-", 10 + n_risks // 100)
    ]
    doc["parties"] = [
        (pid, {"name": "Interested party %d" % (i + 1),
               "needs": "Confidentiality of their information and reliable service.",
               "relevant": rng.random() < 0.9,
               "addressed": "Contract terms, the ISMS policy and incident notification."})
        for i, pid in enumerate(_ids("IP-", 8 + n_risks // 200))
    ]
    doc["scope"] = {
        "statement": "The ISMS covers all services delivered from the head office and by remote staff.",
        "sites": "Head office and one branch office.",
        "networks": "Cloud productivity tenant, office networks and managed laptops.",
        "employee-groups": "All employees and contractors.",
        "processes": "Client services, payroll, IT operations, HR and facilities.",
        "out-of-scope": "The marketing website hosted by an agency.",
        "interfaces": "Cloud suppliers, the managed IT provider and government gateways.",
        "exclusions": "Secure development controls (8.4, 8.25, 8.28 to 8.31, 8.33) and 7.6: no development and no secure areas.",
    }
    doc["policy"] = {
        "statement": "We protect the confidentiality, integrity and availability of the information entrusted to us.",
        "objectives-framework": "Objectives are set yearly by top management from the risk assessment.",
        "commit-requirements": True, "commit-improvement": True,
        "authorised-by": person(), "approved": "2026-01-15", "version": "1.0",
        "next-review": "2027-01-15", "communicated": "Intranet, induction and annual training.",
    }
    doc["roles"] = [
        (rid, {"title": ROLE_TITLES[i % len(ROLE_TITLES)] + ("" if i < len(ROLE_TITLES) else " %d" % (i + 1)),
               "holder": person(),
               "responsibilities": "Owns the risks, assets and controls assigned to the role.",
               "authority": "May approve changes within the role's budget.",
               "top-management": rid in top_roles})
        for i, rid in enumerate(role_ids)
    ]
    doc["assets"] = [
        (aid, {"name": "%s %s %d" % (rng.choice(ASSET_NOUNS).capitalize(), rng.choice(QUALIFIERS), i + 1),
               "type": rng.choice(ENUMS["asset-type"]), "owner": rng.choice(role_ids),
               "location": rng.choice(["Head office", "Branch office", "Cloud (UK)", "Remote"]),
               "classification": rng.choice(ENUMS["classification"][1:]),
               "description": "Asset generated for benchmarking."})
        for i, aid in enumerate(asset_ids)
    ]

    risks = []
    chosen = set()
    risk_status = {}
    for i, rid in enumerate(risk_ids):
        lik, con = rng.randint(1, 5), rng.randint(1, 5)
        treatment = rng.choice(["change-likelihood"] * 5 + ["change-consequence"] * 3 +
                               ["transfer", "accept", "avoid", "remove-source"])
        controls = sorted(_pick(rng, APPLICABLE_CONTROLS, rng.randint(1, 5)),
                          key=CONTROLS_2022.index)
        if treatment == "accept":
            controls = []
            rl, rc = lik, con
        else:
            rl, rc = max(1, lik - rng.randint(0, 2)), max(1, con - rng.randint(0, 2))
            if (rl, rc) == (lik, con):
                if rl > 1:
                    rl -= 1
                elif rc > 1:
                    rc -= 1
        chosen.update(controls)
        residual = rl * rc
        status = rng.choice(["treating", "accepted", "accepted", "assessed"])
        if treatment == "accept":
            status = "accepted"
        risk_status[rid] = status
        accepted = status == "accepted"
        threat = rng.choice(THREATS)
        risks.append((rid, {
            "title": "%s affecting %s %s" % (threat, rng.choice(ASSET_NOUNS), rng.choice(QUALIFIERS)),
            "assets": sorted(_pick(rng, asset_ids, rng.randint(1, 3)), key=asset_ids.index),
            "threat": threat + ".", "vulnerability": rng.choice(WEAKNESSES).capitalize() + ".",
            "existing-controls": rng.choice(EXISTING) + ".",
            "likelihood": lik, "consequence": con, "owner": rng.choice(role_ids),
            "treatment": treatment, "controls": controls,
            "custom-controls": "Cyber insurance policy." if treatment == "transfer" else None,
            "residual-likelihood": rl, "residual-consequence": rc,
            "accepted-by": person() if accepted else None,
            "accepted": _date(base, rng.randint(0, 300)) if accepted else None,
            "management-approval": accepted and residual >= 10,
            "status": status, "next-review": _date(base, 365 + rng.randint(0, 180)),
        }))
    doc["risks"] = risks

    actions = []
    act_ids = _ids("ACT-", n_risks)
    for aid in act_ids:
        rid, risk = risks[rng.randrange(n_risks)]
        status = rng.choice(ENUMS["action-status"][:3] * 3 + ["cancelled"])
        ctrl = risk["controls"][:2] if risk["controls"] else sorted(
            _pick(rng, APPLICABLE_CONTROLS, 1), key=CONTROLS_2022.index)
        chosen.update(ctrl)
        actions.append((aid, {
            "title": "Implement %s for %s" % (rng.choice(["a procedure", "a technical control",
                                                          "training", "a supplier review"]),
                                              risk["title"][:40].rstrip()),
            "risk": rid, "controls": ctrl, "owner": rng.choice(role_ids),
            "resources": "%d days of staff time" % rng.randint(1, 10),
            "due": _date(base, rng.randint(0, 540)), "status": status,
            "evidence": "Record filed in the ISMS library." if status == "done" else None,
        }))
    doc["actions"] = actions
    doc["plan-approval"] = {
        "owners-approved-by": "All risk owners", "owners-approved": "2026-03-02",
        "management-approved-by": doc["roles"][0][1]["holder"], "management-approved": "2026-03-09",
        "notes": "Generated approval of the risk treatment plan.",
    }

    soa = {}
    for cid in CONTROLS_2022:
        if cid in NOT_APPLICABLE:
            soa[cid] = {"applicable": "not-applicable", "justification": NOT_APPLICABLE[cid],
                        "owner": role_ids[2 % n_roles]}
            continue
        reasons = ["business"]
        if cid in chosen:
            reasons.append("risk-treatment")
        if rng.random() < 0.2:
            reasons.append("legal")
        if rng.random() < 0.2:
            reasons.append("contractual")
        soa[cid] = {
            "applicable": "applicable", "reasons": reasons,
            "implementation": rng.choice(["implemented"] * 6 + ["partial", "planned"]),
            "justification": "Control %s is needed for the risks and obligations of the organisation." % cid,
            "how-applied": "%s section %d" % (rng.choice(doc_ids), rng.randint(1, 9)),
            "document": rng.choice(doc_ids), "owner": rng.choice(role_ids),
        }
    doc["soa"] = soa

    doc["objectives"] = [
        (oid, {"title": "Security objective %d" % (i + 1),
               "target": "Reach %d%% by the due date." % rng.randint(80, 100),
               "measure": "Monthly report", "owner": rng.choice(role_ids),
               "resources": "Existing staff time", "due": _date(base, rng.randint(90, 500)),
               "ongoing": rng.random() < 0.3, "progress": rng.randint(0, 100),
               "status": rng.choice(ENUMS["objective-status"])})
        for i, oid in enumerate(_ids("OBJ-", 5 + n_risks // 200))
    ]
    doc["competences"] = [
        (cid, {"role": role_ids[i % n_roles],
               "requirement": "Knowledge of the procedures and controls the role operates (%d)." % (i + 1),
               "verification": "Certificate on file and annual appraisal."})
        for i, cid in enumerate(_ids("COMP-", max(6, n_roles * 2)))
    ]
    doc["trainings"] = [
        (tid, {"person": person(), "topic": rng.choice(["Security awareness", "Phishing refresher",
                                                        "UK GDPR essentials", "Incident response drill"]),
               "kind": rng.choice(ENUMS["training-kind"]), "date": _date(base, rng.randint(0, 300)),
               "evidence": "Completion record in the learning system",
               "expiry": _date(base, rng.randint(300, 700))})
        for tid in _ids("TRN-", max(10, n_risks // 10))
    ]
    doc["communications"] = [
        (cid, {"subject": "Communication %d" % (i + 1), "when": rng.choice(["Monthly", "Quarterly", "On change"]),
               "audience": rng.choice(["All staff", "Top management", "Suppliers", "Clients"]),
               "sender": rng.choice(role_ids), "channel": rng.choice(["Email", "Intranet", "Meeting"])})
        for i, cid in enumerate(_ids("COM-", 6 + n_risks // 200))
    ]
    doc["documents"] = [
        (did, {"reference": "ISMS-%03d" % (i + 1), "title": "Controlled document %d" % (i + 1),
               "type": rng.choice(ENUMS["document-type"]), "version": "1.%d" % rng.randint(0, 5),
               "owner": rng.choice(role_ids), "approver": top_roles[0],
               "approved": _date(base, rng.randint(0, 200)), "next-review": _date(base, rng.randint(365, 500)),
               "classification": rng.choice(ENUMS["classification"][1:]),
               "location": "Document library / ISMS", "status": "approved"})
        for i, did in enumerate(doc_ids)
    ]
    doc["reassessment"] = {
        "interval-months": 12, "last": "2026-01-10", "next": "2027-01-10",
        "triggers": ["Significant change to services or systems", "Major incident",
                     "New legal or contractual requirement"],
    }
    per_proc = max(1, n_risks // n_processes)
    doc["processes"] = [
        (pid, {"name": "Process %d" % (i + 1), "owner": rng.choice(role_ids),
               "description": "Business process generated for benchmarking.",
               "risks": risk_ids[i * per_proc:(i + 1) * per_proc][:50]})
        for i, pid in enumerate(proc_ids)
    ]
    doc["measures"] = [
        (mid, {"title": "Measure %d" % (i + 1), "method": "Report from the management console.",
               "frequency": "Monthly", "owner": rng.choice(role_ids), "reported-to": "Top management",
               "escalation": "Below target twice in a row: raise a nonconformity.",
               "target": 95, "unit": "%", "higher-is-better": True})
        for i, mid in enumerate(measure_ids)
    ]
    measurements = []
    res_ids = iter(_ids("RES-", n_measures * 12))
    for mid in measure_ids:
        level = rng.uniform(70, 90)
        for month in range(1, 13):
            level = min(100.0, level + rng.uniform(-2, 4))
            measurements.append((next(res_ids), {
                "measure": mid, "date": "2026-%02d-28" % month, "value": round(level, 1),
                "note": "Monthly result." if month % 3 == 0 else None}))
    doc["measurements"] = measurements
    audits = []
    for i, aid in enumerate(audit_ids):
        done = i < n_audits // 2
        audits.append((aid, {
            "title": "Internal audit %d" % (i + 1),
            "processes": proc_ids[i * 4:(i + 1) * 4] or [proc_ids[-1]],
            "frequency-months": 12, "auditor": person(),
            "independence": "Does not audit their own work.",
            "planned": _date(base, 30 * i), "done": _date(base, 30 * i + 2) if done else None,
            "status": "completed" if done else "planned",
            "summary": "Audit completed; findings recorded." if done else None}))
    doc["audits"] = audits
    done_audits = [a for a, r in audits if r["status"] == "completed"]
    findings = []
    for i, fid in enumerate(_ids("FND-", 2 * len(done_audits))):
        findings.append((fid, {
            "audit": done_audits[i // 2], "type": rng.choice(ENUMS["finding-type"]),
            "reference": rng.choice(["7.5", "9.1", "6.1.3"] + APPLICABLE_CONTROLS[:20]),
            "description": "Finding %d recorded during the audit." % (i + 1),
            "nonconformity": nc_ids[i] if i < n_ncs and i % 2 == 0 else None}))
    doc["findings"] = findings
    doc["reviews"] = [
        (mid, {"date": _date(base, 200 + i), "attendees": "Top management and the ISMS Manager",
               "previous-actions": "All closed.", "issue-changes": "None significant.",
               "party-changes": "None.", "nonconformities": "%d open." % n_ncs,
               "monitoring": "Most measures on target.", "audits": "Programme on schedule.",
               "objectives": "On track.", "feedback": "No complaints.",
               "risks": "%d risks assessed." % n_risks, "opportunities": "Automate reporting.",
               "decisions": "Continue the programme."})
        for i, mid in enumerate(review_ids)
    ]
    doc["review-actions"] = [
        (aid, {"review": review_ids[i % n_reviews], "title": "Review action %d" % (i + 1),
               "owner": rng.choice(role_ids), "due": _date(base, 260 + i),
               "status": rng.choice(ENUMS["action-status"])})
        for i, aid in enumerate(_ids("MRA-", 4 * n_reviews))
    ]
    doc["nonconformities"] = [
        (nid, {"title": "Nonconformity %d" % (i + 1), "source": rng.choice(ENUMS["nc-source"]),
               "raised": _date(base, rng.randint(0, 300)), "description": "Requirement not met.",
               "containment": "Immediate correction made.",
               "whys": ["Step was skipped.", "No reminder existed.", "Procedure unclear."],
               "root-cause": "Procedure lacked a check.", "corrective-action": "Procedure updated.",
               "owner": rng.choice(role_ids), "due": _date(base, rng.randint(300, 400)),
               "effectiveness-review": _date(base, 420), "effectiveness": "effective",
               "status": "closed"})
        for i, nid in enumerate(nc_ids)
    ]
    doc["incidents"] = [
        (iid, {"title": "%s (%d)" % (rng.choice(THREATS), i + 1), "date": _date(base, rng.randint(0, 320)),
               "description": "Incident generated for benchmarking.",
               "confidentiality": rng.random() < 0.5, "integrity": rng.random() < 0.3,
               "availability": rng.random() < 0.3, "severity": rng.choice(ENUMS["severity"]),
               "assets": sorted(_pick(rng, asset_ids, 2), key=asset_ids.index),
               "response": "Contained and recovered.", "lessons": "Awareness refreshed.",
               "nonconformity": nc_ids[i] if i < n_ncs and i % 3 == 0 else None})
        for i, iid in enumerate(_ids("INC-", n_incidents))
    ]
    return doc


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--risks", type=int, required=True, help="number of risks")
    parser.add_argument("--assets", type=int, default=None, help="number of assets (default risks/2)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("-o", "--output", required=True, help="file to write ('-' for stdout)")
    args = parser.parse_args(argv)
    if args.risks < 1:
        parser.error("--risks must be at least 1")
    doc = generate(args.risks, args.assets, args.seed)
    if args.output == "-":
        write_document(doc, sys.stdout)
    else:
        with open(args.output, "w", encoding="utf-8", newline="\n") as stream:
            write_document(doc, stream)
    return 0


if __name__ == "__main__":
    sys.exit(main())
