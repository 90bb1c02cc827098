import type { Network } from '@/src/core/pack/schema';

/** Where in a site a compose box sits; reported with findings and used by fixes. */
export type ComposeContext = 'post' | 'reply' | 'quote' | 'comment' | 'share';

/**
 * How a box's editor library models its text and takes changes. Drivers are shared by
 * every site that uses the same editor; they know nothing about sites.
 */
export interface EditorDriver {
  readonly name: 'draft' | 'lexical' | 'quill' | 'contenteditable';
  /** The blocks (lines or paragraphs) of the editor, in order. */
  blocks(box: HTMLElement): Element[];
  /** Elements inside a block whose text is not part of the post (cursors, placeholders). */
  isIgnored(element: Element): boolean;
  /**
   * Deletes the current selection through the editor's own input path. Insertions go
   * through a synthetic paste, which every supported editor accepts.
   */
  deleteSelection(box: HTMLElement): void;
}

/** One compose box found on a page. */
export interface ComposeBox {
  element: HTMLElement;
  network: Network;
  context: ComposeContext;
  driver: EditorDriver;
}

/** How a site submits a box by keyboard. */
export interface KeyboardSubmit {
  /** Ctrl/Cmd+Enter posts (X, LinkedIn). */
  modEnter: boolean;
  /** A plain Enter submits (Facebook comments); Shift+Enter makes a new line. */
  plainEnter: boolean;
}

/**
 * Everything Postguard knows about one network's markup. All of a site's selectors live
 * in its adapter, and nothing else in the extension names a site.
 */
export interface SiteAdapter {
  readonly network: Network;
  /** Host names this adapter serves. */
  readonly hosts: readonly string[];
  /** A selector that matches every compose box the adapter handles (a cheap first filter). */
  readonly boxSelector: string;
  /** The compose box that contains `node`, if any. */
  boxFrom(node: Node): ComposeBox | undefined;
  /** Every compose box under `root`. */
  findBoxes(root: ParentNode): ComposeBox[];
  /** The control that submits `box`, if the site has one. */
  findSubmit(box: ComposeBox): HTMLElement | undefined;
  keyboardSubmit(box: ComposeBox): KeyboardSubmit;
}
