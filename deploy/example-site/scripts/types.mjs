// Generates TypeScript types from a Sacrum's live OpenAPI document:
//   node scripts/types.mjs http://localhost:8080/openapi [../../target/example-site/sacrum-api.d.ts]
// openapi-typescript follows the document's relative $refs to the served content-model schemas (api/v1/schemas/...).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

const [url, out = '../../target/example-site/sacrum-api.d.ts'] = process.argv.slice(2);
if (!url) {
  console.error('usage: node scripts/types.mjs <url of /openapi> [output .d.ts]');
  process.exit(2);
}
const ast = await openapiTS(new URL(url));
// openapi-typescript 7.13 emits a schema's "$defs" as a required property (openapi-ts/openapi-typescript#2664):
// no delivered entry carries it, so it is made optional.
const types = astToString(ast).replace(/^(\s+)\$defs: \{/gm, '$1$defs?: {');
const file = resolve(out);
await mkdir(dirname(file), { recursive: true });
await writeFile(file, '// Generated from ' + url + ' by scripts/types.mjs: do not edit.\n' + types);
console.log(`types: ${file} (${types.split('\n').length} lines)`);
