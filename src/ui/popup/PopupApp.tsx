export function PopupApp() {
  return (
    <main>
      <h1>Postguard</h1>
      <p>Approved content to share appears here.</p>
    </main>
  );
}
