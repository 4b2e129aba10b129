// Routes of the web app.
import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import CircularProgress from '@mui/material/CircularProgress';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { AuthProvider } from '../auth/auth-context';
import { LoginPage } from '../auth/LoginPage';
import { ProcedureListPage } from '../catalogue/ProcedureListPage';
import { AppShell } from '../shell/AppShell';
import { RequireAuth } from '../shell/RequireAuth';
import { WelcomePage } from '../shell/WelcomePage';
import { theme } from './theme';
import { publicRoutes, workspaceRoutes } from './workspace-routes';

// The designer (modeler, linter, form editor) is large; other screens load without it.
const ProcedureDesignPage = lazy(() =>
  import('../catalogue/ProcedureDesignPage').then((m) => ({ default: m.ProcedureDesignPage })),
);

export function App() {
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <AuthProvider>
        <BrowserRouter>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            {publicRoutes()}
            <Route
              element={
                <RequireAuth>
                  <AppShell />
                </RequireAuth>
              }
            >
              <Route index element={<WelcomePage />} />
              <Route
                path="/procedures"
                element={
                  <RequireAuth roles={['designer', 'admin']}>
                    <ProcedureListPage />
                  </RequireAuth>
                }
              />
              <Route
                path="/procedures/:code"
                element={
                  <RequireAuth roles={['designer', 'admin']}>
                    <Suspense fallback={<CircularProgress />}>
                      <ProcedureDesignPage />
                    </Suspense>
                  </RequireAuth>
                }
              />
              {workspaceRoutes()}
              <Route path="*" element={<WelcomePage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </AuthProvider>
    </ThemeProvider>
  );
}
