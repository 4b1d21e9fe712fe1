# Shared by the benchmark scripts: sign in through the login form, read the JVM heap as a manager.
# Needs $BASE and a $work directory for the cookie jars.

login() { # $1 user $2 password $3 cookie jar
  curl -s -c "$3" -b "$3" "$BASE/login" -o /dev/null
  local token; token=$(awk '$6=="PARVANDEH-XSRF"{print $7}' "$3")
  curl -s -c "$3" -b "$3" -o /dev/null --data-urlencode "username=$1" --data-urlencode "password=$2" \
    --data-urlencode "_csrf=$token" "$BASE/login"
  curl -s -c "$3" -b "$3" -o /dev/null "$BASE/"
}

heap_mb() { # needs a manager's cookie jar in $work/manager
  curl -s -m 10 -b "$work/manager" "$BASE/actuator/metrics/jvm.memory.used?tag=area:heap" \
    | python3 -c 'import json,sys; print(round(json.load(sys.stdin)["measurements"][0]["value"]/1048576))'
}
