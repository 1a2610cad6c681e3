#!/usr/bin/env python3
"""Lists which folders of Sources/Steppe use types or functions declared in which others, and the
cycles among them: a rough check (by name) that dependencies point one way (README, "Architecture")."""
import os, re, sys, itertools, collections
root = os.path.join(os.path.dirname(__file__), '..', 'Sources', 'Steppe')
decl = re.compile(r'^(?:public |internal |private |fileprivate |@\w+ )*(?:final )?(?:struct|enum|class|protocol|typealias|actor|func)\s+([A-Za-z_]\w*)', re.M)
def folder(path):
    rel = os.path.relpath(path, root).split(os.sep)
    return rel[0] if len(rel) > 1 else '.'
files = [os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith('.swift')]
owner, text = {}, {}
for f in files:
    s = open(f, encoding='utf-8').read()
    text[f] = re.sub(r'//.*', '', s)
    for name in decl.findall(text[f]):
        owner.setdefault(name, set()).add(folder(f))
owner = {n: fs.pop() for n, fs in owner.items() if len(fs) == 1 and len(n) > 3}
edges = collections.defaultdict(set)
for f in files:
    a = folder(f)
    for token in set(re.findall(r'\b[A-Za-z_]\w*\b', text[f])):
        b = owner.get(token)
        if b and b != a and b != '.':
            edges[a].add((b, token, os.path.basename(f)))
for a in sorted(edges):
    print(f'{a} -> ' + ', '.join(sorted({b for b, _, _ in edges[a]})))
cycles = [(a, b) for a, b in itertools.combinations(sorted(edges), 2)
          if any(x == b for x, _, _ in edges[a]) and any(x == a for x, _, _ in edges[b])]
for a, b in cycles:
    print(f'\ncycle {a} <-> {b}')
    for x, y in ((a, b), (b, a)):
        uses = sorted({(tok, f) for t, tok, f in edges[x] if t == y})
        print(f'  {x} uses {y}: ' + ', '.join(f'{tok} ({f})' for tok, f in uses[:8]) + (' …' if len(uses) > 8 else ''))
sys.exit(1 if cycles and '--check' in sys.argv else 0)
