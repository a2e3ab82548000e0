"""Runs a command pinned to the highest CPU this process may use, so that a
perf event array sized for fewer CPUs than the machine has would lose its
events there (BPF_PROG_TEST_RUN writes them on the CPU the run takes)."""
import os
import sys

cpus = sorted(os.sched_getaffinity(0))
os.sched_setaffinity(0, {cpus[-1]})
os.execvp(sys.argv[1], sys.argv[1:])
