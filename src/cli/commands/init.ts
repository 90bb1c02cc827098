import path from 'node:path';
import { packJsonSchema } from '../../core/pack/json-schema';
import { parseCommandArgs, usageError } from '../args';
import { CliError, describeFsError, EXIT_OK, type Io } from '../io';
import {
  corpusTemplates,
  DRAFT_POST,
  GITHUB_WORKFLOW,
  GITIGNORE,
  GITLAB_CI,
  PACK_FILE,
  packageJsonTemplate,
  packTemplate,
  readmeTemplate,
  SCHEMA_FILE,
  type InitOptions,
} from '../init-templates';
import { version } from '../version';

const PACK_ID = /^[a-z0-9][a-z0-9.-]*$/;

/** A pack id from a folder name: "ACME Social" → "acme-social". */
export function packIdFrom(name: string): string {
  const id = name
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[^a-z0-9]+|-+$/g, '');
  return id || 'my-pack';
}

export async function init(argv: readonly string[], io: Io): Promise<number> {
  const args = parseCommandArgs('init', argv, {
    id: { type: 'string' },
    name: { type: 'string' },
    org: { type: 'string' },
    package: { type: 'string' },
  });
  const [dir, extra] = args.positionals;
  if (dir === undefined)
    throw usageError('init', 'give the folder to create the pack repository in');
  if (extra !== undefined) throw usageError('init', `unexpected argument "${extra}"`);
  const id = args.string('id') ?? packIdFrom(path.basename(path.resolve(dir)));
  if (!PACK_ID.test(id))
    throw usageError(
      'init',
      `--id must be lower-case letters, digits, dots and dashes, not "${id}"`,
    );
  const org = args.string('org');
  const options: InitOptions = {
    id,
    name: args.string('name') ?? (org ? `${org} social media policy` : 'Our social media policy'),
    ...(org ? { org } : {}),
    packageSpec: args.string('package') ?? `^${version()}`,
  };

  const files: Record<string, string> = {
    [PACK_FILE]: packTemplate(options),
    [SCHEMA_FILE]: `${JSON.stringify(packJsonSchema(), null, 2)}\n`,
    ...corpusTemplates(options),
    'posts/open-day.txt': DRAFT_POST,
    'package.json': packageJsonTemplate(options),
    '.github/workflows/postguard.yml': GITHUB_WORKFLOW,
    '.gitlab-ci.yml': GITLAB_CI,
    '.gitignore': GITIGNORE,
    'README.md': readmeTemplate(options),
  };
  // All or nothing: an admin's existing pack or CI file is never replaced.
  const existing: string[] = [];
  for (const name of Object.keys(files)) {
    const file = path.join(dir, name);
    if (await io.exists(file)) existing.push(file);
  }
  if (existing.length > 0)
    throw new CliError(
      existing.map((file) => `${file}: already exists; nothing was written`).join('\n'),
    );
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    try {
      await io.makeDir(path.dirname(file));
      await io.writeFile(file, text, { exclusive: true });
    } catch (error) {
      throw new CliError(`${file}: ${describeFsError(error)}`);
    }
  }
  io.err(`Wrote a pack repository in ${dir}: ${Object.keys(files).length} files.`);
  io.out(
    [
      `${path.join(dir, PACK_FILE)}: the pack (${id}), with $schema for your editor`,
      `${path.join(dir, 'corpus')}: labelled posts for postguard test`,
      `${path.join(dir, 'posts')}: drafts for postguard check`,
      `CI: .github/workflows/postguard.yml and .gitlab-ci.yml (validate, test, SARIF)`,
      `Next: cd ${dir} && npm install && npm run validate && npm test`,
    ].join('\n'),
  );
  return EXIT_OK;
}
