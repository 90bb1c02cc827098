import type { RuleContext } from '../types';

/**
 * The organisation's names as words: `org.name` and each alias, without the `#` or `@` of
 * a social alias (the phrase matcher finds `#ACME` and `@acme` from `ACME` anyway).
 */
export function orgNames(context: RuleContext): string[] {
  const org = context.org;
  if (!org) return [];
  const names: string[] = [];
  const seen = new Set<string>();
  for (const raw of [org.name, ...org.aliases]) {
    const name = raw.trim().replace(/^[#@]+/, '');
    const key = name.toLowerCase();
    if (name && !seen.has(key)) {
      seen.add(key);
      names.push(name);
    }
  }
  return names;
}

/**
 * `template` with `{org}` replaced by each of `names`; the template itself when it has no
 * `{org}`, and nothing when it has one but the pack names no organisation. A one-word name
 * is also tried as a mention ("on behalf of @acme"): the phrase matcher lets a `#` stand
 * between words but not an `@`.
 */
export function expandOrg(template: string, names: readonly string[]): string[] {
  if (!template.includes('{org}')) return [template];
  const forms = names.flatMap((name) => (/\s/.test(name) ? [name] : [name, `@${name}`]));
  return forms.map((name) => template.replaceAll('{org}', name));
}
