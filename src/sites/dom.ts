/**
 * The first element matching `selector` inside the nearest ancestor of `from` that has
 * one: a compose box's own Post button sits near it, not elsewhere on the page.
 */
export function nearestMatch(
  from: Element,
  selector: string,
  stopAt?: Element | null,
): HTMLElement | undefined {
  for (let node: Element | null = from.parentElement; node; node = node.parentElement) {
    const found = node.querySelector<HTMLElement>(selector);
    if (found) return found;
    if (node === stopAt) return undefined;
  }
  return undefined;
}

/** `element.closest(selector)` starting at a text node too. */
export function closestElement(node: Node, selector: string): HTMLElement | undefined {
  const start = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return (start?.closest<HTMLElement>(selector) ?? undefined) || undefined;
}
