#!/usr/bin/env python3
"""Measure bpf-tidy's fixes on a fixed corpus of real Cilium trees.

The corpus (bench/fix-corpus.commits): Cilium's bpf/ at the first commit
of each June from 2017 to 2025 on the default branch (by commit date, UTC)
and at the newest commit of the mirror. For each tree this script:

  1. extracts bpf/ with `git archive` from the mirror into --work-dir
     (never into the project);
  2. makes per bpf_*.c two configurations from the tree's own Makefile
     (scripts/configs-from-makefile): 'max' (MAX_*_OPTIONS, or the
     Makefile's build without options in trees that have none) and one
     more, the compile-tested permutation that differs most from it (code
     behind #ifndef/#else that 'max' hides);
  3. runs `bpf-tidy --fix --format=json` over every configuration of every
     program at once (one compilation database), on a copy of the tree;
  4. compiles every configuration before and after the fix with
     `clang-19 -target bpf` and the tree's flags (-O2, -Werror, ...);
  5. compares each fix's direction, source and exit code with the tree's
     own notifications in the function (or macro) that holds the site;

and prints a table per tree and the totals. Never fails on a number: exit
status 2 when something cannot run at all (no mirror, no bpf-tidy, a
commit missing, bad arguments), 1 only with --require-compiles, when a
configuration that compiled before the fix does not compile after it.

--pick-commits writes the commit list from the mirror; other runs read it,
so the corpus stays the same as the mirror grows.
"""

import argparse
import concurrent.futures
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
COMMITS = os.path.join(HERE, "fix-corpus.commits")
CONFIGS_FROM_MAKEFILE = os.path.join(REPO, "scripts", "configs-from-makefile")
DEFAULT_MIRROR = "/work/.mirror/devodev+cilium/repo"
CLANG = "clang-19"
MAX_JOBS = 2
FIRST_YEAR, LAST_YEAR = 2017, 2025
QUICK_TREES = ("2017-06", "2021-06", "newest")
QUICK_PROGRAMS = ("lxc",)  # The program every era has.
NOTIFY_CALL = re.compile(r"\b(send_drop_notify\w*)\s*\(")


def log(message):
    print(message, file=sys.stderr, flush=True)


def fail(message):
    """Something could not run at all: exit 2, as for a usage error."""
    log(message)
    sys.exit(2)


def git(mirror, *args):
    return subprocess.run(["git", "-C", mirror] + list(args), check=True,
                          stdout=subprocess.PIPE,
                          universal_newlines=True).stdout


# --- The corpus ------------------------------------------------------------

def default_branch(mirror):
    ref = git(mirror, "symbolic-ref", "HEAD").strip()
    return ref[len("refs/heads/"):] if ref.startswith("refs/heads/") else ref


def pick_commits(mirror, first_year=FIRST_YEAR, last_year=LAST_YEAR):
    """First commit of each June (UTC commit date) on the first-parent
    history of the default branch, and the branch's newest commit."""
    branch = default_branch(mirror)
    lines = git(mirror, "log", "--first-parent", "--format=%H %ct",
                branch).split("\n")
    commits = []
    for line in lines:
        if line.strip():
            sha, stamp = line.split()
            commits.append((sha, int(stamp)))
    picked = []
    for year in range(first_year, last_year + 1):
        june = [(stamp, sha) for sha, stamp in commits
                if utc(stamp).year == year and utc(stamp).month == 6]
        if not june:
            fail("fix-corpus: no commit in June %d on %s"
                             % (year, branch))
        stamp, sha = min(june)
        picked.append(("%d-06" % year, sha, stamp))
    newest_sha, newest_stamp = commits[0]
    picked.append(("newest", newest_sha, newest_stamp))
    return branch, picked


def utc(stamp):
    return datetime.datetime.fromtimestamp(stamp, datetime.timezone.utc)


def write_commits(path, mirror, branch, picked):
    """Writes the list whole or not at all (a temporary file renamed)."""
    lines = ["# The fixed corpus of bench/fix-corpus.py: Cilium's bpf/ at these "
             "commits of the",
             "# mirror %s, branch %s, written by" % (mirror, branch),
             "# `bench/fix-corpus.py --pick-commits`: the first commit of "
             "each June (UTC",
             "# commit date, first-parent history) and the newest commit "
             "when it was made.",
             "# name     commit                                   "
             "commit date (UTC)"]
    for name, sha, stamp in picked:
        lines.append("%-10s %s %s" % (name, sha, utc(stamp).strftime(
            "%Y-%m-%dT%H:%M:%SZ")))
    directory = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=".commits-")
    try:
        with os.fdopen(handle, "w") as f:
            f.write("\n".join(lines) + "\n")
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def read_commits(path):
    trees = []
    with open(path) as f:
        for number, line in enumerate(f, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            words = line.split()
            if len(words) != 3 or not re.match(r"^[0-9a-f]{40}$", words[1]):
                fail("fix-corpus: %s:%d: expected 'NAME COMMIT "
                                 "DATE'" % (path, number))
            trees.append({"name": words[0], "commit": words[1],
                          "date": words[2]})
    return trees


def extract(mirror, commit, destination):
    """bpf/ of COMMIT into DESTINATION/bpf, reusing a finished extraction."""
    stamp = os.path.join(destination, ".extracted")
    if os.path.exists(stamp):
        with open(stamp) as f:
            if f.read().strip() == commit:
                return
    shutil.rmtree(destination, ignore_errors=True)
    os.makedirs(destination)
    archive = subprocess.Popen(["git", "-C", mirror, "archive", commit, "bpf"],
                               stdout=subprocess.PIPE)
    subprocess.run(["tar", "-x", "-C", destination], stdin=archive.stdout,
                   check=True)
    if archive.wait() != 0:
        fail("fix-corpus: git archive %s failed" % commit)
    with open(stamp, "w") as f:
        f.write(commit + "\n")


# --- Configurations ----------------------------------------------------------

def configurations(bpf_dir, program):
    """(common flags, [(name, flags)]) for PROGRAM: 'max' (or 'default')
    and the permutation that differs most from it, or an error string."""
    run = subprocess.run([sys.executable, CONFIGS_FROM_MAKEFILE,
                          "--default-config", "--cpus", "2", bpf_dir,
                          program], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, universal_newlines=True)
    if run.returncode != 0:
        return None, run.stderr.strip()
    common, configs = [], []
    for line in run.stdout.splitlines():
        if line.startswith("flags "):
            common = line.split()[1:]
        elif line.startswith("config "):
            words = line.split()
            configs.append((words[1], words[2:]))
    main = [c for c in configs if c[0] in ("max", "default")]
    if not main:
        return None, "no 'max' configuration"
    main = main[0]
    chosen = [main]
    extra = most_different(main, [c for c in configs if c is not main])
    if extra:
        chosen.append(extra)
    return common, chosen


def defined_names(flags):
    return {f[2:].split("=", 1)[0] for f in flags if f.startswith("-D")}


def most_different(main, permutations):
    """The permutation whose defined names differ most from MAIN's (the
    first of equals): what MAIN defines it leaves out, so code behind
    #ifndef and #else is compiled."""
    names = defined_names(main[1])
    best, best_score = None, 0
    for config in permutations:
        score = len(defined_names(config[1]) ^ names)
        if score > best_score:
            best, best_score = config, score
    return best


def defines_of(flags):
    """The -D and -U flags as bpf-tidy names them ("!NAME" for -U NAME)."""
    defines = []
    for flag in flags:
        if flag.startswith("-D"):
            defines.append(flag[2:])
        elif flag.startswith("-U"):
            defines.append("!" + flag[2:])
    return defines


def configuration_name(flags, shared):
    """The name bpf-tidy gives a compilation database entry: its defines
    that not every entry has (shared: those every entry has)."""
    own = []
    for define in defines_of(flags):
        if define not in shared and define not in own:
            own.append(define)
    return ",".join(own) or "default"


# --- Compiling ---------------------------------------------------------------

def compile_unit(bpf_dir, source, flags, output):
    argv = [CLANG, "-target", "bpf"] + flags + ["-c", source, "-o", output]
    run = subprocess.run(argv, cwd=bpf_dir, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, universal_newlines=True)
    errors = [line for line in run.stdout.splitlines() if "error:" in line]
    return run.returncode == 0, errors[0] if errors else run.stdout.strip()[:200]


# --- The tree's own notifications --------------------------------------------

ROLE_WORDS = (("direction", ("dir",)), ("exitcode", ("exit",)),
              ("source", ("src", "seclabel", "label")),
              ("ext_err", ("ext",)), ("reason", ("err", "reason")))


def notification_signatures(bpf_dir):
    """(helper, number of arguments) -> role of each parameter, read from
    the tree's own definitions of send_drop_notify*."""
    definition = re.compile(
        r"(?:#\s*define\s+|\b(?:int|void|__u32|long)\s+)(send_drop_notify\w*)"
        r"\s*\(([^)]*)\)")
    signatures = {}
    for root, _, files in os.walk(bpf_dir):
        for name in files:
            if not name.endswith((".h", ".c")):
                continue
            with open(os.path.join(root, name), errors="replace") as f:
                # Comments describe older signatures ("int
                # send_drop_notify_error(ctx, error, exitcode, ...)").
                text = strip_comments(f.read())
            for m in definition.finditer(text):
                params = [p.strip() for p in m.group(2).split(",")]
                roles = []
                for param in params:
                    words = re.findall(r"[A-Za-z_][A-Za-z0-9_]*", param)
                    word = words[-1].lower() if words else ""
                    role = "ctx" if word in ("ctx", "skb") else "other"
                    for candidate, stems in ROLE_WORDS:
                        if any(stem in word for stem in stems):
                            role = candidate
                            break
                    roles.append(role)
                signatures.setdefault((m.group(1), len(params)), roles)
    return signatures


def split_arguments(text, open_paren):
    """Arguments of the call whose '(' is at OPEN_PAREN, and the end."""
    depth, start, args = 0, open_paren + 1, []
    for i in range(open_paren, len(text)):
        c = text[i]
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                args.append(text[start:i])
                return [normalize(a) for a in args], i + 1
        elif c == "," and depth == 1:
            args.append(text[start:i])
            start = i + 1
    return None, len(text)


def normalize(expression):
    return re.sub(r"\s+", " ", expression.replace("\\\n", " ")).strip()


def notifications_in(text, signatures):
    """Each notification call in TEXT as {role: argument}."""
    found = []
    for m in NOTIFY_CALL.finditer(text):
        args, _ = split_arguments(text, m.end() - 1)
        if args is None:
            continue
        roles = signatures.get((m.group(1), len(args)))
        if roles:
            found.append(dict(zip(roles, args)))
    return found


def strip_comments(text):
    """Comments and string literals blanked, offsets kept."""
    def blank(m):
        return re.sub(r"[^\n]", " ", m.group(0))
    return re.sub(r"/\*.*?\*/|//[^\n]*|\"(?:\\.|[^\"\\\n])*\"", blank, text,
                  flags=re.S)


def enclosing_region(text, offset):
    """The #define or the top-level braces around OFFSET (text with
    comments blanked)."""
    line_start = text.rfind("\n", 0, offset) + 1
    # Inside a macro: walk back over continued lines to its #define.
    start = line_start
    while True:
        previous_end = start - 1
        if previous_end <= 0:
            break
        previous_start = text.rfind("\n", 0, previous_end) + 1
        if not text[previous_start:previous_end].rstrip().endswith("\\"):
            break
        start = previous_start
    if re.match(r"\s*#\s*define\b", text[start:]):
        end = start
        while True:
            newline = text.find("\n", end)
            if newline < 0:
                end = len(text)
                break
            if not text[end:newline].rstrip().endswith("\\"):
                end = newline
                break
            end = newline + 1
        return start, end
    depth, opened = 0, None
    in_directive = False
    for i, c in enumerate(text):
        if c == "#" and text[text.rfind("\n", 0, i) + 1:i].strip() == "":
            in_directive = True
        if c == "\n":
            if not (i > 0 and text[i - 1] == "\\"):
                in_directive = False
            continue
        if in_directive:
            continue
        if c == "{":
            if depth == 0:
                opened = i
            depth += 1
        elif c == "}" and depth > 0:
            depth -= 1
            if depth == 0:
                if opened is not None and opened <= offset <= i:
                    head = text.rfind(";", 0, opened)
                    head = max(head, text.rfind("}", 0, opened)) + 1
                    return head, i + 1
    return None


def compare(fix_roles, siblings, role, same_direction):
    """'agree', 'mismatch', 'mixed' or 'none' for ROLE."""
    if role not in fix_roles:
        return "not-in-fix"
    pool = siblings
    if role != "direction" and "direction" in fix_roles:
        directed = [s for s in siblings
                    if s.get("direction") == fix_roles["direction"]]
        if directed and same_direction:
            pool = directed
    values = {s[role] for s in pool if role in s}
    if not values:
        return "none"
    if values == {fix_roles[role]}:
        return "agree"
    if len(values) == 1:
        return "mismatch"
    return "mixed" if fix_roles[role] in values else "mismatch"


# --- bpf-tidy findings -------------------------------------------------------

UNFIXED_REASONS = [
    # First: the merged note quotes why the configurations without a fix
    # have none, which may name any of the reasons below.
    ("configurations disagree", re.compile(
        r"^no fix: (in some configurations|configurations propose)", re.I)),
    ("direction", re.compile(r"direction", re.I)),
    ("valid verdict", re.compile(r"verdict|non-drop|not a drop|other paths",
                                 re.I)),
    ("not defined", re.compile(r"is not defined|undefined|not declared",
                               re.I)),
    ("macro argument", re.compile(r"macro argument", re.I)),
    ("arguments of the helper", re.compile(r"number of arguments|takes \d+",
                                           re.I)),
    ("configurations disagree", re.compile(r"configuration", re.I)),
]


def unfixed_reason(finding):
    notes = [n["message"] for n in finding.get("notes", [])
             if n.get("reason") == "no-fix"]
    text = " / ".join(notes) or finding.get("fix_withheld", "")
    return reason_of(text), text


def reason_of(text):
    """The reason a 'no fix' note gives, by name."""
    if not text:
        return "no note"
    for name, pattern in UNFIXED_REASONS:
        if pattern.search(text):
            return name
    return "other"


def run_bpf_tidy(bpf_tidy, bpf_dir, units, jobs, fix=True):
    database = []
    for source, flags in units:
        database.append({"directory": bpf_dir, "file": source,
                         "arguments": [CLANG, "-target", "bpf"] + flags
                         + ["-c", source]})
    with open(os.path.join(bpf_dir, "compile_commands.json"), "w") as f:
        json.dump(database, f, indent=1)
    argv = [bpf_tidy, "-p", bpf_dir] + (["--fix"] if fix else []) + [
        "--format=json", "-j", str(jobs)] + sorted(
            {source for source, _ in units})
    run = subprocess.run(argv, cwd=bpf_dir, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, universal_newlines=True)
    try:
        report = json.loads(run.stdout)
    except ValueError:
        fail("fix-corpus: %s gave no JSON report (exit %d): %s"
                         % (bpf_dir, run.returncode, run.stderr[-2000:]))
    return report, run.returncode, run.stderr


# --- One tree ----------------------------------------------------------------

def measure_tree(tree, args):
    started = time.time()
    root = os.path.join(args.work_dir, tree["name"])
    original = os.path.join(root, "original")
    fixed = os.path.join(root, "fixed")
    objects = os.path.join(root, "objects")
    extract(args.mirror, tree["commit"], original)
    bpf_orig = os.path.join(original, "bpf")
    programs = sorted(name[len("bpf_"):-len(".c")]
                      for name in os.listdir(bpf_orig)
                      if name.startswith("bpf_") and name.endswith(".c"))
    if args.programs:
        programs = [p for p in programs if p in args.programs]
    units, problems, names = [], [], {}
    for program in programs:
        common, chosen = configurations(bpf_orig, program)
        if common is None:
            problems.append("bpf_%s.c: %s" % (program, chosen))
            continue
        for name, flags in chosen:
            all_flags = common + flags
            units.append({"program": program, "source": "bpf_%s.c" % program,
                          "config": name, "flags": all_flags})
    # Programs built with the same -D flags share a name.
    shared = set.intersection(*(set(defines_of(u["flags"])) for u in units)) \
        if units else set()
    for unit in units:
        names.setdefault(configuration_name(unit["flags"], shared), []).append(
            "%s/%s" % (unit["program"], unit["config"]))
    shutil.rmtree(fixed, ignore_errors=True)
    shutil.rmtree(objects, ignore_errors=True)
    shutil.copytree(original, fixed, symlinks=True)
    bpf_fixed = os.path.join(fixed, "bpf")
    for side in ("before", "after"):
        os.makedirs(os.path.join(objects, side))

    report, exit_code, stderr = run_bpf_tidy(
        args.bpf_tidy, bpf_fixed,
        [(u["source"], u["flags"]) for u in units], args.jobs)
    with open(os.path.join(root, "bpf-tidy.json"), "w") as f:
        json.dump(report, f, indent=1)

    # A second run on the fixed tree: a fix it would still make means one
    # --fix run does not give what running --fix until nothing changes
    # gives (a fix written by the first run told the second more).
    second = None
    if args.second_run:
        again, _, _ = run_bpf_tidy(
            args.bpf_tidy, bpf_fixed,
            [(u["source"], u["flags"]) for u in units], args.jobs, fix=False)
        second = ["%s:%d %s" % (f["file"], f["line"], f.get("function", ""))
                  for f in again.get("findings", [])
                  if f.get("check") == "bpf-bare-drop-return" and f.get("fix")]

    def build(unit, side):
        directory = bpf_orig if side == "before" else bpf_fixed
        output = os.path.join(objects, side, "%s-%s.o" % (unit["program"],
                                                          unit["config"]))
        return compile_unit(directory, unit["source"], unit["flags"], output)

    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        before = list(pool.map(lambda u: build(u, "before"), units))
        after = list(pool.map(lambda u: build(u, "after"), units))
    for unit, b, a in zip(units, before, after):
        unit["before"], unit["before_error"] = b
        unit["after"], unit["after_error"] = a

    signatures = notification_signatures(bpf_orig)
    texts = {}
    findings = []
    for finding in report.get("findings", []):
        if finding.get("check") != "bpf-bare-drop-return":
            continue
        entry = {
            "file": finding["file"], "line": finding["line"],
            "function": finding.get("function", ""),
            "message": finding["message"],
            "configurations": [n for c in finding.get("configurations", [])
                               for n in names.get(c, [c])],
            "has_fix": bool(finding.get("fix")),
            "fixed": bool(finding.get("fixed")),
        }
        if not entry["has_fix"]:
            entry["reason"], entry["why"] = unfixed_reason(finding)
        else:
            entry.update(compare_fix(finding, bpf_orig, texts, signatures))
        findings.append(entry)
    errors = [f for f in report.get("findings", [])
              if f.get("check") == "clang-diagnostic-error"]
    return {
        "name": tree["name"], "commit": tree["commit"], "date": tree["date"],
        "programs": programs, "problems": problems, "units": units,
        "findings": findings, "bpf_tidy_exit": exit_code,
        "second_run_fixes": second,
        "bpf_tidy_errors": [e["message"] for e in errors][:5],
        "bpf_tidy_stderr": stderr[-1000:] if exit_code not in (0, 1) else "",
        "seconds": round(time.time() - started, 1),
    }


def compare_fix(finding, bpf_dir, texts, signatures):
    """How the fix's direction, source and exit code compare with the
    notifications the tree itself writes around the site."""
    path = os.path.join(bpf_dir, finding["file"])
    if path not in texts:
        with open(path, errors="replace") as f:
            texts[path] = strip_comments(f.read())
    text = texts[path]
    fix = finding["fix"][0]
    replacement = fix["replacement"]
    m = NOTIFY_CALL.search(replacement)
    result = {"fix_text": normalize(replacement)}
    if not m:
        result["compare"] = {"direction": "unreadable", "source": "unreadable",
                             "exitcode": "unreadable"}
        return result
    args, _ = split_arguments(replacement, m.end() - 1)
    roles = signatures.get((m.group(1), len(args or [])), [])
    fix_roles = dict(zip(roles, args or []))
    region = enclosing_region(text, finding["offset"])
    siblings, scope = [], "function"
    if region:
        body = text[region[0]:region[1]]
        siblings = notifications_in(body, signatures)
    if not siblings:
        # A site in a helper: the programs that return its value.
        scope = "program"
        for name in PROGRAM_NOTE.findall(" ".join(
                n["message"] for n in finding.get("notes", []))):
            for body in function_bodies(bpf_dir, name, texts):
                siblings += notifications_in(body, signatures)
    result["scope"] = scope if siblings else "none"
    result["compare"] = {
        role: compare(fix_roles, siblings, role, same_direction=True)
        for role in ("direction", "source", "exitcode")}
    result["fix_roles"] = fix_roles
    result["siblings"] = siblings
    return result


PROGRAM_NOTE = re.compile(r"returned to the kernel by (?:tail call|entry "
                          r"program|program|function) '(\w+)'")


def function_bodies(bpf_dir, name, texts):
    """The bodies of the functions called NAME in the tree's .c files and
    headers (comments blanked)."""
    definition = re.compile(r"\b%s\s*\([^;{)]*\)\s*\{" % re.escape(name))
    bodies = []
    for root, _, files in os.walk(bpf_dir):
        for file_name in files:
            if not file_name.endswith((".c", ".h")):
                continue
            path = os.path.join(root, file_name)
            if path not in texts:
                with open(path, errors="replace") as f:
                    texts[path] = strip_comments(f.read())
            text = texts[path]
            for m in definition.finditer(text):
                region = enclosing_region(text, m.end())
                if region:
                    bodies.append(text[region[0]:region[1]])
    return bodies


# --- Report ------------------------------------------------------------------

def summarize(tree):
    units = tree["units"]
    findings = tree["findings"]
    compiled_before = [u for u in units if u["before"]]
    broke = [u for u in compiled_before if not u["after"]]
    unfixed = {}
    for f in findings:
        if not f["has_fix"]:
            unfixed[f["reason"]] = unfixed.get(f["reason"], 0) + 1
    mismatches = {role: sum(1 for f in findings if f.get("compare", {})
                            .get(role) == "mismatch")
                  for role in ("direction", "source", "exitcode")}
    compared = {role: sum(1 for f in findings if f.get("compare", {})
                          .get(role) in ("agree", "mismatch", "mixed"))
                for role in ("direction", "source", "exitcode")}
    return {
        "programs": len({u["program"] for u in units}),
        "units": len(units),
        "configs": len(units),
        "findings": len(findings),
        "with_fix": sum(1 for f in findings if f["has_fix"]),
        "fixed": sum(1 for f in findings if f["fixed"]),
        "unfixed": unfixed,
        "compiled_before": len(compiled_before),
        "compiled_after": sum(1 for u in units if u["after"]),
        "broke": ["%s/%s: %s" % (u["program"], u["config"], u["after_error"])
                  for u in broke],
        "mismatches": mismatches, "compared": compared,
        "extra_only": sum(1 for f in findings if not any(
            c.endswith(("/max", "/default")) for c in f["configurations"])),
    }


def print_table(trees, out):
    header = ("tree", "commit", "programs", "configs", "findings", "fixed",
              "rate", "unfixed", "compiled", "dir≠", "src≠", "exit≠")
    rows = []
    total = {"programs": 0, "configs": 0, "findings": 0, "fixed": 0,
             "with_fix": 0, "compiled_before": 0, "compiled_after": 0,
             "unfixed": {}, "mismatches": {"direction": 0, "source": 0,
                                           "exitcode": 0},
             "compared": {"direction": 0, "source": 0, "exitcode": 0},
             "broke": [], "extra_only": 0}
    for tree in trees:
        s = summarize(tree)
        tree["summary"] = s
        for key in ("programs", "configs", "findings", "fixed", "with_fix",
                    "compiled_before", "compiled_after"):
            total[key] += s[key]
        for reason, count in s["unfixed"].items():
            total["unfixed"][reason] = total["unfixed"].get(reason, 0) + count
        for role in ("direction", "source", "exitcode"):
            total["mismatches"][role] += s["mismatches"][role]
            total["compared"][role] += s["compared"][role]
        total["broke"] += ["%s %s" % (tree["name"], b) for b in s["broke"]]
        total["extra_only"] += s["extra_only"]
        rows.append(row(tree["name"], tree["commit"][:10], s))
    rows.append(row("total", "", total))
    widths = [max(len(str(r[i])) for r in rows + [header])
              for i in range(len(header))]
    for r in [header] + rows:
        out.write("  ".join(str(c).ljust(w) for c, w in zip(r, widths))
                  .rstrip() + "\n")
    out.write("\nunfixed by reason (all trees): %s\n" % (", ".join(
        "%s %d" % (reason, count) for reason, count in
        sorted(total["unfixed"].items(), key=lambda x: -x[1])) or "none"))
    out.write("found only in the extra configuration (not in max): %d\n"
              % total["extra_only"])
    for role in ("direction", "source", "exitcode"):
        out.write("%s against the tree's own notifications around the "
                  "site: %d compared, %d mismatches\n"
                  % (role, total["compared"][role],
                     total["mismatches"][role]))
    out.write("fix rate: %d of %d findings carry a fix (%.1f%%), %d applied; "
              "configurations compiled before %d, after %d; compiled before "
              "but not after: %d\n" % (
                  total["with_fix"], total["findings"],
                  100.0 * total["with_fix"] / max(1, total["findings"]),
                  total["fixed"], total["compiled_before"],
                  total["compiled_after"], len(total["broke"])))
    for line in total["broke"]:
        out.write("  broke: %s\n" % line)
    second = [(t["name"], site) for t in trees
              if t.get("second_run_fixes") is not None
              for site in t["second_run_fixes"]]
    if any(t.get("second_run_fixes") is not None for t in trees):
        out.write("second run on the fixed trees: %d more fixes offered\n"
                  % len(second))
        for name, site in second:
            out.write("  %s %s\n" % (name, site))
    return total


def row(name, commit, s):
    return (name, commit, s["programs"], s["configs"], s["findings"],
            "%d/%d" % (s["fixed"], s["with_fix"]),
            "%.0f%%" % (100.0 * s["with_fix"] / s["findings"])
            if s["findings"] else "-",
            " ".join("%s:%d" % (k.replace(" ", "-"), v)
                     for k, v in sorted(s["unfixed"].items())) or "-",
            "%d/%d" % (s["compiled_before"], s["compiled_after"]),
            s["mismatches"]["direction"], s["mismatches"]["source"],
            s["mismatches"]["exitcode"])


def print_unfixed(trees, out):
    """The findings without a fix, grouped by reason, then by tree and
    function (one row for the sites of one function), as Markdown."""
    groups = {}
    for tree in trees:
        for f in tree["findings"]:
            if f["has_fix"]:
                continue
            rows = groups.setdefault(f["reason"], {})
            key = (tree["name"], f["file"], f["function"])
            rows.setdefault(key, []).append(f)
    for reason, rows in sorted(groups.items(),
                               key=lambda x: -sum(map(len, x[1].values()))):
        out.write("\n### %s (%d)\n\n" % (reason, sum(map(len,
                                                           rows.values()))))
        out.write("| tree | function | sites | why (the first note) |\n"
                  "| --- | --- | --- | --- |\n")
        for (name, path, function), found in rows.items():
            why = found[0]["why"].split(" / ")[0]
            why = why.replace("no fix offered: ", "").replace("|", "\\|")
            out.write("| %s | %s | %s:%s | %s |\n" % (
                name, function.replace("|", "\\|"), path,
                ",".join(str(f["line"]) for f in found), why))


# --- Main --------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="Table columns: programs (bpf_*.c with configurations), "
        "configs (units: program x configuration), findings "
        "(bpf-bare-drop-return sites, merged over the tree's units), fixed "
        "(applied/offered), rate (offered/findings), unfixed (by the reason "
        "of the 'no fix offered' note), compiled (configurations that "
        "compiled before/after the fix), dir≠ src≠ exit≠ (fixes whose "
        "direction, source or exit code differ from the tree's own "
        "notifications around the site).")
    parser.add_argument("--mirror", default=os.environ.get(
        "CILIUM_MIRROR", DEFAULT_MIRROR),
        help="bare git mirror of Cilium (default $CILIUM_MIRROR or %s)"
        % DEFAULT_MIRROR)
    parser.add_argument("--commits", default=COMMITS,
                        help="the commit list (default bench/"
                        "fix-corpus.commits)")
    parser.add_argument("--pick-commits", action="store_true",
                        help="write the commit list from the mirror and "
                        "stop")
    parser.add_argument("--years", default="%d-%d" % (FIRST_YEAR, LAST_YEAR),
                        help="with --pick-commits: the Junes to pick "
                        "(default %(default)s)")
    parser.add_argument("--work-dir", default=os.path.join(
        tempfile.gettempdir(), "bpf-tidy-fix-corpus"),
        help="where trees are extracted, fixed and built (outside the "
        "project's sources, or in a build* folder of it; default "
        "$TMPDIR/bpf-tidy-fix-corpus)")
    parser.add_argument("--bpf-tidy", default=os.path.join(
        os.environ.get("BUILD_DIR", os.path.join(REPO, "build")), "bin",
        "bpf-tidy"), help="the bpf-tidy binary (default build/bin/bpf-tidy)")
    parser.add_argument("-j", "--jobs", type=int, default=2,
                        help="parallel bpf-tidy units and compiles, at most "
                        "%d (default 2)" % MAX_JOBS)
    parser.add_argument("--quick", action="store_true",
                        help="only the trees %s and bpf_%s.c (unless "
                        "--trees or --programs say otherwise)"
                        % (", ".join(QUICK_TREES), ".c, bpf_".join(
                            QUICK_PROGRAMS)))
    parser.add_argument("--trees", default="",
                        help="comma-separated tree names of the list")
    parser.add_argument("--programs", default="",
                        help="comma-separated programs (lxc,host,...); "
                        "default every bpf_*.c")
    parser.add_argument("--json", help="write every measurement here")
    parser.add_argument("--unfixed", action="store_true",
                        help="after the table, list the findings without a "
                        "fix, grouped by reason (Markdown)")
    parser.add_argument("--from-json", metavar="FILE",
                        help="print the table (and --unfixed) from an "
                        "earlier run's --json instead of measuring")
    parser.add_argument("--second-run", action="store_true",
                        help="run bpf-tidy again on each fixed tree and "
                        "report the fixes it would still make (none: one "
                        "--fix run is enough)")
    parser.add_argument("--require-compiles", action="store_true",
                        help="exit 1 if a configuration that compiled before "
                        "the fix does not compile after it")
    args = parser.parse_args()

    if not 1 <= args.jobs <= MAX_JOBS:
        parser.error("--jobs must be 1 or %d" % MAX_JOBS)
    if args.from_json:
        try:
            with open(args.from_json) as f:
                results = json.load(f)["trees"]
        except (OSError, ValueError, KeyError) as e:
            fail("fix-corpus: cannot read %s: %s"
                             % (args.from_json, e))
        # Named again from the note: the names may have changed since.
        for tree in results:
            for finding in tree.get("findings", []):
                if not finding.get("has_fix") and "why" in finding:
                    finding["reason"] = reason_of(finding["why"])
        print_table(results, sys.stdout)
        if args.unfixed:
            print_unfixed(results, sys.stdout)
        return 0
    if not os.path.isdir(args.mirror):
        fail("fix-corpus: no Cilium mirror at %s" % args.mirror)
    if args.pick_commits:
        m = re.match(r"^(\d{4})-(\d{4})$", args.years)
        if not m or int(m.group(1)) > int(m.group(2)):
            parser.error("--years must be FIRST-LAST, e.g. 2017-2025")
        branch, picked = pick_commits(args.mirror, int(m.group(1)),
                                      int(m.group(2)))
        write_commits(args.commits, args.mirror, branch, picked)
        for name, sha, stamp in picked:
            print("%-10s %s %s" % (name, sha, utc(stamp).isoformat()))
        return 0
    work = os.path.realpath(args.work_dir)
    inside = os.path.relpath(work, REPO)
    if not inside.startswith("..") and not inside.startswith("build"):
        fail("fix-corpus: --work-dir must be outside the project "
                         "(%s), or in a build folder of it" % REPO)
    args.work_dir = work
    if not os.access(args.bpf_tidy, os.X_OK):
        fail("fix-corpus: no bpf-tidy at %s (build it, or give "
                         "--bpf-tidy)" % args.bpf_tidy)
    args.programs = [p for p in args.programs.split(",") if p]
    if args.quick and not args.programs:
        args.programs = list(QUICK_PROGRAMS)
    trees = read_commits(args.commits)
    wanted = [t for t in args.trees.split(",") if t]
    if args.quick:
        wanted = wanted or list(QUICK_TREES)
    if wanted:
        unknown = set(wanted) - {t["name"] for t in trees}
        if unknown:
            fail("fix-corpus: no tree %s in %s" % (
                ", ".join(sorted(unknown)), args.commits))
        trees = [t for t in trees if t["name"] in wanted]
    for tree in trees:
        try:
            git(args.mirror, "cat-file", "-e", tree["commit"] + "^{commit}")
        except subprocess.CalledProcessError:
            fail("fix-corpus: commit %s (%s) is not in %s"
                             % (tree["commit"], tree["name"], args.mirror))

    started = time.time()
    os.makedirs(args.work_dir, exist_ok=True)
    results = []
    for tree in trees:
        log("fix-corpus: %s (%s)" % (tree["name"], tree["commit"][:10]))
        results.append(measure_tree(tree, args))
        # Each tree's measurements as soon as they are known.
        with open(os.path.join(args.work_dir, tree["name"], "result.json"),
                  "w") as f:
            json.dump(results[-1], f, indent=1)
        log("fix-corpus: %s done in %.0f s" % (tree["name"],
                                                results[-1]["seconds"]))
    total = print_table(results, sys.stdout)
    for tree in results:
        for problem in tree["problems"]:
            print("%s: left out: %s" % (tree["name"], problem))
        if tree["bpf_tidy_stderr"]:
            print("%s: bpf-tidy exit %d: %s" % (tree["name"],
                                               tree["bpf_tidy_exit"],
                                               tree["bpf_tidy_stderr"]))
        for message in tree["bpf_tidy_errors"]:
            print("%s: does not parse: %s" % (tree["name"], message))
    wall = time.time() - started
    print("wall time: %.0f s, -j%d" % (wall, args.jobs))
    if args.unfixed:
        print_unfixed(results, sys.stdout)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"trees": results, "total": total,
                       "wall_seconds": round(wall, 1), "jobs": args.jobs},
                      f, indent=1)
    if args.require_compiles and total["broke"]:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
