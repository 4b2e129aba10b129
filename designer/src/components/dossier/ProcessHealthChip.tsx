// A dossier's machine-health mark as a chip: "Lỗi xử lý" (an incident) or "Đang chờ hệ thống" (a stalled step,
// a missing instance), the label as the API gives it. The technical cause, which the API sends to leaders and
// admins only, is the chip's tooltip. Light backgrounds with dark text keep AA contrast, as UrgencyChip.
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import type { ProcessHealthView } from '../../api/workspace-api';

const palette = {
  incident: { bg: '#fdeded', fg: '#8c1d18', border: '#c62828' },
  waiting: { bg: '#fff4e5', fg: '#663c00', border: '#ed6c02' },
};

export function ProcessHealthChip({ health }: { health?: ProcessHealthView }) {
  if (!health) return null;
  const colours = health.state === 'incident' ? palette.incident : palette.waiting;
  const chip = (
    <Chip
      size="small"
      label={health.label}
      data-testid="process-health"
      data-state={health.state}
      sx={{ bgcolor: colours.bg, color: colours.fg, border: `1px solid ${colours.border}`, fontWeight: 600 }}
    />
  );
  return health.message ? <Tooltip title={health.message}>{chip}</Tooltip> : chip;
}
