// The inbox's counts: all open tasks, each deadline state, the unclaimed ones.
import { useTranslation } from 'react-i18next';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import type { TaskCounts } from '../../api/workspace-api';
import { UrgencyChip } from './UrgencyChip';

const countOrder = ['total', 'overdue', 'near-due', 'on-track', 'none', 'unclaimed'] as const;

export function InboxCounts({ counts }: { counts: TaskCounts }) {
  const { t } = useTranslation();
  return (
    <Stack
      direction="row"
      component="ul"
      aria-label={t('ws.inbox.countsLabel')}
      data-testid="inbox-counts"
      sx={{ gap: 1, flexWrap: 'wrap', listStyle: 'none', p: 0, m: 0 }}
    >
      {countOrder.map((key) => (
        <li key={key}>
          {key === 'total' || key === 'unclaimed' ? (
            <Chip
              variant="outlined"
              data-testid={`count-${key}`}
              label={t(`ws.inbox.count.${key}`, { count: counts[key] })}
            />
          ) : (
            <UrgencyChip
              urgency={key}
              testId={`count-${key}`}
              label={t(`ws.inbox.count.${key}`, { count: counts[key] })}
            />
          )}
        </li>
      ))}
    </Stack>
  );
}
