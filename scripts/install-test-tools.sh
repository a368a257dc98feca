#!/usr/bin/env bash
# Installs the programs the tests drive for real, from Debian's packages, when they are missing:
#   prometheus   - the dashboard-query check evaluates every Grafana panel's PromQL against a real Prometheus
#   chromium     - the comparison report is opened in a real headless browser
#   chromedriver - through which Selenium drives it (Debian's chromium-driver, of the same version)
#   curl         - the curl examples of docs/api.md are run against each service
#   wrk          - the comparison's second load generator (WrkLoadGenerator) and its test
#   taskset      - pins the load generator to CPUs (util-linux, part of every Debian install; checked anyway)
# Needs root (CI runs as root) or sudo. Safe to run again: it installs only what is missing.
set -euo pipefail

missing=()
command -v prometheus >/dev/null 2>&1 || missing+=(prometheus)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v taskset >/dev/null 2>&1 || missing+=(util-linux)
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing ${missing[*]} from Debian's packages ..."
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
