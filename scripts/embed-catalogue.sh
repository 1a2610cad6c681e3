#!/usr/bin/env bash
# Regenerates Sources/SteppeFiles/EmbeddedCatalogue.swift from Catalogue/policies/*.yaml and
# Catalogue/zones.yaml: the catalogue as the YAML reader reads it, written as Swift values, so that
# it ships inside the `steppe` binary, works from any directory and costs no YAML parsing at start.
# The generator is EmbeddedCatalogueTests (Tests/SteppeTests/Files), which also fails whenever the
# file and Catalogue/ disagree; this script runs it in writing mode, then checks the rebuilt values.
set -euo pipefail
cd "$(dirname "$0")/.."
STEPPE_WRITE_EMBEDDED_CATALOGUE=1 swift test --filter 'EmbeddedCatalogueTests/generatedFileIsCurrent'
swift test --filter 'EmbeddedCatalogueTests'
echo "wrote Sources/SteppeFiles/EmbeddedCatalogue.swift"
