#!/usr/bin/env python3
"""Runs a bpf-* check (--check, default bpf-bare-drop-return) on a lit test
and FileChecks the result.

Usage (through lit's %check_bpf_tidy substitution, which fills in the tool
paths):

  %check_bpf_tidy [options] INPUT TMPBASE [-- tool args] [-- compiler flags]

For each front door (the bpf-tidy command and/or stock clang-tidy with the
bpf module loaded) the driver

  1. makes a work directory TMPBASE.d/<front door>/ holding a copy of INPUT
     in which every "// CHECK-...:" comment is cut down to "//" (so line
     numbers stay), and a copy of INPUT's sibling Inputs/ directory (so a
     header the test includes may be fixed without touching the source
     tree);
  2. runs the front door with --fix --checks=-*,CHECK, the
     tool args, and the compiler flags (-target bpf
     -I/usr/include/x86_64-linux-gnu -I<work dir>/Inputs, then the given
     ones);
  3. FileChecks the diagnostics against CHECK-MESSAGES[-SUFFIX] (every
     warning and error must be matched) or CHECK-NOTES[-SUFFIX] (every note,
     warning and error), and the fixed file against CHECK-FIXES[-SUFFIX]
     with --strict-whitespace, and each --check-header=NAME against
     CHECK-HEADER-FIXES[-SUFFIX];
  4. with --idempotent (the default), runs --fix again: nothing may change
     and the only findings left are those the first run could not fix.

With --front-door=both (the default) it then requires that both front doors
reported the same diagnostics (file, line, column, severity and message)
and left byte-identical files. With --compile it compiles the fixed file
with clang -target bpf -O2 -g -c.

On failure it prints each command it ran with its output and exits 1.
"""

import argparse
import collections
import os
import re
import shlex
import shutil
import subprocess
import sys

CHECK = "bpf-bare-drop-return"
DEFAULT_CFLAGS = ["-target", "bpf", "-I/usr/include/x86_64-linux-gnu"]
CHECK_COMMENT = re.compile(r"//\s*CHECK-[A-Za-z0-9-]*:[^\r\n]*")
DIAG = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): "
                  r"(?P<sev>warning|error|note|fatal error): (?P<msg>.*)$")
FIXIT_NOTE = "note: FIX-IT applied suggested code changes"


def set_check(name):
    global CHECK
    CHECK = name


class Failure(Exception):
    pass


class Log:
    """Remembers every command and its output, for the failure report."""

    def __init__(self):
        self.entries = []

    def run(self, argv, stdin=None, cwd=None):
        try:
            proc = subprocess.run(argv, input=stdin, cwd=cwd,
                                  stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE,
                                  universal_newlines=True)
        except OSError as e:
            proc = subprocess.CompletedProcess(argv, 127, "", str(e) + "\n")
            self.entries.append((argv, proc))
            raise Failure("cannot run %s: %s" % (argv[0], e))
        self.entries.append((argv, proc))
        return proc

    def dump(self, stream):
        for argv, proc in self.entries:
            stream.write("$ %s\n" % " ".join(shlex.quote(a) for a in argv))
            if proc.stdout:
                stream.write("# stdout:\n%s" % proc.stdout)
                if not proc.stdout.endswith("\n"):
                    stream.write("\n")
            if proc.stderr:
                stream.write("# stderr:\n%s" % proc.stderr)
                if not proc.stderr.endswith("\n"):
                    stream.write("\n")
            stream.write("# exit code: %d\n\n" % proc.returncode)


def split_dashes(argv):
    """Splits at the first two '--': options, tool args, compiler flags."""
    parts = [[]]
    for arg in argv:
        if arg == "--" and len(parts) < 3:
            parts.append([])
        else:
            parts[-1].append(arg)
    while len(parts) < 3:
        parts.append([])
    return parts


def parse_args(argv):
    own, tool_args, cflags = split_dashes(argv)
    p = argparse.ArgumentParser(
        prog="check_bpf_tidy.py",
        description="FileCheck driver for bpf-* check lit tests")
    p.add_argument("input")
    p.add_argument("tmpbase")
    p.add_argument("--check", default=CHECK,
                   help="the check to run (default: %(default)s)")
    p.add_argument("--front-door", choices=["bpf-tidy", "clang-tidy", "both"],
                   default="both")
    p.add_argument("--check-suffixes", "--check-suffix", default="",
                   help="comma-separated suffixes: CHECK-MESSAGES-<S> etc.")
    p.add_argument("--compile", action="store_true",
                   help="the fixed file must compile with clang -target bpf")
    p.add_argument("--idempotent", dest="idempotent", action="store_true",
                   default=True)
    p.add_argument("--no-idempotent", dest="idempotent", action="store_false")
    p.add_argument("--expect-exit", type=int, default=None,
                   help="bpf-tidy's exit code (default: 0 when every "
                        "finding was fixed, else 1)")
    p.add_argument("--check-header", action="append", default=[],
                   metavar="NAME",
                   help="FileCheck the fixed Inputs/NAME against "
                        "CHECK-HEADER-FIXES")
    p.add_argument("--bpf-tidy", default=os.environ.get("BPF_TIDY"))
    p.add_argument("--clang-tidy", default=os.environ.get("CLANG_TIDY"))
    p.add_argument("--module", default=os.environ.get("BPF_TIDY_MODULE"))
    p.add_argument("--filecheck", default=os.environ.get("FILECHECK"))
    p.add_argument("--clang", default=os.environ.get("CLANG"))
    args = p.parse_args(own)
    set_check(args.check)
    args.tool_args = tool_args
    args.cflags = cflags
    args.suffixes = [s for s in args.check_suffixes.split(",") if s]
    # Commands run in the work directory: make tool paths absolute.
    for name in ("bpf_tidy", "clang_tidy", "module", "filecheck", "clang"):
        path = getattr(args, name)
        if path and os.sep in path:
            setattr(args, name, os.path.abspath(path))
    return args


def require_binary(path, what, flag):
    if not path:
        raise Failure("%s: not given (pass %s=PATH or run through lit)"
                      % (what, flag))
    if not (os.path.isfile(path) and os.access(path, os.X_OK)
            or what == "bpf module" and os.path.isfile(path)):
        raise Failure("%s not found or not executable: %s (build it first: "
                      "ninja -C <build dir> bpf-tidy BpfTidyModule)"
                      % (what, path))


def prefixes(base, suffixes):
    if not suffixes:
        return [base]
    return ["%s-%s" % (base, s) for s in suffixes]


def used_prefixes(text, names):
    return [n for n in names if re.search(r"\b%s:" % re.escape(n), text)]


def snapshot(root):
    """Every file under root (relative path -> bytes)."""
    files = {}
    for dirpath, _, names in os.walk(root):
        for name in names:
            path = os.path.join(dirpath, name)
            if name.endswith(".o"):
                continue
            with open(path, "rb") as f:
                files[os.path.relpath(path, root)] = f.read()
    return files


def diagnostics(output, workdir):
    """(file, line, col, severity, message) of each diagnostic, the path
    relative to the work directory, FIX-IT chatter left out."""
    result = []
    for line in output.splitlines():
        m = DIAG.match(line)
        if not m or line.endswith(FIXIT_NOTE):
            continue
        path = m.group("file")
        if os.path.isabs(path):
            path = os.path.relpath(os.path.realpath(path),
                                   os.path.realpath(workdir))
        result.append((path, int(m.group("line")), int(m.group("col")),
                       m.group("sev"), m.group("msg")))
    return result


def check_warnings(diags):
    return [d for d in diags if d[3] == "warning" and
            d[4].endswith("[%s]" % CHECK)]


def unfixed_warnings(diags):
    """Warnings of the check whose notes say no fix was offered."""
    left = []
    current = None
    for d in diags:
        if d[3] == "warning":
            current = d
        elif (d[3] == "note" and current is not None and
              d[4].startswith("no fix offered:")):
            left.append(current)
            current = None
    return [d for d in left if d[4].endswith("[%s]" % CHECK)]


class Driver:
    def __init__(self, args):
        self.args = args
        self.log = Log()
        self.input_dir = os.path.dirname(os.path.abspath(args.input))
        with open(args.input, "r") as f:
            self.input_text = f.read()

    def filecheck(self, text, prefix_list, extra, what):
        cmd = [self.args.filecheck, self.args.input,
               "--check-prefixes=" + ",".join(prefix_list)] + extra
        proc = self.log.run(cmd, stdin=text)
        if proc.returncode != 0:
            raise Failure("FileCheck failed on the %s" % what)

    def tool_command(self, door, source, workdir):
        a = self.args
        cflags = DEFAULT_CFLAGS[:]
        if os.path.isdir(os.path.join(workdir, "Inputs")):
            cflags.append("-I" + os.path.join(workdir, "Inputs"))
        cflags += a.cflags
        common = ["--fix", "--checks=-*," + CHECK] + a.tool_args
        if door == "clang-tidy":
            return ([a.clang_tidy, "--load=" + a.module] + common +
                    [source, "--"] + cflags)
        return [a.bpf_tidy] + common + [source, "--"] + cflags

    def prepare(self, door):
        workdir = os.path.abspath("%s.d/%s" % (self.args.tmpbase, door))
        if os.path.exists(workdir):
            shutil.rmtree(workdir)
        os.makedirs(workdir)
        inputs = os.path.join(self.input_dir, "Inputs")
        if os.path.isdir(inputs):
            shutil.copytree(inputs, os.path.join(workdir, "Inputs"))
        # Keep .clang-tidy files above the build tree out of the test.
        with open(os.path.join(workdir, ".clang-tidy"), "w") as f:
            f.write("Checks: '-*'\n")
        source = os.path.join(workdir, os.path.basename(self.args.input))
        with open(source, "w") as f:
            f.write(CHECK_COMMENT.sub("//", self.input_text))
        return workdir, source

    def run_door(self, door):
        a = self.args
        workdir, source = self.prepare(door)
        cmd = self.tool_command(door, source, workdir)
        proc = self.log.run(cmd, cwd=workdir)
        output = proc.stdout + proc.stderr
        diags = diagnostics(output, workdir)
        unfixed = unfixed_warnings(diags)

        if door == "bpf-tidy":
            want = a.expect_exit
            if want is None:
                want = 1 if unfixed else 0
            if proc.returncode != want:
                raise Failure("bpf-tidy exited with %d, expected %d"
                              % (proc.returncode, want))
        elif proc.returncode != 0:
            raise Failure("clang-tidy exited with %d" % proc.returncode)

        # The diagnostics, as check_clang_tidy.py checks them.
        messages = "\n".join(l for l in output.splitlines()
                             if not l.endswith(FIXIT_NOTE)) + "\n"
        msg_prefixes = used_prefixes(self.input_text,
                                     prefixes("CHECK-MESSAGES", a.suffixes))
        note_prefixes = used_prefixes(self.input_text,
                                      prefixes("CHECK-NOTES", a.suffixes))
        fix_prefixes = used_prefixes(self.input_text,
                                     prefixes("CHECK-FIXES", a.suffixes))
        if note_prefixes:
            self.filecheck(messages, note_prefixes,
                           ["-implicit-check-not={{note|warning|error}}:"],
                           "%s diagnostics (CHECK-NOTES)" % door)
        if msg_prefixes:
            self.filecheck(messages, msg_prefixes,
                           ["-implicit-check-not={{warning|error}}:"],
                           "%s diagnostics (CHECK-MESSAGES)" % door)
        elif not note_prefixes:
            # Nothing expected: no warning or error at all.
            stray = [d for d in diags if d[3] != "note"]
            if stray:
                raise Failure("%s reported %s, but the test expects no "
                              "diagnostics (no CHECK-MESSAGES lines)"
                              % (door, stray))
        with open(source) as f:
            fixed = f.read()
        if fix_prefixes:
            self.filecheck(fixed, fix_prefixes, ["--strict-whitespace"],
                           "%s fixed file (CHECK-FIXES)" % door)
        for header in a.check_header:
            hdr_prefixes = prefixes("CHECK-HEADER-FIXES", a.suffixes)
            with open(os.path.join(workdir, "Inputs", header)) as f:
                self.filecheck(f.read(), hdr_prefixes, ["--strict-whitespace"],
                               "%s fixed header %s (CHECK-HEADER-FIXES)"
                               % (door, header))

        after_first = snapshot(workdir)
        if a.idempotent:
            proc2 = self.log.run(cmd, cwd=workdir)
            diags2 = diagnostics(proc2.stdout + proc2.stderr, workdir)
            if snapshot(workdir) != after_first:
                raise Failure("%s: a second --fix run changed the files"
                              % door)
            left = collections.Counter((d[0], d[4])
                                       for d in check_warnings(diags2))
            expected = collections.Counter((d[0], d[4]) for d in unfixed)
            if left != expected:
                raise Failure(
                    "%s: a second --fix run reported %s; expected only the "
                    "findings the first run could not fix: %s"
                    % (door, sorted(left.elements()),
                       sorted(expected.elements())))
        return workdir, source, diags, after_first

    def compile(self, workdir, source):
        cmd = ([self.args.clang, "-O2", "-g", "-c", source,
                "-o", source + ".o"] + DEFAULT_CFLAGS)
        if os.path.isdir(os.path.join(workdir, "Inputs")):
            cmd.append("-I" + os.path.join(workdir, "Inputs"))
        cmd += self.args.cflags
        proc = self.log.run(cmd, cwd=workdir)
        if proc.returncode != 0:
            raise Failure("the fixed file does not compile")

    def main(self):
        a = self.args
        doors = (["bpf-tidy", "clang-tidy"] if a.front_door == "both"
                 else [a.front_door])
        require_binary(a.filecheck, "FileCheck", "--filecheck")
        if "bpf-tidy" in doors:
            require_binary(a.bpf_tidy, "bpf-tidy", "--bpf-tidy")
        if "clang-tidy" in doors:
            require_binary(a.clang_tidy, "clang-tidy", "--clang-tidy")
            require_binary(a.module, "bpf module", "--module")
        if a.compile:
            require_binary(a.clang, "clang", "--clang")

        results = {door: self.run_door(door) for door in doors}
        if len(doors) == 2:
            (_, _, d1, f1), (_, _, d2, f2) = (results[d] for d in doors)
            if d1 != d2:
                only1 = [d for d in d1 if d not in d2]
                only2 = [d for d in d2 if d not in d1]
                raise Failure(
                    "the front doors disagree on the diagnostics:\n"
                    "  only from %s: %s\n  only from %s: %s\n"
                    "  (or the same ones in another order)"
                    % (doors[0], only1, doors[1], only2))
            if f1 != f2:
                differ = sorted(k for k in set(f1) | set(f2)
                                if f1.get(k) != f2.get(k))
                raise Failure("the front doors left different files: %s"
                              % ", ".join(differ))
        if a.compile:
            workdir, source = results[doors[0]][:2]
            self.compile(workdir, source)


def main(argv):
    try:
        args = parse_args(argv)
    except SystemExit as e:
        return 2 if e.code else 0
    driver = Driver(args)
    try:
        driver.main()
    except Failure as e:
        driver.log.dump(sys.stdout)
        sys.stdout.write("check_bpf_tidy.py: FAIL: %s\n" % e)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
