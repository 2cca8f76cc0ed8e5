#!/bin/sh
# `make demo`: the background worker (mail, iJw outbox, reminders) beside the development web server.
# Stopping this script (Ctrl-C, or TERM) stops both; the worker finishes the task at hand first.
# Usage: scripts/web_en_worker.sh HOST:PORT   (environment as for `jeugdhulp runserver`)
set -u
BIN=${BIN:-.venv/bin}
"$BIN/jeugdhulp" worker &
WORKER=$!
stop() {
    kill -TERM "$WORKER" 2>/dev/null
    wait "$WORKER" 2>/dev/null
}
trap 'stop; exit 130' INT TERM
trap stop EXIT
"$BIN/jeugdhulp" runserver "$1"
