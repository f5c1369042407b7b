#!/usr/bin/env node
// Regenerates src/api/schema.d.ts from the committed snapshot client/openapi.json (npm run gen:api).
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { generateSchema } from './api-schema.mjs';

const openapi = fileURLToPath(new URL('../openapi.json', import.meta.url));
const target = fileURLToPath(new URL('../src/api/schema.d.ts', import.meta.url));
await writeFile(target, await generateSchema(openapi), 'utf8');
console.log(`wrote ${target}`);
