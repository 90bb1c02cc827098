// Reading and operating the extension's own pages (popup, options) over the driver interface:
// controls are found by their labels and roles, as a person or a screen reader finds them.
import { click, waitForCondition, type DriverPage } from './driver';

/**
 * Chooses `value` in the <select> labelled `label` (its <label>'s words), through the element's
 * own value setter and a bubbling `change`, which is what React listens for.
 */
export async function selectByLabel(page: DriverPage, label: string, value: string): Promise<void> {
  await waitForCondition(
    page,
    ({ words, wanted }) => {
      const holder = [...document.querySelectorAll('label')].find(
        (element) =>
          element.textContent?.trim() === words ||
          element.querySelector('span')?.textContent?.trim() === words,
      );
      const select = holder?.control;
      if (!(select instanceof HTMLSelectElement)) return false;
      const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!;
      setter.call(select, wanted);
      select.dispatchEvent(new Event('change', { bubbles: true }));
      return select.value === wanted;
    },
    { words: label, wanted: value },
    `the select labelled "${label}" takes "${value}"`,
  );
}

/** The value of the control labelled `label`. */
export function valueByLabel(page: DriverPage, label: string): Promise<string | undefined> {
  return page.evaluate((words) => {
    const holder = [...document.querySelectorAll('label')].find(
      (element) =>
        element.textContent?.trim() === words ||
        element.querySelector('span')?.textContent?.trim() === words,
    );
    const control = holder?.control as HTMLInputElement | HTMLSelectElement | null | undefined;
    return control?.value;
  }, label);
}

/** The trimmed texts of every match of `selector`. */
export function textsOf(page: DriverPage, selector: string): Promise<string[]> {
  return page.evaluate(
    (wanted) =>
      [...document.querySelectorAll(wanted)].map((element) => element.textContent?.trim() ?? ''),
    selector,
  );
}

/** Clicks the button whose words are `label` inside the first `container` holding `text`. */
export async function clickButtonIn(
  page: DriverPage,
  container: string,
  text: string,
  label: string,
): Promise<void> {
  const marker = 'data-postguard-test-button';
  await waitForCondition(
    page,
    ({ wanted, words, name, attribute }) => {
      document.querySelector(`[${attribute}]`)?.removeAttribute(attribute);
      const holder = [...document.querySelectorAll(wanted)].find((element) =>
        element.textContent?.includes(words),
      );
      const button = [
        ...(holder?.querySelectorAll('button, [role="button"], [role="tab"]') ?? []),
      ].find((element) => element.textContent?.trim() === name);
      button?.setAttribute(attribute, '');
      return button !== undefined;
    },
    { wanted: container, words: text, name: label, attribute: marker },
    `the "${label}" button in ${container} holding "${text}"`,
  );
  await click(page, `[${marker}]`);
}
