#!/usr/bin/env python3
"""Runs a command and succeeds only if it exits with the given code.

usage: expect_exit.py CODE COMMAND [ARG...]

lit's internal shell has no '$?', and 'not' accepts any non-zero code; the
exit codes are part of bpf-tidy's interface, so tests check them exactly.
The command's output passes through. A code of -N expects death by
signal N. The command gets SIGINT's default action back: lit's workers
ignore it, and an ignored signal stays ignored across exec.
"""
import signal
import subprocess
import sys

expected = int(sys.argv[1])
status = subprocess.call(
    sys.argv[2:],
    preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
if status != expected:
    sys.stderr.write("expect_exit: '%s' exited %d, expected %d\n"
                     % (" ".join(sys.argv[2:]), status, expected))
    sys.exit(1)
