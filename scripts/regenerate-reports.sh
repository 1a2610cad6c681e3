#!/usr/bin/env bash
# Rebuilds every committed report under Reports/: the text and JSON results, the HTML and
# Markdown reports with their CSV tables, and the browser screenshots (PNG, if Chromium is
# installed). Fixed seeds and moderate path counts: about a minute on two cores.
# Reports hold no timestamps or host details, so a rerun changes nothing unless the model did.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
# The screenshots show Chinese titles: without a CJK font they would be empty boxes. Install one
# (fonts-noto-cjk) where apt-get can, else stop before anything is rewritten.
if [ -z "$(fc-list :lang=zh family 2>/dev/null | head -1)" ]; then
  (apt-get install -y -qq fonts-noto-cjk >/dev/null 2>&1 || sudo -n apt-get install -y -qq fonts-noto-cjk >/dev/null 2>&1) || true
  if [ -z "$(fc-list :lang=zh family 2>/dev/null | head -1)" ]; then
    echo "regenerate-reports: no CJK font (fc-list :lang=zh is empty); install fonts-noto-cjk and run again" >&2
    exit 1
  fi
fi
swift build -c release --product steppe >/dev/null
steppe=".build/release/steppe"
R=Reports

# Deterministic text and JSON results (as before).
$steppe evaluate Scenarios/ejin-horo-green-hydrogen.yaml --output $R/ejin-horo-green-hydrogen.txt --force >/dev/null
$steppe evaluate Scenarios/ejin-horo-green-hydrogen.yaml --format json --output $R/ejin-horo-green-hydrogen.json --force >/dev/null
for f in ejin-horo-green-hydrogen-catalogue ejin-horo-dairy-farm ejin-horo-polysilicon ejin-horo-dairy-processing; do
  $steppe evaluate Scenarios/$f.yaml --explain --output $R/$f.txt --force >/dev/null
done

# HTML, Markdown and CSV reports.
report() { # name result.json
  rm -rf "$R/$1.csv"
  $steppe report "$2" --html "$R/$1.html" --markdown "$R/$1.md" --csv "$R/$1.csv" --force
}
# Monte Carlo study of the default scenario (the README's main command, fewer paths).
$steppe run Scenarios/ejin-horo-green-hydrogen.yaml --paths 2000 --seed 1 --threads 2 --quiet \
  --format json --output $R/ejin-horo-green-hydrogen-run.json --force >/dev/null
report ejin-horo-green-hydrogen-run $R/ejin-horo-green-hydrogen-run.json
# Monte Carlo study of the hourly hydrogen scenario with the weather and plant drawn per path (yields, curtailment and
# how often the export cap binds are in the JSON's hydrogenWeather and the text summary).
$steppe run Scenarios/ejin-horo-hydrogen-weather.yaml --paths 2000 --seed 1 --threads 2 --quiet \
  --format json --output $R/ejin-horo-hydrogen-weather-run.json --force >/dev/null
report ejin-horo-hydrogen-weather-run $R/ejin-horo-hydrogen-weather-run.json
# Incentive dependence of the default scenario.
$steppe incentives Scenarios/ejin-horo-green-hydrogen.yaml --format json --output $R/ejin-horo-green-hydrogen-incentives.json --force >/dev/null
report ejin-horo-green-hydrogen-incentives $R/ejin-horo-green-hydrogen-incentives.json
# Incentive dependence of the 3,000-head dairy farm: no share (negative without incentives), staff allowances.
$steppe incentives Scenarios/dairy-3000-head.yaml --format json --output $R/dairy-3000-head-incentives.json --force >/dev/null
report dairy-3000-head-incentives $R/dairy-3000-head-incentives.json
# Siting study on zone data: ranking, odds matrix, distributions, drivers and the proxy flag.
$steppe compare Scenarios/study-hydrogen-zone-data.yaml --threads 2 --format json --output $R/study-hydrogen-zone-data.json --force >/dev/null
report study-hydrogen-zone-data $R/study-hydrogen-zone-data.json
# Deterministic evaluations: hourly hydrogen dispatch (energy balance), dairy farms (catalogue, herd module), polysilicon,
# dairy processing (LPR-based interest subsidy).
# ejin-horo-hydrogen-feasibility: the hydrogen project under the feasibility-study conventions (docs/conventions.md).
for f in ejin-horo-hydrogen-hourly ejin-horo-dairy-farm dairy-3000-head ejin-horo-polysilicon ejin-horo-dairy-processing \
         ejin-horo-hydrogen-feasibility; do
  $steppe evaluate Scenarios/$f.yaml --format json --output $R/$f.json --force >/dev/null
  report $f $R/$f.json
done
# The feasibility-study example as the Excel workbook a finance team opens (one sheet per table, Conventions first).
$steppe report $R/ejin-horo-hydrogen-feasibility.json --xlsx $R/ejin-horo-hydrogen-feasibility.xlsx --force >/dev/null

# Sizing study: equity NPV, export share and curtailment over the electrolyser size (50 MW PV), best point marked.
$steppe sweep Scenarios/ejin-horo-hydrogen-sizing.yaml --param hydrogen.electrolyser.capacityMW=5:50:10 --threads 2 --quiet \
  --format json --output $R/ejin-horo-hydrogen-sizing-sweep.json --force >/dev/null
report ejin-horo-hydrogen-sizing-sweep $R/ejin-horo-hydrogen-sizing-sweep.json
# The same study optimised: the best electrolyser, export share and curtailment there, flatness, the search path (optimum ringed).
$steppe optimise Scenarios/ejin-horo-hydrogen-sizing.yaml --vary hydrogen.electrolyser.capacityMW=5:50 --threads 2 --quiet \
  --format json --output $R/ejin-horo-hydrogen-sizing-optimise.json --force >/dev/null
report ejin-horo-hydrogen-sizing-optimise $R/ejin-horo-hydrogen-sizing-optimise.json

# Screenshots at desktop and narrow widths, failing on console errors.
if command -v chromium >/dev/null || command -v chromium-browser >/dev/null; then
  scripts/browser-check.sh $R/*.html
else
  echo "chromium not installed: screenshots not regenerated (apt-get install chromium)" >&2
fi
