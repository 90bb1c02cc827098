import { linkScores, phoneScore, type Score } from './entities';
import { caseScore, innocentScore, listScores } from './tone';

/**
 * `npm run eval`: recall and precision of the entities rule's phones, links and emails and
 * of the tone rule's profanity and slurs checks on the labelled sets in tests/data, with
 * what was missed and what was reported without a label (`--verbose` lists them all).
 */

const verbose = process.argv.includes('--verbose');
const rows: [string, string, string, string][] = [];

/** `list`: a list of entries, each one thing to find, where precision has no meaning. */
function row(name: string, s: Score, list = false): void {
  rows.push([
    name,
    `${s.found}/${s.expected}`,
    s.recall.toFixed(3),
    list ? '-' : s.precision.toFixed(3),
  ]);
  const shown = verbose ? Infinity : 5;
  for (const m of s.missed.slice(0, shown)) console.log(`  missed  ${name}: ${m}`);
  for (const e of s.extra.slice(0, shown)) console.log(`  extra   ${name}: ${e}`);
}

row('phone', phoneScore());
const links = linkScores();
row('url (exact span)', links.links);
row('email (exact span)', links.emails);
row('profanity, sentences', caseScore('profanity'));
row('slurs, sentences', caseScore('slurs'));
const list = listScores();
row('profanity, badwords-list', list.profanity, true);
row('slurs, badwords-list', list.slurs, true);
const innocent = innocentScore();

console.log('');
console.log(
  `${'set'.padEnd(28)}${'found'.padStart(10)}${'recall'.padStart(9)}${'precision'.padStart(11)}`,
);
for (const [name, found, recall, precision] of rows)
  console.log(
    `${name.padEnd(28)}${found.padStart(10)}${recall.padStart(9)}${precision.padStart(11)}`,
  );
console.log('');
console.log(
  `false links on not-links: ${links.falseLinks.withLink}/${links.falseLinks.texts} (${(100 * links.falseLinks.rate).toFixed(1)}%)`,
);
for (const e of links.falseLinks.examples) console.log(`  ${e}`);
console.log(
  `innocent sentences with a hit: ${innocent.sentenceHits.length}/${innocent.sentences}; ` +
    `dictionary words with a hit: ${innocent.wordHits.length}/${innocent.words} (${(100 * innocent.rate).toFixed(3)}%)`,
);
for (const h of [...innocent.sentenceHits, ...innocent.wordHits].slice(0, verbose ? Infinity : 20))
  console.log(`  ${h}`);
if (list.unlabelledHits.length > 0)
  console.log(
    `badwords-list entries labelled "none" that a check reports: ${list.unlabelledHits.join(', ')}`,
  );
