# Shared by the Java benchmark scripts: runs a bench program (src/test/java/app/parvandeh/bench/*Bench.java) from
# a copy of the built classes, so a rebuild of the worktree during a long run does not change what runs.
# Needs `mvn -q package -DskipTests` and the test classpath once:
#   mvn -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
# DB=h2 (a fresh file database per run) or DB=postgres (PG_URL, PG_USER, PG_PASSWORD; the schema is emptied first).

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DB=${DB:-h2}
PG_URL=${PG_URL:-jdbc:postgresql://localhost:5432/parvandeh_bench}
PG_USER=${PG_USER:-parvandeh_bench}
PG_PASSWORD=${PG_PASSWORD:-pw_bench}

bench_classpath() { # prints a classpath of copied classes plus the dependencies; $1 the copy's folder
  mkdir -p "$1"
  cp -r "$root/target/classes" "$1/classes"
  cp -r "$root/target/test-classes" "$1/test-classes"
  echo "$1/test-classes:$1/classes:$(cat "$root/target/bench.classpath")"
}

reset_postgres() { # empties the benchmark database's public schema (Camunda's and our tables)
  local db=${PG_URL##*/}
  PGPASSWORD=$PG_PASSWORD psql -q -h localhost -U "$PG_USER" -d "$db" \
    -c 'drop schema public cascade' -c 'create schema public' >/dev/null
}

db_args() { # the application's database arguments for $DB; $1 the data folder
  echo "--parvandeh.data-dir=$1"
  if [ "$DB" = postgres ]; then
    echo "--spring.datasource.url=$PG_URL --spring.datasource.username=$PG_USER"
    echo "--spring.datasource.password=$PG_PASSWORD --camunda.bpm.database.type=postgres"
    echo "--spring.flyway.locations=classpath:db/migration,classpath:db/{vendor}"
  fi
}
