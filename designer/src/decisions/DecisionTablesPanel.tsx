// The "Bảng quyết định" tab: every decision table resource of the version being edited, one editor each
// (read-only when the version shown is published); the handle collects them for the draft being saved.
import { forwardRef, useImperativeHandle, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { DecisionTableEditor, type DecisionTableEditorHandle } from './DecisionTableEditor';

export interface DecisionResource {
  name: string;
  dmnXml: string;
}

export interface DecisionTablesHandle {
  getDecisions(): Promise<DecisionResource[]>;
}

interface Props {
  decisions: DecisionResource[];
  readOnly: boolean;
}

export const DecisionTablesPanel = forwardRef<DecisionTablesHandle, Props>(function DecisionTablesPanel(
  { decisions, readOnly },
  ref,
) {
  const { t } = useTranslation();
  const editors = useRef<(DecisionTableEditorHandle | null)[]>([]);

  useImperativeHandle(ref, () => ({
    async getDecisions() {
      return Promise.all(
        decisions.map(async (d, i) => ({
          name: d.name,
          dmnXml: (await editors.current[i]?.getXml()) ?? d.dmnXml,
        })),
      );
    },
  }));

  if (decisions.length === 0) return <Alert severity="info">{t('decisions.none')}</Alert>;
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      {readOnly && <Alert severity="info">{t('decisions.readOnly')}</Alert>}
      {decisions.map((d, i) => (
        <Box key={d.name}>
          <Typography variant="subtitle2" component="h2">
            {d.name}
          </Typography>
          <DecisionTableEditor
            ref={(handle) => {
              editors.current[i] = handle;
            }}
            dmnXml={d.dmnXml}
            readOnly={readOnly}
          />
        </Box>
      ))}
    </Box>
  );
});
