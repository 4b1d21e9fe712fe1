# Shared by the Java benchmark scripts: runs a bench program (src/test/java/app/parvandeh/bench/*Bench.java) from
# a copy of the built classes, so a rebuild of the worktree during a long run does not change what runs.
# Needs `mvn -q package -DskipTests` and the test classpath once:
#   mvn -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
# DB=h2 (a fresh file database per run) or DB=postgres (PG_URL, PG_USER, PG_PASSWORD; PG_SCHEMA, default public,
# is emptied first, so benchmarks on one database can run side by side in schemas of their own).

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DB=${DB:-h2}
PG_URL=${PG_URL:-jdbc:postgresql://localhost:5432/parvandeh_bench}
PG_USER=${PG_USER:-parvandeh_bench}
PG_PASSWORD=${PG_PASSWORD:-pw_bench}
PG_SCHEMA=${PG_SCHEMA:-public}

bench_classpath() { # prints a classpath of copied classes plus the dependencies; $1 the copy's folder
  mkdir -p "$1"
  cp -r "$root/target/classes" "$1/classes"
  cp -r "$root/target/test-classes" "$1/test-classes"
  echo "$1/test-classes:$1/classes:$(cat "$root/target/bench.classpath")"
}

reset_postgres() { # empties the benchmark schema (Camunda's and our tables)
  local db=${PG_URL##*/}
  # pg_trgm in public first: created by the application's migration inside the benchmark schema it would be the
  # database's one copy, out of reach of the tests that use the public schema of the same database
  PGPASSWORD=$PG_PASSWORD psql -q -h localhost -U "$PG_USER" -d "$db" \
    -c "create extension if not exists pg_trgm schema public" >/dev/null 2>&1 || true
  PGPASSWORD=$PG_PASSWORD psql -q -h localhost -U "$PG_USER" -d "$db" \
    -c "drop schema if exists $PG_SCHEMA cascade" -c "create schema $PG_SCHEMA" >/dev/null
}

db_args() { # the application's database arguments for $DB; $1 the data folder
  echo "--parvandeh.data-dir=$1"
  if [ "$DB" = postgres ]; then
    if [ "$PG_SCHEMA" = public ]; then
      echo "--spring.datasource.url=$PG_URL"
    else
      echo "--spring.datasource.url=$PG_URL?currentSchema=$PG_SCHEMA,public --camunda.bpm.database.schema-name=$PG_SCHEMA"
      echo "--camunda.bpm.database.table-prefix=$PG_SCHEMA."
    fi
    echo "--spring.datasource.username=$PG_USER"
    echo "--spring.datasource.password=$PG_PASSWORD --camunda.bpm.database.type=postgres"
    echo "--spring.flyway.locations=classpath:db/migration,classpath:db/{vendor}"
  fi
}

start_app() { # $1 jar $2 data folder $3 port, then java options (APP_ARGS: more application arguments): starts the
  # jar, waits until it is ready (the readiness probe answers 200 once the start-up runners, the demo data among
  # them, are done: the login page answers earlier), sets $app_pid
  local jar=$1 data=$2 port=$3; shift 3
  java "$@" -jar "$jar" $(db_args "$data") --server.port="$port" --management.endpoint.health.probes.enabled=true \
    ${APP_ARGS:-} > "$data.log" 2>&1 &
  app_pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/actuator/health/readiness")" = 200 ]; do
    kill -0 $app_pid 2>/dev/null || { echo "the application did not start, see $data.log"; return 1; }
    sleep 1
  done
}

stop_app() {
  kill $app_pid; wait $app_pid 2>/dev/null || true
}
