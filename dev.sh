#!/usr/bin/env bash
# Nämndportal's one entry point for developers and CI.
#   ./dev.sh run          install what is missing, start the private PostgreSQL and smtp4dev, migrate, seed, serve on :5080
#   ./dev.sh run --instances N   the same with N portal processes (ports 5101…) behind nginx on :5080
#   ./dev.sh test         the same prerequisites, then every test project; last line "N passed, N failed"
#   ./dev.sh bench NAME   run one benchmark; its last line is "NAME: VALUE UNIT"
#   ./dev.sh stop         stop the private PostgreSQL cluster and smtp4dev
#   ./dev.sh reset        stop it and delete all local data (.data/)
#   ./dev.sh db           only start the private PostgreSQL and print the connection strings
#   ./dev.sh psql         open psql against the development database
#   ./dev.sh backup       pg_dump of the database (metadata and files) into .data/backups/, prints the path
#   ./dev.sh restore FILE replace the database with a backup (asks first; --yes to skip the question)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DATA="$ROOT/.data"
PG_PORT="${NP_PG_PORT:-55432}"
APP_URL="${NP_APP_URL:-http://127.0.0.1:5080}"
DB_NAME="${NP_DB_NAME:-naemndportal}"
CONFIGURATION="${NP_CONFIGURATION:-Debug}"
SMTP_PORT="${NP_SMTP_PORT:-2525}"
MAIL_UI_URL="${NP_MAIL_UI_URL:-http://127.0.0.1:5081}"


say() { printf '\033[1m==>\033[0m %s\n' "$*"; }
die() { printf 'dev.sh: %s\n' "$*" >&2; exit 1; }

# --- prerequisites ---------------------------------------------------------------------------------

pg_bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

missing_packages() {
  local missing=()
  [ -n "$(pg_bindir)" ] && [ -x "$(pg_bindir)/initdb" ] || missing+=(postgresql postgresql-contrib)
  command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -e /usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf ] || missing+=(fonts-liberation2)
  [ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
  command -v fc-list >/dev/null 2>&1 || missing+=(fontconfig)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
  # The protokoll's archival rendition: Ghostscript writes PDF/A-2b (with its sRGB output intent profile).
  command -v gs >/dev/null 2>&1 || missing+=(ghostscript)
  # Several instances (./dev.sh run --instances N, the instance tests): nginx in front; the public-page benchmark: wrk.
  [ -x /usr/sbin/nginx ] || missing+=(nginx)
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  # PDF renditions of handlingar: LibreOffice headless, Writer for DOCX, Calc for XLSX, Draw for images.
  command -v soffice >/dev/null 2>&1 && [ -e /usr/lib/libreoffice/program/libswlo.so ] || missing+=(libreoffice-writer-nogui)
  [ -e /usr/lib/libreoffice/program/libsclo.so ] || missing+=(libreoffice-calc-nogui)
  [ -e /usr/lib/libreoffice/program/libsdlo.so ] || missing+=(libreoffice-draw-nogui)
  printf '%s\n' "${missing[@]}" | sort -u | grep -v '^$' || true
}

ensure_prerequisites() {
  command -v dotnet >/dev/null 2>&1 || die "the .NET 10 SDK is missing: install it (https://learn.microsoft.com/dotnet/core/install/linux-debian) and run again."
  local missing
  missing="$(missing_packages)"
  if [ -n "$missing" ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "dev.sh: these Debian packages are missing:" >&2
      echo "  sudo apt-get update && sudo apt-get install -y $(echo $missing)" >&2
      echo "Install them (or run ./dev.sh as root, which installs them) and run again." >&2
      exit 1
    fi
    say "Installing $(echo $missing) with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
    # Debian starts its own cluster on 5432 when the package is installed; we never use or touch it.
  fi
  if [ ! -f "$ROOT/.config/dotnet-tools.json" ] || ! dotnet tool restore >/dev/null 2>&1; then
    say "dotnet tool restore failed (dotnet-ef is only needed to add migrations)"
  fi
}

# --- the private PostgreSQL cluster -----------------------------------------------------------------
# It lives under .data/postgres, listens only on 127.0.0.1:$PG_PORT and has its own password, so it never
# touches the system's cluster. initdb and postgres refuse to run as root: as root they run as Debian's
# "postgres" user, and if that user cannot enter the checkout (a home folder, say) the cluster is kept under
# /var/lib/naemndportal/ with .data/postgres as a link to it.

run_as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    # From /, which postgres may enter (the checkout, in a home folder, it may not).
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

cluster_dir() {
  local link="$DATA/postgres"
  mkdir -p "$DATA"
  if [ -L "$link" ] || [ -d "$link" ]; then
    (cd "$link" && pwd -P)
    return
  fi
  if [ "$(id -u)" -eq 0 ] && ! (cd / && runuser -u postgres -- test -x "$DATA") 2>/dev/null; then
    local hash elsewhere
    hash="$(printf '%s' "$ROOT" | sha256sum | cut -c1-12)"
    elsewhere="/var/lib/naemndportal/$hash"
    mkdir -p "$elsewhere"
    chown postgres:postgres "$elsewhere"
    chmod 700 "$elsewhere"
    ln -s "$elsewhere" "$link"
  else
    mkdir -p "$link"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$link"
    chmod 700 "$link"
  fi
  (cd "$link" && pwd -P)
}

pg_password() {
  local file="$DATA/postgres.password"
  if [ ! -s "$file" ]; then
    umask 077
    head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$file"
  fi
  cat "$file"
}

admin_connection() { echo "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=$(pg_password)"; }

start_postgres() {
  local dir bin pgdata
  dir="$(cluster_dir)"
  bin="$(pg_bindir)"
  pgdata="$dir/data"
  if [ ! -f "$pgdata/PG_VERSION" ]; then
    say "Creating the private PostgreSQL cluster in $DATA/postgres"
    local pwfile="$dir/pwfile"
    pg_password > /dev/null
    install -m 600 /dev/null "$pwfile"
    pg_password > "$pwfile"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pwfile"
    run_as_pg "$bin/initdb" -D "$pgdata" -U postgres --pwfile="$pwfile" --auth=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pwfile"
  fi
  if ! run_as_pg "$bin/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; then
    say "Starting PostgreSQL on 127.0.0.1:$PG_PORT"
    run_as_pg "$bin/pg_ctl" -D "$pgdata" -l "$dir/postgres.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories='$dir' -c max_connections=200" \
      start >/dev/null || { tail -n 20 "$dir/postgres.log" >&2; die "PostgreSQL did not start (log above)."; }
  else
    # Already running: on the port asked for? (postmaster.pid's fourth line is its port.) Another NP_PG_PORT than the
    # one it was started with made every later step fail with "connection refused".
    local running
    running="$(sed -n 4p "$pgdata/postmaster.pid" 2>/dev/null || true)"
    if [ -n "$running" ] && [ "$running" != "$PG_PORT" ]; then
      die "The cluster in $DATA/postgres is already running on port $running, not $PG_PORT: use NP_PG_PORT=$running, or ./dev.sh stop first."
    fi
  fi
}

create_database() {
  local name="$1"
  export PGPASSWORD
  PGPASSWORD="$(pg_password)"
  if ! psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1; then
    psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qc "CREATE DATABASE \"$name\"" >/dev/null
  fi
}

stop_postgres() {
  local link="$DATA/postgres"
  [ -e "$link/data/PG_VERSION" ] || { say "No cluster to stop"; return; }
  run_as_pg "$(pg_bindir)/pg_ctl" -D "$(cd "$link" && pwd -P)/data" -m fast stop >/dev/null 2>&1 || true
  say "PostgreSQL stopped"
}

# --- smtp4dev: the mail the portal sends, caught --------------------------------------------------------
# A catch-all SMTP server (a .NET tool pinned in .config/dotnet-tools.json) on 127.0.0.1:$SMTP_PORT with a web page
# to read what was sent. Nothing is relayed: in development no mail leaves the machine. Its messages live in
# .data/smtp4dev; IMAP and POP3 are off.

smtp4dev_pid() {
  local file="$DATA/smtp4dev/smtp4dev.pid"
  [ -s "$file" ] && kill -0 "$(cat "$file")" 2>/dev/null && cat "$file"
}

start_smtp4dev() {
  local dir="$DATA/smtp4dev"
  mkdir -p "$dir"
  if [ -n "$(smtp4dev_pid || true)" ]; then
    return
  fi
  say "Starting smtp4dev (SMTP on 127.0.0.1:$SMTP_PORT, mail viewer on $MAIL_UI_URL)"
  (cd "$ROOT" && exec dotnet tool run smtp4dev -- --baseappdatapath="$dir" --db="$dir/smtp4dev.db" --nousersettings \
    --bindaddress=127.0.0.1 --smtpport="$SMTP_PORT" --imapport="" --pop3port="" --urls="$MAIL_UI_URL" \
    >"$dir/smtp4dev.log" 2>&1) &
  echo $! > "$dir/smtp4dev.pid"
  for _ in $(seq 1 60); do
    curl -fsS "$MAIL_UI_URL/" >/dev/null 2>&1 && return
    if [ -z "$(smtp4dev_pid || true)" ]; then
      tail -n 5 "$dir/smtp4dev.log" >&2
      say "smtp4dev did not start (log above, in .data/smtp4dev/smtp4dev.log); the portal runs without a mail viewer"
      return
    fi
    sleep 0.5
  done
  say "smtp4dev is slow to answer on $MAIL_UI_URL; see .data/smtp4dev/smtp4dev.log"
}

stop_smtp4dev() {
  local pid
  pid="$(smtp4dev_pid || true)"
  [ -n "$pid" ] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -f "$DATA/smtp4dev/smtp4dev.pid"
  say "smtp4dev stopped"
}

# --- commands ---------------------------------------------------------------------------------------

print_logins() {
  cat <<EOF

  Nämndportal is running on $APP_URL
  E-post som portalen skickar: $MAIL_UI_URL

  Demo logins (fictitious data), password for all: Demo-Nämnd-2026
    Administratör     admin@exempelby.se        (second factor: authenticator key NAMN DPOR TALD EMOK EY23 4567 ABCD EFGH)
    Nämndsekreterare  sekreterare@exempelby.se
    Registrator       registrator@exempelby.se
    Handläggare       handlaggare@exempelby.se
    Ledamot           ledamot@exempelby.se      (Lars Ledamot: notes, read marks; "Läs handlingarna" on Mina sammanträden;
                                                justerare of Omsorgsnämndens extra meeting: "Protokoll att justera", code key
                                                NAMN DPOR TALL EDAM OT23 4567 ABCD EFGH)
    Ledamot           sara.westerlund@exempelby.se  (Omsorgsnämndens ordförande; shares a note with Lars; signs protokoll with
                                                code key NAMN DPOR TALO RDFO RAND E234 567A BCDE)
    Ersättare         ersattare@exempelby.se    (Erika Ersättare: notes and read marks on Social- och utbildningsnämndens next meeting)
    Ledamot           erik.hedlund@exempelby.se (Social- och utbildningsnämndens ordförande; Erika shares a note with him)
    Revisor           revisor@exempelby.se

  Protokoll: Omsorgsnämnden's meeting three weeks ago is justerat, its anslag up on $APP_URL/anslagstavla with the
  public version and a justerad rättelse (under the protokoll's Justering); the extra meeting a few days ago waits for Lars Ledamot's justering (password + a code from the key).
  In development the second-factor requirement for Administratör and Nämndsekreterare is off
  (Security:TwoFactor:Enforce in appsettings.Development.json); the administrator has one enrolled anyway.
  Stop with Ctrl+C (smtp4dev stops with the portal); ./dev.sh stop stops PostgreSQL too; ./dev.sh reset deletes all local data.

EOF
}

cmd_run() {
  local instances=1
  while [ $# -gt 0 ]; do
    case "$1" in
      --instances) instances="${2:-}"; shift 2 || true ;;
      --instances=*) instances="${1#*=}"; shift ;;
      *) die "unknown option for run: $1 (./dev.sh run [--instances N])" ;;
    esac
  done
  [[ "$instances" =~ ^[1-9][0-9]?$ ]] || die "--instances wants a number from 1 to 99, not '$instances'."
  ensure_prerequisites
  start_postgres
  create_database "$DB_NAME"
  say "Building"
  dotnet build "$ROOT/Nämndportal.sln" -c "$CONFIGURATION" -nologo -v quiet -clp:ErrorsOnly
  start_smtp4dev
  export ASPNETCORE_ENVIRONMENT=Development
  export ConnectionStrings__Default="$(admin_connection);Database=$DB_NAME"
  export Mail__Port="$SMTP_PORT"
  export Portal__BaseUrl="$APP_URL"
  cd "$ROOT/src/Nämndportal.Web"
  if [ "$instances" -eq 1 ]; then
    trap stop_smtp4dev EXIT
    say "Starting the portal (migrations and demo data are applied at start-up)"
    ASPNETCORE_URLS="$APP_URL" dotnet "bin/$CONFIGURATION/net10.0/Nämndportal.Web.dll" &
    local app=$!
    trap 'kill -TERM $app 2>/dev/null; wait $app 2>/dev/null; exit 0' INT TERM
    wait_ready "$APP_URL" "$app"
    print_logins
    wait "$app"
    return
  fi
  run_instances "$instances"
}

# Waits until URL/health/ready answers 200; dies if PID (the process that should answer) ends first.
wait_ready() {
  local url="$1" pid="$2"
  for _ in $(seq 1 480); do
    curl -fsS "$url/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || die "the process behind $url stopped during start-up (see the log above)."
    sleep 0.5
  done
  die "$url did not answer ready within four minutes."
}

# N portal processes on 127.0.0.1:$BASE_PORT… behind nginx on $APP_URL (deploy/nginx/namndportal.conf.template). The
# first migrates and seeds; the others start when it is ready. Each is named (Portal:InstanceName) in its log lines.
run_instances() {
  local count="$1" base="${NP_INSTANCE_BASE_PORT:-5101}" pids=() i port servers="" listen runtime temp user=""
  listen="${APP_URL#http://}"
  runtime="$DATA/nginx"
  # nginx's workers write their temporary files; as root they run as nobody, who may not enter the checkout.
  temp="/tmp/naemndportal-nginx-$(printf '%s' "$ROOT" | sha256sum | cut -c1-12)"
  mkdir -p "$runtime" "$temp"
  if [ "$(id -u)" -eq 0 ]; then
    user="user nobody nogroup;"
    chown nobody:nogroup "$temp"
  fi
  stop_all() {
    local pid
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    stop_smtp4dev
  }
  trap stop_all EXIT
  trap 'exit 0' INT TERM
  for i in $(seq 1 "$count"); do
    port=$((base + i - 1))
    say "Starting instance $i of $count on 127.0.0.1:$port$([ "$i" -eq 1 ] && echo ' (migrations and demo data are applied at its start-up)')"
    ASPNETCORE_URLS="http://127.0.0.1:$port" Portal__InstanceName="instans-$i" \
      dotnet "bin/$CONFIGURATION/net10.0/Nämndportal.Web.dll" &
    pids+=($!)
    # The first one alone migrates and seeds; the others find that done.
    [ "$i" -eq 1 ] && wait_ready "http://127.0.0.1:$port" "${pids[0]}"
    servers+="        server 127.0.0.1:$port max_fails=1 fail_timeout=5s;"$'\n'
  done
  for i in $(seq 2 "$count"); do
    wait_ready "http://127.0.0.1:$((base + i - 1))" "${pids[$((i - 1))]}"
  done
  local conf="$runtime/namndportal.conf" template="$ROOT/deploy/nginx/namndportal.conf.template"
  # The placeholders' values come through the environment (awk -v would read backslashes and not hold newlines).
  NGX_LISTEN="$listen" NGX_RUNTIME="$runtime" NGX_TEMP="$temp" NGX_USER="$user" NGX_SERVERS="$servers" awk '
    /^@SERVERS@$/ { printf "%s", ENVIRON["NGX_SERVERS"]; next }
    /^#/ { print; next }
    { gsub("@LISTEN@", ENVIRON["NGX_LISTEN"]); gsub("@RUNTIME@", ENVIRON["NGX_RUNTIME"]); gsub("@TEMP@", ENVIRON["NGX_TEMP"]);
      gsub("@USER@", ENVIRON["NGX_USER"]); print }
  ' "$template" > "$conf"
  /usr/sbin/nginx -t -q -c "$conf" -p "$runtime" || die "nginx refused the configuration $conf (above)."
  say "Starting nginx on $APP_URL in front of $count instances (config: $conf)"
  /usr/sbin/nginx -c "$conf" -p "$runtime" &
  pids+=($!)
  wait_ready "$APP_URL" "${pids[-1]}"
  print_logins
  echo "  Instances: $(for i in $(seq 1 "$count"); do printf 'instans-%s http://127.0.0.1:%s  ' "$i" $((base + i - 1)); done)"
  echo "  nginx keeps each browser on one instance (cookie np_affinity); /health/ready names the instance (X-Portal-Instance)."
  echo
  # Runs until Ctrl+C or nginx ends; an instance that dies is left dead (the others carry on: that is the point).
  wait "${pids[-1]}"
}

# Runs every test project and prints the total over all of them as the last line.
cmd_test() {
  ensure_prerequisites
  start_postgres
  export NP_TEST_POSTGRES
  NP_TEST_POSTGRES="$(admin_connection)"
  export NP_CHROMIUM_PATH="${NP_CHROMIUM_PATH:-/usr/bin/chromium}"
  export NP_CONFIGURATION="$CONFIGURATION"
  say "Building"
  dotnet build "$ROOT/Nämndportal.sln" -c "$CONFIGURATION" -nologo -v quiet -clp:ErrorsOnly
  local passed=0 failed=0 skipped=0 status=0 project out line
  for project in "$ROOT"/tests/*/*.csproj; do
    say "Testing $(basename "$project" .csproj)"
    out="$(mktemp)"
    local name results="$ROOT/.data/test-results"
    name="$(basename "$project" .csproj)"
    rm -f "$results/$name.trx"
    if ! dotnet test "$project" -c "$CONFIGURATION" --no-build -nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" 2>&1 | tee "$out"; then
      status=1
    fi
    slowest "$results/$name.trx"
    line="$(grep -E '(Passed|Failed)! +- +Failed: +[0-9]+' "$out" | tail -n 1 || true)"
    if [ -z "$line" ]; then
      echo "dev.sh: $(basename "$project") printed no test summary; counted as one failure" >&2
      failed=$((failed + 1)); status=1
    else
      failed=$((failed + $(sed -E 's/.*Failed: +([0-9]+).*/\1/' <<<"$line")))
      passed=$((passed + $(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$line")))
      skipped=$((skipped + $(sed -E 's/.*Skipped: +([0-9]+).*/\1/' <<<"$line")))
    fi
    rm -f "$out"
  done
  [ "$failed" -eq 0 ] || status=1
  if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
  else
    echo "$passed passed, $failed failed"
  fi
  return $status
}

# The five slowest tests of a project's run, from its trx file (kept under .data/test-results): where the suite's time goes.
slowest() {
  [ -r "$1" ] || return 0
  echo "Slowest tests:"
  grep -o '<UnitTestResult [^>]*>' "$1" \
    | sed -E 's/.*testName="([^"]*)".*duration="([0-9:.]+)".*/\2 \1/' \
    | sort -r | sed -n -E '1,5s/^([0-9:]+)\.[0-9]+ /  \1 /p'
  # sed reads to the end: a 'head' here closed the pipe early, and under pipefail sort's SIGPIPE (141) failed the run.
  return 0
}

# A backup is one pg_dump of the whole database: the metadata and the files' bytes (table file_blobs, ADR 0005)
# come out of one snapshot, so they always agree. Custom format (-Fc): compressed, restored with pg_restore.
cmd_backup() {
  start_postgres
  create_database "$DB_NAME"
  local dir="$DATA/backups" file
  mkdir -p "$dir"
  chmod 700 "$dir"
  file="$dir/$(date +%Y%m%d-%H%M%S).dump"
  (umask 077 && PGPASSWORD="$(pg_password)" "$(pg_bindir)/pg_dump" -h 127.0.0.1 -p "$PG_PORT" -U postgres -Fc -f "$file" "$DB_NAME") \
    || die "pg_dump failed; no backup was made."
  say "Backup of $DB_NAME written ($(du -h "$file" | cut -f1))"
  echo "$file"
}

cmd_restore() {
  local file="" yes=no argument
  for argument in "$@"; do
    case "$argument" in
      --yes|-y) yes=yes ;;
      *) file="$argument" ;;
    esac
  done
  [ -n "$file" ] || die "usage: ./dev.sh restore FILE [--yes]"
  [ -f "$file" ] || die "no such backup: $file"
  if [ "$yes" != yes ]; then
    [ -t 0 ] || die "restore replaces the database $DB_NAME; without a terminal to ask on, add --yes."
    local answer
    read -r -p "Replace the database $DB_NAME with $file? Everything in it now is lost. Type yes to go on: " answer
    [ "$answer" = yes ] || die "nothing restored."
  fi
  start_postgres
  export PGPASSWORD PGOPTIONS="--client-min-messages=warning"
  PGPASSWORD="$(pg_password)"
  # Into a new database first, so a broken file leaves the current one as it is; then swap the names.
  local staging="${DB_NAME}_restore"
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qc "DROP DATABASE IF EXISTS \"$staging\" WITH (FORCE)" >/dev/null
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qc "CREATE DATABASE \"$staging\"" >/dev/null
  if ! "$(pg_bindir)/pg_restore" -h 127.0.0.1 -p "$PG_PORT" -U postgres --no-owner --exit-on-error --single-transaction -d "$staging" "$file"; then
    psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qc "DROP DATABASE IF EXISTS \"$staging\" WITH (FORCE)" >/dev/null
    die "pg_restore failed; $DB_NAME is unchanged."
  fi
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -q \
    -c "DROP DATABASE IF EXISTS \"$DB_NAME\" WITH (FORCE)" \
    -c "ALTER DATABASE \"$staging\" RENAME TO \"$DB_NAME\"" >/dev/null
  say "Restored $DB_NAME from $file (a running portal must be restarted)"
}

cmd_bench() {
  local name="${1:-}"
  local script="$ROOT/benchmarks/$name.sh"
  if [ -z "$name" ] || [ ! -f "$script" ]; then
    echo "usage: ./dev.sh bench NAME" >&2
    echo "benchmarks: $(ls "$ROOT/benchmarks" 2>/dev/null | sed -n 's/\.sh$//p' | tr '\n' ' ')" >&2
    exit 2
  fi
  ensure_prerequisites
  start_postgres
  export NP_TEST_POSTGRES
  NP_TEST_POSTGRES="$(admin_connection)"
  bash "$script"
}

case "${1:-help}" in
  run) shift; cmd_run "$@" ;;
  test) cmd_test ;;
  bench) shift; cmd_bench "$@" ;;
  backup) cmd_backup ;;
  restore) shift; cmd_restore "$@" ;;
  stop)
    stop_smtp4dev
    stop_postgres ;;
  reset)
    stop_smtp4dev
    stop_postgres
    if [ -L "$DATA/postgres" ]; then rm -rf "$(cd "$DATA/postgres" && pwd -P)"; fi
    rm -rf "$DATA"
    say "Local data deleted; the next ./dev.sh run starts from scratch" ;;
  db)
    ensure_prerequisites
    start_postgres
    create_database "$DB_NAME"
    echo "ConnectionStrings__Default=$(admin_connection);Database=$DB_NAME"
    echo "NP_TEST_POSTGRES=$(admin_connection)" ;;
  psql)
    start_postgres
    create_database "$DB_NAME"
    PGPASSWORD="$(pg_password)" exec psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$DB_NAME" ;;
  *)
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
    [ "${1:-help}" = help ] || exit 2 ;;
esac
