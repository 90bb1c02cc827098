/**
 * Help texts, apart from the commands so that `--help` and `--version` answer without
 * loading the engine. docs/cli.md repeats them: keep the two in step.
 */

export const DEFAULT_NETWORK = 'x';
export const DEFAULT_KEY_PREFIX = 'postguard-signing';

export const validateHelp = `Usage: postguard validate [--format text|json] PACK...

Checks that each pack is well formed and that its rules compile (patterns included),
with the packs given layered together in order, as the extension would apply them, so
"extends" resolves among them. A pack that extends postguard-starter gets the bundled
starter pack unless you give one.

Prints "PACK: ok (id@version, N rules)" for each pack, or one line per problem, with
its JSON path and its code (docs/pack-format.md lists the codes):
  PACK: rules[3].patterns[0]: message [PG304]

Options:
  --format FORMAT        text (default) or json: { "files": [ { "file", "ok",
                         "errors": [ { "code", "kind", "path", "message" } ] } ] }
  -h, --help             this help

Exit status: 0 when every pack is valid, 2 otherwise.`;

export const checkHelp = `Usage: postguard check --pack PACK [--pack PACK...] [options] FILE...
       postguard check --pack PACK [options] -        (reads the post from stdin)

Checks posts (UTF-8 text files, one post each) against packs layered in the order given.

Options:
  --pack PACK            a pack file; repeat to layer packs (later rules replace earlier ones)
  --network NETWORK      x, facebook or linkedin (default: ${DEFAULT_NETWORK})
  --format FORMAT        text (default), json or sarif
  --now YYYY-MM-DD       check as of this date (embargoes end on their "until" date)
  --lang LANG            en, es, fr, de or pt: findings' messages in this language when
                         the pack has them (default: each sentence's own language)
  -h, --help             this help

Text output, one line per finding, then a summary:
  FILE:LINE:COLUMN SEVERITY MESSAGE [RULE-ID]
LINE and COLUMN start at 1; COLUMN counts Unicode code points (an emoji is one column).
Standard input is shown as <stdin>. A single final newline is not part of the post.

JSON output is one object: { "files": [ { "file": "FILE", "findings": [ ... ] } ] },
with findings exactly as the engine reports them (offsets in UTF-16 code units).

SARIF output is a SARIF 2.1.0 log for code scanning (GitHub, GitLab, editors): every
rule in force with its help link, each finding as a result with its file, line and
column range, and its one-click fixes.

Exit status: 1 when any finding has severity "error", 0 otherwise, 2 for usage errors
and invalid packs.`;

export const testHelp = `Usage: postguard test PACK [PACK...] CORPUS_DIR [--format text|json|junit] [--now YYYY-MM-DD]

Runs packs (layered in the order given) over a labelled corpus and scores each rule.
Every *.txt file under CORPUS_DIR (subfolders included) is one post, with front matter:

  ---
  network: linkedin
  expect: [confidential.codenames, disclosure.affiliation]
  now: 2026-12-01
  ---
  The post text...

"network" and "expect" are required ("expect: []" for a post that should pass), "now" is
the date of checking (default: --now, else today), "note" is free text. A rule counts once
per post: a true positive when it reports and is expected, a false positive when it
reports and is not, a false negative when it is expected and stays silent.

Prints each rule's true positives, false positives, false negatives, precision and
recall, then every miss, then the overall figures.

JUnit output (--format junit) is JUnit XML for CI test reports: each post is a test
case, a failure when it misses a rule or gets one it should not; each folder is a suite,
with every rule's precision and recall as properties.

Options:
  --format FORMAT        text (default), json or junit
  --now YYYY-MM-DD       date of checking for posts that do not set "now"
  -h, --help             this help

Exit status: 0 when every post gets exactly its expected rules, 1 on any miss, 2 for
usage errors, invalid packs or malformed corpus files.`;

export const guideHelp = `Usage: postguard guide [--format markdown|json] PACK...

Prints the guide for staff that the extension shows on its guide page: the "guide" of
the packs given, layered in order like their rules (a later pack replaces a section or
an exercise with the same id in its place; a new id goes at the end). A pack that
extends postguard-starter gets the bundled starter pack, and its guide, unless you give
one. Save the Markdown to publish the same guide on the intranet:

  postguard guide acme-social.json > guide.md

Markdown (the default) has the title, each section as a heading with an anchor named by
its id (the id a rule's "guide" names), then the exercises' sample posts. Words from the
packs are escaped, so they are never read as Markdown or HTML.

Options:
  --format FORMAT        markdown (default) or json: { "title", "sections": [ { "id",
                         "title", "packId", "body" } ], "exercises": [ { "id", "title",
                         "network", "text", "packId", "packVersion" } ] }
  -h, --help             this help

Pack problems are printed as validate prints them, one line each, on standard error.

Exit status: 0 when the guide is printed, 1 when the packs are valid but none has a
guide (nothing is printed), 2 for usage errors and invalid packs.`;

export const schemaHelp = `Usage: postguard schema

Prints the JSON Schema (draft 2020-12) of a policy pack, generated from the same schema
the extension validates with. Save it next to your packs and point editors at it for
completion and inline errors:

  postguard schema > pack.schema.json
  { "$schema": "./pack.schema.json", "format": "postguard/pack@1", ... }

The same file ships in the package, as schema/pack.schema.json.

Some rules cannot be said in JSON Schema (patterns must compile as RE2, extends must
resolve); run postguard validate for those.

Exit status: 0.`;

export const initHelp = `Usage: postguard init DIR [--id ID] [--name NAME] [--org ORG] [--package SPEC]

Scaffolds a pack repository in DIR (made if missing), ready to edit and commit:
  pack.json                        a pack extending postguard-starter, with "$schema"
  pack.schema.json                 the JSON Schema, for completion and inline errors
  corpus/                          labelled example posts for postguard test
  posts/                           a draft post for postguard check
  package.json                     installs postguard; npm run validate, test, check
  .github/workflows/postguard.yml  GitHub Actions: validate, test (JUnit), check (SARIF
                                   uploaded to code scanning)
  .gitlab-ci.yml                   GitLab CI: the same, JUnit as a report, SARIF kept
  .gitignore, README.md
The pack validates and its corpus passes as written. Existing files are never replaced:
if any is there, nothing is written.

Options:
  --id ID          the pack id (default: from DIR's name)
  --name NAME      the pack's name, shown to people
  --org ORG        the organisation's name (org.name), for disclosure and the brand rule
  --package SPEC   what package.json installs as postguard: a version range, a tarball
                   path or URL (default: ^ and this postguard's version)
  -h, --help       this help

Exit status: 0, or 2 when a file exists or cannot be written.`;

export const keygenHelp = `Usage: postguard keygen [--out PREFIX]

Makes an Ed25519 key pair for signing packs:
  PREFIX.key   the private key (PKCS#8 PEM, readable by you only: mode 0600).
               Keep it out of git, in your CI's secret store.
  PREFIX.pub   the public key: base64 of the raw 32 bytes, the form the extension's
               managed "publicKeys" policy takes.
Prints the public key. Existing files are never replaced.

Options:
  --out PREFIX   where to write the pair (default: ${DEFAULT_KEY_PREFIX})
  -h, --help     this help

Exit status: 0, or 2 when a file exists or cannot be written.`;

export const signHelp = `Usage: postguard sign PACK --key KEY [--with PACK...]

Validates PACK, then writes PACK.sig: the base64 Ed25519 signature over the file's exact
bytes, which the extension checks against its managed "publicKeys" before trusting a pack
fetched from PACK's URL. Publish PACK.sig beside PACK (at <url>.sig). Any later change to
PACK, even whitespace, needs a new signature.

Options:
  --key KEY        the private key file written by postguard keygen (PREFIX.key)
  --with PACK      a pack PACK builds on (extends), to validate against; repeatable.
                   The bundled postguard-starter is used without naming it.
  -h, --help       this help

Exit status: 0 when signed, 2 when PACK is invalid (nothing is written) or a file is missing.`;

export const verifyHelp = `Usage: postguard verify PACK --pub KEY [--pub KEY...] [--sig FILE]

Checks PACK's detached signature (PACK.sig, or --sig FILE) the way the extension does,
with WebCrypto Ed25519 over the file's exact bytes.

Options:
  --pub KEY      a public key: a .pub file from postguard keygen, or the base64 key
                 itself (as in the managed "publicKeys" policy); repeat to accept any
                 of several keys
  --sig FILE     the signature file (default: PACK.sig)
  -h, --help     this help

Exit status: 0 "verified", 1 "signature does not match", 2 for usage errors and missing
or malformed files.`;
