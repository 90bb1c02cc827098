// `npm run build:schema`: writes the pack JSON Schema that ships in the package
// (schema/pack.schema.json); a unit test fails when it differs from the generated one.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { PACK_SCHEMA_FILE, packJsonSchema } from '../src/core/pack/json-schema';

const target = fileURLToPath(new URL(`../${PACK_SCHEMA_FILE}`, import.meta.url));
const options = { ...(await resolveConfig(target)), filepath: target };
const text = await format(JSON.stringify(packJsonSchema()), options);
writeFileSync(target, text);
console.log(`Wrote ${PACK_SCHEMA_FILE}`);
