#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Steppe's one set-up script. On a fresh Debian 12 machine it installs the packages that are
# missing, builds Steppe in build/, and then:
#   ./setup.sh demo   indexes corpus/ and runs: steppe search "West Oil Software" --after 2023-12
#   ./setup.sh test   runs the whole test suite (ctest), then again under ASan and UBSan, then
#                     each libFuzzer target for a short smoke run (STEPPE_FUZZ_SECONDS, 20)
#   ./setup.sh build  only installs and builds
set -euo pipefail
cd "$(dirname "$0")"

readonly PACKAGES=(
  g++ cmake ninja-build ccache pkg-config
  libxapian-dev libicu-dev libstemmer-dev libgumbo-dev libboost-program-options-dev
  libsimdjson-dev libgtest-dev libgmock-dev libbenchmark-dev nlohmann-json3-dev
  libjemalloc-dev libsqlite3-dev python3 time
  libhunspell-dev hunspell-en-us hunspell-ru hunspell-kk xapian-tools
  clang libclang-rt-14-dev
)
readonly BUILD_DIR=${STEPPE_BUILD_DIR:-build}

say() { printf 'setup: %s\n' "$*" >&2; }

install_missing() {
  local missing=() pkg
  for pkg in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' ||
      missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
      sudo=(sudo)
    else
      say "missing Debian packages: ${missing[*]}"
      say "run this script as root, or install them first: sudo apt-get install ${missing[*]}"
      exit 1
    fi
  fi
  say "installing ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

GENERATOR=()

# ccache keys on absolute paths by default, so each fresh clone in a new folder (as CI makes)
# would compile everything again. Paths relative to the checkout let every clone share it.
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD}
export CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-true}

build() {
  command -v ninja >/dev/null && GENERATOR=(-G Ninja)
  if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
    cmake -S . -B "$BUILD_DIR" "${GENERATOR[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  fi
  cmake --build "$BUILD_DIR" -j "$(nproc)"
}

demo() {
  local steppe=$BUILD_DIR/tools/steppe db=$BUILD_DIR/demo-db
  rm -rf "$db"
  "$steppe" index corpus/ --db "$db"
  echo
  echo "\$ steppe search \"West Oil Software\" --after 2023-12"
  "$steppe" search "West Oil Software" --after 2023-12 --db "$db"
}

run_tests() {
  ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$(nproc)"
  # The same tests again under AddressSanitizer and UndefinedBehaviorSanitizer (the install
  # and crash tests exercise the release build; they would add minutes and find nothing new).
  # libxapian 1.4.22's own Database::check frees with a mismatched size, which ASan reports
  # as new-delete-type-mismatch; that one check is off.
  local asan=$BUILD_DIR-asan
  if [ ! -f "$asan/CMakeCache.txt" ]; then
    cmake -S . -B "$asan" "${GENERATOR[@]}" -DCMAKE_BUILD_TYPE=Debug \
      -DSTEPPE_SANITIZE=address,undefined -DSTEPPE_BUILD_BENCHMARKS=OFF -DSTEPPE_INSTALL=OFF \
      >/dev/null
  fi
  cmake --build "$asan" -j "$(nproc)"
  ASAN_OPTIONS=new_delete_type_mismatch=0 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir "$asan" --output-on-failure -j "$(nproc)" -E '^(install|crash)\.'
  fuzz_smoke
}

# Each libFuzzer target (tests/fuzz/) for a short run from its seeds, built with clang in
# $BUILD_DIR-fuzz. A crash stops the script, and the input that caused it is kept.
fuzz_smoke() {
  local target log=$BUILD_DIR-fuzz/smoke.log
  mkdir -p "$BUILD_DIR-fuzz"
  for target in front_matter html jsonl csv charset date query_parser analyser; do
    if ! STEPPE_FUZZ_BUILD_DIR=$BUILD_DIR-fuzz \
      tests/fuzz/run.sh "$target" "${STEPPE_FUZZ_SECONDS:-20}" 2>"$log"; then
      cat "$log" >&2
      say "fuzz target $target failed; reproduce with: tests/fuzz/run.sh $target 60"
      return 1
    fi
  done
}

main() {
  local what=${1:-demo}
  case $what in
    demo | test | build) ;;
    *)
      say "unknown step '$what'; use: ./setup.sh demo | test | build"
      exit 2
      ;;
  esac
  install_missing
  build
  case $what in
    demo) demo ;;
    test) run_tests ;;
  esac
}

main "$@"
