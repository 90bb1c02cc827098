export function OptionsApp() {
  return (
    <main>
      <h1>Postguard options</h1>
      <p>The policy packs in force appear here.</p>
    </main>
  );
}
