import { browser } from 'wxt/browser';
import type { OptionsMessage, OptionsResponse } from '@/src/messages';
import { t } from '@/src/ui/i18n';

/** How the packs section asks the background for things; tests give their own. */
export interface PacksClient {
  send(message: OptionsMessage): Promise<OptionsResponse>;
}

export const runtimeClient: PacksClient = {
  async send(message) {
    try {
      const answer = (await browser.runtime.sendMessage(message)) as OptionsResponse | undefined;
      return answer ?? { ok: false, error: t('client_noAnswer') };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, error: t('client_noAnswerDetail', detail) };
    }
  },
};
