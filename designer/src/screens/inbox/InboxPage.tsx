// The officer's inbox: open tasks of their groups (or claimed by them), filtered by procedure, claim status and
// due window, sorted by due date, coloured by the working days left (the server counts them on the working-day
// calendar), with counts per deadline state. Claim, hand back (unclaim), then complete with a decision.
// Conflicts (task taken or done elsewhere) show the server's message.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link as RouterLink, useLocation } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { ApiFailure } from '../../api/api-client';
import type { ProcedureSummary } from '../../api/types';
import { useAuth } from '../../auth/auth-context';
import { CompleteTaskDialog } from './CompleteTaskDialog';
import { elementName, taskPaths } from '../task/task-paths';
import { ProcessHealthChip } from '../../components/dossier/ProcessHealthChip';
import { UrgencyChip } from './UrgencyChip';
import {
  formatDateTime,
  workspaceApi,
  type Task,
  type TaskCounts,
  type TaskFilters,
  type Urgency,
} from '../../api/workspace-api';
import '../../locales/workspace-inbox';

type Status = '' | 'unclaimed' | 'claimed' | 'mine';
type Due = '' | NonNullable<TaskFilters['due']>;

/** Row edge colours, one per deadline state (the chip in the row carries the words). */
export const urgencyEdge: Record<Urgency, string> = {
  overdue: '#c62828',
  'near-due': '#ed6c02',
  'on-track': '#2e7d32',
  none: 'transparent',
};

const countOrder = ['total', 'overdue', 'near-due', 'on-track', 'none', 'unclaimed'] as const;

export function InboxPage() {
  const { t } = useTranslation();
  const { user, hasRole } = useAuth();
  const location = useLocation();
  const [procedure, setProcedure] = useState('');
  const [status, setStatus] = useState<Status>('');
  const [due, setDue] = useState<Due>('');
  const [descending, setDescending] = useState(false);
  const [procedures, setProcedures] = useState<ProcedureSummary[]>([]);
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const [counts, setCounts] = useState<TaskCounts | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(
    (location.state as { notice?: string } | null)?.notice ?? null,
  );
  const [completing, setCompleting] = useState<Task | null>(null);
  // Published models per procedure code, for the steps' names (rows carry the element id).
  const [models, setModels] = useState<Record<string, string[]>>({});

  useEffect(() => {
    workspaceApi
      .procedures('')
      .then((page) => setProcedures(page.items))
      .catch(() => setProcedures([]));
  }, []);

  const load = useCallback(() => {
    const filters: TaskFilters = {
      ...(procedure ? { procedure } : {}),
      ...(status === 'mine' ? { mine: true } : {}),
      ...(status === 'claimed' ? { claimed: 'true' as const } : {}),
      ...(status === 'unclaimed' ? { claimed: 'false' as const } : {}),
      ...(due ? { due } : {}),
    };
    workspaceApi
      .tasks(filters)
      .then((answer) => {
        setTasks(answer.items);
        setCounts(answer.counts);
      })
      .catch((error: unknown) => setProblem(error instanceof ApiFailure ? error.message : String(error)));
  }, [procedure, status, due]);
  useEffect(load, [load]);

  useEffect(() => {
    const missing = [...new Set(tasks?.map((x) => x.procedure?.code).filter(Boolean) as string[])].filter(
      (code) => !(code in models),
    );
    if (!missing.length) return;
    setModels((known) => ({ ...known, ...Object.fromEntries(missing.map((code) => [code, []])) }));
    for (const code of missing) {
      workspaceApi
        .procedure(code)
        .then((p) => p.versions.map((v) => v.bpmnXml).filter((x): x is string => !!x))
        .catch(() => [])
        .then((xmls) => setModels((known) => ({ ...known, [code]: xmls })));
    }
  }, [tasks, models]);
  const names = useMemo(() => {
    const found = new Map<string, string>();
    for (const task of tasks ?? []) {
      for (const xml of models[task.procedure?.code ?? ''] ?? []) {
        const name = elementName(xml, task.bpmnProcessId, task.elementId);
        if (name) {
          found.set(task._id, name);
          break;
        }
      }
    }
    return found;
  }, [tasks, models]);

  const decisionsFor = (task: Task) => {
    for (const xml of models[task.procedure?.code ?? ''] ?? []) {
      const { decisions } = taskPaths(xml, task.bpmnProcessId, task.elementId);
      if (decisions.length) return decisions;
    }
    return undefined;
  };

  const act = async (call: () => Promise<unknown>, done: string) => {
    setProblem(null);
    setNotice(null);
    try {
      await call();
      setNotice(done);
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      setProblem(error.message);
    }
    load();
  };

  // The server sorts by due date (undated last); descending keeps undated tasks last too.
  const rows = useMemo(() => {
    if (!tasks || !descending) return tasks;
    const dated = tasks.filter((x) => x.dueAt).reverse();
    return [...dated, ...tasks.filter((x) => !x.dueAt)];
  }, [tasks, descending]);

  const leader = hasRole('leader');
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h1">
        {t('ws.inbox.title')}
      </Typography>
      {counts && (
        <Stack
          direction="row"
          component="ul"
          aria-label={t('ws.inbox.countsLabel')}
          data-testid="inbox-counts"
          sx={{ gap: 1, flexWrap: 'wrap', listStyle: 'none', p: 0, m: 0 }}
        >
          {countOrder.map((key) => (
            <li key={key}>
              {key === 'total' || key === 'unclaimed' ? (
                <Chip
                  variant="outlined"
                  data-testid={`count-${key}`}
                  label={t(`ws.inbox.count.${key}`, { count: counts[key] })}
                />
              ) : (
                <UrgencyChip
                  urgency={key}
                  testId={`count-${key}`}
                  label={t(`ws.inbox.count.${key}`, { count: counts[key] })}
                />
              )}
            </li>
          ))}
        </Stack>
      )}
      <Paper sx={{ p: 2 }}>
        <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 2 }}>
          <TextField
            select
            size="small"
            id="filter-procedure"
            label={t('ws.inbox.procedure')}
            value={procedure}
            onChange={(e) => setProcedure(e.target.value)}
            sx={{ minWidth: 280, flexGrow: 1 }}
          >
            <MenuItem value="">{t('ws.inbox.allProcedures')}</MenuItem>
            {procedures.map((p) => (
              <MenuItem key={p.code} value={p.code}>
                {p.code} — {p.names.vi}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            size="small"
            id="filter-status"
            label={t('ws.inbox.status')}
            value={status}
            onChange={(e) => setStatus(e.target.value as Status)}
            sx={{ minWidth: 200 }}
          >
            <MenuItem value="">{t('ws.inbox.allStatuses')}</MenuItem>
            <MenuItem value="unclaimed">{t('ws.inbox.unclaimedOnly')}</MenuItem>
            <MenuItem value="claimed">{t('ws.inbox.claimedOnly')}</MenuItem>
            <MenuItem value="mine">{t('ws.inbox.mineOnly')}</MenuItem>
          </TextField>
          <TextField
            select
            size="small"
            id="filter-due"
            label={t('ws.inbox.dueFilter')}
            value={due}
            onChange={(e) => setDue(e.target.value as Due)}
            sx={{ minWidth: 200 }}
          >
            <MenuItem value="">{t('ws.inbox.anyDue')}</MenuItem>
            <MenuItem value="overdue">{t('ws.inbox.dueOverdue')}</MenuItem>
            <MenuItem value="today">{t('ws.inbox.dueToday')}</MenuItem>
            <MenuItem value="week">{t('ws.inbox.dueWeek')}</MenuItem>
          </TextField>
        </Stack>
      </Paper>
      {problem && (
        <Alert severity="error" role="alert" onClose={() => setProblem(null)} data-testid="inbox-problem">
          {problem}
        </Alert>
      )}
      {notice && (
        <Alert severity="success" onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
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
                  onClick={() => setDescending(!descending)}
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
                        <Button size="small" variant="contained" onClick={() => setCompleting(task)}>
                          {t('ws.inbox.complete')}
                        </Button>
                      )}
                      {!task.assignee && (
                        <Button
                          size="small"
                          variant="outlined"
                          onClick={() => void act(() => workspaceApi.claim(task._id), t('ws.inbox.claimed'))}
                        >
                          {t('ws.inbox.claim')}
                        </Button>
                      )}
                      {task.assignee && (mine || leader) && (
                        <Button
                          size="small"
                          variant="outlined"
                          color="inherit"
                          onClick={() =>
                            void act(() => workspaceApi.unclaim(task._id), t('ws.inbox.unclaimed'))
                          }
                        >
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
      {completing && (
        <CompleteTaskDialog
          task={completing}
          {...(decisionsFor(completing) ? { decisions: decisionsFor(completing)! } : {})}
          onClose={(done) => {
            setCompleting(null);
            if (done) setNotice(t('ws.inbox.done'));
            load();
          }}
        />
      )}
    </Stack>
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
