#!/usr/bin/env bash
# Makes a git repository REPO whose history carries TREE's bpf/ at commits
# of chosen dates: the first-parent history of main, a side branch merged
# into it, and a commit dated before its parent.
set -euo pipefail
repo=$1 tree=$2
rm -rf "$repo"
git init -q -b main "$repo"
commit() {	# DATE MESSAGE
	GIT_AUTHOR_DATE=$1 GIT_COMMITTER_DATE=$1 git -C "$repo" \
		-c user.name=corpus -c user.email=corpus@example.org \
		commit -q --allow-empty -m "$2"
}
cp -r "$tree/bpf" "$repo/bpf"
git -C "$repo" add bpf
commit 2017-05-31T23:59:59Z "May: not a June commit"
git -C "$repo" checkout -q -b side
commit 2017-06-01T00:00:01Z "side branch: not on main's first-parent history"
git -C "$repo" checkout -q main
commit 2017-06-02T08:00:00Z "main"
GIT_COMMITTER_DATE=2017-06-03T00:00:00Z git -C "$repo" -c user.name=corpus \
	-c user.email=corpus@example.org merge -q --no-ff -m merge side
commit 2017-06-01T12:00:00Z "first of June 2017 by commit date"
commit 2018-06-10T00:00:00Z "June 2018"
commit 2019-02-01T00:00:00Z "newest"
