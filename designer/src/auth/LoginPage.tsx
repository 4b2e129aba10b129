// Sign-in screen; after signing in the user lands where they were going.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { ApiFailure } from '../api/api-client';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { useAuth } from './auth-context';
import { homeFor } from '../shell/navigation';

export function LoginPage() {
  const { t } = useTranslation();
  const { user, login } = useAuth();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (user) {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from ?? homeFor(user.roles)} replace />;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!username.trim()) return setError(t('login.required', { field: t('login.username').toLowerCase() }));
    if (!password) return setError(t('login.required', { field: t('login.password').toLowerCase() }));
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
    } catch (failure) {
      setError(failure instanceof ApiFailure && failure.status === 401 ? t('login.failed') : String(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default' }}>
      <Paper component="form" onSubmit={submit} sx={{ p: 4, width: 380 }} elevation={2} noValidate>
        <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
          <Typography variant="h5" component="h1" color="primary">
            {t('app.title')}
          </Typography>
          <LanguageSwitch />
        </Box>
        <Typography variant="subtitle1" sx={{ mb: 2 }}>
          {t('login.title')}
        </Typography>
        {error && (
          <Alert severity="error" sx={{ mb: 2 }} role="alert">
            {error}
          </Alert>
        )}
        <TextField
          label={t('login.username')}
          name="username"
          autoComplete="username"
          fullWidth
          margin="normal"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          autoFocus
        />
        <TextField
          label={t('login.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          fullWidth
          margin="normal"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <Button type="submit" variant="contained" fullWidth sx={{ mt: 2 }} disabled={busy}>
          {t('login.submit')}
        </Button>
      </Paper>
    </Box>
  );
}
