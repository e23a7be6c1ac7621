#!/usr/bin/env bash
# Set up footprint in ./.venv from a clean clone: Python packages from pyproject.toml, and the few
# system tools some features use (age to read encrypted reports, pdftoppm to preview PDFs, the
# Pango libraries WeasyPrint needs for report.pdf). Safe to run again.
#   bash scripts/setup.sh          # the tool
#   bash scripts/setup.sh --test   # the tool and its test dependencies (and Debian's chromium,
#                                  # for the headless-browser test of `footprint open`)
#   bash scripts/setup.sh --faces  # the tool and face matching (dlib); combine with --test
set -euo pipefail
cd "$(dirname "$0")/.."
extras=()
for arg in "$@"; do
  case "$arg" in
    --test) extras+=(test) ;;
    --faces) extras+=(faces) ;;
    *) echo "setup: unknown option $arg (use --test and/or --faces)" >&2; exit 2 ;;
  esac
done
extra=""
[ ${#extras[@]} -gt 0 ] && extra="[$(IFS=,; echo "${extras[*]}")]"

need_pkgs=()
command -v age >/dev/null 2>&1 || need_pkgs+=(age)
command -v pdftoppm >/dev/null 2>&1 || need_pkgs+=(poppler-utils)
ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || need_pkgs+=(libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core)
ldconfig -p 2>/dev/null | grep -q libharfbuzz-subset || need_pkgs+=(libharfbuzz-subset0)
# the tests open `footprint open`'s page in a real headless browser
[[ " ${extras[*]:-} " == *" test "* ]] && ! command -v chromium >/dev/null 2>&1 && need_pkgs+=(chromium)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing system packages: ${need_pkgs[*]}" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_pkgs[@]}") >/dev/null \
      || echo "setup: could not install ${need_pkgs[*]}; PDF reports or 'age' decryption may be unavailable" >&2
  else
    echo "setup: optional system packages missing: ${need_pkgs[*]} (install them with your package manager for PDF reports and the 'age' command)" >&2
  fi
fi

PY="${PYTHON:-python3}"
"$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' \
  || { echo "setup: footprint needs Python 3.11 or newer (found $("$PY" --version 2>&1))" >&2; exit 1; }
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e ".${extra}"
