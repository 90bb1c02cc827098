/**
 * Says where JSON text is broken. `JSON.parse` does the parsing; its error messages differ
 * between engines and some give no position at all, so when it fails this small scanner
 * walks the text again to find the first problem and name its line and column.
 */

export interface JsonSyntaxError {
  line: number;
  column: number;
  message: string;
}

class Scanner {
  private at = 0;

  constructor(private readonly text: string) {}

  /** The first syntax error in the text, or undefined if the scanner finds none. */
  scan(): JsonSyntaxError | undefined {
    try {
      this.space();
      this.value();
      this.space();
      if (this.at < this.text.length)
        this.fail(`unexpected ${this.describe()} after the end of the pack`);
      return undefined;
    } catch (error) {
      if (error instanceof ScanError) return this.locate(error.at, error.message);
      throw error;
    }
  }

  private value(): void {
    const c = this.text[this.at];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return;
      }
    }
    if (c === "'") this.fail('strings need double quotes (") in JSON');
    this.fail(`expected a value, found ${this.describe()}`);
  }

  private object(): void {
    this.at++;
    this.space();
    if (this.text[this.at] === '}') {
      this.at++;
      return;
    }
    for (;;) {
      this.space();
      if (this.text[this.at] === '}') this.fail('a comma cannot come before "}" in JSON');
      if (this.text[this.at] !== '"')
        this.fail(`expected a property name in double quotes, found ${this.describe()}`);
      this.string();
      this.space();
      if (this.text[this.at] !== ':')
        this.fail(`expected ":" after the property name, found ${this.describe()}`);
      this.at++;
      this.space();
      this.value();
      this.space();
      const c = this.text[this.at];
      this.at++;
      if (c === '}') return;
      if (c !== ',')
        this.fail(`expected "," or "}" after a property value, found ${this.describe(-1)}`, -1);
    }
  }

  private array(): void {
    this.at++;
    this.space();
    if (this.text[this.at] === ']') {
      this.at++;
      return;
    }
    for (;;) {
      this.space();
      if (this.text[this.at] === ']') this.fail('a comma cannot come before "]" in JSON');
      this.value();
      this.space();
      const c = this.text[this.at];
      this.at++;
      if (c === ']') return;
      if (c !== ',')
        this.fail(`expected "," or "]" after a list item, found ${this.describe(-1)}`, -1);
    }
  }

  private string(): void {
    this.at++;
    for (;;) {
      const c = this.text[this.at];
      if (c === undefined) this.fail('a string is never closed');
      if (c === '"') {
        this.at++;
        return;
      }
      if (c === '\\') {
        const e = this.text[this.at + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.at + 2, this.at + 6)))
            this.fail('bad \\u escape in a string');
          this.at += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e))
          this.fail(`bad escape "\\${e ?? ''}" in a string`);
        this.at += 2;
        continue;
      }
      if (c < ' ')
        this.fail('a string cannot contain a line break or control character; write \\n');
      this.at++;
    }
  }

  private number(): void {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(
      this.text.slice(this.at, this.at + 400),
    );
    if (!m) this.fail(`bad number`);
    this.at += m[0].length;
  }

  private space(): void {
    for (;;) {
      const c = this.text[this.at];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.at++;
      else if (c === '/' && (this.text[this.at + 1] === '/' || this.text[this.at + 1] === '*')) {
        this.fail('comments are not allowed in JSON');
      } else return;
    }
  }

  private describe(shift = 0): string {
    const c = this.text[this.at + shift];
    if (c === undefined) return 'the end of the file';
    if (c === '"') return 'a quote (is a comma missing before it?)';
    return `"${c}"`;
  }

  private fail(message: string, shift = 0): never {
    throw new ScanError(this.at + shift, message);
  }

  private locate(at: number, message: string): JsonSyntaxError {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < at && i < this.text.length; i++) {
      if (this.text[i] === '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return { line, column: at - lineStart + 1, message };
  }
}

class ScanError {
  constructor(
    readonly at: number,
    readonly message: string,
  ) {}
}

/** Parses JSON text, or says where and why it is not JSON. */
export function parseJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    let found: JsonSyntaxError | undefined;
    try {
      found = new Scanner(text).scan();
    } catch {
      // Nesting deep enough to exhaust the stack: fall back to the engine's own words.
    }
    if (found) return { ok: false, error: found };
    return {
      ok: false,
      error: {
        line: 1,
        column: 1,
        message: error instanceof Error ? error.message : String(error),
      },
    };
  }
}
