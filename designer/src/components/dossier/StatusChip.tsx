// A dossier's national status, in red when its legal deadline has passed.
import { useTranslation } from 'react-i18next';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import type { StatusView } from '../../api/workspace-api';

export function StatusChip({ status, overdue }: { status: StatusView; overdue: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
      <Chip size="small" label={status.subLabel ? `${status.label} · ${status.subLabel}` : status.label} />
      {overdue && <Chip size="small" color="error" label={t('ws.overdue')} />}
    </Stack>
  );
}
