// The inbox's filter bar: procedure, claim status and due window.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import type { ProcedureSummary } from '../../api/types';
import { workspaceApi } from '../../api/workspace-api';
import { SelectField } from '../../components/SelectField';
import {
  claimStatuses,
  dueWindows,
  type ClaimStatus,
  type DueWindow,
  type InboxFilterState,
} from './use-inbox-filters';

const statusLabel: Record<ClaimStatus, string> = {
  '': 'allStatuses',
  unclaimed: 'unclaimedOnly',
  claimed: 'claimedOnly',
  mine: 'mineOnly',
};
const dueLabel: Record<DueWindow, string> = {
  '': 'anyDue',
  overdue: 'dueOverdue',
  today: 'dueToday',
  week: 'dueWeek',
};

export function InboxFilters({ filters }: { filters: InboxFilterState }) {
  const { t } = useTranslation();
  const [procedures, setProcedures] = useState<ProcedureSummary[]>([]);
  useEffect(() => {
    workspaceApi
      .procedures('')
      .then((page) => setProcedures(page.items))
      .catch(() => setProcedures([]));
  }, []);
  const names = new Map(procedures.map((p) => [p.code, `${p.code} — ${p.names.vi}`]));

  return (
    <Paper sx={{ p: 2 }}>
      <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 2 }}>
        <SelectField
          size="small"
          id="filter-procedure"
          label={t('ws.inbox.procedure')}
          value={filters.procedure}
          options={['', ...procedures.map((p) => p.code)]}
          optionLabel={(code) => (code ? names.get(code) : t('ws.inbox.allProcedures'))}
          onChange={filters.setProcedure}
          sx={{ minWidth: 280, flexGrow: 1 }}
        />
        <SelectField
          size="small"
          id="filter-status"
          label={t('ws.inbox.status')}
          value={filters.status}
          options={claimStatuses}
          optionLabel={(s) => t(`ws.inbox.${statusLabel[s]}`)}
          onChange={filters.setStatus}
          sx={{ minWidth: 200 }}
        />
        <SelectField
          size="small"
          id="filter-due"
          label={t('ws.inbox.dueFilter')}
          value={filters.due}
          options={dueWindows}
          optionLabel={(d) => t(`ws.inbox.${dueLabel[d]}`)}
          onChange={filters.setDue}
          sx={{ minWidth: 200 }}
        />
      </Stack>
    </Paper>
  );
}
