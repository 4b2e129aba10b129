// Returning the result: the counter officer records how it was handed over, which completes HandOverResult.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';

const channels = ['counter', 'post', 'online'] as const;
type ReturnChannel = (typeof channels)[number];
const label = { counter: 'returnCounter', post: 'returnPost', online: 'returnOnline' } as const;

interface Props {
  initial?: string;
  busy: boolean;
  onReturn(variables: Record<string, unknown>): void;
}

export function ResultHandOverPanel({ initial, busy, onReturn }: Props) {
  const { t } = useTranslation();
  const [channel, setChannel] = useState<ReturnChannel>(channels.find((c) => c === initial) ?? 'counter');
  const [receiver, setReceiver] = useState('');
  return (
    <Stack spacing={2} data-testid="hand-over">
      <TextField
        select
        id="return-channel"
        label={t('ws.intake.returnChannel')}
        value={channel}
        onChange={(e) => setChannel(e.target.value as ReturnChannel)}
      >
        {channels.map((c) => (
          <MenuItem key={c} value={c}>
            {t(`ws.intake.${label[c]}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        id="return-receiver"
        label={t('ws.task.receiver')}
        value={receiver}
        onChange={(e) => setReceiver(e.target.value)}
      />
      <Button
        variant="contained"
        disabled={busy}
        sx={{ alignSelf: 'flex-start' }}
        onClick={() =>
          onReturn({
            decision: 'approve',
            returnChannel: channel,
            ...(receiver.trim() ? { receivedBy: receiver.trim() } : {}),
          })
        }
      >
        {t('ws.task.handOver')}
      </Button>
    </Stack>
  );
}
