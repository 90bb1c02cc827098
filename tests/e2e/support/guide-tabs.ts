// Which tabs are the guide the extension opens by itself (at install), for the launchers to close.

/** The guide as the extension opens it on its own: guide.html without a section. */
export function isOpenedGuide(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      /^(chrome|moz)-extension:$/.test(parsed.protocol) &&
      parsed.pathname === '/guide.html' &&
      parsed.hash === ''
    );
  } catch {
    return false;
  }
}
