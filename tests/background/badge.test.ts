import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { showPolicyHealth } from '@/src/background/packs/badge';
import type { PolicyStatus, SourceStatus } from '@/src/policy/types';
import { useInterfaceLanguage } from '../components/browser-i18n';

function failing(origin: string, message: string): SourceStatus {
  return {
    source: 'managed-url',
    origin,
    failures: 1,
    error: { code: 'network', message, at: 0 },
  };
}

function status(sources: SourceStatus[], settingsErrors: string[] = []): PolicyStatus {
  return { sources, settingsErrors, allowUserPacks: true, refreshMinutes: 60 };
}

describe('the toolbar button when the policy could not be updated', () => {
  it('says so in the browser language, with the first problem and how many more', async () => {
    useInterfaceLanguage('es', 'es-ES');
    await showPolicyHealth(
      status([failing('https://a.example/p.json', 'the server did not answer')], ['bad key']),
    );
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect(await fakeBrowser.action.getTitle({})).toBe(
      'Postguard: no se pudo actualizar la política. the server did not answer ' +
        '(y 1 problema más; la página de opciones los muestra)',
    );
  });

  it('counts the problems as the language does, and says nothing more when all is well', async () => {
    useInterfaceLanguage('fr', 'fr-FR');
    await showPolicyHealth(status([failing('a', 'one')], ['two', 'three']));
    expect(await fakeBrowser.action.getTitle({})).toBe(
      "Postguard : la charte n'a pas pu être mise à jour. one (et 2 autres problèmes ; voir la page d'options)",
    );
    await showPolicyHealth(status([]));
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await fakeBrowser.action.getTitle({})).toBe('Postguard');
  });
});
