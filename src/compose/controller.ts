import type { Finding } from '@/src/core/findings';
import type { ComposeBox, SiteAdapter } from '@/src/sites/types';
import { ComposeSession, type PendingShare } from './session';
import { insertText } from '@/src/sites/edit';
import { unrecognisedBoxFrom } from '@/src/sites/generic';
import { containsComposed, deepActiveElement, eventTarget } from '@/src/sites/dom';
import { OverlayHost } from './overlay/host';
import { SubmissionHold } from './hold';
import type { CheckEngine } from './engine';

export interface ComposeServices {
  /** The engine for the packs in force (the background's), reached on first use. */
  connectEngine(): Promise<CheckEngine>;
  /** "Post anyway" was chosen: log the acknowledgement (never the text). */
  acknowledge(session: ComposeSession, findings: readonly Finding[], engine: CheckEngine): void;
  /** A box that received approved content was submitted. */
  sharePosted(session: ComposeSession, share: PendingShare, edited: boolean): void;
  /** A person focused an editable box no adapter recognises: note its shape (never its text). */
  unrecognisedBox(box: ComposeBox): void;
  /** "Why?" on a card: ask the background to open the guide at this section. */
  openGuide?(section: string): void;
}

const PRUNE_INTERVAL_MS = 500;
const PASSIVE_EVENTS = new Set([
  'scroll',
  'mousemove',
  'pointerover',
  'pointerdown',
  'wheel',
  'touchstart',
]);
/**
 * While a box has focus, or the person is busy on the page (reading a feed, about to reply),
 * the background is kept awake: Chrome stops an idle worker after 30 seconds, and starting
 * it again (evaluating the engine, compiling the packs) costs the first check 100 to 150 ms.
 */
const KEEP_AWAKE_MS = 20_000;
/** How long after the person's last move, key or scroll the page still counts as in use. */
const IN_USE_MS = 120_000;
/** A pointer over a box, a focus, or the person coming back to an idle page wakes a sleeping engine at most this often. */
const WAKE_AT_MOST_EVERY_MS = 1_000;
/**
 * The longest a submission waits for its check (the background starting and compiling a big
 * pack takes a second or two): past it the post goes through, as when there is no engine.
 */
const SUBMIT_WAIT_MS = 5_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * Finds compose boxes as people focus them (no scans of the page per feed mutation),
 * keeps one session per box, redraws on scroll and resize, and holds submissions that
 * carry `error` findings until the person confirms.
 */
export class ComposeController {
  private readonly sessions = new Map<HTMLElement, ComposeSession>();
  private host: OverlayHost | undefined;
  private engine: CheckEngine | undefined;
  private connecting: Promise<CheckEngine> | undefined;
  private readonly hold = new SubmissionHold();
  /** Boxes whose submission waits for a check on its way (see holdIfNeeded). */
  private readonly waitingToSubmit = new Set<ComposeSession>();
  private layoutQueued = false;
  private hoverQueued = false;
  private lastPointer = { x: 0, y: 0 };
  private hoverCloseTimer: ReturnType<typeof setTimeout> | undefined;
  private pruneTimer: ReturnType<typeof setInterval> | undefined;
  private keepAwakeTimer: ReturnType<typeof setInterval> | undefined;
  private lastWake = 0;
  /** When the person last moved the pointer, pressed a key or scrolled here (Date.now()). */
  private lastInUse = 0;
  private resizeObserver: ResizeObserver | undefined;
  /** Aborted on stop: every listener the controller adds goes with it. */
  private readonly listeners = new AbortController();
  /** The box that last had focus: where the popup's "Insert" goes. */
  lastFocused: ComposeSession | undefined;

  constructor(
    private readonly doc: Document,
    readonly adapter: SiteAdapter,
    private readonly services: ComposeServices,
  ) {}

  start(): void {
    const win = this.doc.defaultView!;
    // The host is one empty element until a box is focused; creating it now also marks the
    // page as watched, which the end-to-end tests use to prove the script was injected.
    this.host = new OverlayHost(this.doc);
    this.on(this.doc, 'focusin', (event) => void this.onFocusIn(event));
    this.on(win, 'click', (event) => this.onClickCapture(event as MouseEvent), true);
    this.on(
      win,
      'keydown',
      (event) => {
        this.noteInUse();
        this.onKeyDownCapture(event as KeyboardEvent);
      },
      true,
    );
    this.on(
      win,
      'scroll',
      () => {
        this.noteInUse();
        this.queueLayout();
      },
      true,
    );
    this.on(win, 'resize', () => this.queueLayout());
    this.on(this.doc, 'mousemove', (event) => {
      this.noteInUse();
      this.onPointerMove(event as MouseEvent);
    });
    for (const type of ['pointerdown', 'wheel', 'touchstart'])
      this.on(win, type, () => this.noteInUse(), true);
    this.on(this.doc, 'pointerover', (event) => this.onPointerOver(event), true);
    // A box that already has focus when the script starts (an open composer).
    const active = deepActiveElement(this.doc);
    if (active && active !== this.doc.body) void this.attach(active);
  }

  /** The packs in force changed: re-check every box with the new engine. */
  useEngine(engine: CheckEngine): void {
    this.engine = engine;
    for (const session of this.sessions.values()) session.setEngine(engine);
  }

  /**
   * Reaches the engine before any box is focused, so that the background has compiled the
   * packs by the time someone writes (a check needs the background awake).
   */
  warmUp(): void {
    this.ensureEngine().catch(() => undefined);
  }

  stop(): void {
    this.listeners.abort();
    this.hold.dispose();
    for (const session of this.sessions.values()) session.dispose();
    this.sessions.clear();
    if (this.pruneTimer) clearInterval(this.pruneTimer);
    if (this.keepAwakeTimer) clearInterval(this.keepAwakeTimer);
    this.resizeObserver?.disconnect();
    this.host?.remove();
  }

  /** Sessions currently watched (for tests and the popup's insert). */
  get activeSessions(): ComposeSession[] {
    return [...this.sessions.values()];
  }

  private on(
    target: EventTarget,
    type: string,
    handler: (event: Event) => void,
    capture = false,
  ): void {
    // Passive where the handler never cancels: a wheel or touch listener that may would make
    // the page's scrolling wait for it.
    const passive = PASSIVE_EVENTS.has(type);
    target.addEventListener(type, handler, { capture, passive, signal: this.listeners.signal });
  }

  private async onFocusIn(event: Event): Promise<void> {
    // Focus inside a shadow root (LinkedIn's share box) reaches the document as its host's.
    const target = eventTarget(event);
    if (!target) return;
    const session = await this.attach(target);
    if (session) {
      this.lastFocused = session;
      this.keepAwake();
      // Someone is about to write: the first typed text is checked as soon as it can be.
      this.wakeIfAsleep(Date.now());
    }
  }

  /**
   * Keeps the engine awake while the tab is shown and a watched box has focus or the page is
   * in use (IN_USE_MS); stops once neither holds.
   */
  private keepAwake(): void {
    if (this.keepAwakeTimer) return;
    this.keepAwakeTimer = setInterval(() => {
      const active = deepActiveElement(this.doc);
      const focused = active !== null && this.sessionHolding(active) !== undefined;
      const inUse = Date.now() - this.lastInUse < IN_USE_MS;
      if (this.doc.hidden || !(focused || inUse)) {
        clearInterval(this.keepAwakeTimer);
        this.keepAwakeTimer = undefined;
        return;
      }
      this.engine?.wake?.();
    }, KEEP_AWAKE_MS);
  }

  /**
   * The person moved, pressed a key or scrolled: the page is in use, so the engine is kept
   * awake, and woken now if it slept (they may be about to write: a click into a box comes
   * a moment later).
   */
  private noteInUse(): void {
    const now = Date.now();
    this.lastInUse = now;
    if (this.doc.hidden) return;
    this.keepAwake();
    this.wakeIfAsleep(now);
  }

  /** A pointer coming over a box: a person may be about to write; a sleeping engine wakes. */
  private onPointerOver(event: Event): void {
    const engine = this.engine;
    if (!engine?.isAwake || engine.isAwake()) return;
    const target = eventTarget(event);
    if (!target || !this.boxFrom(target)) return;
    this.wakeIfAsleep(Date.now());
  }

  /** Wakes a sleeping engine, at most once a second however many moves and focuses ask. */
  private wakeIfAsleep(now: number): void {
    const engine = this.engine;
    if (!engine?.isAwake || engine.isAwake()) return;
    if (now - this.lastWake < WAKE_AT_MOST_EVERY_MS) return;
    this.lastWake = now;
    engine.wake?.();
  }

  /** Starts watching the box that holds `node`, if it is one. */
  async attach(node: Node): Promise<ComposeSession | undefined> {
    const box = this.boxFrom(node);
    if (!box) return undefined;
    const existing = this.sessions.get(box.element);
    if (existing) return existing;
    if (box.unrecognised) this.services.unrecognisedBox(box);
    const engine = await this.ensureEngine();
    // Another focus event may have attached it while the engine was reached.
    const again = this.sessions.get(box.element);
    if (again) return again;
    this.host ??= new OverlayHost(this.doc);
    const session = new ComposeSession(box, engine, this.host, {
      releaseSubmission: (s, findings) => this.release(s, findings),
      siteControls: (box) => {
        const submit = this.adapter.findSubmit(box);
        return submit ? [submit] : [];
      },
      ...(this.services.openGuide
        ? { openGuide: (section: string) => this.services.openGuide?.(section) }
        : {}),
    });
    this.sessions.set(box.element, session);
    this.observeSize(box.element);
    this.pruneTimer ??= setInterval(() => this.prune(), PRUNE_INTERVAL_MS);
    return session;
  }

  /** The adapter's box around `node`, or an editable box it does not know (the site changed). */
  private boxFrom(node: Node): ComposeBox | undefined {
    const known = this.adapter.boxFrom(node);
    if (known) return known;
    const unknown = unrecognisedBoxFrom(node, this.adapter.network);
    if (!unknown || this.adapter.isExcluded?.(unknown.element)) return undefined;
    return unknown;
  }

  /** The watched session whose box holds `node`. */
  private sessionHolding(node: Node): ComposeSession | undefined {
    for (const session of this.sessions.values())
      if (containsComposed(session.box.element, node)) return session;
    return undefined;
  }

  private ensureEngine(): Promise<CheckEngine> {
    if (this.engine) return Promise.resolve(this.engine);
    this.connecting ??= this.services.connectEngine().then(
      (engine) => {
        this.engine ??= engine;
        return this.engine;
      },
      (error: unknown) => {
        // The next focus tries again (the background may have been restarting).
        this.connecting = undefined;
        throw error;
      },
    );
    return this.connecting;
  }

  private observeSize(element: HTMLElement): void {
    const View = this.doc.defaultView as (Window & typeof globalThis) | null;
    if (!View?.ResizeObserver) return;
    this.resizeObserver ??= new View.ResizeObserver(() => this.queueLayout());
    this.resizeObserver.observe(element);
  }

  /** Forgets boxes the site removed (a closed dialog, a navigation). */
  private prune(): void {
    for (const [element, session] of this.sessions) {
      if (!session.isConnected) {
        session.dispose();
        this.hold.forget(session);
        this.sessions.delete(element);
        this.resizeObserver?.unobserve(element);
        if (this.lastFocused === session) this.lastFocused = undefined;
      }
    }
    if (this.sessions.size === 0 && this.pruneTimer) {
      clearInterval(this.pruneTimer);
      this.pruneTimer = undefined;
    }
  }

  private queueLayout(): void {
    if (this.layoutQueued || this.sessions.size === 0) return;
    this.layoutQueued = true;
    requestAnimationFrame(() => {
      this.layoutQueued = false;
      for (const session of this.sessions.values()) session.layout();
    });
  }

  private onPointerMove(event: MouseEvent): void {
    if (this.sessions.size === 0) return;
    // Chromium sends a move at the same point when the layout changes under a resting pointer:
    // an underline drawn under it as the person types is not the person pointing at it.
    if (event.clientX === this.lastPointer.x && event.clientY === this.lastPointer.y) return;
    this.lastPointer = { x: event.clientX, y: event.clientY };
    if (this.hoverQueued) return;
    this.hoverQueued = true;
    requestAnimationFrame(() => {
      this.hoverQueued = false;
      this.hoverAt(this.lastPointer.x, this.lastPointer.y);
    });
  }

  private hoverAt(x: number, y: number): void {
    for (const session of this.sessions.values()) {
      const overlay = session.overlay;
      const finding = overlay.findingAtPoint(x, y);
      if (finding || overlay.containsPoint(x, y)) {
        clearTimeout(this.hoverCloseTimer);
        this.hoverCloseTimer = undefined;
        if (finding && !overlay.isCardOpen) overlay.showFindings([finding], false);
        return;
      }
    }
    // Leaving an underline closes a card it opened, after a moment to reach the card.
    if (this.hoverCloseTimer) return;
    this.hoverCloseTimer = setTimeout(() => {
      this.hoverCloseTimer = undefined;
      for (const session of this.sessions.values()) {
        if (
          session.overlay.isCardOpen &&
          !session.overlay.containsPoint(this.lastPointer.x, this.lastPointer.y)
        ) {
          const active = this.host?.root.activeElement;
          if (!active) session.overlay.closeCard();
        }
      }
    }, 400);
  }

  private sessionForSubmit(target: Node): ComposeSession | undefined {
    for (const session of this.sessions.values()) {
      if (!session.isConnected) continue;
      const submit = this.adapter.findSubmit(session.box);
      if (submit && containsComposed(submit, target)) return session;
    }
    return undefined;
  }

  private onClickCapture(event: MouseEvent): void {
    const target = eventTarget(event);
    if (!target || this.sessions.size === 0) return;
    const session = this.sessionForSubmit(target);
    if (!session) return;
    const submit = this.adapter.findSubmit(session.box)!;
    this.holdIfNeeded(event, session, () => submit.click());
  }

  private onKeyDownCapture(event: KeyboardEvent): void {
    if (event.key !== 'Enter' || event.isComposing || this.sessions.size === 0) return;
    const target = eventTarget(event);
    const session = target ? this.sessionHolding(target) : undefined;
    if (!session) return;
    const keys = this.adapter.keyboardSubmit(session.box);
    const mod = event.ctrlKey || event.metaKey;
    const submits =
      (keys.modEnter && mod && !event.altKey) ||
      (keys.plainEnter && !mod && !event.shiftKey && !event.altKey);
    if (!submits) return;
    const init: KeyboardEventInit = {
      key: 'Enter',
      code: 'Enter',
      keyCode: 13,
      which: 13,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      bubbles: true,
      cancelable: true,
    } as KeyboardEventInit;
    const element = session.box.element;
    this.holdIfNeeded(event, session, () => {
      element.focus({ preventScroll: true });
      element.dispatchEvent(new KeyboardEvent('keydown', init));
    });
  }

  /**
   * Lets a submission go, or holds it for the person to confirm. The decision is made now, on
   * the findings of the text as it is, when the engine has answered for it; when a check is
   * still on its way (Enter pressed right after the last key) the submission waits for it,
   * then goes on by itself if nothing holds it.
   */
  private holdIfNeeded(event: Event, session: ComposeSession, replay: () => void): void {
    if (this.hold.takeAllowance(session)) {
      this.submitted(session);
      return;
    }
    if (session.isUpToDate()) {
      const errors = session.errors();
      if (errors.length === 0) {
        this.submitted(session);
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
      this.holdFor(session, errors, replay);
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    // A second press while the first waits is the same submission: sent once, or held once.
    if (this.waitingToSubmit.has(session)) return;
    this.waitingToSubmit.add(session);
    withTimeout(session.checkNow(), SUBMIT_WAIT_MS)
      .then(
        () => {
          const errors = session.errors();
          if (errors.length > 0) this.holdFor(session, errors, replay);
          else this.letThrough(session, replay);
        },
        (error: unknown) => {
          // No engine to ask (the extension was updated under the page): Postguard must never
          // be the reason a post cannot be sent.
          console.warn('Postguard: could not check before sending; letting it through', error);
          this.letThrough(session, replay);
        },
      )
      .finally(() => this.waitingToSubmit.delete(session));
  }

  private holdFor(session: ComposeSession, errors: readonly Finding[], replay: () => void): void {
    this.hold.hold(session, replay);
    session.overlay.showConfirm(errors, this.adapter.holdNote?.(session.box));
  }

  /** Sends a submission that waited for its check, as the person first made it. */
  private letThrough(session: ComposeSession, replay: () => void): void {
    if (!session.isConnected) return;
    this.hold.hold(session, replay);
    this.hold.release(session);
  }

  /** The site is about to send this box: its text is still there to compare. */
  private submitted(session: ComposeSession): void {
    const share = session.pendingShare;
    if (!share) return;
    session.pendingShare = undefined;
    this.services.sharePosted(session, share, session.text !== share.textAfterInsert);
  }

  /** The box the popup's "Insert" targets: the last focused one that is still on the page. */
  insertTarget(): ComposeSession | undefined {
    if (this.lastFocused?.isConnected) return this.lastFocused;
    return this.activeSessions.find((session) => session.isConnected);
  }

  /** Inserts approved content at the caret of the last focused box, as a paste would. */
  async insertApproved(
    text: string,
    share: Omit<PendingShare, 'textAfterInsert'>,
  ): Promise<'ok' | 'no-compose-box' | 'insert-failed'> {
    let session = this.insertTarget();
    if (!session) {
      // A box on the page that was never focused (an open composer): attach it now.
      const box = this.adapter.findBoxes(this.doc)[0];
      session = box ? await this.attach(box.element) : undefined;
    }
    if (!session) return 'no-compose-box';
    const outcome = await insertText(session.box, text);
    if (!outcome.ok) return 'insert-failed';
    session.pendingShare = { ...share, textAfterInsert: session.text };
    this.lastFocused = session;
    return 'ok';
  }

  private release(session: ComposeSession, findings: readonly Finding[]): void {
    if (!this.hold.isHolding(session)) return;
    // Logged before the replay: the replayed submission may unload the page.
    if (this.engine) this.services.acknowledge(session, findings, this.engine);
    this.hold.release(session);
  }
}
