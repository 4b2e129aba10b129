// The officer's inbox: open tasks of their groups (or only those they claimed), due first, overdue in red;
// claim, then complete with a decision. Conflicts (task taken or done elsewhere) show the server's message.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation } from 'react-router';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { ApiFailure } from '../api/api-client';
import { useAuth } from '../auth/auth-context';
import { CompleteTaskDialog } from './CompleteTaskDialog';
import { formatDateTime, workspaceApi, type Task } from './workspace-api';

export function InboxPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [mine, setMine] = useState(false);
  const [tasks, setTasks] = useState<Task[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const location = useLocation();
  const [notice, setNotice] = useState<string | null>(
    (location.state as { notice?: string } | null)?.notice ?? null,
  );
  const [completing, setCompleting] = useState<Task | null>(null);

  const load = useCallback(() => {
    workspaceApi
      .tasks(mine)
      .then((answer) => setTasks(answer.items))
      .catch((error: unknown) => setProblem(error instanceof ApiFailure ? error.message : String(error)));
  }, [mine]);
  useEffect(load, [load]);

  const claim = async (task: Task) => {
    setProblem(null);
    try {
      await workspaceApi.claim(task._id);
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      setProblem(error.message);
    }
    load();
  };

  const now = Date.now();
  const overdue = (task: Task) => !!task.dueAt && new Date(task.dueAt).getTime() < now;
  const overdueCount = tasks?.filter(overdue).length ?? 0;

  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1">
          {t('ws.inbox.title')}
        </Typography>
        {tasks && (
          <Typography color="text.secondary" data-testid="inbox-counts">
            {t('ws.inbox.counts', { open: tasks.length, overdue: overdueCount })}
          </Typography>
        )}
        <FormControlLabel
          sx={{ ml: 'auto' }}
          control={<Checkbox checked={mine} onChange={(e) => setMine(e.target.checked)} />}
          label={t('ws.inbox.mine')}
        />
      </Stack>
      {problem && (
        <Alert severity="error" role="alert" onClose={() => setProblem(null)}>
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
              <TableCell>{t('ws.inbox.due')}</TableCell>
              <TableCell>{t('ws.inbox.assignee')}</TableCell>
              <TableCell>{t('ws.inbox.actions')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {tasks?.map((task) => {
              const late = overdue(task);
              return (
                <TableRow key={task._id} data-testid={`task-${task.dossierCode}`}>
                  <TableCell>
                    <Link component={RouterLink} to={`/tasks/${task._id}`}>
                      {task.name}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <Link component={RouterLink} to={`/dossiers/${task.dossierCode}`}>
                      {task.dossierCode}
                    </Link>
                  </TableCell>
                  <TableCell
                    sx={{ color: late ? 'error.main' : undefined, fontWeight: late ? 700 : undefined }}
                  >
                    {formatDateTime(task.dueAt)}
                    {late && ` (${t('ws.inbox.overdue')})`}
                  </TableCell>
                  <TableCell>{task.assignee ?? '—'}</TableCell>
                  <TableCell>
                    {task.assignee === user?.username ? (
                      <Button size="small" variant="contained" onClick={() => setCompleting(task)}>
                        {t('ws.inbox.complete')}
                      </Button>
                    ) : (
                      <Button size="small" variant="outlined" onClick={() => void claim(task)}>
                        {t('ws.inbox.claim')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
            {tasks && tasks.length === 0 && (
              <TableRow>
                <TableCell colSpan={5}>{t('ws.inbox.empty')}</TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
      {completing && (
        <CompleteTaskDialog
          task={completing}
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
