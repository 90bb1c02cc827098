/**
 * Pack dates (`until`, `starts`, `expires`) are calendar days written `YYYY-MM-DD`. They are
 * compared with the person's own calendar day, so an embargo "until 2027-01-15" lifts when
 * 15 January begins where they are. Same-format strings compare correctly as text.
 */
export function localDate(now: Date): string {
  const y = String(now.getFullYear()).padStart(4, '0');
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
