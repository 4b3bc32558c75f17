#!/usr/bin/env bash
# Spark scaling runner (docs/SPARK.md): ./itinera-spark/scaling.sh EVENTS CUSTOMERS DIR CORES...
# e.g. ./itinera-spark/scaling.sh 10000000 200000 /tmp/itinera-spark-bench 1 2
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -o -pl itinera-spark -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/spark-bench.classpath
flags=$(tr -s ' \n' ' ' < itinera-spark/pom.xml \
  | sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p')
exec java -Xmx${BENCH_HEAP:-8g} $flags -Dlog4j2.configurationFile=log4j2-test.properties \
  -cp "itinera-spark/target/test-classes:itinera-spark/target/classes:$(cat itinera-spark/target/spark-bench.classpath)" \
  org.itinera.spark.bench.SparkScaling "$@"
