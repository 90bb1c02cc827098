// Postguard in a browser whose language is Spanish, in Chromium and in Firefox: the overlay's
// card, badge, fixes and held-post confirmation, the popup, the options page and the guide all
// speak Spanish, read from the built extension's _locales by the browser itself. The other
// e2e tests run the browsers in English and keep their English assertions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OVERLAY,
  OVERLAY_BADGE,
  OVERLAY_CARD,
  click,
  underlineOf,
  waitForSelector,
  waitForText,
  type DriverBrowser,
  type DriverPage,
} from './support/driver';
import { launchChromiumDriver } from './support/driver-chromium';
import { launchFirefoxDriver } from './support/driver-firefox';
import { eventually } from './support/driver-session';
import {
  DRIVER_BOXES,
  boxState,
  openDriverBox,
  pressSubmit,
  typeIntoBox,
  type DriverBox,
} from './support/driver-boxes';
import { textsOf } from './support/driver-forms';
import { testPack } from './support/approved-content';
import { firefoxHasLanguagePack, firefoxLanguagePackHint } from './support/locales';

const X_HOME = DRIVER_BOXES.find((box) => box.name === 'x-home')!;

const SPANISH = [
  { name: 'chromium', launch: () => launchChromiumDriver({ locale: 'es' }) },
  {
    name: 'firefox',
    launch: () => {
      if (!firefoxHasLanguagePack('es-ES')) throw new Error(firefoxLanguagePackHint('es-ES'));
      return launchFirefoxDriver({ locale: 'es-ES' });
    },
  },
] as const;

interface ShownCard {
  label: string | null;
  heading: string | null;
  severities: string[];
  messages: string[];
  links: string[];
  fixes: { text: string; label: string }[];
  actions: string[];
  close: string | null;
}

/** What the open card says, read in its shadow root. */
function readCard(page: DriverPage): Promise<ShownCard> {
  return page.evaluate((tag) => {
    const card = document.querySelector(tag)!.shadowRoot!.querySelector('.card:not([hidden])')!;
    const all = (selector: string) =>
      [...card.querySelectorAll<HTMLElement>(selector)].map((element) => element.textContent ?? '');
    return {
      label: card.getAttribute('aria-label'),
      heading: card.querySelector('h2')?.textContent ?? null,
      severities: all('.severity'),
      messages: all('.message'),
      links: all('.policy-link'),
      fixes: [...card.querySelectorAll<HTMLElement>('.fixes button')].map((button) => ({
        text: button.textContent ?? '',
        label: button.dataset.fix ?? '',
      })),
      actions: all('.actions button'),
      close: card.querySelector('.close')?.getAttribute('aria-label') ?? null,
    };
  }, OVERLAY);
}

function overlayAttribute(page: DriverPage, selector: string, name: string) {
  return page.evaluate(
    ({ tag, wanted, attribute }) =>
      document.querySelector(tag)?.shadowRoot?.querySelector(wanted)?.getAttribute(attribute),
    { tag: OVERLAY, wanted: selector, attribute: name },
  );
}

const documentLanguage = (page: DriverPage) =>
  page.evaluate(() => ({ lang: document.documentElement.lang, title: document.title }), undefined);

describe.each(SPANISH)('Postguard in Spanish, in $name', ({ launch }) => {
  let browser: DriverBrowser;
  let page: DriverPage;
  beforeAll(async () => {
    browser = await launch();
    page = await browser.tab();
    await browser.setPacksInForce([testPack()]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is in Spanish as far as the browser says: its UI language and the extension’s name', async () => {
    const said = await browser.extensionEvaluate(() => {
      const i18n = (globalThis as unknown as { chrome: { i18n: SpanishI18n } }).chrome.i18n;
      return { language: i18n.getMessage('uiLanguage'), review: i18n.getMessage('overlay_review') };
    }, undefined);
    expect(said).toEqual({ language: 'es', review: 'Revisar' });
  });

  it('draws the findings card, its fixes and the badge in Spanish', async () => {
    const box: DriverBox = X_HOME;
    const selector = await openDriverBox(page, box);
    await typeIntoBox(page, box, selector, 'Nightjar llega pronto');
    await waitForSelector(page, underlineOf('confidential.codenames'), 'attached');
    expect(await overlayAttribute(page, '.badge:not([hidden])', 'aria-label')).toMatch(
      /^Postguard: \d+ avisos?, (un error|el más grave es un error)\. Mostrarl(o|os)\.$/,
    );
    await click(page, OVERLAY_BADGE);
    await waitForSelector(page, OVERLAY_CARD, 'visible');
    const card = await readCard(page);
    expect(card.label).toBe('Avisos de Postguard');
    expect(card.close).toBe('Cerrar');
    expect(card.severities).toContain('error');
    expect(card.links).toContain('Leer la política');
    // Worded from the fix's action; data-fix keeps the core's English label.
    expect(card.fixes).toContainEqual({ text: 'Quitar', label: 'Remove' });
    expect(
      await page.evaluate((tag) => document.querySelector(tag)?.getAttribute('lang'), OVERLAY),
    ).toMatch(/^es/);

    await click(
      page,
      `${OVERLAY_CARD} [data-rule-id="confidential.codenames"] button[data-fix='Remove']`,
    );
    await eventually(() => boxState(page, box), 'llega pronto', 'the text after «Quitar»');
  });

  it('holds a post with an error in Spanish: «Revisar» or «Publicar de todos modos»', async () => {
    const selector = await openDriverBox(page, X_HOME);
    await typeIntoBox(page, X_HOME, selector, 'Nightjar llega pronto');
    await waitForSelector(page, underlineOf('confidential.codenames'), 'attached');
    await pressSubmit(page, X_HOME, selector);
    const confirm = `${OVERLAY_CARD}[data-mode="confirm"]`;
    await waitForSelector(page, confirm, 'visible');
    const card = await readCard(page);
    expect(card.label).toBe('Postguard: confirma antes de publicar');
    expect(card.heading).toBe(
      'Esta publicación incumple una regla de la política de tu organización',
    );
    expect(card.actions).toEqual(['Revisar', 'Publicar de todos modos']);
    await click(page, `${confirm} button[data-action="review"]`);
  });

  it('shows the popup in Spanish, with its title and language', async () => {
    const selector = await openDriverBox(page, X_HOME);
    await click(page, selector);
    const popup = await browser.extensionPage(
      `/popup.html?tab=${await browser.tabIdOf(await page.evaluate(() => location.href, undefined))}`,
    );
    try {
      await waitForSelector(popup, 'ul[aria-label="Contenido aprobado"]', 'attached');
      expect(await textsOf(popup, '[role="tab"]')).toEqual(['Contenido aprobado', 'Mi actividad']);
      await waitForText(
        popup,
        '«Insertar» pone un elemento en el último cuadro de redacción de X que usaste.',
      );
      expect(await textsOf(popup, '.pg-count')).toEqual(['Coinciden 3 de 4 elementos']);
      expect(await textsOf(popup, '.pg-cards button.pg-primary')).toContain('Insertar');
      expect(await textsOf(popup, '.pg-search-label')).toEqual(['Buscar en el contenido aprobado']);
      expect(await documentLanguage(popup)).toEqual({
        lang: expect.stringMatching(/^es/),
        title: 'Postguard',
      });
    } finally {
      await popup.close();
    }
  });

  it('shows the options page and the guide in Spanish', async () => {
    const options = await browser.extensionPage('/options.html');
    try {
      await waitForText(options, 'Paquetes de políticas');
      await waitForText(options, 'Zona de pruebas');
      expect(await documentLanguage(options)).toEqual({
        lang: expect.stringMatching(/^es/),
        title: 'Opciones de Postguard',
      });
    } finally {
      await options.close();
    }
    // At a section: the launchers close the guide.html the extension opens by itself.
    const guide = await browser.extensionPage('/guide.html#guide-exercises');
    try {
      await waitForText(guide, 'Práctica');
      expect((await documentLanguage(guide)).lang).toMatch(/^es/);
    } finally {
      await guide.close();
    }
  });
});

interface SpanishI18n {
  getMessage(id: string): string;
}
