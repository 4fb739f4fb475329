#!/usr/bin/env bash
# A local PostgreSQL for development and tests (Debian's `postgresql` package).
#
#   bash scripts/pg-dev.sh start   # create (first time) and start the cluster; prints the URLs
#                                  # (stderr says "started" or "already running")
#   bash scripts/pg-dev.sh url     # prints the URLs of a running cluster (exit 1 when stopped)
#   bash scripts/pg-dev.sh stop    # stop it (the data stays; `start` again is fast)
#   bash scripts/pg-dev.sh destroy # stop it and delete the cluster
#
# The cluster lives in $GROUNDWORK_PG_DIR (default /tmp/groundwork-pg-$UID-<hash of the checkout's path>), listens on
# 127.0.0.1 only, on a free port chosen at creation, with scram-sha-256 passwords. It is run by
# a non-root user (initdb and postgres refuse root): the calling user, or, when that is root,
# the system user `groundwork-pg` (created once with useradd --system).
# Roles: gw_owner (owns the database `groundwork`, may create databases: ingest and tests) and
# gw_reader (SELECT only: checking). Output, one per line (shell-sourceable):
#   GROUNDWORK_PG_OWNER_URL=postgres://gw_owner:...@127.0.0.1:PORT/groundwork
#   GROUNDWORK_PG_READER_URL=postgres://gw_reader:...@127.0.0.1:PORT/groundwork
#   GROUNDWORK_PG_ADMIN_URL=postgres://postgres:...@127.0.0.1:PORT/postgres
# These URLs carry development passwords on purpose (a throwaway local cluster); never put a
# real server's password in a URL that lands in a settings file (see docs/TEAM.md).
set -euo pipefail

# One cluster per checkout (a hash of its path), so that two checkouts' test runs never share
# (and never stop) each other's server.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TAG="$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)"
DIR="${GROUNDWORK_PG_DIR:-/tmp/groundwork-pg-$(id -u)-$TAG}"
DATA="$DIR/data"
ENVF="$DIR/env"
LOG="$DIR/server.log"
cmd="${1:-start}"

say() { printf 'pg-dev: %s\n' "$*" >&2; }

PGBIN=""
for v in 17 16 15 14 13; do
  if [ -x "/usr/lib/postgresql/$v/bin/pg_ctl" ]; then PGBIN="/usr/lib/postgresql/$v/bin"; break; fi
done

install_pg() {
  if [ -n "$PGBIN" ]; then return; fi
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
    say "PostgreSQL is not installed; run as root or: apt-get install -y postgresql"; exit 1
  fi
  local SUDO=(); [ "$(id -u)" -ne 0 ] && SUDO=(sudo -n)
  say "installing postgresql (one-time)"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=300 update >/dev/null
  "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends postgresql >/dev/null
  for v in 17 16 15 14 13; do
    if [ -x "/usr/lib/postgresql/$v/bin/pg_ctl" ]; then PGBIN="/usr/lib/postgresql/$v/bin"; break; fi
  done
  [ -n "$PGBIN" ] || { say "postgresql installed but pg_ctl not found"; exit 1; }
}

# Run a command as the cluster's user.
RUNAS_USER="$(id -un)"
if [ "$(id -u)" -eq 0 ]; then RUNAS_USER=groundwork-pg; fi
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    # runuser: no PAM session, no password; the user has no shell login of its own.
    runuser -u "$RUNAS_USER" -- "$@"
  else
    "$@"
  fi
}

running() {
  [ -f "$DATA/postmaster.pid" ] && as_owner "$PGBIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

print_urls() { cat "$ENVF"; }

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}

rand() { head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20; }

create() {
  if [ "$(id -u)" -eq 0 ] && ! id "$RUNAS_USER" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$RUNAS_USER"
  fi
  mkdir -p "$DIR"
  chmod 700 "$DIR"
  [ "$(id -u)" -eq 0 ] && chown "$RUNAS_USER" "$DIR"
  local port admin_pw owner_pw reader_pw
  port="$(free_port)"
  admin_pw="$(rand)"; owner_pw="$(rand)"; reader_pw="$(rand)"
  local pwfile="$DIR/.pw"
  printf '%s\n' "$admin_pw" > "$pwfile"
  [ "$(id -u)" -eq 0 ] && chown "$RUNAS_USER" "$pwfile"
  as_owner "$PGBIN/initdb" -D "$DATA" -U postgres --auth=scram-sha-256 --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
    || { cat "$DIR/initdb.log" >&2; exit 1; }
  rm -f "$pwfile"
  cat >>"$DATA/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$DIR'
password_encryption = 'scram-sha-256'
max_connections = 100
shared_buffers = 256MB
fsync = on
EOF
  as_owner "$PGBIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start >/dev/null
  PGPASSWORD="$admin_pw" "$PGBIN/psql" -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres <<EOF
CREATE ROLE gw_owner LOGIN CREATEDB PASSWORD '$owner_pw';
CREATE ROLE gw_reader LOGIN PASSWORD '$reader_pw';
CREATE DATABASE groundwork OWNER gw_owner;
EOF
  PGPASSWORD="$owner_pw" "$PGBIN/psql" -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U gw_owner -d groundwork <<EOF
GRANT USAGE ON SCHEMA public TO gw_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE gw_owner IN SCHEMA public GRANT SELECT ON TABLES TO gw_reader;
EOF
  umask 077
  cat >"$ENVF" <<EOF
GROUNDWORK_PG_OWNER_URL=postgres://gw_owner:$owner_pw@127.0.0.1:$port/groundwork
GROUNDWORK_PG_READER_URL=postgres://gw_reader:$reader_pw@127.0.0.1:$port/groundwork
GROUNDWORK_PG_ADMIN_URL=postgres://postgres:$admin_pw@127.0.0.1:$port/postgres
EOF
  say "created a cluster in $DATA (port $port)"
}

case "$cmd" in
  start)
    install_pg
    if [ ! -f "$DATA/PG_VERSION" ] || [ ! -f "$ENVF" ]; then
      if [ -d "$DIR" ]; then
        # A half-made cluster (interrupted creation): start over.
        if [ -f "$DATA/postmaster.pid" ]; then as_owner "$PGBIN/pg_ctl" -D "$DATA" -m immediate stop >/dev/null 2>&1 || true; fi
        rm -rf "$DIR"
      fi
      create
      say "started"
    elif ! running; then
      as_owner "$PGBIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start >/dev/null || { tail -20 "$LOG" >&2; exit 1; }
      say "started"
    else
      say "already running"
    fi
    print_urls
    ;;
  url)
    [ -n "$PGBIN" ] && [ -f "$ENVF" ] && running || { say "not running (bash scripts/pg-dev.sh start)"; exit 1; }
    print_urls
    ;;
  stop)
    if [ -n "$PGBIN" ] && running; then as_owner "$PGBIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null; say "stopped"; fi
    ;;
  destroy)
    if [ -n "$PGBIN" ] && running; then as_owner "$PGBIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null; fi
    rm -rf "$DIR"
    say "removed $DIR"
    ;;
  *)
    say "usage: pg-dev.sh start|url|stop|destroy"; exit 2
    ;;
esac
