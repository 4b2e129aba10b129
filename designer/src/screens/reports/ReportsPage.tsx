// Reports for leaders (their agency) and admins: received / resolved early, on time, late / in progress per
// agency, procedure or period (Decision 766 counts from GET /api/statistics), as a chart and a table, with
// the same rows as CSV.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { BarChart } from '@mui/x-charts/BarChart';
import { api, ApiFailure } from '../../api/api-client';
import { SelectField } from '../../components/SelectField';
import { toLocalDate } from '../../../../processes/calendar/local-date';
import type { StatisticsAnswer, StatisticsRowAnswer } from '../../../../server/api-schemas/statistics';

/** One group's figures, as the server's response schema declares them. */
type Row = StatisticsRowAnswer;
const groupings = ['agency', 'procedure', 'month', 'quarter', 'year'] as const;
type GroupBy = (typeof groupings)[number];

// Periods are Vietnam calendar days (the server counts in Asia/Ho_Chi_Minh), whatever the browser's zone.
const today = toLocalDate(new Date());
const yearStart = `${today.slice(0, 4)}-01-01`;

export function ReportsPage() {
  const { t } = useTranslation();
  const [from, setFrom] = useState(yearStart);
  const [to, setTo] = useState(today);
  const [groupBy, setGroupBy] = useState<GroupBy>('agency');
  const [rows, setRows] = useState<Row[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const query = `from=${from}&to=${to}&groupBy=${groupBy}`;

  useEffect(() => {
    setProblem(null);
    api<StatisticsAnswer>('GET', `/api/statistics?${query}`)
      .then(({ items }) => setRows(items))
      .catch((error: unknown) => setProblem(error instanceof ApiFailure ? error.message : String(error)));
  }, [query]);

  const label = (r: Row) => r.agency ?? r.procedure ?? r.period ?? '—';
  const series = [
    { key: 'received', value: (r: Row) => r.counts.received.total },
    { key: 'early', value: (r: Row) => r.counts.resolved.early },
    { key: 'onTime', value: (r: Row) => r.counts.resolved.onTime },
    { key: 'late', value: (r: Row) => r.counts.resolved.late },
    { key: 'pending', value: (r: Row) => r.counts.pending.total },
    { key: 'processIncident', value: (r: Row) => r.counts.processIncident },
  ] as const;
  return (
    <Stack spacing={2} data-testid="reports">
      <Typography variant="h5" component="h1">
        {t('ws.reports.title')}
      </Typography>
      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField
          id="report-from"
          type="date"
          label={t('ws.reports.from')}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          id="report-to"
          type="date"
          label={t('ws.reports.to')}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <SelectField
          id="report-group"
          label={t('ws.reports.groupBy')}
          value={groupBy}
          options={groupings}
          optionLabel={(g) => t(`ws.reports.by.${g}`)}
          onChange={setGroupBy}
          sx={{ minWidth: 180 }}
        />
        <Button variant="outlined" href={`/api/statistics.csv?${query}`} download>
          {t('ws.reports.csv')}
        </Button>
      </Stack>
      {problem && (
        <Alert severity="error" role="alert">
          {problem}
        </Alert>
      )}
      {rows && rows.length > 0 && (
        <Paper sx={{ p: 2 }}>
          <BarChart
            height={320}
            xAxis={[{ scaleType: 'band', data: rows.map(label) }]}
            series={series.map((s) => ({ label: t(`ws.reports.${s.key}`), data: rows.map(s.value) }))}
          />
        </Paper>
      )}
      {rows && (
        <Paper sx={{ p: 2, overflowX: 'auto' }}>
          <Table size="small" data-testid="report-table">
            <TableHead>
              <TableRow>
                <TableCell>{t(`ws.reports.by.${groupBy}`)}</TableCell>
                {series.map((s) => (
                  <TableCell key={s.key} align="right">
                    {t(`ws.reports.${s.key}`)}
                  </TableCell>
                ))}
                <TableCell align="right">{t('ws.reports.onTimeRate')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={label(r)}>
                  <TableCell>{label(r)}</TableCell>
                  {series.map((s) => (
                    <TableCell key={s.key} align="right">
                      {s.value(r)}
                    </TableCell>
                  ))}
                  <TableCell align="right">
                    {r.counts.onTimeRate === null ? '—' : `${Math.round(r.counts.onTimeRate * 100)}%`}
                  </TableCell>
                </TableRow>
              ))}
              {rows.length === 0 && (
                <TableRow>
                  <TableCell colSpan={series.length + 2}>{t('ws.reports.empty')}</TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
