// Landing page for signed-in users: links to the sections their roles open.
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useAuth } from '../auth/auth-context';
import { sectionsFor } from './navigation';

export function WelcomePage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const mine = sectionsFor(user?.roles ?? []);
  return (
    <Paper sx={{ p: 3 }}>
      <Typography variant="h5" component="h1" gutterBottom>
        {t('welcome.title', { name: user?.displayName ?? '' })}
      </Typography>
      {mine.length === 0 ? (
        <Typography>{t('welcome.nothing')}</Typography>
      ) : (
        mine.map((s) => (
          <Typography key={s.path}>
            <Link component={RouterLink} to={s.path}>
              {t(s.labelKey)}
            </Link>
          </Typography>
        ))
      )}
    </Paper>
  );
}
