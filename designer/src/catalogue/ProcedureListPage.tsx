// Catalogue: search procedures by code or name, filter by level, open one to design it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { api } from '../api/api-client';
import type { ProcedurePageAnswer, ProcedureSummary } from '../api/types';

const levels = ['central', 'province', 'district', 'commune'] as const;
const pageSize = 50;

export function ProcedureListPage() {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState('');
  const [level, setLevel] = useState('');
  const [rows, setRows] = useState<ProcedureSummary[]>([]);
  const [page, setPage] = useState(1);
  const [hasMore, setHasMore] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const params = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
    if (q.trim()) params.set('q', q.trim());
    if (level) params.set('level', level);
    let live = true;
    const timer = setTimeout(() => {
      api<ProcedurePageAnswer>('GET', `/api/procedures?${params}`)
        .then((answer) => {
          if (!live) return;
          setRows((previous) => (page === 1 ? answer.items : [...previous, ...answer.items]));
          setHasMore(answer.hasMore);
          setError(null);
        })
        .catch((failure: Error) => live && setError(failure.message));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, level, page]);

  return (
    <Box>
      <Typography variant="h5" component="h1" gutterBottom>
        {t('procedures.title')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, mb: 2, flexWrap: 'wrap' }}>
        <TextField
          label={t('procedures.search')}
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setPage(1);
          }}
          sx={{ minWidth: 360 }}
          slotProps={{ htmlInput: { 'data-testid': 'procedure-search' } }}
        />
        <TextField
          select
          label={t('procedures.level')}
          value={level}
          onChange={(e) => {
            setLevel(e.target.value);
            setPage(1);
          }}
          sx={{ minWidth: 200 }}
        >
          <MenuItem value="">{t('procedures.allLevels')}</MenuItem>
          {levels.map((l) => (
            <MenuItem key={l} value={l}>
              {t(`levels.${l}`)}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      {error && <Alert severity="error">{error}</Alert>}
      <TableContainer component={Paper}>
        <Table aria-label={t('procedures.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('procedures.code')}</TableCell>
              <TableCell>{t('procedures.name')}</TableCell>
              <TableCell>{t('procedures.field')}</TableCell>
              <TableCell>{t('procedures.level')}</TableCell>
              <TableCell>{t('procedures.status')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={6}>{t('common.none')}</TableCell>
              </TableRow>
            )}
            {rows.map((p) => (
              <TableRow key={p.code} hover data-testid={`procedure-${p.code}`}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{p.localCode ?? p.code}</TableCell>
                <TableCell>{(i18n.language === 'en' && p.names.en) || p.names.vi}</TableCell>
                <TableCell>{p.field.name}</TableCell>
                <TableCell>{t(`levels.${p.level}`)}</TableCell>
                <TableCell>
                  {p.publishedVersion ? (
                    <Chip
                      size="small"
                      color="success"
                      label={t('procedures.published', { version: p.publishedVersion })}
                    />
                  ) : (
                    <Chip size="small" label={t('procedures.unpublished')} />
                  )}
                </TableCell>
                <TableCell>
                  <Button component={RouterLink} to={`/procedures/${p.code}`} size="small">
                    {t('procedures.open')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {hasMore && (
        <Button sx={{ mt: 1 }} onClick={() => setPage(page + 1)}>
          {t('procedures.more')}
        </Button>
      )}
    </Box>
  );
}
