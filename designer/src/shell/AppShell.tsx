// Frame of every signed-in screen: top bar with the user, language and sign-out; a side menu of the sections
// the user's roles open (a drawer that folds away on narrow screens).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import MenuIcon from '@mui/icons-material/Menu';
import { useAuth } from '../auth/auth-context';
import { LanguageSwitch } from './LanguageSwitch';
import { sectionsFor } from './navigation';

const drawerWidth = 200;

export function AppShell() {
  const { t } = useTranslation();
  const { user, logout } = useAuth();
  const wide = useMediaQuery('(min-width:1280px)');
  const [open, setOpen] = useState(false);
  const sections = sectionsFor(user?.roles ?? []);

  const menu = (
    <List component="nav" aria-label={t('nav.menu')}>
      {sections.map((s) => (
        <ListItemButton key={s.path} component={NavLink} to={s.path} onClick={() => setOpen(false)}>
          <ListItemText primary={t(s.labelKey)} />
        </ListItemButton>
      ))}
    </List>
  );

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar position="fixed" sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
        <Toolbar variant="dense" sx={{ gap: 2 }}>
          {!wide && (
            <IconButton
              color="inherit"
              edge="start"
              aria-label={t('nav.menu')}
              onClick={() => setOpen(!open)}
            >
              <MenuIcon />
            </IconButton>
          )}
          <Typography variant="h6" component="div" sx={{ flexGrow: 1 }}>
            {t('app.title')}
          </Typography>
          <LanguageSwitch inverted />
          <Typography variant="body2" data-testid="current-user">
            {user?.displayName}
          </Typography>
          <Button color="inherit" onClick={() => void logout()}>
            {t('nav.logout')}
          </Button>
        </Toolbar>
      </AppBar>
      <Drawer
        variant={wide ? 'permanent' : 'temporary'}
        open={wide || open}
        onClose={() => setOpen(false)}
        sx={{ width: drawerWidth, flexShrink: 0, '& .MuiDrawer-paper': { width: drawerWidth } }}
      >
        <Toolbar variant="dense" />
        {menu}
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, minWidth: 0, p: 2, pt: 0 }}>
        <Toolbar variant="dense" />
        <Box sx={{ pt: 2 }}>
          <Outlet />
        </Box>
      </Box>
    </Box>
  );
}
