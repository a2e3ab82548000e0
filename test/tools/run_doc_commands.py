#!/usr/bin/env python3
"""Runs the shell commands of Markdown pages as a reader would, and compares
the output a page shows with what the commands print.

  run_doc_commands.py --src ROOT --build BUILD --work DIR PAGE|DIR...

(a directory stands for its *.md pages.)

The pages' ```sh blocks run in order, each page in a fresh copy of ROOT
(without .git and build output, committed to a new git repository, as a
clone is; build/ links to BUILD), with BUILD/bin first on PATH. A page's
blocks share the working directory: a block starts where the last ended.

- A block of "$ command" lines is a session: each command runs on its own;
  the lines after it, up to the next "$ " line or an empty line, are the
  output it shows (standard output and error together).
- Any other ```sh block is a script. A bare ``` block right after it (only
  empty lines between) is the output it shows.
- Shown output matches when the words are the same, in order (lines may
  wrap differently); "..." stands for any text.
- A command may exit 0 or 1 (1: findings remain) or 77 (BPF not loadable
  here); any other code fails the page. An HTML comment on the line before
  a block changes that: <!-- doc-test: exit N --> expects N.
- <!-- doc-test: needs KIND: why --> leaves a block out, for what a test
  cannot have: KIND is fetched-tree (a Cilium checkout), remote (network,
  a git remote), install (packages, sudo, docker) or build (a build
  directory of a datapath or bpf-tidy's own packaging). Left-out blocks
  are listed.

Prints one line per block ("ran", "left out", "FAILED" with why) and
exits 1 if any block failed.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

KINDS = ("fetched-tree", "remote", "install", "build")
MARKER = re.compile(r"^<!--\s*doc-test:\s*(.*?)\s*-->$")
ALLOWED = {0, 1, 77}


def blocks(text):
    """(line, info, body lines, marker, shown output or None) per ```sh."""
    lines = text.split("\n")
    i = 0
    found = []
    while i < len(lines):
        m = re.match(r"^```(\w*)\s*$", lines[i])
        if not m:
            i += 1
            continue
        info, start = m.group(1), i
        j = i + 1
        while j < len(lines) and lines[j] != "```":
            j += 1
        body = lines[i + 1:j]
        i = j + 1
        if info not in ("sh", "console", "shell", "bash"):
            continue
        k = start - 1
        while k >= 0 and not lines[k].strip():
            k -= 1
        marker = MARKER.match(lines[k].strip()) if k >= 0 else None
        shown = None
        n = i
        while n < len(lines) and not lines[n].strip():
            n += 1
        if n < len(lines) and lines[n] == "```":
            e = n + 1
            while e < len(lines) and lines[e] != "```":
                e += 1
            shown = "\n".join(lines[n + 1:e])
            i = e + 1
        found.append((start + 1, body, marker.group(1) if marker else "", shown))
    return found


def matches(shown, actual):
    pattern = r"\s+".join(
        ".*?" if w == "..." else re.escape(w).replace(r"\.\.\.", ".*?")
        for w in shown.split())
    return re.fullmatch(pattern, " ".join(actual.split()), re.S) is not None


def session(body):
    """(command, shown output) of each "$ " command."""
    commands = []
    for line in body:
        if line.startswith("$ "):
            commands.append([line[2:], []])
        elif commands and commands[-1][0].endswith("\\") and not commands[-1][1]:
            commands[-1][0] += "\n" + line
        elif commands and line.strip():
            commands[-1][1].append(line)
        elif commands:
            commands[-1][1].append(None)  # an empty line ends the output
    return [(c, "\n".join(l for l in out[:out.index(None)] if l) if None in out
             else "\n".join(out)) for c, out in commands]


def run(script, cwd, env, state):
    """Runs script in bash from cwd; returns (exit, output, cwd after)."""
    wrapped = "cd %s || exit 99\n%s\n__rc=$?\npwd > %s\nexit $__rc\n" % (
        shlex_quote(cwd), script, shlex_quote(state))
    p = subprocess.run(["bash", "-c", wrapped], env=env, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, universal_newlines=True)
    after = open(state).read().strip() if os.path.exists(state) else cwd
    return p.returncode, p.stdout, after


def shlex_quote(s):
    return "'" + s.replace("'", "'\\''") + "'"


def copy_tree(src, dst, build):
    ignore = shutil.ignore_patterns(".git", "build", "build-*", "__pycache__")
    shutil.copytree(src, dst, ignore=ignore, symlinks=True)
    os.symlink(build, os.path.join(dst, "build"))
    git = ["git", "-C", dst, "-c", "user.name=doc-test",
           "-c", "user.email=doc-test@example.org"]
    subprocess.check_call(git + ["init", "-q"])
    with open(os.path.join(dst, ".git", "info", "exclude"), "a") as f:
        f.write("/build\n")
    subprocess.check_call(git + ["add", "-A"])
    subprocess.check_call(git + ["commit", "-q", "-m", "clone"])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--src", required=True)
    parser.add_argument("--build", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("pages", nargs="+")
    args = parser.parse_args()
    failed = 0
    pages = []
    for page in args.pages:
        if os.path.isdir(page):
            pages += sorted(os.path.join(page, f) for f in os.listdir(page)
                            if f.endswith(".md"))
        else:
            pages.append(page)
    for page in pages:
        name = os.path.relpath(page, args.src)
        work = os.path.join(args.work, name.replace("/", "_"))
        shutil.rmtree(work, ignore_errors=True)
        os.makedirs(os.path.join(work, "home"))
        os.makedirs(os.path.join(work, "tmp"))
        repo = os.path.join(work, "repo")
        copy_tree(args.src, repo, args.build)
        env = dict(os.environ, HOME=os.path.join(work, "home"),
                   TMPDIR=os.path.join(work, "tmp"), LC_ALL="C",
                   GIT_AUTHOR_NAME="doc-test", GIT_COMMITTER_NAME="doc-test",
                   GIT_AUTHOR_EMAIL="doc-test@example.org",
                   GIT_COMMITTER_EMAIL="doc-test@example.org",
                   PATH=os.path.join(args.build, "bin") + os.pathsep +
                   os.environ["PATH"])
        cwd = repo
        state = os.path.join(work, "cwd")
        for line, body, marker, shown in blocks(open(page).read()):
            where = "%s:%d" % (name, line)
            if marker.startswith("needs "):
                kind = marker[len("needs "):].split(":")[0].strip()
                if kind not in KINDS:
                    print("FAILED %s: unknown need '%s' (one of %s)" %
                          (where, kind, ", ".join(KINDS)))
                    failed += 1
                else:
                    print("left out %s: needs %s" % (where, marker[6:]))
                continue
            expected = ALLOWED
            m = re.match(r"^exit (\d+)$", marker)
            if m:
                expected = {int(m.group(1))}
            elif marker:
                print("FAILED %s: unknown marker '%s'" % (where, marker))
                failed += 1
                continue
            if any(l.startswith("$ ") for l in body):
                steps = session(body)
            else:
                steps = [("\n".join(body), shown)]
            problems = []
            for command, output in steps:
                status, actual, cwd = run(command, cwd, env, state)
                if status not in expected:
                    problems.append("'%s' exited %d\n%s" % (
                        command.split("\n")[0], status, actual[-2000:]))
                elif output and not matches(output, actual):
                    problems.append("'%s' printed:\n%s\ninstead of:\n%s" % (
                        command.split("\n")[0], actual, output))
            if problems:
                failed += 1
                print("FAILED %s: %s" % (where, "\n".join(problems)))
            else:
                print("ran %s (%d command%s%s)" % (
                    where, len(steps), "" if len(steps) == 1 else "s",
                    ", output compared" if any(o for _, o in steps) else ""))
    print("blocks failed: %d" % failed)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
