import { PacksSection } from './PacksSection';
import { ActivitySection } from './ActivitySection';
import './options.css';

/** The options page: the policy in force (for everyone) and the person's own activity. */
export function OptionsApp() {
  return (
    <main className="options">
      <h1>Postguard</h1>
      <PacksSection />
      <ActivitySection />
    </main>
  );
}
