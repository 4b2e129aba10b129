// The dossier's documents under their heading, as the dossier and task screens show them.
import { useTranslation } from 'react-i18next';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { DossierDetail } from '../../api/workspace-api';
import { DocumentsViewer } from './DocumentsViewer';

interface Props {
  dossier: Pick<DossierDetail, 'code' | 'documents' | 'procedure'>;
  testId: string;
}

export function DossierDocumentsPanel({ dossier, testId }: Props) {
  const { t } = useTranslation();
  return (
    <Paper sx={{ p: 2 }} data-testid={testId}>
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {t('ws.task.documents')}
      </Typography>
      <DocumentsViewer
        code={dossier.code}
        documents={dossier.documents}
        components={dossier.procedure.components}
      />
    </Paper>
  );
}
