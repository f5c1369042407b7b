#!/usr/bin/env node
// Refreshes the committed snapshot client/openapi.json from a running host:
//   npm run fetch:api                                  (host at http://localhost:5080)
//   CONGRESS_URL=http://localhost:5081 npm run fetch:api
// The snapshot is JSON.stringify(doc, null, 2) + "\n" of the host's /openapi/v1.json, exactly: a .NET test
// compares it with the host's document. `npm run fetch:api` then regenerates src/api/schema.d.ts.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const base = (process.env.CONGRESS_URL ?? 'http://localhost:5080').replace(/\/$/, '');
const response = await fetch(`${base}/openapi/v1.json`);
if (!response.ok) {
  console.error(`GET ${base}/openapi/v1.json answered ${response.status}: is the host running?`);
  process.exit(1);
}
const doc = await response.json();
const target = fileURLToPath(new URL('../openapi.json', import.meta.url));
await writeFile(target, JSON.stringify(doc, null, 2) + '\n', 'utf8');
console.log(`wrote ${target} (${Object.keys(doc.paths ?? {}).length} paths)`);
