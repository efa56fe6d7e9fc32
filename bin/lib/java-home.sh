# Sourced by bin/* and .ci/run: exports JAVA_HOME pointing at a JDK >= 21.
# Order: $JAVA_HOME, the `java` on PATH, then the newest JDK under the usual install roots.

basalt_java_major() {
  # Prints the major version of the JDK at $1, or nothing if it is not a JDK.
  local home=$1 version=""
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")
  fi
  if [ -z "$version" ]; then
    version=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n 1)
  fi
  version=${version#1.}
  echo "${version%%[.+-]*}"
}

basalt_find_java_home() {
  local candidate major best="" best_major=0
  local path_java
  path_java=$(command -v java 2>/dev/null || true)
  for candidate in ${JAVA_HOME:+"$JAVA_HOME"} \
      ${path_java:+"$(dirname "$(dirname "$(readlink -f "$path_java")")")"} \
      /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* "$HOME"/.sdkman/candidates/java/*; do
    [ -d "$candidate" ] || continue
    major=$(basalt_java_major "$candidate")
    [ -n "$major" ] || continue
    if [ "$major" -ge 21 ] 2>/dev/null; then
      # An explicit JAVA_HOME that is new enough wins outright.
      if [ -n "${JAVA_HOME:-}" ] && [ "$candidate" = "$JAVA_HOME" ]; then
        best=$candidate; break
      fi
      if [ "$major" -gt "$best_major" ]; then best=$candidate; best_major=$major; fi
    fi
  done
  if [ -z "$best" ]; then
    echo "error: Basalt needs a JDK 21 or newer, and none was found (looked at JAVA_HOME, PATH and /usr/lib/jvm)." >&2
    echo "       Install one (for example Temurin 21 or 25) and set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
}
