// A compose box no adapter recognises: the site changed its markup again. Postguard still checks
// it, through the driver of the editor it recognises by its marks (or the generic one), and notes
// locally that it saw such a box (its shape, never its text) so the person can tell their admin.
import type { Network } from '@/src/core/pack/schema';
import type { ComposeBox, EditorDriver } from './types';
import { closestElement } from './dom';
import { draftDriver } from './drivers/draft';
import { lexicalDriver } from './drivers/lexical';
import { quillDriver } from './drivers/quill';
import { proseMirrorDriver } from './drivers/prosemirror';
import { textareaDriver } from './drivers/textarea';
import { genericDriver } from './drivers/contenteditable';

const EDITABLE =
  'textarea, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]';

/** Editor libraries told apart by the marks they leave on their root, most specific first. */
const EDITOR_MARKERS: readonly { marker: string; selector: string; driver: EditorDriver }[] = [
  { marker: 'lexical', selector: '[data-lexical-editor="true"]', driver: lexicalDriver },
  { marker: 'prosemirror', selector: '.ProseMirror', driver: proseMirrorDriver },
  { marker: 'quill', selector: '.ql-editor', driver: quillDriver },
  {
    marker: 'draft',
    selector: '.DraftEditor-root [contenteditable], .public-DraftEditor-content',
    driver: draftDriver,
  },
];

/** Other editors worth naming in a sighting, though they get the generic driver. */
const OTHER_MARKERS: readonly { marker: string; selector: string }[] = [
  { marker: 'slate', selector: '[data-slate-editor="true"]' },
  { marker: 'tiptap', selector: '.tiptap' },
  { marker: 'ckeditor', selector: '.ck-editor__editable' },
];

/** The editing host: the outermost editable element around `element`. */
function editingHost(element: HTMLElement): HTMLElement {
  let host = element;
  while (host.parentElement?.isContentEditable) host = host.parentElement;
  return host;
}

function knownEditor(element: HTMLElement) {
  return EDITOR_MARKERS.find((entry) => element.matches(entry.selector));
}

/** Whether an editable element looks like somewhere a person writes a post, not a search field. */
function isComposeLike(element: HTMLElement): boolean {
  const role = element.getAttribute('role');
  if (role === 'searchbox' || role === 'combobox') return false;
  if (element.closest('[role="search"], form[role="search"]')) return false;
  return role === 'textbox' || knownEditor(element) !== undefined;
}

/** The compose box around `node` that no adapter claimed, if it looks like one. */
export function unrecognisedBoxFrom(node: Node, network: Network): ComposeBox | undefined {
  const editable = closestElement(node, EDITABLE);
  if (!editable) return undefined;
  const element = editable.tagName === 'TEXTAREA' ? editable : editingHost(editable);
  if (!isComposeLike(element)) return undefined;
  const driver =
    element.tagName === 'TEXTAREA'
      ? textareaDriver
      : (knownEditor(element)?.driver ?? genericDriver);
  return { element, network, context: 'post', driver, unrecognised: true };
}

/** What a sighting says of a box: its kind and the editor marks on it. Never its text. */
export function editorMarkers(element: HTMLElement): string[] {
  const markers = [element.tagName === 'TEXTAREA' ? 'textarea' : 'contenteditable'];
  const role = element.getAttribute('role');
  // Page text, so only a plain word: the store refuses a report with anything else in it.
  if (role && /^[a-z]{1,30}$/.test(role)) markers.push(`role=${role}`);
  for (const { marker, selector } of [...EDITOR_MARKERS, ...OTHER_MARKERS])
    if (element.matches(selector)) markers.push(marker);
  if (element.getRootNode() !== element.ownerDocument) markers.push('in-shadow-root');
  if (element.closest('[role="dialog"]')) markers.push('in-dialog');
  return markers;
}

/** Route words kept as they are in a path shape; anything else may name a person or a thing. */
const ROUTE_WORDS = new Set([
  'home',
  'feed',
  'compose',
  'post',
  'posts',
  'status',
  'update',
  'groups',
  'watch',
  'marketplace',
  'notifications',
  'messages',
  'search',
  'explore',
  'i',
  'settings',
  'in',
  'company',
  'events',
  'pages',
  'jobs',
  'mynetwork',
  'photo',
  'photos',
  'videos',
  'reel',
  'reels',
  'stories',
  'permalink',
  'share',
  'sharing',
  'comments',
  'replies',
  'quotes',
  'articles',
  'newsletters',
  'pulse',
]);

/**
 * A page's path with every segment that is not a known route word replaced by `:x`, so the shape
 * says where the box was ("/:x/status/:x") without naming anyone.
 */
export function pathShape(pathname: string): string {
  const shape = pathname
    .split('/')
    .map((segment) => (segment === '' || ROUTE_WORDS.has(segment.toLowerCase()) ? segment : ':x'))
    .join('/');
  return (shape.startsWith('/') ? shape : `/${shape}`).slice(0, 200);
}
