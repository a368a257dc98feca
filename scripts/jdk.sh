# Sourced by the project's scripts: selects the newest JDK >= 21 and exports JAVA_HOME.
# A JAVA_HOME that already names a JDK >= 21 wins; otherwise the usual install folders are searched.

java_feature_version() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}'
}

select_jdk() {
  local candidate version
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    version=$(java_feature_version "$JAVA_HOME"); version=${version%%.*}
    if [[ "$version" =~ ^[0-9]+$ ]] && [ "$version" -ge 21 ]; then export JAVA_HOME; return 0; fi
  fi
  local best="" best_version=0
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$candidate/bin/javac" ] || continue
    version=$(java_feature_version "$candidate"); version=${version%%.*}
    [[ "$version" =~ ^[0-9]+$ ]] || continue
    if [ "$version" -ge 21 ] && [ "$version" -gt "$best_version" ]; then best=$candidate; best_version=$version; fi
  done
  if [ -z "$best" ]; then
    echo "No JDK 21 or newer found (JAVA_HOME, /usr/lib/jvm, /opt). Install one (25 recommended) and set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME=$best
}
