/**
 * A `_locales/<lang>/messages.json` catalogue and Chrome's rules for reading one, for where
 * `browser.i18n` is not there to apply them (see `setFallbackCatalogue`).
 */
export interface CatalogueMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export type Catalogue = Record<string, CatalogueMessage>;

/**
 * A message with its substitutions, as `browser.i18n.getMessage` gives it: `$name$` becomes
 * the placeholder's content (names are case-insensitive), then `$1`…`$9` become the
 * substitutions (a missing one is empty) and `$$` a single `$`. One pass each, so a
 * substitution's own `$` is never read again. An unknown id gives ''.
 */
export function formatCatalogueMessage(
  catalogue: Catalogue,
  id: string,
  substitutions: readonly string[] = [],
): string {
  const entry = catalogue[id] ?? findCaseInsensitive(catalogue, id);
  if (!entry) return '';
  const placeholders = new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, value]) => [
      name.toLowerCase(),
      value.content,
    ]),
  );
  const withPlaceholders = entry.message.replace(
    /\$([A-Za-z0-9_@]+)\$/g,
    (whole, name: string) => placeholders.get(name.toLowerCase()) ?? whole,
  );
  return withPlaceholders.replace(
    /\$(?:([1-9]\d*)|(\$+))/g,
    (_whole, index: string | undefined, dollars: string | undefined) =>
      index !== undefined ? (substitutions[Number(index) - 1] ?? '') : (dollars ?? ''),
  );
}

function findCaseInsensitive(catalogue: Catalogue, id: string): CatalogueMessage | undefined {
  const wanted = id.toLowerCase();
  const key = Object.keys(catalogue).find((name) => name.toLowerCase() === wanted);
  return key === undefined ? undefined : catalogue[key];
}
