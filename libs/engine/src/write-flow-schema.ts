// A script, not engine code: regenerates docs/flow-schema.json from the zod schema.
// Run: npx tsx libs/engine/src/write-flow-schema.ts
// (flow-json-schema.test.ts fails while the checked-in file is stale.) Nothing imports this file.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- the one engine file that writes to disk: a build script
import { writeFileSync } from 'node:fs';
import { flowJsonSchemaText } from './flow-json-schema';

const target = new URL('../../../docs/flow-schema.json', import.meta.url);
writeFileSync(target, flowJsonSchemaText());
console.log(`wrote ${target.pathname}`);
