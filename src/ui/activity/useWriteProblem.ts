import { useCallback, useEffect, useState } from 'react';
import type { ActivityWriteProblem, WriteProblemSource } from '@/src/store/write-problem';

/**
 * The background's last failed write to the activity log, while the page is open; Dismiss
 * clears it from storage (for every page at once).
 */
export function useWriteProblem(source: WriteProblemSource): {
  writeProblem: ActivityWriteProblem | null;
  dismissWriteProblem: () => void;
} {
  const [writeProblem, setWriteProblem] = useState<ActivityWriteProblem | null>(null);
  useEffect(() => source.watch(setWriteProblem), [source]);
  const dismissWriteProblem = useCallback(() => {
    setWriteProblem(null);
    source
      .dismiss()
      .catch((error: unknown) =>
        console.warn('Postguard: could not clear the activity write problem', error),
      );
  }, [source]);
  return { writeProblem, dismissWriteProblem };
}
