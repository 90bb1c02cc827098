/** The packs in force, their sources and errors, import, and the playground (issue 6). */
export function PacksSection() {
  return (
    <section aria-labelledby="packs-heading">
      <h2 id="packs-heading">Policy packs</h2>
    </section>
  );
}
