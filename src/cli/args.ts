import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './io';

type OptionSpecs = NonNullable<ParseArgsConfig['options']>;
type OptionValue = string | boolean | (string | boolean)[] | undefined;

export class CommandArgs {
  constructor(
    readonly command: string,
    private readonly values: Record<string, OptionValue>,
    readonly positionals: string[],
  ) {}

  flag(name: string): boolean {
    return this.values[name] === true;
  }

  string(name: string): string | undefined {
    const value = this.values[name];
    return typeof value === 'string' ? value : undefined;
  }

  strings(name: string): string[] {
    const value = this.values[name];
    if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
    return typeof value === 'string' ? [value] : [];
  }

  /** A string option restricted to `choices`; `fallback` when absent. */
  choice<T extends string>(name: string, choices: readonly T[], fallback: T): T {
    const value = this.string(name);
    if (value === undefined) return fallback;
    if ((choices as readonly string[]).includes(value)) return value as T;
    throw usageError(
      this.command,
      `--${name} must be one of ${choices.join(', ')}, not "${value}"`,
    );
  }

  /** A YYYY-MM-DD date option: that calendar day here (see parseIsoDate). */
  date(name: string): Date | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const date = parseIsoDate(value);
    if (!date)
      throw usageError(this.command, `--${name} must be a date as YYYY-MM-DD, not "${value}"`);
    return date;
  }
}

/**
 * `parseArgs` in strict mode, with its errors turned into one-line usage errors that name
 * the command, so that `postguard check --netwrk x` says what went wrong and where to look.
 */
export function parseCommandArgs(
  command: string,
  args: readonly string[],
  options: OptionSpecs,
): CommandArgs {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options,
      allowPositionals: true,
      strict: true,
    });
    return new CommandArgs(command, values, positionals);
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    throw usageError(command, message.replace(/\. To specify a positional.*$/, ''));
  }
}

export function usageError(command: string, message: string): CliError {
  return new CliError(`${command}: ${message} (see postguard ${command} --help)`);
}

/**
 * A YYYY-MM-DD date as noon of that day on this machine's clock: the engine compares dates
 * with the local calendar day (an embargo lifts when the day begins where the person is),
 * and noon stays on the same day whatever the time zone or daylight saving.
 */
export function parseIsoDate(value: string): Date | undefined {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!parts) return undefined;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = new Date(year, month - 1, day, 12);
  // new Date rolls 2026-02-30 over to March; a date that moved is not a real one.
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day
    ? date
    : undefined;
}
