// The compose overlay in the browser's language, from the real catalogues: the findings card,
// the confirmation that holds a post, the badge and what screen readers hear. Page and pack
// text stays text.
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '@/src/core/findings';
import { FindingsBadge } from '@/src/compose/overlay/badge';
import { BoxOverlay } from '@/src/compose/overlay/box-overlay';
import { FindingsCard, type CardActions } from '@/src/compose/overlay/card';
import { OverlayHost } from '@/src/compose/overlay/host';
import type { BoxTextModel } from '@/src/sites/types';
import { useInterfaceLanguage } from '../components/browser-i18n';

const BOX = new DOMRect(10, 10, 400, 120);

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'acme.staff',
    packId: 'acme',
    kind: 'terms',
    severity: 'warning',
    message: 'Di «personal», no «empleados».',
    link: 'https://acme.example/policy',
    guide: 'words',
    start: 0,
    end: 9,
    match: 'empleados',
    suggestions: [
      {
        label: 'Replace with "personal"',
        action: { verb: 'replace', text: 'personal' },
        edits: [{ start: 0, end: 9, text: 'personal' }],
      },
      { label: 'Remove', action: { verb: 'remove' }, edits: [{ start: 0, end: 10, text: '' }] },
    ],
    ...overrides,
  };
}

const ERROR = finding({
  ruleId: 'acme.codenames',
  severity: 'error',
  message: '<img src=x onerror="alert(1)"> es un nombre en clave interno.',
  suggestions: [],
});

const actions: CardActions = {
  applyFix: () => undefined,
  review: () => undefined,
  postAnyway: () => undefined,
  focusBox: () => undefined,
  openGuide: () => undefined,
};

let host: OverlayHost | undefined;
function newHost(): OverlayHost {
  host = new OverlayHost(document);
  return host;
}
afterEach(() => {
  host?.remove();
  host = undefined;
});

const texts = (root: ParentNode, selector: string) =>
  [...root.querySelectorAll(selector)].map((element) => element.textContent);

describe('the overlay in Spanish', () => {
  it('words the findings card, its links and its fixes; data-fix keeps the English label', () => {
    useInterfaceLanguage('es', 'es-ES');
    const { layer, element } = newHost();
    expect(element.getAttribute('lang')).toBe('es-ES');
    const card = new FindingsCard(layer, actions, () => undefined);
    card.showFindings([finding()], false, BOX);

    expect(card.element.getAttribute('aria-label')).toBe('Avisos de Postguard');
    expect(card.element.querySelector('.close')!.getAttribute('aria-label')).toBe('Cerrar');
    expect(texts(card.element, '.severity')).toEqual(['advertencia']);
    expect(texts(card.element, '.message')).toEqual(['Di «personal», no «empleados».']);
    expect(texts(card.element, '.policy-link')).toEqual(['Leer la política']);
    const why = card.element.querySelector('.why')!;
    expect(why.textContent).toBe('¿Por qué?');
    expect(why.getAttribute('aria-label')).toBe(
      '¿Por qué? Abre la guía en esta regla (pestaña nueva)',
    );
    const fixes = [...card.element.querySelectorAll<HTMLButtonElement>('.fixes button')];
    expect(fixes.map((button) => [button.textContent, button.dataset.fix])).toEqual([
      ['Reemplazar por «personal»', 'Replace with "personal"'],
      ['Quitar', 'Remove'],
    ]);
  });

  it('holds a post in Spanish, the pack’s message as text and never as markup', () => {
    useInterfaceLanguage('es', 'es-ES');
    const card = new FindingsCard(newHost().layer, actions, () => undefined);
    card.showConfirm([ERROR, { ...ERROR, ruleId: 'acme.other' }], 'Retenida aquí.', BOX);
    expect(card.element.getAttribute('aria-label')).toBe('Postguard: confirma antes de publicar');
    expect(card.element.querySelector('h2')!.textContent).toBe(
      'Esta publicación incumple 2 reglas de la política de tu organización',
    );
    expect(texts(card.element, '.actions button')).toEqual(['Revisar', 'Publicar de todos modos']);
    expect(texts(card.element, '.severity')).toEqual(['error', 'error']);
    expect(card.element.querySelector('img')).toBeNull();
    expect(texts(card.element, '.message')[0]).toBe(ERROR.message);

    card.showConfirm([ERROR], undefined, BOX);
    expect(card.element.querySelector('h2')!.textContent).toBe(
      'Esta publicación incumple una regla de la política de tu organización',
    );
  });

  it('names the badge by the count and the worst severity, and announces new findings', () => {
    useInterfaceLanguage('es', 'es-ES');
    const overlayHost = newHost();
    const badge = new FindingsBadge(
      overlayHost.layer,
      { network: 'x', context: 'home' },
      () => undefined,
    );
    badge.draw([finding(), ERROR], BOX);
    expect(badge.element.getAttribute('aria-label')).toBe(
      'Postguard: 2 avisos, el más grave es un error. Mostrarlos.',
    );
    badge.draw([finding()], BOX);
    expect(badge.element.getAttribute('aria-label')).toBe(
      'Postguard: 1 aviso, una advertencia. Mostrarlo.',
    );

    const box = document.createElement('div');
    document.body.append(box);
    const overlay = new BoxOverlay(
      overlayHost,
      box,
      actions,
      { network: 'x', context: 'home' },
      () => [],
    );
    const model = { text: 'empleados', lineRects: () => [], caretRect: () => undefined };
    overlay.update([finding()], model as unknown as BoxTextModel);
    expect(overlayHost.root.querySelector('[role="status"]')!.textContent).toBe(
      'Postguard: 1 aviso nuevo. advertencia: Di «personal», no «empleados».',
    );
    overlay.remove();
    box.remove();
  });
});

describe('the overlay in English', () => {
  it('says "for information" of a badge whose findings are all info', () => {
    const badge = new FindingsBadge(
      newHost().layer,
      { network: 'x', context: 'home' },
      () => undefined,
    );
    badge.draw([finding({ severity: 'info' })], BOX);
    expect(badge.element.getAttribute('aria-label')).toBe(
      'Postguard: 1 finding, for information. Show it.',
    );
    badge.draw([finding({ severity: 'info' }), finding({ severity: 'info', ruleId: 'b' })], BOX);
    expect(badge.element.getAttribute('aria-label')).toBe(
      'Postguard: 2 findings, for information. Show them.',
    );
  });

  it('words fixes as the core labels them', () => {
    const card = new FindingsCard(newHost().layer, actions, () => undefined);
    card.showFindings([finding()], false, BOX);
    expect(texts(card.element, '.fixes button')).toEqual(['Replace with "personal"', 'Remove']);
    expect(texts(card.element, '.severity')).toEqual(['warning']);
  });
});
