import { starterPack } from '@/src/policy/starter';
import { runtimeClient } from './packs/client';
import { PacksView } from './packs/PacksView';
import { usePacksState } from '@/src/ui/checking/usePacksState';
import { t } from '@/src/ui/i18n';
import './packs/packs.css';

const currentTime = () => new Date();

/** The packs section wired to extension storage and the background. */
export function PacksSection({ guideUrl }: { guideUrl?: string }) {
  const state = usePacksState();
  return (
    <section aria-labelledby="packs-heading" className="pg-section">
      <h2 id="packs-heading">{t('options_packsHeading')}</h2>
      <PacksView
        state={state}
        starter={starterPack()}
        client={runtimeClient}
        now={currentTime}
        {...(guideUrl ? { guideUrl } : {})}
      />
    </section>
  );
}
