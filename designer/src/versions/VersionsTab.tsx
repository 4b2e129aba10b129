// Versions of a procedure: author, time, changelog, status and deployment; compare two versions (diagram and
// form, highlighted); publish a draft after the lint gate (the server checks again and deploys).
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { FormDefinition } from '../../../forms/types';
import { api, ApiFailure } from '../api/api-client';
import type { AuthoredVersionAnswer, Procedure, ProcedureVersion, VersionListAnswer } from '../api/types';
import { diffDiagrams, type DiagramDiff } from './bpmn-diff';
import { DiagramDiffView } from './DiagramDiffView';
import { diffForms, type FormDiff } from './form-diff';
import { publishBlockers } from '../../../processes/linting/publish-check';
import { SelectField } from '../components/SelectField';

interface Props {
  procedure: Procedure;
  onPublished(): void;
}

const formatTime = (iso: string | undefined, lang: string) =>
  iso
    ? new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })
    : '';

async function formOf(version: ProcedureVersion): Promise<FormDefinition | null> {
  const ref = version.forms[0];
  return ref ? api<FormDefinition>('GET', `/api/designer/forms/${ref.formId}/${ref.formVersion}`) : null;
}

export function VersionsTab({ procedure, onPublished }: Props) {
  const { t, i18n } = useTranslation();
  const [rows, setRows] = useState<AuthoredVersionAnswer[]>([]);
  const sorted = useMemo(() => [...procedure.versions].sort((a, b) => b.version - a.version), [procedure]);
  const [before, setBefore] = useState<number>(sorted[1]?.version ?? sorted[0]?.version ?? 1);
  const [after, setAfter] = useState<number>(sorted[0]?.version ?? 1);
  const [diagramDiff, setDiagramDiff] = useState<DiagramDiff | null>(null);
  const [formDiff, setFormDiff] = useState<FormDiff | null>(null);
  const [message, setMessage] = useState<{ severity: 'success' | 'error' | 'info'; text: string } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);
  const [xmls, setXmls] = useState({ before: '', after: '' });
  const byNumber = (n: number) => procedure.versions.find((v) => v.version === n);

  useEffect(() => {
    api<VersionListAnswer>('GET', `/api/designer/procedures/${procedure.code}/versions`)
      .then((answer) => setRows(answer.versions))
      .catch((failure: Error) => setMessage({ severity: 'error', text: failure.message }));
  }, [procedure]);

  useEffect(() => {
    // A newly saved draft becomes B, the version before it A.
    setBefore(sorted[1]?.version ?? sorted[0]?.version ?? 1);
    setAfter(sorted[0]?.version ?? 1);
  }, [sorted]);

  async function compare() {
    setDiagramDiff(null);
    setFormDiff(null);
    try {
      const fresh = await api<Procedure>('GET', `/api/procedures/${procedure.code}`);
      const a = fresh.versions.find((v) => v.version === before);
      const b = fresh.versions.find((v) => v.version === after);
      if (!a || !b) return;
      setXmls({ before: a.bpmnXml ?? '', after: b.bpmnXml ?? '' });
      if (a.bpmnXml && b.bpmnXml) setDiagramDiff(await diffDiagrams(a.bpmnXml, b.bpmnXml));
      else setMessage({ severity: 'info', text: t('versions.noDiagram') });
      const [formA, formB] = await Promise.all([formOf(a), formOf(b)]);
      if (formA && formB) setFormDiff(diffForms(formA, formB));
    } catch (failure) {
      setMessage({ severity: 'error', text: (failure as Error).message });
    }
  }

  async function publish(version: ProcedureVersion) {
    setBusy(true);
    setMessage({ severity: 'info', text: t('versions.checking') });
    try {
      if (!version.bpmnXml) throw new Error(t('versions.noDiagram'));
      const blockers = await publishBlockers(version.bpmnXml);
      if (blockers.length) {
        setMessage({
          severity: 'error',
          text: `${t('versions.lintBlocks')} ${blockers.map((b) => `${b.id}: ${b.message}`).join('; ')}`,
        });
        return;
      }
      await api('POST', `/api/designer/procedures/${procedure.code}/versions/${version.version}/publish`, {});
      setMessage({ severity: 'success', text: t('versions.published', { version: version.version }) });
      onPublished();
    } catch (failure) {
      const text =
        failure instanceof ApiFailure
          ? [failure.message, ...failure.fields.map((f) => f.message)].join(' — ')
          : (failure as Error).message;
      setMessage({ severity: 'error', text });
    } finally {
      setBusy(false);
    }
  }

  const versionLabel = (n: number) => t('versions.label', { version: n });
  const versionNumbers = sorted.map((v) => v.version);
  const changeList = (
    title: string,
    colour: 'success' | 'error' | 'warning',
    items: { key: string; text: string }[],
  ) => (
    <Box sx={{ flex: 1, minWidth: 220 }}>
      <Typography variant="subtitle2" color={`${colour}.main`}>
        {title} ({items.length})
      </Typography>
      {items.map((item) => (
        <Typography key={item.key} variant="body2">
          {item.text}
        </Typography>
      ))}
    </Box>
  );

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      {message && (
        <Alert severity={message.severity} onClose={() => setMessage(null)} data-testid="versions-message">
          {message.text}
        </Alert>
      )}
      <Paper variant="outlined">
        <Table aria-label={t('tabs.versions')} data-testid="versions-table">
          <TableHead>
            <TableRow>
              <TableCell>{t('versions.version')}</TableCell>
              <TableCell>{t('versions.status')}</TableCell>
              <TableCell>{t('versions.author')}</TableCell>
              <TableCell>{t('versions.createdAt')}</TableCell>
              <TableCell>{t('versions.changelog')}</TableCell>
              <TableCell>{t('versions.deployment')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.version} data-testid={`version-${row.version}`}>
                <TableCell>{row.version}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    color={
                      row.status === 'published' ? 'success' : row.status === 'draft' ? 'default' : 'warning'
                    }
                    label={t(`design.status.${row.status}`)}
                  />
                </TableCell>
                <TableCell>{row.author ?? '—'}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {formatTime(row.createdAt, i18n.language)}
                </TableCell>
                <TableCell>{row.changelog}</TableCell>
                <TableCell>
                  {row.deployment
                    ? t('versions.deployed', {
                        version: row.deployment.processVersion,
                        at: formatTime(row.deployment.deployedAt, i18n.language),
                      })
                    : '—'}
                </TableCell>
                <TableCell>
                  {row.status === 'draft' && (
                    <Button
                      size="small"
                      variant="contained"
                      disabled={busy}
                      data-testid={`publish-${row.version}`}
                      onClick={() => {
                        const full = byNumber(row.version);
                        if (full) void publish(full);
                      }}
                    >
                      {t('versions.publish')}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>

      <Paper variant="outlined" sx={{ p: 2, display: 'grid', gap: 2 }}>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="subtitle1" component="h2">
            {t('versions.compare')}
          </Typography>
          {(
            [
              ['A', before, setBefore],
              ['B', after, setAfter],
            ] as const
          ).map(([side, value, choose]) => (
            <SelectField
              key={side}
              label={side}
              value={value}
              options={versionNumbers}
              optionLabel={versionLabel}
              onChange={choose}
              sx={{ width: 160 }}
            />
          ))}
          <Button variant="outlined" onClick={() => void compare()} data-testid="compare">
            {t('versions.compareButton')}
          </Button>
          <Box sx={{ display: 'flex', gap: 1 }}>
            <Chip size="small" sx={{ bgcolor: 'rgba(46,125,50,0.2)' }} label={t('versions.added')} />
            <Chip size="small" sx={{ bgcolor: 'rgba(198,40,40,0.2)' }} label={t('versions.removed')} />
            <Chip size="small" sx={{ bgcolor: 'rgba(239,108,0,0.2)' }} label={t('versions.changed')} />
          </Box>
        </Box>
        {diagramDiff && (
          <>
            <DiagramDiffView
              before={{ label: versionLabel(before), xml: xmls.before }}
              after={{ label: versionLabel(after), xml: xmls.after }}
              diff={diagramDiff}
            />
            <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }} data-testid="diagram-diff">
              {changeList(
                t('versions.added'),
                'success',
                diagramDiff.added.map((c) => ({ key: c.id, text: `${c.name ?? c.id} (${c.type})` })),
              )}
              {changeList(
                t('versions.removed'),
                'error',
                diagramDiff.removed.map((c) => ({ key: c.id, text: `${c.name ?? c.id} (${c.type})` })),
              )}
              {changeList(
                t('versions.changed'),
                'warning',
                diagramDiff.changed.map((c) => ({
                  key: c.id,
                  text: `${c.name ?? c.id}: ${c.properties.join(', ')}`,
                })),
              )}
            </Box>
          </>
        )}
        {formDiff && (
          <Box data-testid="form-diff">
            <Typography variant="subtitle1" component="h3">
              {t('versions.formChanges')}
            </Typography>
            <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
              {changeList(
                t('versions.added'),
                'success',
                formDiff.added.map((c) => ({ key: c.scope, text: c.label })),
              )}
              {changeList(
                t('versions.removed'),
                'error',
                formDiff.removed.map((c) => ({ key: c.scope, text: c.label })),
              )}
              {changeList(
                t('versions.changed'),
                'warning',
                formDiff.changed.map((c) => ({
                  key: c.scope,
                  text: `${c.label}: ${c.properties.map((p) => t(`versions.fieldProps.${p}`)).join(', ')}`,
                })),
              )}
            </Box>
          </Box>
        )}
      </Paper>
    </Box>
  );
}
