// A task's deadline state as a chip: overdue, near due, on track or undated. Light backgrounds with dark text
// (the Alert palette) keep AA contrast, which MUI's filled warning colour does not.
import Chip from '@mui/material/Chip';
import type { Urgency } from '../../api/workspace-api';

const palette: Record<Urgency, { bg: string; fg: string; border: string }> = {
  overdue: { bg: '#fdeded', fg: '#8c1d18', border: '#c62828' },
  'near-due': { bg: '#fff4e5', fg: '#663c00', border: '#ed6c02' },
  'on-track': { bg: '#edf7ed', fg: '#1e4620', border: '#2e7d32' },
  none: { bg: '#f5f5f5', fg: '#424242', border: '#9e9e9e' },
};

export function UrgencyChip({
  urgency,
  label,
  testId,
}: {
  urgency: Urgency;
  label: string;
  testId?: string;
}) {
  const colours = palette[urgency];
  return (
    <Chip
      size="small"
      label={label}
      data-testid={testId}
      data-urgency={urgency}
      sx={{ bgcolor: colours.bg, color: colours.fg, border: `1px solid ${colours.border}`, fontWeight: 600 }}
    />
  );
}
