#!/usr/bin/env node
// npm run size — the JavaScript a visit costs, gzipped, measured on the build in ../src/CongressPlatform.Host/wwwroot.
//
//   initial        the entry script of index.html and every chunk it imports statically (what any first visit
//                  downloads before the router runs; the budget is 300 KB gzipped)
//   console home   initial + the lazily loaded console shell (ConsoleRoot) and home page with their static imports
//   + chart        console home + the ECharts chunk that the home page's chart loads after the page shows
//   public /p      initial + the public layout and landing page
//
// Sizes are gzip level 9 of each file, added up (each file is one transfer). Run `npm run build` first.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 300;
const out = fileURLToPath(new URL('../../src/CongressPlatform.Host/wwwroot', import.meta.url));
const assets = join(out, 'assets');
let html;
try {
  html = readFileSync(join(out, 'index.html'), 'utf8');
} catch {
  console.error(`no build in ${out}: run npm run build first`);
  process.exit(1);
}
const files = readdirSync(assets);
const gz = new Map();
const sizeOf = (file) => {
  if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(join(assets, file)), { level: 9 }).length);
  return gz.get(file);
};
// Static imports only: `import{…}from"./x.js"` and `import"./x.js"` (dynamic ones are `import("./x.js")`).
const staticImports = (file) => {
  const code = readFileSync(join(assets, file), 'utf8');
  const found = new Set();
  for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["']\.\/([^"']+\.js)["']/g)) found.add(m[1]);
  return [...found];
};
const closure = (roots) => {
  const seen = new Set();
  const stack = [...roots];
  while (stack.length) {
    const f = stack.pop();
    if (seen.has(f)) continue;
    seen.add(f);
    stack.push(...staticImports(f));
  }
  return seen;
};
const chunk = (prefix) => {
  const hit = files.find((f) => f.startsWith(`${prefix}-`) && f.endsWith('.js'));
  if (!hit) throw new Error(`no chunk ${prefix}-*.js in ${assets}`);
  return hit;
};
const entries = [...html.matchAll(/<script[^>]+type="module"[^>]+src="\/assets\/([^"]+)"/g)].map((m) => m[1]);
const kb = (set) => [...set].reduce((sum, f) => sum + sizeOf(f), 0) / 1024;
const report = (label, set) => console.log(`${label.padEnd(14)} ${kb(set).toFixed(1).padStart(7)} KB gzipped  (${set.size} files)`);

const initial = closure(entries);
const home = closure([...entries, chunk('ConsoleRoot'), chunk('home')]);
const chart = closure([...home, chunk('Chart'), chunk('echarts')]);
const publicArea = closure([...entries, chunk('PublicLayout'), chunk('landing')]);
console.log(`build: ${out}`);
report('initial', initial);
report('console home', home);
report('+ chart', chart);
report('public /p', publicArea);
console.log(`\ninitial files: ${[...initial].map((f) => `${f} ${(sizeOf(f) / 1024).toFixed(1)}`).join(', ')}`);
if (kb(initial) > BUDGET_KB) {
  console.error(`\n✗ initial JavaScript ${kb(initial).toFixed(1)} KB exceeds the budget of ${BUDGET_KB} KB gzipped`);
  process.exit(1);
}
console.log(`✓ within the budget of ${BUDGET_KB} KB gzipped`);
