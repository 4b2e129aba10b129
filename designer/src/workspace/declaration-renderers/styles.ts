// One static stylesheet for the light fields (InputControl.tsx), applied once on the form's container: the
// outline, hover, focus and error colours of MUI's outlined input, at the small size of the app's text fields.
import type { SxProps, Theme } from '@mui/material/styles';

export const declarationFormSx: SxProps<Theme> = (theme) => ({
  '& .motcua-field': { mb: 1.5 },
  '& .motcua-field > .MuiFormLabel-root': {
    display: 'block',
    mb: 0.5,
    fontSize: '0.875rem',
    lineHeight: 1.4,
  },
  '& .motcua-field > .MuiInputBase-root': {
    px: 1.5,
    borderRadius: `${theme.shape.borderRadius}px`,
    border: '1px solid rgba(0, 0, 0, 0.23)',
    transition: theme.transitions.create(['border-color', 'box-shadow'], {
      duration: theme.transitions.duration.shorter,
    }),
    '&:hover:not(.Mui-disabled)': { borderColor: theme.palette.text.primary },
    '&.Mui-focused': {
      borderColor: theme.palette.primary.main,
      boxShadow: `inset 0 0 0 1px ${theme.palette.primary.main}`,
    },
    '&.Mui-error': { borderColor: theme.palette.error.main },
    '&.Mui-error.Mui-focused': { boxShadow: `inset 0 0 0 1px ${theme.palette.error.main}` },
    '&.Mui-disabled': { borderColor: theme.palette.action.disabled },
  },
  '& .motcua-field .MuiInputBase-input': { py: 1, height: '1.4375em' },
  '& .motcua-field > .MuiFormHelperText-root': { mx: 1.75 },
});
