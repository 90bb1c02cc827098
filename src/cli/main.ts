import * as help from './help';
import { version } from './version';
import { CliError, EXIT_OK, EXIT_USAGE, nodeIo, type Io } from './io';

export { nodeIo };

type Run = (argv: readonly string[], io: Io) => Promise<number>;

interface Command {
  summary: string;
  help: string;
  /** Loaded on use, so that --help and --version answer without loading the engine. */
  load(): Promise<Run>;
}

const COMMANDS: Record<string, Command> = {
  validate: {
    summary: 'check that packs are well formed and compile',
    help: help.validateHelp,
    load: async () => (await import('./commands/validate')).validate,
  },
  check: {
    summary: 'check posts against packs, like a linter',
    help: help.checkHelp,
    load: async () => (await import('./commands/check')).check,
  },
  test: {
    summary: 'score packs on a labelled corpus (precision, recall)',
    help: help.testHelp,
    load: async () => (await import('./commands/test')).test,
  },
  guide: {
    summary: "print the packs' guide for staff, as Markdown or JSON",
    help: help.guideHelp,
    load: async () => (await import('./commands/guide')).guide,
  },
  schema: {
    summary: 'print the JSON Schema of a pack',
    help: help.schemaHelp,
    load: async () => (await import('./commands/schema')).schema,
  },
  init: {
    summary: 'scaffold a pack repository: pack, corpus, CI files',
    help: help.initHelp,
    load: async () => (await import('./commands/init')).init,
  },
  keygen: {
    summary: 'make an Ed25519 key pair for signing packs',
    help: help.keygenHelp,
    load: async () => (await import('./commands/keygen')).keygen,
  },
  sign: {
    summary: 'validate a pack and write its signature (PACK.sig)',
    help: help.signHelp,
    load: async () => (await import('./commands/sign')).sign,
  },
  verify: {
    summary: "check a pack's signature",
    help: help.verifyHelp,
    load: async () => (await import('./commands/verify')).verify,
  },
};

export function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  return [
    'Usage: postguard COMMAND [options]',
    '',
    'Tools for the admins of Postguard policy packs.',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Run postguard COMMAND --help for its options. postguard --version prints the version.',
  ].join('\n');
}

export { version };

/**
 * Runs one command and returns its exit status. Nothing escapes as a stack trace: a
 * person's mistake is a one-line message (CliError); anything else is reported as an
 * internal error in one line, still with exit status 2.
 */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      const topic = name === 'help' ? rest[0] : undefined;
      const command = topic === undefined ? undefined : COMMANDS[topic];
      io.out(command ? command.help : mainHelp());
      return name === undefined ? EXIT_USAGE : EXIT_OK;
    }
    if (name === '--version' || name === '-v') {
      io.out(version());
      return EXIT_OK;
    }
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) {
      io.err(
        `postguard: unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')})`,
      );
      return EXIT_USAGE;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(command.help);
      return EXIT_OK;
    }
    const runCommand = await command.load();
    return await runCommand(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      for (const line of error.message.split('\n')) io.err(`postguard: ${line}`);
      return error.exitCode;
    }
    const detail = error instanceof Error ? error.message : String(error);
    io.err(`postguard: internal error: ${detail.split('\n')[0]} (please report this)`);
    return EXIT_USAGE;
  }
}
