// The inbox's task rows, sorted by due date, each edged and chipped by its deadline state, with the actions the
// signed-in officer may take on it: claim, hand back (their own, or any as leader), complete or return a result.
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import { useAuth } from '../../auth/auth-context';
import { ProcessHealthChip } from '../../components/dossier/ProcessHealthChip';
import { formatDateTime, type Task, type Urgency } from '../../api/workspace-api';
import { UrgencyChip } from './UrgencyChip';

/** Row edge colours, one per deadline state (the chip in the row carries the words). */
const urgencyEdge: Record<Urgency, string> = {
  overdue: '#c62828',
  'near-due': '#ed6c02',
  'on-track': '#2e7d32',
  none: 'transparent',
};

interface Props {
  rows: Task[] | null;
  /** The steps' names from their models, by task id. */
  names: Map<string, string>;
  descending: boolean;
  onSort(): void;
  onComplete(task: Task): void;
  onClaim(task: Task): void;
  onUnclaim(task: Task): void;
}

export function TaskTable({ rows, names, descending, onSort, onComplete, onClaim, onUnclaim }: Props) {
  const { t } = useTranslation();
  const { user, hasRole } = useAuth();
  const leader = hasRole('leader');
  return (
    <TableContainer component={Paper}>
      <Table size="small" data-testid="task-table">
        <TableHead>
          <TableRow>
            <TableCell>{t('ws.inbox.task')}</TableCell>
            <TableCell>{t('ws.inbox.dossier')}</TableCell>
            <TableCell>{t('ws.inbox.procedureColumn')}</TableCell>
            <TableCell sortDirection={descending ? 'desc' : 'asc'}>
              <TableSortLabel
                active
                direction={descending ? 'desc' : 'asc'}
                onClick={onSort}
                aria-label={t('ws.inbox.sortDue')}
                data-testid="sort-due"
              >
                {t('ws.inbox.due')}
              </TableSortLabel>
            </TableCell>
            <TableCell>{t('ws.inbox.assignee')}</TableCell>
            <TableCell>{t('ws.inbox.actions')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows?.map((task) => {
            const urgency = task.urgency ?? 'none';
            const mine = task.assignee === user?.username;
            return (
              <TableRow
                key={task._id}
                data-testid={`task-${task.dossierCode}`}
                data-urgency={urgency}
                sx={{ '& > td:first-of-type': { borderLeft: `6px solid ${urgencyEdge[urgency]}` } }}
              >
                <TableCell>
                  <Link component={RouterLink} to={`/tasks/${task._id}`}>
                    {names.get(task._id) ?? task.name}
                  </Link>
                </TableCell>
                <TableCell>
                  <Stack sx={{ gap: 0.5, alignItems: 'flex-start' }}>
                    <Link component={RouterLink} to={`/dossiers/${task.dossierCode}`}>
                      {task.dossierCode}
                    </Link>
                    <ProcessHealthChip health={task.processHealth} />
                  </Stack>
                </TableCell>
                <TableCell>{task.procedure?.name ?? '—'}</TableCell>
                <TableCell>
                  <Stack sx={{ gap: 0.5, alignItems: 'flex-start' }}>
                    <span>{formatDateTime(task.dueAt)}</span>
                    <UrgencyChip
                      urgency={urgency}
                      testId="task-urgency"
                      label={urgencyLabel(t, urgency, task.remainingWorkingDays)}
                    />
                  </Stack>
                </TableCell>
                <TableCell>{task.assignee ?? '—'}</TableCell>
                <TableCell>
                  <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
                    {/* Handing over needs the channel and receiver: the task screen records them. */}
                    {mine && task.elementId === 'HandOverResult' && (
                      <Button
                        size="small"
                        variant="contained"
                        component={RouterLink}
                        to={`/tasks/${task._id}`}
                      >
                        {t('ws.task.returnResult')}
                      </Button>
                    )}
                    {mine && task.elementId !== 'HandOverResult' && (
                      <Button size="small" variant="contained" onClick={() => onComplete(task)}>
                        {t('ws.inbox.complete')}
                      </Button>
                    )}
                    {!task.assignee && (
                      <Button size="small" variant="outlined" onClick={() => onClaim(task)}>
                        {t('ws.inbox.claim')}
                      </Button>
                    )}
                    {task.assignee && (mine || leader) && (
                      <Button size="small" variant="outlined" color="inherit" onClick={() => onUnclaim(task)}>
                        {t('ws.inbox.unclaim')}
                      </Button>
                    )}
                  </Box>
                </TableCell>
              </TableRow>
            );
          })}
          {rows && rows.length === 0 && (
            <TableRow>
              <TableCell colSpan={6}>{t('ws.inbox.empty')}</TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function urgencyLabel(t: TFunction, urgency: Urgency, days?: number) {
  const state = t(`ws.inbox.urgency.${urgency}`);
  if (days === undefined) return state;
  if (urgency === 'overdue') {
    return `${state} · ${days < 0 ? t('ws.inbox.late', { count: -days }) : t('ws.inbox.lateToday')}`;
  }
  return `${state} · ${days === 0 ? t('ws.inbox.remainingToday') : t('ws.inbox.remaining', { count: days })}`;
}
