# Sourced by ./recoup and .ci/run: exports JAVA_HOME for a JDK 21 or newer, or fails with a clear message.
# Order: $JAVA_HOME if it is >= 21, then Temurin 25, then any JDK >= 21 under /usr/lib/jvm, then `java` on the PATH.
recoup_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1
}

recoup_select_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(recoup_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(recoup_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  fi
  echo "Recoup needs a JDK 21 or newer (found none). Install one (e.g. Temurin 25 at /usr/lib/jvm/temurin-25-jdk-amd64," >&2
  echo "or 'apt-get install openjdk-21-jdk' where available) or point JAVA_HOME at it." >&2
  return 1
}
