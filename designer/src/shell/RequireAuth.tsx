// Guards signed-in routes: waits for the session check, sends strangers to sign in and wrong roles home.
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import CircularProgress from '@mui/material/CircularProgress';
import Box from '@mui/material/Box';
import type { Role } from '../api/types';
import { useAuth } from '../auth/auth-context';
import { homeFor } from './navigation';

export function RequireAuth({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const { user, ready, hasRole } = useAuth();
  const location = useLocation();
  if (!ready)
    return (
      <Box sx={{ display: 'grid', placeItems: 'center', minHeight: '50vh' }}>
        <CircularProgress />
      </Box>
    );
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (roles && !hasRole(...roles)) return <Navigate to={homeFor(user.roles)} replace />;
  return <>{children}</>;
}
