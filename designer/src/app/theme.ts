// MUI theme: the government's red and a calm blue, compact enough for a 1366×768 counter screen.
import { createTheme } from '@mui/material/styles';

export const theme = createTheme({
  palette: {
    primary: { main: '#1a4f8b' },
    secondary: { main: '#c62828' },
    background: { default: '#f4f6f9' },
  },
  typography: { fontFamily: 'Roboto, "Segoe UI", Arial, sans-serif', fontSize: 14 },
  components: {
    MuiButton: { defaultProps: { disableElevation: true } },
    MuiTextField: { defaultProps: { size: 'small' } },
    MuiTable: { defaultProps: { size: 'small' } },
  },
});
