/**
 * The files `postguard init` writes: a pack repository that works as it is (its pack
 * validates, its corpus passes, its example post is clean), for an admin to edit. Kept
 * apart from the command so that the command reads as what it does.
 */

export interface InitOptions {
  id: string;
  name: string;
  org?: string;
  /** What the repository's package.json installs as postguard: a version, tarball or URL. */
  packageSpec: string;
}

export const SCHEMA_FILE = 'pack.schema.json';
export const PACK_FILE = 'pack.json';

export function packTemplate(options: InitOptions): string {
  const brand = options.org ?? 'Example';
  const pack = {
    $schema: `./${SCHEMA_FILE}`,
    format: 'postguard/pack@1',
    id: options.id,
    name: options.name,
    version: '0.1.0',
    policyUrl: 'https://intranet.example.com/social-media-policy',
    ...(options.org ? { org: { name: options.org } } : {}),
    extends: ['postguard-starter'],
    rules: [
      {
        id: 'confidential.codenames',
        kind: 'terms',
        severity: 'error',
        message: '{match} is an internal code name. Please leave it out of public posts.',
        terms: ['Project Bluebird'],
        exceptions: ['Bluebird Cafe'],
      },
      {
        id: 'style.brand-name',
        kind: 'terms',
        severity: 'info',
        message: `We write our name as “${brand}”.`,
        swap: { [`${brand} Corp`]: brand, [`${brand} Inc`]: brand },
      },
    ],
    content: [
      {
        id: 'hello',
        title: 'Say hello',
        text: 'Proud of what my team shipped this month.',
        tags: ['example'],
      },
    ],
  };
  return `${JSON.stringify(pack, null, 2)}\n`;
}

/** Labelled posts: `postguard test` scores the pack on them (see docs/cli.md). */
export function corpusTemplates(options: InitOptions): Record<string, string> {
  const brand = options.org ?? 'Example';
  const post = (network: string, expect: string[], note: string, text: string) =>
    `---\nnetwork: ${network}\nexpect: [${expect.join(', ')}]\nnote: ${note}\n---\n${text}\n`;
  return {
    'corpus/x/codename.txt': post(
      'x',
      ['confidential.codenames'],
      'a code name in a public post',
      'Late night again, but Project Bluebird is looking great.',
    ),
    'corpus/x/codename-exception.txt': post(
      'x',
      [],
      'an exception: the cafe is not the project',
      'Coffee at the Bluebird Cafe before work.',
    ),
    'corpus/linkedin/brand-name.txt': post(
      'linkedin',
      ['style.brand-name'],
      'the name written the way the swap corrects (disclosed, so only the name is wrong)',
      `I work at ${brand}, and I was thrilled to see ${brand} Corp in the news this week.`,
    ),
    'corpus/facebook/clean.txt': post(
      'facebook',
      [],
      'an everyday post: nothing to say',
      'Sunday walk by the river with the dog. Lovely light.',
    ),
  };
}

export function packageJsonTemplate(options: InitOptions): string {
  const pkg = {
    name: `${options.id}-packs`,
    private: true,
    scripts: {
      validate: `postguard validate ${PACK_FILE}`,
      test: `postguard test ${PACK_FILE} corpus`,
      check: `postguard check --pack ${PACK_FILE} posts/*.txt`,
    },
    devDependencies: { postguard: options.packageSpec },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

export const GITHUB_WORKFLOW = `# Validates the pack, scores it on the corpus and checks the draft posts on every push
# and pull request. Findings show in the pull request through code scanning (SARIF);
# the corpus result is a JUnit report among the run's artifacts.
name: postguard
on: [push, pull_request]
permissions:
  contents: read
  security-events: write
jobs:
  packs:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm install --no-audit --no-fund
      - run: npx postguard validate ${PACK_FILE}
      - run: npx postguard test ${PACK_FILE} corpus --format junit > junit.xml
      - if: always()
        run: npx postguard check --pack ${PACK_FILE} --format sarif posts/*.txt > postguard.sarif
      - if: always()
        uses: github/codeql-action/upload-sarif@v3
        with:
          sarif_file: postguard.sarif
          category: postguard
      - if: always()
        uses: actions/upload-artifact@v4
        with:
          name: postguard-reports
          path: |
            junit.xml
            postguard.sarif
`;

export const GITLAB_CI = `# Validates the pack, scores it on the corpus (a JUnit report in the merge request) and
# checks the draft posts (SARIF, kept as an artifact for code-quality and SARIF viewers).
postguard:
  image: node:20
  script:
    - npm install --no-audit --no-fund
    - npx postguard validate ${PACK_FILE}
    - status=0
    - npx postguard test ${PACK_FILE} corpus --format junit > junit.xml || status=1
    - npx postguard check --pack ${PACK_FILE} --format sarif posts/*.txt > postguard.sarif || status=1
    - exit $status
  artifacts:
    when: always
    reports:
      junit: junit.xml
    paths:
      - junit.xml
      - postguard.sarif
`;

export const DRAFT_POST = `A big thank you to everyone who came to our open day. See you next year!\n`;

export const GITIGNORE = `node_modules/
# Signing keys never go in git: keep them in the CI's secret store.
*.key
junit.xml
postguard.sarif
`;

export function readmeTemplate(options: InitOptions): string {
  return `# ${options.name}

The Postguard policy pack \`${options.id}\`, with its tests.

- \`${PACK_FILE}\`: the pack ([reference](https://github.com/your-org/postguard/blob/main/docs/pack-format.md)).
  Editors validate it as you type through \`$schema\` (\`${SCHEMA_FILE}\`; refresh it with
  \`npx postguard schema > ${SCHEMA_FILE}\` after upgrading postguard).
- \`corpus/\`: labelled posts, one per file; \`npm test\` scores the pack on them.
- \`posts/\`: drafts to check before they go out; \`npm run check\`.
- \`.github/workflows/postguard.yml\`, \`.gitlab-ci.yml\`: CI that runs all three and uploads
  the findings as SARIF and the corpus result as JUnit.

\`npm install\`, then \`npm run validate\`, \`npm test\` and \`npm run check\`. Sign a release
with \`npx postguard sign ${PACK_FILE} --key ...\` (see the admin guide).
`;
}
