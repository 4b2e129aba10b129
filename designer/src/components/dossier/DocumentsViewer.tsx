// The dossier's uploaded documents, one tab per file: images inline, PDFs in the browser's own viewer (an iframe
// of the same-origin file), each also openable in a new window. The content type comes from the file's answer.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import type { DossierDocument } from '../../api/workspace-api';

interface Props {
  code: string;
  documents: DossierDocument[];
  components: { id: string; name: string }[];
}

interface FileEntry {
  fileId: string;
  label: string;
}

export const documentFileUrl = (code: string, fileId: string) =>
  `/api/dossiers/${encodeURIComponent(code)}/document-files/${fileId}`;

export function DocumentsViewer({ code, documents, components }: Props) {
  const { t } = useTranslation();
  const names = new Map(components.map((c) => [c.id, c.name]));
  const files: FileEntry[] = documents.flatMap((d) =>
    d.fileIds.map((fileId, i) => ({
      fileId,
      label: `${names.get(d.component) ?? d.name ?? d.component}${d.fileIds.length > 1 ? ` (${t('ws.task.file', { n: i + 1 })})` : ''}`,
    })),
  );
  const [selected, setSelected] = useState(0);
  const [type, setType] = useState<string | null>(null);
  const current = files[selected];
  const url = current ? documentFileUrl(code, current.fileId) : undefined;

  useEffect(() => {
    if (!url) return;
    setType(null);
    const controller = new AbortController();
    fetch(url, { method: 'HEAD', credentials: 'same-origin', signal: controller.signal })
      .then((response) => setType(response.ok ? (response.headers.get('content-type') ?? '') : 'error'))
      .catch(() => undefined);
    return () => controller.abort();
  }, [url]);

  if (!files.length) return <Typography color="text.secondary">{t('ws.task.noDocuments')}</Typography>;
  return (
    <Stack spacing={1} data-testid="documents-viewer">
      <Tabs
        value={selected}
        onChange={(_e, value: number) => setSelected(value)}
        variant="scrollable"
        aria-label={t('ws.task.documents')}
      >
        {files.map((file, i) => (
          <Tab key={file.fileId} label={file.label} value={i} id={`document-tab-${i}`} />
        ))}
      </Tabs>
      {url && current && (
        <Box role="tabpanel" aria-labelledby={`document-tab-${selected}`}>
          <Link href={url} target="_blank" rel="noopener" sx={{ display: 'inline-block', mb: 1 }}>
            {t('ws.task.openFile')}
          </Link>
          {type?.startsWith('image/') && (
            <Box
              component="img"
              src={url}
              alt={current.label}
              data-testid="document-image"
              sx={{ display: 'block', maxWidth: '100%', maxHeight: 600, border: 1, borderColor: 'divider' }}
            />
          )}
          {type === 'application/pdf' && (
            <Box
              component="iframe"
              src={url}
              title={current.label}
              data-testid="document-pdf"
              sx={{ width: '100%', height: 600, border: 1, borderColor: 'divider' }}
            />
          )}
        </Box>
      )}
    </Stack>
  );
}
