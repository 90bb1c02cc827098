import type { Network } from '@/src/core/pack/schema';

/** Where in a site a compose box sits; reported with findings and used by fixes. */
export type ComposeContext = 'post' | 'reply' | 'quote' | 'comment' | 'share';

/** The editor libraries Postguard has a driver for; `generic` is any other editable box. */
export type EditorKind = 'draft' | 'lexical' | 'quill1' | 'prosemirror' | 'textarea' | 'generic';

/**
 * The plain text of a box as the checker sees it, with a way back to the screen. Offsets are
 * UTF-16 code units of `text`.
 */
export interface BoxTextModel {
  readonly text: string;
  /** The boxes of `[start, end)` on screen, one per line it spans (viewport coordinates). */
  lineRects(start: number, end: number): DOMRect[];
  /** Where a caret at `offset` would be drawn, for a finding that covers no text. */
  caretRect(offset: number): DOMRect | undefined;
  /** The offset of the caret (the selection's focus) when it is inside the box. */
  caretOffset(): number | undefined;
}

/**
 * How a box's editor library models its text and takes changes. Drivers are shared by every
 * site that uses the same editor; they know nothing about sites.
 */
export interface EditorDriver {
  readonly kind: EditorKind;
  /** Reads the box's text as the editor shows it. */
  read(element: HTMLElement): BoxTextModel;
  /**
   * Replaces `[start, end)` of the text with `text` through the editor's own input path, so the
   * editor's state takes it, the site posts it and Ctrl+Z undoes it. The caller checks the
   * outcome by reading the box again (see edit.ts): editors apply some input asynchronously.
   */
  replace(element: HTMLElement, start: number, end: number, text: string): Promise<void>;
}

/** One compose box found on a page. */
export interface ComposeBox {
  element: HTMLElement;
  network: Network;
  context: ComposeContext;
  driver: EditorDriver;
  /** True when no site adapter recognised the box and the generic driver watches it. */
  unrecognised?: boolean;
}

/** How a site submits a box by keyboard. */
export interface KeyboardSubmit {
  /** Ctrl/Cmd+Enter posts (X, LinkedIn). */
  modEnter: boolean;
  /** A plain Enter submits (Facebook comments); Shift+Enter makes a new line. */
  plainEnter: boolean;
}

/** One selector of a site's markup, with a note of what it finds and where it was seen. */
export interface SiteSelector {
  readonly selector: string;
  readonly note: string;
}

/**
 * Everything Postguard knows about one network's markup. All of a site's selectors live in its
 * adapter, as one table of data, and nothing else in the extension names a site.
 */
export interface SiteAdapter {
  readonly network: Network;
  /** Host names this adapter serves. */
  readonly hosts: readonly string[];
  /** The adapter's selectors, by purpose (for tests and the contributors' notes). */
  readonly selectors: Readonly<Record<string, SiteSelector>>;
  /**
   * Elements whose open shadow roots hold compose boxes (LinkedIn's interop outlet): searched
   * when Postguard looks for a box nobody has focused yet.
   */
  readonly shadowHosts?: SiteSelector;
  /** The compose box that contains `node`, if the adapter recognises one. */
  boxFrom(node: Node): ComposeBox | undefined;
  /** Elements the adapter knows are not compose boxes for Postguard (direct messages, search). */
  isExcluded?(element: HTMLElement): boolean;
  /** Every compose box under `root` (open shadow roots included). */
  findBoxes(root: ParentNode): ComposeBox[];
  /** The control that submits `box`, if the site has one. */
  findSubmit(box: ComposeBox): HTMLElement | undefined;
  keyboardSubmit(box: ComposeBox): KeyboardSubmit;
  /** Why the adapter holds a post where it does, when that is not obvious (a two-step flow). */
  holdNote?(box: ComposeBox): string | undefined;
}
