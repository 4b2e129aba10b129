// The dossier's result documents (signed decision, certificate...), each file opening inline in a new tab.
import { useTranslation } from 'react-i18next';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import type { DossierDetail } from '../../api/workspace-api';

type ResultDocument = NonNullable<DossierDetail['result']>['documents'][number];

export function ResultDocumentsList({
  code,
  documents,
  testId,
}: {
  code: string;
  documents: ResultDocument[];
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <List dense data-testid={testId}>
      {documents.map((d) => (
        <ListItem key={d.fileIds[0] ?? d.name} disableGutters sx={{ gap: 1, flexWrap: 'wrap' }}>
          <span>{d.name}:</span>
          {d.fileIds.map((fileId, i) => (
            <Link
              key={fileId}
              href={`/api/dossiers/${encodeURIComponent(code)}/result-documents/${fileId}`}
              target="_blank"
              rel="noopener"
            >
              {t('ws.task.file', { n: i + 1 })}
            </Link>
          ))}
        </ListItem>
      ))}
    </List>
  );
}
