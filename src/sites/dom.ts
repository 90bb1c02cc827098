// DOM helpers that see through open shadow roots: LinkedIn renders its share box inside one, so
// "the parent", "the closest match" and "the focused element" must cross shadow boundaries.

function isShadowRoot(node: Node | null): node is ShadowRoot {
  return node !== null && node.nodeType === 11 && 'host' in node;
}

/** The parent of `node`, or the host of the shadow root it sits at the top of. */
export function composedParent(node: Node): Node | null {
  const parent = node.parentNode;
  return isShadowRoot(parent) ? parent.host : parent;
}

/** `element.closest(selector)` that starts at a text node and climbs out of shadow roots. */
export function closestElement(node: Node, selector: string): HTMLElement | undefined {
  let start: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (start) {
    const found = start.closest<HTMLElement>(selector);
    if (found) return found;
    const root = start.getRootNode();
    start = isShadowRoot(root) ? root.host : null;
  }
  return undefined;
}

/**
 * The first element matching `selector` inside the nearest ancestor of `from` that has one (a
 * compose box's own Post button sits near it, not elsewhere on the page), climbing out of shadow
 * roots, and stopping after `stopAt`.
 */
export function nearestMatch(
  from: Element,
  selector: string,
  stopAt?: Element | null,
): HTMLElement | undefined {
  // Up through parentNode, so a shadow root is searched before its host.
  for (let node: Node | null = from.parentNode; node; ) {
    if (node.nodeType !== 1 && !isShadowRoot(node)) break;
    const found = (node as Element | ShadowRoot).querySelector<HTMLElement>(selector);
    if (found) return found;
    if (node === stopAt) return undefined;
    node = isShadowRoot(node) ? node.host : node.parentNode;
  }
  return undefined;
}

/** The innermost element an event happened on, inside open shadow roots too. */
export function eventTarget(event: Event): Node | null {
  const path = event.composedPath();
  const first = path[0];
  if (first && (first as Node).nodeType !== undefined) return first as Node;
  return event.target as Node | null;
}

/** The focused element, followed into open shadow roots. */
export function deepActiveElement(doc: Document): Element | null {
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** `querySelectorAll` over `root` and the open shadow roots of the hosts named by `hosts`. */
export function queryAcrossShadows(
  root: ParentNode,
  selector: string,
  hosts: string | undefined,
): HTMLElement[] {
  const found = [...root.querySelectorAll<HTMLElement>(selector)];
  if (!hosts) return found;
  for (const host of root.querySelectorAll(hosts)) {
    if (host.shadowRoot) found.push(...queryAcrossShadows(host.shadowRoot, selector, hosts));
  }
  return found;
}

/** Whether `node` is inside `container`, counting shadow roots as inside their host. */
export function containsComposed(container: Node, node: Node): boolean {
  for (let at: Node | null = node; at; at = composedParent(at)) if (at === container) return true;
  return false;
}

/** The selection that describes `element`'s tree: its shadow root's where the browser has one. */
export function selectionFor(element: Node): Selection | null {
  const root = element.getRootNode() as
    | (ShadowRoot & { getSelection?: () => Selection | null })
    | Document;
  if (isShadowRoot(root) && typeof root.getSelection === 'function') return root.getSelection();
  return (element.ownerDocument ?? (element as Document)).getSelection();
}

/**
 * The selection's focus point inside `element`, read through `getComposedRanges` where a plain
 * Selection would be retargeted to a shadow host (Firefox, and Chromium without
 * `ShadowRoot.getSelection`).
 */
export function selectionPointIn(
  element: HTMLElement,
): { start: { node: Node; offset: number }; end: { node: Node; offset: number } } | undefined {
  const root = element.getRootNode();
  const selection = selectionFor(element);
  if (!selection || selection.rangeCount === 0) return undefined;
  let range: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number } =
    selection.getRangeAt(0);
  const composed = (
    selection as Selection & {
      getComposedRanges?: (options: { shadowRoots: ShadowRoot[] }) => StaticRange[];
    }
  ).getComposedRanges;
  if (isShadowRoot(root) && !element.contains(range.startContainer) && composed) {
    const ranges = composed.call(selection, { shadowRoots: [root] });
    if (ranges[0]) range = ranges[0];
  }
  if (!element.contains(range.startContainer) || !element.contains(range.endContainer))
    return undefined;
  return {
    start: { node: range.startContainer, offset: range.startOffset },
    end: { node: range.endContainer, offset: range.endOffset },
  };
}
