#!/usr/bin/env python3
"""Coverage of the policy catalogue against the English extracts' parameter tables.

Usage: scripts/catalogue-coverage.py [CATALOGUE_DIR] [EXTRACTS_DIR] [--missing]
(defaults: Catalogue, ../shared/policy). Prints a Markdown table: per extract section, the rows with a cash
effect (a value in yuan, 万元, 亿元 or %, not marked "Relevance: low", not a threshold, not in the beef, vegetable
or city-transport rows outside Steppe's domains), how many of them a catalogue entry cites
(its lines within 2 of the row's), and how many of those a scenario can apply (an incentive, tariff or cap entry
rather than a rule). Rows are the extracts' parameters, so one policy may be several rows; the measure is
approximate, and reproducible.
"""
import glob, os, re, sys
import yaml

args = [a for a in sys.argv[1:] if not a.startswith('--')]
catalogue = args[0] if len(args) > 0 else 'Catalogue'
extracts = args[1] if len(args) > 1 else '../shared/policy'
list_missing = '--missing' in sys.argv  # also list the rows no entry cites
DOCS = {'G': '000_f963353d18cfffc7.txt', 'B': '001_90b9a2888fecdeeb.txt', 'R': '003_8ee2612cd77ec20e.txt',
        'E': '004_df7229cb23450ff5.txt', 'J': '002_4322e846ed20b2fa.txt'}
# Sections outside Steppe's domains (hydrogen, electricity, dairy/agri, talent, tax, industry, factor costs).
OUT_OF_DOMAIN = ('Context figures', 'ZONES', 'Macro context', 'Zone physical facts', 'Service-sector',
                 'Other (targets, funds')
# Rows outside them by id: beef, vegetable and grain farming (agriculture other than dairy and forage), and
# city transport (NEV taxis, buses, charging). Hydrogen vehicles stay in.
OUT_OF_DOMAIN_IDS = ('beef_', 'veg_', 'nev_', 'ev_', 'forage_land_lease_beef', 'ins_beef', 'fund_beef')
USABLE = {'capitalGrant', 'productionSubsidy', 'annualAward', 'interestSubsidy', 'benchmarkInterestSubsidy',
          'inputPrice', 'taxRate', 'taxHoliday', 'perPersonAllowance', 'tariff', 'cap'}

cites = []  # (document, first, last, usable)
for f in glob.glob(os.path.join(catalogue, 'policies', '*.yaml')):
    for p in yaml.safe_load(open(f))['policies']:
        c = p.get('citation')
        if not c: continue
        a, _, b = str(c['lines']).partition('-')
        cites.append((c['document'], int(a), int(b or a), p['kind'] in USABLE))

def rows(path, default_doc):
    section, header = None, None
    for line in open(path):
        if line.startswith('#'):
            section, header = line.strip('# \n'), None; continue
        if not line.startswith('|'): header = None; continue
        cells = [c.strip() for c in line.strip().strip('|').split('|')]
        if header is None: header = [h.lower() for h in cells]; continue
        if set(cells[0]) <= set('-: '): continue
        yield section, dict(zip(header, cells)), default_doc

def line_span(text, default_doc):
    found = re.findall(r'([GBREJ])?\s*(\d+)(?:\s*[–-]\s*[GBREJ]?(\d+))?', text)
    for letter, a, b in found:
        yield DOCS.get(letter, default_doc) if letter else default_doc, int(a), int(b or a)

table, missing = {}, []
for path in sorted(glob.glob(os.path.join(extracts, 'extract-*.md'))):
    name = os.path.basename(path)
    default = '002_4322e846ed20b2fa.txt'
    for section, row, doc in rows(path, default):
        if any(s in section for s in OUT_OF_DOMAIN): continue
        lines = next((v for k, v in row.items() if 'line' in k), None)
        value = row.get('value', '') + ' ' + row.get('unit', '')
        text = ' '.join(row.values())
        if not lines or row.get('id', '').startswith('ctx_') or 'Relevance: low' in text: continue
        if not re.search(r'元|万|亿|%|yuan|CNY', value): continue
        if row.get('id', '').strip('*').startswith(OUT_OF_DOMAIN_IDS): continue
        # A threshold (">= 25% growth", "> 1.5 bn") is a condition of some other item, not a cash item.
        if re.match(r'\*{0,2}(≥|>|>=)', row.get('value', '')) and '元' not in value: continue
        spans = list(line_span(lines, doc))
        if not spans: continue
        hit = [u for (d, a, b, u) in cites for (sd, sa, sb) in spans if d == sd and a <= sb + 2 and b >= sa - 2]
        key = (name.replace('extract-', '').replace('.md', ''), section)
        t = table.setdefault(key, [0, 0, 0])
        t[0] += 1; t[1] += bool(hit); t[2] += any(hit)
        if list_missing and not hit: missing.append(f'{key[0]} {lines}: {row.get("id", "")} = {value.strip()}')

print('| extract | section | cash rows | catalogued | modelled |')
print('|---|---|---:|---:|---:|')
tot = [0, 0, 0]
for (x, s), (n, c, m) in table.items():
    print(f'| {x} | {s} | {n} | {c} | {m} |')
    tot = [tot[0] + n, tot[1] + c, tot[2] + m]
print(f'| **all** | | **{tot[0]}** | **{tot[1]} ({100 * tot[1] / tot[0]:.0f}%)** | **{tot[2]} ({100 * tot[2] / tot[0]:.0f}%)** |')
for m in missing: print(m)
