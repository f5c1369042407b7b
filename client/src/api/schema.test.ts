// @vitest-environment node
// Fails when src/api/schema.d.ts was not regenerated after client/openapi.json changed: run `npm run gen:api`.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateSchema } from '../../scripts/api-schema.mjs';

const openapi = fileURLToPath(new URL('../../openapi.json', import.meta.url));
const schema = fileURLToPath(new URL('./schema.d.ts', import.meta.url));

describe('the generated API client', () => {
  it('matches the OpenAPI snapshot (npm run gen:api)', async () => {
    const expected = await generateSchema(openapi);
    const actual = await readFile(schema, 'utf8');
    expect(actual === expected, 'src/api/schema.d.ts is stale: run `npm run gen:api`').toBe(true);
  });

  it('keeps the snapshot formatted as the host test expects (2 spaces, trailing newline)', async () => {
    const text = await readFile(openapi, 'utf8');
    expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2) + '\n');
  });
});
