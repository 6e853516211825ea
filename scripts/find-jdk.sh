#!/usr/bin/env sh
# Prints the path of a JDK >= 21: JAVA_HOME if it qualifies, else the newest JDK under /usr/lib/jvm.
# Exits non-zero with a clear message when there is none. The machines' default java is 17, which
# cannot build Arbiter; a build that silently used it would fail late and confusingly.
set -u

major_of() {
  # Reads the major version from the JDK's `release` file (JAVA_VERSION="25.0.1" -> 25, "1.8" -> 8).
  v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release" 2>/dev/null)
  [ -n "$v" ] || { echo 0; return; }
  case "$v" in
    1.*) echo "$v" | cut -d. -f2 ;;
    *) echo "$v" | cut -d. -f1 | cut -d- -f1 ;;
  esac
}

qualifies() {
  [ -x "$1/bin/javac" ] && [ "$(major_of "$1")" -ge 21 ]
}

if [ -n "${JAVA_HOME:-}" ] && qualifies "$JAVA_HOME"; then
  echo "$JAVA_HOME"
  exit 0
fi

best=""
best_major=0
for dir in /usr/lib/jvm/*; do
  [ -d "$dir" ] && [ ! -L "$dir" ] || continue
  if qualifies "$dir"; then
    m=$(major_of "$dir")
    if [ "$m" -gt "$best_major" ]; then
      best="$dir"
      best_major=$m
    fi
  fi
done

if [ -z "$best" ]; then
  echo "error: Arbiter needs a JDK >= 21 to build and run." >&2
  echo "  JAVA_HOME=${JAVA_HOME:-<unset>} does not qualify and none was found under /usr/lib/jvm." >&2
  echo "  Install one (e.g. Temurin 25) and set JAVA_HOME to it." >&2
  exit 1
fi
echo "$best"
