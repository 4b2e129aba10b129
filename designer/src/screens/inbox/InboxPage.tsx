// The officer's inbox: open tasks of their groups (or claimed by them), filtered by procedure, claim status and
// due window, sorted by due date, coloured by the working days left (the server counts them on the working-day
// calendar), with counts per deadline state. Claim, hand back (unclaim), then complete with a decision.
// Conflicts (task taken or done elsewhere) show the server's message.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ApiFailure } from '../../api/api-client';
import { workspaceApi, type Task } from '../../api/workspace-api';
import { CompleteTaskDialog } from './CompleteTaskDialog';
import { InboxCounts } from './InboxCounts';
import { InboxFilters } from './InboxFilters';
import { TaskTable } from './TaskTable';
import { useInboxFilters } from './use-inbox-filters';
import { useInboxTasks } from './use-inbox-tasks';
import { useTaskSteps } from './use-task-steps';

export function InboxPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const filters = useInboxFilters();
  const [descending, setDescending] = useState(false);
  const { tasks, rows, counts, problem, setProblem, load } = useInboxTasks(filters.query, descending);
  const { names, decisionsFor } = useTaskSteps(tasks);
  const [notice, setNotice] = useState<string | null>(
    (location.state as { notice?: string } | null)?.notice ?? null,
  );
  const [completing, setCompleting] = useState<Task | null>(null);

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

  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h1">
        {t('ws.inbox.title')}
      </Typography>
      {counts && <InboxCounts counts={counts} />}
      <InboxFilters filters={filters} />
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
      <TaskTable
        rows={rows}
        names={names}
        descending={descending}
        onSort={() => setDescending(!descending)}
        onComplete={setCompleting}
        onClaim={(task) => void act(() => workspaceApi.claim(task._id), t('ws.inbox.claimed'))}
        onUnclaim={(task) => void act(() => workspaceApi.unclaim(task._id), t('ws.inbox.unclaimed'))}
      />
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
