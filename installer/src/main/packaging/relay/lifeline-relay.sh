#!/bin/sh
# Starts the Lifeline relay with the system's Java 17 or newer. The jars live in
# ../share/lifeline-relay next to this script's real location, so an unpacked package runs too.
set -e
self=$(readlink -f "$0")
home=$(cd "$(dirname "$self")/../share/lifeline-relay" && pwd)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
# JAVA_OPTS is split on spaces on purpose: it holds several options.
# shellcheck disable=SC2086
exec "$java" -Dfile.encoding=UTF-8 $JAVA_OPTS -jar "$home/lifeline-relay.jar" "$@"
