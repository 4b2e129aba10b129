// One procedure in the designer: its legal record, flow and declaration form, edited together from the latest
// version and saved as a new draft version; the versions tab lists, compares and publishes them.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { api, ApiFailure } from '../api/api-client';
import type { Procedure, ProcedureVersion, SavedFormAnswer } from '../api/types';
import { blankDiagram } from '../modeler/blank-diagram';
import { DiagramEditor, type DiagramEditorHandle } from '../modeler/DiagramEditor';
import { FormTab, type FormState } from '../form-editor/FormTab';
import { VersionsTab } from '../versions/VersionsTab';
import { LegalRecordEditor } from './LegalRecordEditor';
import { recordOf, validateRecord, type LegalRecord } from './legal-record';
import { versionBody } from './version-body';

type TabKey = 'record' | 'flow' | 'form' | 'versions';

function TabPanel({ active, children }: { active: boolean; children: ReactNode }) {
  // Panels stay mounted so the modeler and the form editor keep their state across tabs.
  return (
    <Box role="tabpanel" hidden={!active} sx={{ pt: 2 }}>
      {children}
    </Box>
  );
}

export function ProcedureDesignPage() {
  const { code = '' } = useParams();
  const { t, i18n } = useTranslation();
  const [procedure, setProcedure] = useState<Procedure | null>(null);
  const [base, setBase] = useState<ProcedureVersion | null>(null);
  const [record, setRecord] = useState<LegalRecord | null>(null);
  const [changelog, setChangelog] = useState('');
  const [tab, setTab] = useState<TabKey>('record');
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [formState, setFormState] = useState<FormState | null>(null);
  const diagram = useRef<DiagramEditorHandle>(null);

  const load = useCallback(async () => {
    try {
      const loaded = await api<Procedure>('GET', `/api/procedures/${code}`);
      const latest = [...loaded.versions].sort((a, b) => b.version - a.version)[0] ?? null;
      setProcedure(loaded);
      setBase(latest);
      setFormState(null);
      if (latest) setRecord(recordOf(latest));
    } catch (failure) {
      setMessage({
        severity: 'error',
        text: failure instanceof ApiFailure ? failure.message : String(failure),
      });
    }
  }, [code]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (tab === 'flow') diagram.current?.resized();
  }, [tab]);

  async function saveDraft() {
    if (!procedure || !base || !record) return;
    if (validateRecord(record).length) return setMessage({ severity: 'error', text: t('design.fixRecord') });
    if (!changelog.trim()) return setMessage({ severity: 'error', text: t('design.changelogNeeded') });
    setBusy(true);
    try {
      const bpmnXml = await diagram.current!.getXml();
      const forms = await formRefs();
      const saved = await api<ProcedureVersion>(
        'POST',
        `/api/procedures/${code}/versions`,
        versionBody({ base, record, bpmnXml, changelog: changelog.trim(), forms }),
      );
      setMessage({ severity: 'success', text: t('design.saved', { version: saved.version }) });
      setChangelog('');
      await load();
    } catch (failure) {
      const text =
        failure instanceof ApiFailure
          ? [failure.message, ...failure.fields.map((f) => `${f.path}: ${f.message}`)].join(' ')
          : String(failure);
      setMessage({ severity: 'error', text });
    } finally {
      setBusy(false);
    }
  }

  /** A changed form is stored first as a new form version; the procedure version then points at it. */
  async function formRefs(): Promise<{ formId: string; formVersion: string }[]> {
    if (!formState) return base!.forms;
    const { form, baseVersion, dirty } = formState;
    const ref = { formId: form.meta.id, formVersion: baseVersion };
    if (dirty) {
      const saved = await api<SavedFormAnswer>('POST', `/api/designer/forms/${form.meta.id}`, {
        baseVersion,
        title: { vi: form.meta.title.vi, en: form.meta.title.en },
        schema: form.schema,
        uischema: form.uischema,
        labelsEn: form.labelsEn,
      });
      ref.formVersion = saved.version;
    }
    return [ref, ...base!.forms.filter((f) => f.formId !== ref.formId)];
  }

  if (!procedure || !base || !record)
    return message ? <Alert severity="error">{message.text}</Alert> : <CircularProgress />;

  const name = (i18n.language === 'en' && procedure.names.en) || procedure.names.vi;
  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Box sx={{ flex: 1, minWidth: 300 }}>
          <Typography variant="h6" component="h1" noWrap title={name}>
            {procedure.localCode ?? procedure.code} · {name}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t('design.working', { version: base.version, status: t(`design.status.${base.status}`) })}
          </Typography>
        </Box>
        <TextField
          label={t('record.changelog')}
          value={changelog}
          onChange={(e) => setChangelog(e.target.value)}
          sx={{ width: 340 }}
          slotProps={{ htmlInput: { maxLength: 4000, 'data-testid': 'changelog' } }}
        />
        <Button variant="contained" onClick={() => void saveDraft()} disabled={busy} data-testid="save-draft">
          {busy ? t('design.saving') : t('design.saveDraft')}
        </Button>
      </Box>
      {message && (
        <Alert
          severity={message.severity}
          onClose={() => setMessage(null)}
          sx={{ mt: 1 }}
          data-testid="design-message"
        >
          {message.text}
        </Alert>
      )}
      <Tabs
        value={tab}
        onChange={(_e, value: TabKey) => setTab(value)}
        sx={{ borderBottom: 1, borderColor: 'divider' }}
      >
        <Tab value="record" label={t('tabs.record')} />
        <Tab value="flow" label={t('tabs.flow')} />
        <Tab value="form" label={t('tabs.form')} />
        <Tab value="versions" label={t('tabs.versions')} />
      </Tabs>
      <TabPanel active={tab === 'record'}>
        <LegalRecordEditor
          record={record}
          onChange={setRecord}
          agencyCodes={procedure.implementingAgencyCodes}
        />
      </TabPanel>
      <TabPanel active={tab === 'flow'}>
        <DiagramEditor
          key={`${code}-${base.version}`}
          ref={diagram}
          xml={base.bpmnXml ?? blankDiagram(base.bpmnProcessId, name)}
          fileName={`${base.bpmnProcessId}.bpmn`}
        />
      </TabPanel>
      <TabPanel active={tab === 'form'}>
        <FormTab formRef={base.forms[0]} state={formState} onState={setFormState} />
      </TabPanel>
      <TabPanel active={tab === 'versions'}>
        <VersionsTab procedure={procedure} onPublished={() => void load()} />
      </TabPanel>
    </Box>
  );
}
