#!/usr/bin/env python3
"""Appends to a file while a command runs; prints the command's exit code.

usage: append_while_running.py FILE -- COMMAND [ARG...]

A writer thread appends a 4 KiB chunk of comment lines every 2 ms, from
before the command starts (the file has grown once when it is launched)
until it ends, and for at most 30 seconds (bounded in time and size). The
command's output passes through; "exit=N" is printed last.
"""
import subprocess
import sys
import threading
import time

path = sys.argv[1]
assert sys.argv[2] == "--"
command = sys.argv[3:]
chunk = ("/* appended while it is analysed */\n" * 114).encode()
stop = threading.Event()
grown = threading.Event()


def writer():
    deadline = time.monotonic() + 30
    with open(path, "ab", buffering=0) as f:
        while not stop.is_set() and time.monotonic() < deadline:
            f.write(chunk)
            grown.set()
            time.sleep(0.002)


thread = threading.Thread(target=writer)
thread.start()
grown.wait()
try:
    status = subprocess.call(command, timeout=120)
finally:
    stop.set()
    thread.join()
sys.stdout.flush()
print("exit=%d" % status)
