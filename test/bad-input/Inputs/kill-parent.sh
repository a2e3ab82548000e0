#!/bin/sh
# A "compiler" for verify --clang that stops verify mid-build with the
# signal given in KILL_PARENT_SIGNAL.
kill -"$KILL_PARENT_SIGNAL" "$PPID"
exit 1
