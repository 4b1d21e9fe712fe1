#!/usr/bin/env bash
# Start-up: time from `java` to the first HTTP answer of our application against a bare Camunda 7.24 Spring Boot
# webapp (bench.BareCamundaApplication), both from the same flat classpath with the same heap, same database
# kind, alternating, ROUNDS times: a cold start (empty database: schema, deployments, demo data for ours) and then a
# warm one on the same database. Each process is stopped before the next starts.
# Usage: DB=h2|postgres bench/startup.sh [rounds]
set -euo pipefail
. "$(dirname "$0")/java.sh"
ROUNDS=${1:-3}
PORT=${PORT:-8212}
run=$(mktemp -d /tmp/bench-startup-XXXX)
cp=$(bench_classpath "$run/cp")
bare_cp="$run/cp/test-classes:$(cat "$root/target/bench.classpath")"
exclude=org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration
exclude+=,org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration
exclude+=,org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration
exclude+=,org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration
exclude+=,org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration
exclude+=,org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration
exclude+=,org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration
exclude+=,org.springframework.boot.autoconfigure.session.SessionAutoConfiguration

start() { # $1 ours|bare $2 data folder: prints seconds to the first HTTP answer
  local t0 pid code
  t0=$(date +%s%N)
  if [ "$1" = ours ]; then
    java -Xmx512m -cp "$cp" app.parvandeh.ParvandehApplication $(db_args "$2") --server.port="$PORT" \
      > "$2.log" 2>&1 &
  else
    local url="jdbc:h2:file:$2/db/bare;AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0" extra=""
    [ "$DB" = postgres ] && url=$PG_URL && extra="--spring.datasource.username=$PG_USER --spring.datasource.password=$PG_PASSWORD"
    java -Xmx512m -cp "$bare_cp" bench.BareCamundaApplication --server.port="$PORT" \
      --spring.datasource.url="$url" $extra --spring.autoconfigure.exclude="$exclude" \
      --springdoc.api-docs.enabled=false --camunda.bpm.admin-user.id=admin --camunda.bpm.admin-user.password=admin \
      > "$2.log" 2>&1 &
  fi
  pid=$!
  while true; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/camunda/app/welcome/default/" || true)
    [ "$code" != 000 ] && break
    kill -0 $pid 2>/dev/null || { echo "failed, see $2.log" >&2; return 1; }
    sleep 0.1
  done
  python3 -c "print(f'{($(date +%s%N) - $t0) / 1e9:.1f}')"
  kill $pid; wait $pid 2>/dev/null || true
}

echo "DB=$DB rounds=$ROUNDS"
echo "| round | app | cold start s | warm start s | load average |"
for round in $(seq 1 "$ROUNDS"); do
  order="ours bare"; [ $((round % 2)) = 0 ] && order="bare ours"
  for app in $order; do
    [ "$DB" = postgres ] && reset_postgres
    dir="$run/$app-$round"
    cold=$(start "$app" "$dir")
    warm=$(start "$app" "$dir")
    echo "| $round | $app | $cold | $warm | $(cut -d' ' -f1-3 /proc/loadavg) |"
  done
done
