#!/bin/sh
# pg_cluster.sh: a throwaway PostgreSQL cluster for the tests.
#
#   pg_cluster.sh start DIR   initdb in a fresh temporary folder
#                             (${TMPDIR:-/tmp}/aduan-pg.XXXXXX), start the
#                             server listening only on a unix socket in
#                             that folder (no TCP port, so clusters of
#                             several build trees never collide), fsync
#                             off; then write DIR/env (PGHOST, PGPORT,
#                             PGUSER, PGDATABASE, to be sourced) and
#                             DIR/conninfo (the same as a libpq string)
#   pg_cluster.sh start DIR --durable
#                             the same, but durable as a production
#                             server is: fsync, synchronous_commit and
#                             full_page_writes left at their defaults
#                             (on), for a benchmark beside SQLite's
#                             synchronous=FULL (tests/bench/bench_daemon
#                             --pg); the rest of the server's settings
#                             stay at initdb's defaults
#   pg_cluster.sh stop DIR    stop the server DIR names, remove its folder
#                             and DIR; quiet when there is nothing to stop
#   pg_cluster.sh pause DIR   stop the server as a crash would (pg_ctl
#                             -m immediate), keeping its folder
#   pg_cluster.sh resume DIR  start the paused server again
#   pg_cluster.sh bindir      print the folder of initdb, pg_ctl and psql
#
# ctest starts one cluster for all the tests that need it and stops it
# after them, also when one fails (tests/CMakeLists.txt: the fixture
# "pg").  Each test makes a database of its own in it.
#
# The server refuses to run as root: as root, the folder is given to the
# user nobody and initdb and pg_ctl run as nobody (runuser).  The
# superuser role is "aduan", trusted on the socket, which only its
# folder's owner (and root) can reach.
#
# The binaries are found in $PG_BINDIR, else `pg_config --bindir`, else
# the newest /usr/lib/postgresql/*/bin (Debian's postgresql package),
# else the PATH.  Without them, start and bindir say so and exit 77
# (ctest: skipped).
set -eu

pg_user=nobody     # who runs the server when this script runs as root
pg_port=5432       # only names the socket: the server has no TCP port

# Prints the folder that holds initdb, pg_ctl and psql; exits 77 if none.
find_bindir() {
  for d in "${PG_BINDIR:-}" "$(pg_config --bindir 2>/dev/null || true)" \
           $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) \
           "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/x)")"
  do
    if [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] &&
       [ -x "$d/psql" ]; then
      echo "$d"
      return 0
    fi
  done
  echo "pg_cluster.sh: PostgreSQL binaries (initdb, pg_ctl, psql) not" \
       "found; install postgresql (scripts/deps.sh --test) or set" \
       "PG_BINDIR" >&2
  exit 77
}

# Runs a command as the cluster's owner (nobody when we are root).
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u "$pg_user" -- "$@"
  else
    "$@"
  fi
}

# Stops the server recorded in $1 (if any) and removes its folder and $1.
stop() {
  state="$1"
  [ -f "$state/pgdir" ] || { rm -rf "$state"; return 0; }
  top=$(cat "$state/pgdir")
  case "$top" in
    */aduan-pg.*) ;;
    *) echo "pg_cluster.sh: $state/pgdir names '$top', not a cluster of" \
            "this script; left alone" >&2; exit 1 ;;
  esac
  if [ -f "$top/data/postmaster.pid" ]; then
    bindir=$(cat "$state/bindir")
    (cd "$top" && as_owner "$bindir/pg_ctl" -D "$top/data" -m immediate \
       -w -t 30 stop >/dev/null 2>&1) || {
      # pg_ctl could not do it (a broken folder): the postmaster's pid
      # is the first line of postmaster.pid.
      pid=$(head -n 1 "$top/data/postmaster.pid")
      kill -9 "$pid" 2>/dev/null || true
    }
  fi
  rm -rf "$top" "$state"
}

# Starts a cluster and records it in $1 (stopping one left there first);
# $2 is "durable" for a cluster that syncs as a production one does.
start() {
  state="$1"
  durable="${2:-}"
  bindir=$(find_bindir) || exit $?
  stop "$state"
  mkdir -p "$state"
  top=$(mktemp -d "${TMPDIR:-/tmp}/aduan-pg.XXXXXX")
  echo "$top" > "$state/pgdir"
  echo "$bindir" > "$state/bindir"
  # From here on, a failure removes what was made.
  trap 'cat "$top/initdb.log" "$top/log" >&2 2>/dev/null || true
        stop "$state"' EXIT
  [ "$(id -u)" = 0 ] && chown "$pg_user" "$top"
  cd "$top"
  as_owner "$bindir/initdb" -D "$top/data" -U aduan --auth=trust \
    -E UTF8 --locale=C --no-sync --no-instructions >"$top/initdb.log" 2>&1
  cat >> "$top/data/postgresql.conf" <<EOF
# pg_cluster.sh: a throwaway cluster for the tests
listen_addresses = ''
unix_socket_directories = '$top'
port = $pg_port
EOF
  # The tests want speed, not durability; a benchmark wants the
  # defaults, which make every commit durable before it returns.
  if [ "$durable" != durable ]; then
    printf 'fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n' \
      >> "$top/data/postgresql.conf"
  fi
  as_owner "$bindir/pg_ctl" -D "$top/data" -l "$top/log" -w -t 60 start \
    >/dev/null
  printf 'PGHOST=%s\nPGPORT=%s\nPGUSER=aduan\nPGDATABASE=postgres\n' \
    "$top" "$pg_port" > "$state/env"
  echo "export PGHOST PGPORT PGUSER PGDATABASE" >> "$state/env"
  echo "host=$top port=$pg_port user=aduan dbname=postgres" \
    > "$state/conninfo"
  trap - EXIT
  echo "pg_cluster.sh: PostgreSQL ($("$bindir/postgres" --version)) on" \
       "$top/.s.PGSQL.$pg_port${durable:+ (durable)}"
}

# Stops ($2 = stop, as a crash would) or starts ($2 = start) the server
# recorded in $1, keeping its folder.
pause_resume() {
  state="$1"
  [ -f "$state/pgdir" ] || { echo "pg_cluster.sh: no cluster in $state" >&2
                             exit 1; }
  top=$(cat "$state/pgdir")
  bindir=$(cat "$state/bindir")
  if [ "$2" = stop ]; then
    (cd "$top" && as_owner "$bindir/pg_ctl" -D "$top/data" -m immediate -w \
       -t 30 stop >/dev/null)
  else
    (cd "$top" && as_owner "$bindir/pg_ctl" -D "$top/data" -l "$top/log" -w \
       -t 60 start >/dev/null)
  fi
}

case "${1:-}" in
  start) if [ $# = 3 ] && [ "$3" = --durable ]; then
           start "$2" durable
         else
           [ $# = 2 ] || { echo "usage: $0 start DIR [--durable]" >&2
                           exit 2; }
           start "$2"
         fi ;;
  stop)  [ $# = 2 ] || { echo "usage: $0 stop DIR" >&2; exit 2; }
         stop "$2" ;;
  pause) [ $# = 2 ] || { echo "usage: $0 pause DIR" >&2; exit 2; }
         pause_resume "$2" stop ;;
  resume) [ $# = 2 ] || { echo "usage: $0 resume DIR" >&2; exit 2; }
          pause_resume "$2" start ;;
  bindir) find_bindir ;;
  *) echo "usage: $0 start DIR [--durable] | stop DIR | pause DIR |" \
          "resume DIR | bindir" >&2; exit 2 ;;
esac
