#!/usr/bin/env bash
# Portal Access: build the provider and theme JARs, fetch Keycloak through Maven, install everything
# and start Keycloak with the four portal realms. Run it again: the unpacked server and its data are kept.
#
#   ./run.sh                       dev mode on http://localhost:8080, embedded H2 file database
#   ./run.sh --port 8180           another HTTP port (management port = HTTP port + 920)
#   ./run.sh --db postgres --db-url jdbc:postgresql://localhost/keycloak --db-username kc --db-password kc
#   ./run.sh --prod                production mode: `kc.sh build` then `kc.sh start --optimized`
#   ./run.sh --reset               delete the unpacked server and its data first
#   ./run.sh --db postgres --db-url jdbc:postgresql://localhost/keycloak --db-username kc --db-password kc --cluster
#                                  a cluster node (production mode, --cache=ispn, JDBC_PING on 127.0.0.1);
#                                  a second node joins it from its own folder with another port and name:
#   ./run.sh --db postgres --db-url ... --db-username kc --db-password kc --cluster --port 8180 --node b
#   --hostname http://localhost:8080  one public address for every node (tokens of one node refresh on the other)
set -euo pipefail
cd "$(dirname "$0")"

port=8080; db=dev-file; prod=false; reset=false; db_args=(); cluster=false; node=""; hostname=""
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --db-url|--db-username|--db-password) db_args+=("$1=$2"); shift 2 ;;
    --prod) prod=true; shift ;;
    --reset) reset=true; shift ;;
    --cluster) cluster=true; prod=true; shift ;;
    --node) node="$2"; shift 2 ;;
    --hostname) hostname="$2"; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see ./run.sh --help)" >&2; exit 2 ;;
  esac
done

kc_version=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml | head -1)
if [ "$cluster" = true ] && [ "$db" != postgres ]; then
  echo "--cluster needs a database the nodes share: --db postgres --db-url ... (see docs/cluster.md)" >&2; exit 2
fi
run_dir=.run
# each cluster node runs from its own copy (its own data/ folder: transaction logs, temporary files)
[ -n "$node" ] && run_dir=".run/node-$node"
home="$run_dir/keycloak-$kc_version"
[ "$reset" = true ] && rm -rf "$home"

echo "==> Building the Portal Access JARs"
mvn -B -q -DskipTests -DskipITs package -pl core,themes,spi-domain-restriction,spi-self-registration,spi-tenant-access,console,realm-config -am

if [ ! -x "$home/bin/kc.sh" ]; then
  echo "==> Fetching Keycloak $kc_version from Maven Central (org.keycloak:keycloak-quarkus-dist:zip)"
  mkdir -p "$run_dir"
  # overWriteReleases: a second node unpacks its own copy although the unpack marker of the first exists
  mvn -B -q dependency:unpack -Dartifact="org.keycloak:keycloak-quarkus-dist:$kc_version:zip" -DoutputDirectory="$run_dir" -Dmdep.overWriteReleases=true
fi

echo "==> Installing providers, themes and realm exports into $home"
rm -f "$home"/providers/portal-access-*.jar
for module in core themes spi-domain-restriction spi-self-registration spi-tenant-access console; do
  cp "$module"/target/portal-access-*.jar "$home/providers/"
done
mkdir -p "$home/data/import"
cp realm-config/src/main/resources/realms/*.json "$home/data/import/"

# Only used when the master realm is first created (a new data folder).
export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"

common=(--http-port="$port" --http-management-port="$((port + 920))" --health-enabled=true --import-realm)
build_args=(--db="$db" --health-enabled=true)
start_args=(--http-enabled=true)
if [ -n "$hostname" ]; then start_args+=(--hostname="$hostname"); else start_args+=(--hostname-strict=false); fi
if [ "$cluster" = true ]; then
  # Infinispan's default jdbc-ping stack: the nodes find each other through the shared database
  build_args+=(--cache=ispn)
  start_args+=(--cache-embedded-network-bind-address=127.0.0.1 --cache-embedded-network-bind-port="$((7800 + (port - 8080) / 10))")
fi
echo "==> Starting Keycloak on http://localhost:$port (admin console: http://localhost:$port/admin, user $KC_BOOTSTRAP_ADMIN_USERNAME)"
echo "    Portal Access console: http://localhost:$port/realms/master/portal-access/console/ (same user; any realm: /realms/<realm>/portal-access/console/)"
if [ "$prod" = true ]; then
  "$home/bin/kc.sh" build "${build_args[@]}"
  exec "$home/bin/kc.sh" start --optimized "${common[@]}" "${db_args[@]}" "${start_args[@]}"
else
  exec "$home/bin/kc.sh" start-dev --db="$db" "${common[@]}" "${db_args[@]}"
fi
