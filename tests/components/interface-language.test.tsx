// The extension's pages in the browser's language, read from the real catalogues: the popup,
// the options page's packs, the guide, My activity, and the words for fixes and problems.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { compilePacks, parsePack, type Checker, type Pack } from '@/src/core';
import type { Suggestion } from '@/src/core/findings';
import type { ContentItem } from '@/src/core/pack/schema';
import { starterPack } from '@/src/policy/starter';
import type { PolicyStatus } from '@/src/policy/types';
import { databaseProblem, type DatabaseProblemKind } from '@/src/store/db-errors';
import { openDatabase } from '@/src/store/db';
import type { GuideCompletion } from '@/src/store/schema';
import { ActivityLog } from '@/src/ui/activity/ActivityLog';
import { DatabaseNotice } from '@/src/ui/activity/DatabaseNotice';
import { GuideView } from '@/src/ui/guide/GuideView';
import { fixLabel, interfaceLocale } from '@/src/ui/i18n';
import { PacksView } from '@/src/ui/options/packs/PacksView';
import type { PacksState } from '@/src/ui/checking/usePacksState';
import { Popup } from '@/src/ui/popup/Popup';
import { useInterfaceLanguage } from './browser-i18n';
import { FULL_DISK_SHARE_PROBLEM, NOW, bigPack, fakeTab, testPack } from './popup-fixtures';

const ON_LINKEDIN = { network: 'linkedin', hasComposeBox: true } as const;

const VOLUNTEER_ITEM: ContentItem = {
  id: 'volunteer-day-es',
  title: 'Día del voluntariado',
  text: {
    default: 'Volunteer day was a blast: 40 of us planted 300 trees.',
    es: 'El día del voluntariado fue un éxito: 40 de nosotros plantamos 300 árboles.',
  },
  campaign: 'community',
};

/** A pack whose rule speaks English and Spanish, with a guide of two exercises. */
function bilingualPack(): Pack {
  const parsed = parsePack({
    format: 'postguard/pack@1',
    id: 'acme',
    name: 'ACME',
    version: '2.0.0',
    guide: {
      title: 'ACME en redes sociales',
      sections: [{ id: 'codenames', title: 'Los nombres en clave', body: 'Son internos.' }],
      exercises: [
        { id: 'teaser', title: 'Un adelanto', network: 'x', text: 'Bluefin sale pronto.' },
        { id: 'launch', title: 'Un lanzamiento', network: 'linkedin', text: 'Bluefin llega hoy.' },
      ],
    },
    rules: [
      {
        id: 'acme.codenames',
        kind: 'terms',
        severity: 'error',
        message: {
          default: '{match} is an internal code name.',
          es: '{match} es un nombre en clave interno.',
        },
        terms: [{ term: 'Bluefin', suggest: ['nuestro nuevo producto'] }],
        guide: 'codenames',
      },
    ],
  });
  if (!parsed.ok) throw new Error('the bilingual pack does not parse');
  return parsed.value;
}

function checkerOf(pack: Pack): Checker {
  const compiled = compilePacks([pack]);
  if (!compiled.ok) throw new Error('the bilingual pack does not compile');
  return compiled.value;
}

describe('the popup in Spanish', () => {
  it('says everything in Spanish, dates included, and inserts the Spanish wording', async () => {
    useInterfaceLanguage('es', 'es-ES');
    const pack = testPack();
    const tab = fakeTab({
      packs: [{ ...pack, content: [...pack.content, VOLUNTEER_ITEM] }],
      tabId: 7,
      status: ON_LINKEDIN,
    });
    render(<Popup services={tab.services} />);

    expect(screen.getByRole('tab', { name: 'Contenido aprobado' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Mi actividad' })).toBeTruthy();
    const list = await screen.findByRole('list', { name: 'Contenido aprobado' });
    expect(screen.getByText(/^\d+ elementos$/)).toBeTruthy();
    expect(
      screen.getByText(
        '«Insertar» pone un elemento en el último cuadro de redacción de LinkedIn que usaste.',
      ),
    ).toBeTruthy();
    expect(screen.getByLabelText('Buscar en el contenido aprobado')).toBeTruthy();

    const roadrunner = within(list)
      .getByRole('heading', { name: 'RoadRunner 3.0 is here' })
      .closest('article')!;
    expect(within(roadrunner).getByText('Campaña: roadrunner-3')).toBeTruthy();
    expect(within(roadrunner).getByRole('button', { name: 'Copiar' })).toBeTruthy();
    const resume = within(list)
      .getByRole('heading', { name: 'Résumé tips from our recruiters' })
      .closest('article')!;
    expect(within(resume).getByText('Hasta el 24 nov')).toBeTruthy();

    const volunteer = within(list)
      .getByRole('heading', { name: 'Día del voluntariado' })
      .closest('article')!;
    expect(volunteer.textContent).toContain('El día del voluntariado fue un éxito');
    await userEvent.click(within(volunteer).getByRole('button', { name: 'Insertar' }));
    expect(
      await screen.findByText(
        'Se insertó «Día del voluntariado» en tu publicación de LinkedIn. Reléela y publícala.',
      ),
    ).toBeTruthy();
    expect(tab.sent[0]?.message.text).toContain('El día del voluntariado fue un éxito');
    expect(within(volunteer).getByRole('button', { name: 'Insertar de nuevo' })).toBeTruthy();
  });

  it('in English, inserts the default wording of the same item', async () => {
    const pack = testPack();
    const tab = fakeTab({
      packs: [{ ...pack, content: [...pack.content, VOLUNTEER_ITEM] }],
      tabId: 7,
      status: ON_LINKEDIN,
    });
    render(<Popup services={tab.services} />);
    const heading = await screen.findByRole('heading', { name: 'Día del voluntariado' });
    await userEvent.click(
      within(heading.closest('article')!).getByRole('button', { name: 'Insert' }),
    );
    await screen.findByText(/^Inserted “Día del voluntariado”/);
    expect(tab.sent[0]?.message.text).toContain('Volunteer day was a blast');
  });
});

describe('numbers as the interface language writes them', () => {
  it('in German: 1.234 items, and how many more are not shown', async () => {
    useInterfaceLanguage('de', 'de-DE');
    const tab = fakeTab({ packs: [bigPack(1234)], tabId: 7, status: ON_LINKEDIN });
    render(<Popup services={tab.services} />);
    expect(await screen.findByText('1.234 Einträge')).toBeTruthy();
    expect(
      screen.getByRole('button', { name: '50 weitere anzeigen (1.184 nicht angezeigt)' }),
    ).toBeTruthy();
  });

  it('take the region from the browser when it is the same language, else the catalogue’s', () => {
    useInterfaceLanguage('pt', 'pt-BR');
    expect(interfaceLocale()).toBe('pt-BR');
    // Chromium with --lang=es but without its Spanish resources reports en-US.
    useInterfaceLanguage('es', 'en-US');
    expect(interfaceLocale()).toBe('es');
  });
});

describe('the options page in Spanish', () => {
  const URL_SOURCE = 'https://policy.acme.example/postguard/acme.json';
  function spanishState(): PacksState {
    const status: PolicyStatus = {
      sources: [
        { source: 'managed-url', origin: URL_SOURCE, checkedAt: NOW.getTime(), failures: 0 },
      ],
      settingsErrors: [],
      allowUserPacks: true,
      refreshMinutes: 60,
      checkedAt: NOW.getTime() - 60_000,
    };
    return {
      loaded: true,
      policy: {
        revision: 1,
        records: [
          {
            source: 'managed-url',
            origin: URL_SOURCE,
            pack: bilingualPack(),
            fetchedAt: NOW.getTime() - 3_600_000,
          },
        ],
      },
      status,
      userPacks: [],
    };
  }

  it('shows the packs, their sources, the rules (their messages in Spanish) and the playground', async () => {
    useInterfaceLanguage('es', 'es-ES');
    render(
      <PacksView
        state={spanishState()}
        starter={starterPack()}
        client={{ send: async () => ({ ok: true }) }}
        now={() => NOW}
      />,
    );
    expect(screen.getByRole('table', { name: 'Paquetes vigentes' })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Firmado por' })).toBeTruthy();
    expect(screen.getByText(`Obtenido de ${URL_SOURCE}`, { selector: 'strong' })).toBeTruthy();
    expect(screen.getByText(/; se comprueba cada 60 minutos\.$/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Comprobar ahora' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Tus propios paquetes' })).toBeTruthy();

    const rules = screen.getByRole('table', { name: /^Reglas vigentes \(\d+\)$/ });
    const row = rules.querySelector('[data-rule-id="acme.codenames"]')!;
    expect(row.textContent).toContain('de acme');
    expect(row.textContent).toContain('{match} es un nombre en clave interno.');

    expect(screen.getByRole('heading', { name: 'Zona de pruebas' })).toBeTruthy();
    await userEvent.type(
      screen.getByLabelText('Publicación de prueba'),
      'Mañana presentamos Bluefin a la prensa.',
    );
    const findings = screen.getByRole('list', { name: 'Avisos' });
    const finding = findings.querySelector('[data-rule-id="acme.codenames"]') as HTMLElement;
    // The finding speaks the post's language; the fix is worded by the interface.
    expect(finding.textContent).toContain('Bluefin es un nombre en clave interno.');
    expect(within(finding).getByText('error')).toBeTruthy();
    expect(
      within(finding).getByRole('button', { name: 'Reemplazar por «nuestro nuevo producto»' }),
    ).toBeTruthy();
    expect(screen.getByText(/^\d+ avisos?: /)).toBeTruthy();
  });
});

describe('the guide in Spanish', () => {
  it('words the practice, the progress and each exercise, counting only completions that stand', () => {
    useInterfaceLanguage('es', 'es-ES');
    const checker = checkerOf(bilingualPack());
    const [teaser, launch] = checker.guide!.exercises;
    const completion = (hash: string): GuideCompletion => ({
      exerciseId: teaser!.id,
      title: teaser!.title,
      packId: teaser!.packId,
      packVersion: teaser!.packVersion,
      exerciseHash: hash,
      at: Date.parse('2026-12-02T10:00:00Z'),
    });
    const { rerender } = render(
      <GuideView
        checker={checker}
        completions={[completion(teaser!.textHash)]}
        onDone={() => undefined}
        now={() => NOW}
      />,
    );
    expect(screen.getByRole('navigation', { name: 'Contenido' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Práctica', level: 2 })).toBeTruthy();
    expect(
      screen.getByText(/Cada publicación de abajo incumple la política\..* Hechos: 1 de 2\.$/),
    ).toBeTruthy();

    const done = screen.getByRole('article', { name: /Un adelanto/ });
    expect(within(done).getByRole('status').textContent).toBe(
      'Hecho el 2 dic 2026. Practícalo de nuevo cuando quieras.',
    );
    const open = screen.getByRole('article', { name: /Un lanzamiento/ });
    expect(within(open).getByRole('status').textContent).toBe(
      'Por hacer: corrige esta publicación para que Postguard no muestre ninguna advertencia sobre ella en LinkedIn.',
    );
    expect(within(open).getByLabelText('Publicación de práctica para LinkedIn')).toBeTruthy();
    expect(within(open).getByRole('button', { name: 'Empezar de nuevo' })).toBeTruthy();
    expect(
      within(open).getByRole('button', { name: 'Reemplazar por «nuestro nuevo producto»' }),
    ).toBeTruthy();
    expect(
      within(open).getByRole('link', {
        name: '¿Por qué? Lo que dice la guía sobre acme.codenames',
      }),
    ).toBeTruthy();
    expect(launch).toBeDefined();

    // A completion of an older wording of the exercise does not count as done.
    rerender(
      <GuideView
        checker={checker}
        completions={[completion('an older wording')]}
        onDone={() => undefined}
        now={() => NOW}
      />,
    );
    expect(screen.getByText(/Hechos: 0 de 2\.$/)).toBeTruthy();
  });
});

describe('My activity by the language’s plural rules', () => {
  it('says "0 ligne correspondante" in French, "0 matching rows" in English', async () => {
    const db = openDatabase('interface-language-log');
    const onError = (error: unknown) => {
      throw error;
    };
    useInterfaceLanguage('fr', 'fr-FR');
    const { unmount } = render(
      <ActivityLog db={db} titles={new Map()} onError={onError} now={() => NOW} />,
    );
    expect(await screen.findByText('0 ligne correspondante.')).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Filtrer le journal' })).toBeTruthy();
    expect(screen.getByText("Vous n'avez pas utilisé « Publier quand même ».")).toBeTruthy();
    unmount();
    useInterfaceLanguage('en', 'en-US');
    render(<ActivityLog db={db} titles={new Map()} onError={onError} now={() => NOW} />);
    expect(await screen.findByText('0 matching rows.')).toBeTruthy();
  });
});

describe('problems said in the interface language', () => {
  it.each<DatabaseProblemKind>(['full', 'blocked', 'version', 'unavailable', 'failed'])(
    'a "%s" database problem: in English as the store words it, in Portuguese from the catalogue',
    (kind) => {
      const problem = databaseProblem(kind, 'DOMException: detail');
      const { unmount } = render(<DatabaseNotice problem={problem} />);
      expect(screen.getByRole('alert').querySelector('p')!.textContent).toBe(problem.message);
      unmount();
      useInterfaceLanguage('pt', 'pt-BR');
      render(<DatabaseNotice problem={problem} onDismiss={() => undefined} />);
      const alert = screen.getByRole('alert');
      expect(alert.querySelector('p')!.textContent).not.toBe(problem.message);
      expect(alert.querySelector('p')!.textContent).toMatch(/Postguard|disco/);
      expect(within(alert).getByRole('button', { name: 'Dispensar' })).toBeTruthy();
      expect(within(alert).getByText('Detalhes')).toBeTruthy();
    },
  );

  it('a write the background could not make: what was lost, then why, in Spanish', () => {
    const { unmount } = render(
      <DatabaseNotice problem={FULL_DISK_SHARE_PROBLEM} at={FULL_DISK_SHARE_PROBLEM.at} />,
    );
    expect(screen.getByRole('alert').querySelector('p')!.textContent).toBe(
      FULL_DISK_SHARE_PROBLEM.message,
    );
    unmount();
    useInterfaceLanguage('es', 'es-ES');
    render(<DatabaseNotice problem={FULL_DISK_SHARE_PROBLEM} at={FULL_DISK_SHARE_PROBLEM.at} />);
    const text = screen.getByRole('alert').querySelector('p')!.textContent;
    expect(text).toMatch(
      /^Una publicación de contenido aprobado no se añadió a tu registro de actividad\. Tu disco .* está lleno/,
    );
    expect(screen.getByText(/^Cuándo:/)).toBeTruthy();
  });
});

describe('a fix’s button', () => {
  const edits = [{ start: 0, end: 7, text: 'staff' }];
  it('is worded from its action in the interface language', () => {
    useInterfaceLanguage('de', 'de-DE');
    const replace: Suggestion = {
      label: 'Replace with "staff"',
      action: { verb: 'replace', text: 'staff' },
      edits,
    };
    expect(fixLabel(replace)).toBe('Durch „staff“ ersetzen');
    expect(fixLabel({ label: 'Remove', action: { verb: 'remove' }, edits })).toBe('Entfernen');
    expect(fixLabel({ label: 'Add " #ad"', action: { verb: 'add', text: ' #ad' }, edits })).toBe(
      '„ #ad“ hinzufügen',
    );
  });

  it('keeps the English label when the action says nothing to word it by', () => {
    useInterfaceLanguage('fr', 'fr-FR');
    expect(fixLabel({ label: 'Use the approved wording', edits })).toBe('Use the approved wording');
    expect(fixLabel({ label: 'Replace it', action: { verb: 'replace' }, edits })).toBe(
      'Replace it',
    );
  });

  it('in English reads as the core labels it', () => {
    expect(
      fixLabel({ label: 'Move "#ad" up', action: { verb: 'move-up', text: '#ad' }, edits }),
    ).toBe('Move "#ad" up');
    expect(
      fixLabel({ label: 'Change to "Hello"', action: { verb: 'change', text: 'Hello' }, edits }),
    ).toBe('Change to "Hello"');
  });
});
