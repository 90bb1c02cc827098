import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Everything a command touches outside itself. Commands take an `Io` so that tests run
 * them in-process on real files while capturing what they print.
 */
export interface Io {
  /** One line (or several joined by \n) to standard output. */
  out(text: string): void;
  /** One line to standard error. */
  err(text: string): void;
  readFile(file: string): Promise<Uint8Array>;
  readStdin(): Promise<Uint8Array>;
  /** `exclusive` refuses to replace an existing file (a private key, say). */
  writeFile(
    file: string,
    data: string | Uint8Array,
    options?: { mode?: number; exclusive?: boolean },
  ): Promise<void>;
  exists(file: string): Promise<boolean>;
  /** Makes a folder and the folders above it, if missing. */
  makeDir(dir: string): Promise<void>;
  /** Files under `dir`, recursively, as paths joined onto `dir`, sorted. */
  listFiles(dir: string): Promise<string[]>;
}

/** Exit codes, as linters use them. */
export const EXIT_OK = 0;
/** Findings of severity `error`, a failed corpus, or a signature that does not match. */
export const EXIT_FAILED = 1;
/** Usage errors, unreadable files, invalid packs: the command could not do its job. */
export const EXIT_USAGE = 2;

/** A problem the person can fix; printed as one line, never with a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_USAGE,
  ) {
    super(message);
  }
}

export function nodeIo(): Io {
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    readFile: async (file) => new Uint8Array(await readFile(file)),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return new Uint8Array(Buffer.concat(chunks));
    },
    writeFile: async (file, data, options) => {
      await writeFile(file, data, {
        flag: options?.exclusive ? 'wx' : 'w',
        ...(options?.mode === undefined ? {} : { mode: options.mode }),
      });
    },
    exists: async (file) => {
      try {
        await stat(file);
        return true;
      } catch {
        return false;
      }
    },
    makeDir: async (dir) => {
      await mkdir(dir, { recursive: true });
    },
    listFiles: (dir) => listFilesRecursively(dir),
  };
}

async function listFilesRecursively(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFilesRecursively(full)));
    else if (entry.isFile()) files.push(full);
  }
  return files.sort();
}

/** Reads a file given on the command line, turning fs errors into one readable line. */
export async function readInput(io: Io, file: string): Promise<Uint8Array> {
  try {
    return file === '-' ? await io.readStdin() : await io.readFile(file);
  } catch (error) {
    throw new CliError(`${file}: ${describeFsError(error)}`);
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EEXIST':
      return 'already exists';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'ENOTDIR':
      return 'not a directory';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** UTF-8 text of a post file; TextDecoder drops a leading byte-order mark. */
export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}
