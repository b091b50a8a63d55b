#!/usr/bin/env bash
# End-to-end benchmark on PostgreSQL: generate a portfolio, import it, run the daily run, measure the COPY floor.
#   recoup-bench/run-end-to-end.sh [accounts=1000000] [pg-url=jdbc:postgresql://localhost:5432/recoup_bench]
# Needs a PostgreSQL server with role recoup/recoup that may create the database (or an existing empty database).
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/select-jdk.sh
recoup_select_jdk
accounts=${1:-1000000}
url=${2:-jdbc:postgresql://localhost:5432/recoup_bench}
work=${RECOUP_BENCH_DIR:-$( [ -d /dev/shm ] && echo /dev/shm/recoup-bench || echo target/recoup-bench )}

./mvnw -q -B -ntp -DskipTests install
cp="recoup-bench/target/classes:$(cat recoup-bench/target/classpath.txt)"
rm -rf "$work" && mkdir -p "$work"
java -Xmx512m -cp "$cp" org.recoup.app.demo.PortfolioGenerator --accounts "$accounts" --seed 7 --as-of 2026-11-23 --out "$work"
java -Xmx4g -cp "$cp" org.recoup.bench.EndToEndBenchmark --pg-url "$url" --as-of 2026-11-23 --fresh --import "$work"
rm -rf "$work"
