import { LinkifyIt } from 'linkify-it';
import tlds from 'tlds';
import { detached } from '../../nlp/lru';
import type { EntitySpan } from './scanners';

/**
 * Links and email addresses, found by linkify-it (the matcher markdown-it uses) with the
 * `tlds` package's list of every IANA top-level domain, so that IDN and punycode domains
 * (`президент.рф`, `xn--p1ai`), trailing punctuation (left out unless it closes a bracket
 * opened in the link), and apostrophes and brackets inside paths follow linkify-it's rules
 * and its fixtures.
 *
 * linkify-it is asked only about the runs of text between spaces that hold an anchor (a dot
 * before a letter or digit, an "@", "://"): no link has a space in it, and most of a post has
 * no anchor, so a check does not pay for running linkify-it's patterns over all of it.
 */

type Scanner = (text: string, out: EntitySpan[]) => void;
type LinkMatch = NonNullable<ReturnType<LinkifyIt['match']>>[number];

/**
 * The IANA list, plus the names reserved for documentation and tests (RFC 2606, RFC 6761):
 * packs and examples write `acme.example`, and a person who does is writing an address.
 */
const RESERVED = ['example', 'test', 'invalid', 'localhost'];

/** `urlAuth`: a link with a user and password in it is still a link (and worth reporting). */
const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: true, fuzzyIP: false, urlAuth: true });
linkify.tlds([...tlds, ...RESERVED], false);

const ANCHOR = /\.[\p{L}\p{N}]|@|:\/\//gu;
const SPACE = /\s/;

/**
 * Top-level domains that are also file extensions: "app.py", "README.md", "notes.zip" are
 * files when written without a scheme, www. or a path.
 */
const FILE_EXTENSIONS = new Set(['py', 'md', 'rs', 'sh', 'pl', 'zip', 'mov', 'ps', 'sc', 'so']);

/**
 * "Acme.com" and "ACME.COM" are domains; "finished.It" is a missing space. A bare
 * domain's top-level domain must be lower case unless the whole host is upper case, and
 * a file name is not a domain.
 */
function isPlausibleBareLink(link: string): boolean {
  const host = link.split(/[/?#:]/, 1)[0] ?? link;
  const dot = host.lastIndexOf('.');
  const tld = host.slice(dot + 1);
  if (tld !== tld.toLowerCase() && host !== host.toUpperCase()) return false;
  const bare = host === link && !/^www\./i.test(host) && host.indexOf('.') === dot;
  return !(bare && FILE_EXTENSIONS.has(tld.toLowerCase()));
}

/** Whether the text before `start` makes a bare link part of something else (a path, a name). */
function isInsideSomethingElse(text: string, start: number): boolean {
  return /[/_\\#$]/.test(text.charAt(start - 1));
}

/** Emphasis and a colon after a link are the sentence's ("see https://acme.example/*"). */
const TRAILING = /[*:]+$/;

/** Where a linkify-it match ends in its text, without the sentence's trailing marks. */
function matchEnd(match: LinkMatch): number {
  return match.lastIndex - (TRAILING.exec(match.raw)?.[0].length ?? 0);
}

/**
 * What each run held, by run, with offsets inside it: the next keystroke's check sees the
 * same runs again, and a run's links depend on the run alone. Bounded.
 */
const knownRuns = new Map<string, EntitySpan[]>();
const MAX_KNOWN_RUNS = 5_000;

function scanRunOnce(text: string, from: number, to: number, out: EntitySpan[]): void {
  const run = text.slice(from, to);
  let spans = knownRuns.get(run);
  if (!spans) {
    spans = [];
    scanRun(run, 0, run.length, spans);
    if (knownRuns.size >= MAX_KNOWN_RUNS) knownRuns.clear();
    knownRuns.set(detached(run), spans);
  }
  for (const span of spans) out.push({ ...span, start: from + span.start, end: from + span.end });
}

/**
 * A character of an address's local part (RFC 5322's atext and dots, and with RFC 6531 any
 * letter, mark or digit of any script): linkify-it reads only ASCII ones there.
 */
const LOCAL_PART_CHARACTER = /[\p{L}\p{M}\p{N}!#$%&'*+\-/=?^_`{|}~.]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const MAILTO = 'mailto:';
/** Outside printable ASCII (a local part holds no space or control character). */
const NON_ASCII = /[^ -~]/;

/**
 * Addresses whose local part is not all ASCII ("josé@acme.es", "françois.dupont@acme.fr",
 * "иван@пример.рф"), which linkify-it does not see, or sees in part as a bare domain
 * ("françois.dupont"). The domain after the "@" is still linkify-it's to judge (its top-level
 * domain, its IDN form, the punctuation left out after it): it is asked about the same
 * address with an ASCII local part.
 */
function internationalAddresses(run: string, links: readonly LinkMatch[]): EntitySpan[] {
  const found: EntitySpan[] = [];
  for (let at = run.indexOf('@'); at > 0; at = run.indexOf('@', at + 1)) {
    // "https://acme.example/?to=josé@acme.es" is a link, as an ASCII address in it would be.
    if (links.some((link) => link.index < at && at < link.lastIndex && link.schema !== 'mailto:'))
      continue;
    let start = at;
    while (start > 0 && LOCAL_PART_CHARACTER.test(run.charAt(start - 1))) start--;
    // An opening quotation mark, bracket or dot before the name is the sentence's.
    while (start < at && !LETTER_OR_DIGIT.test(run.charAt(start))) start++;
    if (start === at || !NON_ASCII.test(run.slice(start, at))) continue;
    // Written as a link, the address is reported with its scheme, as linkify-it reports one.
    if (/^mailto:$/i.test(run.slice(start - MAILTO.length, start))) start -= MAILTO.length;
    const probe = linkify.match(`a${run.slice(at)}`)?.[0];
    if (!probe || probe.index !== 0 || probe.schema !== 'mailto:') continue;
    // The probe's text is the run's from the @ on, after the one letter put before it.
    const end = at - 1 + matchEnd(probe);
    found.push({ type: 'email', start, end });
  }
  return found;
}

function scanRun(text: string, from: number, to: number, out: EntitySpan[]): void {
  const run = text.slice(from, to);
  const matches = linkify.match(run) ?? [];
  const international = run.includes('@') ? internationalAddresses(run, matches) : [];
  if (matches.length === 0 && international.length === 0) {
    // "Email:jane@acme.example": linkify-it wants a space before an address; a label's colon
    // is one too.
    const at = run.indexOf('@');
    const colon = at > 0 ? run.lastIndexOf(':', at) : -1;
    if (colon > 0 && !run.startsWith('//', colon + 1)) scanRun(text, from + colon + 1, to, out);
    return;
  }
  const spans: EntitySpan[] = international.map((span) => ({
    type: 'email',
    start: from + span.start,
    end: from + span.end,
  }));
  for (const match of matches) {
    const start = from + match.index;
    const end = from + matchEnd(match);
    // What linkify-it finds inside an international address is a part of it ("françois.dupont").
    if (
      spans.some(
        (address) => address.type === 'email' && start < address.end && address.start < end,
      )
    )
      continue;
    if (match.schema === 'mailto:') {
      spans.push({ type: 'email', start, end });
    } else if (match.schema === '') {
      if (isPlausibleBareLink(match.raw) && !isInsideSomethingElse(text, start))
        spans.push({ type: 'url', start, end });
    } else {
      spans.push({ type: 'url', start, end });
    }
  }
  spans.sort((a, b) => a.start - b.start);
  out.push(...spans);
}

/** Emails and links in one pass; `want` says which of the two the rule reports. */
export function compileLinkScanner(want: { url: boolean; email: boolean }): Scanner {
  return (text, out) => {
    const found: EntitySpan[] = [];
    let reached = 0;
    ANCHOR.lastIndex = 0;
    for (let m = ANCHOR.exec(text); m !== null; m = ANCHOR.exec(text)) {
      if (m.index < reached) continue;
      let from = m.index;
      while (from > 0 && !SPACE.test(text.charAt(from - 1))) from--;
      let to = m.index + m[0].length;
      while (to < text.length && !SPACE.test(text.charAt(to))) to++;
      scanRunOnce(text, from, to, found);
      reached = to;
      ANCHOR.lastIndex = to;
    }
    for (const span of found) if (want[span.type as 'url' | 'email']) out.push(span);
  };
}
