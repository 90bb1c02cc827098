// `node scripts/eld-subset.mjs`: src/core/data/eld-ngrams.json, the n-grams of eld's
// "extrasmall" database (Apache-2.0, Nito T.M.) for the five languages Postguard checks posts
// in, renumbered 0-4. eld ships one database of 60 languages (932 kB of source); the five are
// 187 kB, and telling them apart scores only their n-grams. Run it again when eld is upgraded.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const LANGUAGES = ['en', 'es', 'fr', 'de', 'pt'];
const root = fileURLToPath(new URL('..', import.meta.url));
// The database is not among eld's exports: read its file directly.
const eldDir = path.join(root, 'node_modules/eld');
const { ngramsData } = await import(
  pathToFileURL(path.join(eldDir, 'src/ngrams/extrasmall.js')).href
);
const eldVersion = JSON.parse(readFileSync(path.join(eldDir, 'package.json'), 'utf8')).version;

const newId = new Map();
const languages = {};
for (const [id, code] of Object.entries(ngramsData.languages)) {
  if (!LANGUAGES.includes(code)) continue;
  newId.set(id, newId.size);
  languages[newId.get(id)] = code;
}
const ngrams = {};
for (const [ngram, scores] of Object.entries(ngramsData.ngrams)) {
  const kept = {};
  for (const [id, score] of Object.entries(scores)) {
    if (newId.has(id)) kept[newId.get(id)] = score;
  }
  if (Object.keys(kept).length > 0) ngrams[ngram] = kept;
}
const data = {
  source: `eld ${eldVersion} (Apache-2.0, Copyright 2023 Nito T.M.), its extrasmall database, only ${LANGUAGES.join(', ')}; made by scripts/eld-subset.mjs`,
  type: `${ngramsData.type}-subset-${LANGUAGES.length}`,
  languages,
  isSubset: true,
  ngrams,
};
const file = path.join(root, 'src/core/data/eld-ngrams.json');
writeFileSync(file, `${JSON.stringify(data)}\n`);
console.log(`Wrote ${path.relative(root, file)} (${Object.keys(ngrams).length} n-grams)`);
