// The inbox's filters (procedure, claim status, due window) and the task query they make.
import { useMemo, useState } from 'react';
import type { TaskFilters } from '../../api/workspace-api';

export const claimStatuses = ['', 'unclaimed', 'claimed', 'mine'] as const;
export type ClaimStatus = (typeof claimStatuses)[number];
export const dueWindows = ['', 'overdue', 'today', 'week'] as const;
export type DueWindow = (typeof dueWindows)[number];

export function useInboxFilters() {
  const [procedure, setProcedure] = useState('');
  const [status, setStatus] = useState<ClaimStatus>('');
  const [due, setDue] = useState<DueWindow>('');
  const query = useMemo<TaskFilters>(
    () => ({
      ...(procedure ? { procedure } : {}),
      ...(status === 'mine' ? { mine: true } : {}),
      ...(status === 'claimed' ? { claimed: 'true' as const } : {}),
      ...(status === 'unclaimed' ? { claimed: 'false' as const } : {}),
      ...(due ? { due } : {}),
    }),
    [procedure, status, due],
  );
  return { procedure, setProcedure, status, setStatus, due, setDue, query };
}

export type InboxFilterState = ReturnType<typeof useInboxFilters>;
