// The agency's dossiers, newest first, searchable by code prefix, paged.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
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
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { ApiFailure } from '../../api/api-client';
import type { Page } from '../../api/types';
import { ProcessHealthChip } from '../../components/dossier/ProcessHealthChip';
import { StatusChip } from '../../components/dossier/StatusChip';
import { formatDateTime, workspaceApi, type DossierSummary } from '../../api/workspace-api';

export function DossierListPage() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [page, setPage] = useState(1);
  const [answer, setAnswer] = useState<Page<DossierSummary> | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const prefix = code.trim().toUpperCase();
    const params = new URLSearchParams({ page: String(page), pageSize: '20' });
    if (prefix.length >= 3) params.set('code', prefix);
    const timer = setTimeout(() => {
      workspaceApi
        .dossiers(params.toString())
        .then((a) => {
          setAnswer(a);
          setProblem(null);
        })
        .catch((error: unknown) => setProblem(error instanceof ApiFailure ? error.message : String(error)));
    }, 200);
    return () => clearTimeout(timer);
  }, [code, page]);

  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h1">
        {t('ws.dossiers.title')}
      </Typography>
      <TextField
        size="small"
        label={t('ws.dossiers.search')}
        value={code}
        onChange={(e) => {
          setCode(e.target.value);
          setPage(1);
        }}
        sx={{ maxWidth: 360 }}
      />
      {problem && <Alert severity="error">{problem}</Alert>}
      <TableContainer component={Paper}>
        <Table size="small" data-testid="dossier-table">
          <TableHead>
            <TableRow>
              <TableCell>{t('ws.dossiers.code')}</TableCell>
              <TableCell>{t('ws.dossiers.procedure')}</TableCell>
              <TableCell>{t('ws.dossiers.applicant')}</TableCell>
              <TableCell>{t('ws.dossiers.status')}</TableCell>
              <TableCell>{t('ws.dossiers.submitted')}</TableCell>
              <TableCell>{t('ws.dossiers.appointment')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {answer?.items.map((d) => (
              <TableRow key={d.code} data-testid={`dossier-${d.code}`}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <Link component={RouterLink} to={`/dossiers/${d.code}`}>
                    {d.code}
                  </Link>
                </TableCell>
                <TableCell>{d.procedure.name}</TableCell>
                <TableCell>{d.applicant.name}</TableCell>
                <TableCell>
                  <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
                    <StatusChip status={d.status} overdue={d.overdue} />
                    <ProcessHealthChip health={d.processHealth} />
                  </Stack>
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(d.submittedAt)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(d.appointmentAt)}</TableCell>
              </TableRow>
            ))}
            {answer && answer.items.length === 0 && (
              <TableRow>
                <TableCell colSpan={6}>{t('ws.dossiers.empty')}</TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
      <Stack direction="row" sx={{ gap: 1 }}>
        <Button disabled={page <= 1} onClick={() => setPage(page - 1)}>
          {t('ws.dossiers.prev')}
        </Button>
        <Button disabled={!answer?.hasMore} onClick={() => setPage(page + 1)}>
          {t('ws.dossiers.more')}
        </Button>
      </Stack>
    </Stack>
  );
}
