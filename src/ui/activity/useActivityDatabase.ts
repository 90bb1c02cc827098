import { useCallback, useState } from 'react';
import type { OpenOptions } from '@/src/store/db';
import type { PostguardDb } from '@/src/store/schema';
import {
  databaseProblem,
  describeDatabaseError,
  type DatabaseProblem,
} from '@/src/store/db-errors';

/**
 * The activity database for one page, opened once, with its problems as state: a blocked
 * upgrade or a failed read or write becomes a sentence on the page.
 */
export function useActivityDatabase(open: (options: OpenOptions) => PostguardDb): {
  db: PostguardDb;
  problem: DatabaseProblem | undefined;
  report: (error: unknown) => void;
  dismiss: () => void;
} {
  const [problem, setProblem] = useState<DatabaseProblem | undefined>();
  // Opened once for the page's life; the page's unload closes it.
  const [db] = useState(() => open({ onBlocked: () => setProblem(databaseProblem('blocked')) }));
  const report = useCallback((error: unknown) => {
    console.error('Postguard: activity log', error);
    setProblem(describeDatabaseError(error));
  }, []);
  const dismiss = useCallback(() => setProblem(undefined), []);
  return { db, problem, report, dismiss };
}
