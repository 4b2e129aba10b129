// The workspace's routes: signed-in officer screens (inside the shell) and the public pages (no sign-in).
import { Route } from 'react-router';
import { RequireAuth } from '../shell/RequireAuth';
import { DossierDetailPage } from '../screens/dossiers/DossierDetailPage';
import { DossierListPage } from '../screens/dossiers/DossierListPage';
import { InboxPage } from '../screens/inbox/InboxPage';
import { IntakePage } from '../screens/intake/IntakePage';
import { PublicLookupPage } from '../screens/lookup/PublicLookupPage';
import { PublicRatingPage } from '../screens/rating/PublicRatingPage';
import { ReportsPage } from '../screens/reports/ReportsPage';
import { TaskPage } from '../screens/task/TaskPage';

/** Called as a function inside the shell's <Route>: react-router reads these elements as its children. */
export function workspaceRoutes() {
  return (
    <>
      <Route
        path="/intake"
        element={
          <RequireAuth roles={['officer']}>
            <IntakePage />
          </RequireAuth>
        }
      />
      <Route
        path="/inbox"
        element={
          <RequireAuth roles={['officer', 'leader']}>
            <InboxPage />
          </RequireAuth>
        }
      />
      <Route
        path="/tasks/:id"
        element={
          <RequireAuth roles={['officer', 'leader']}>
            <TaskPage />
          </RequireAuth>
        }
      />
      <Route
        path="/reports"
        element={
          <RequireAuth roles={['leader', 'admin']}>
            <ReportsPage />
          </RequireAuth>
        }
      />
      <Route
        path="/dossiers"
        element={
          <RequireAuth roles={['officer', 'leader']}>
            <DossierListPage />
          </RequireAuth>
        }
      />
      <Route
        path="/dossiers/:code"
        element={
          <RequireAuth roles={['officer', 'leader']}>
            <DossierDetailPage />
          </RequireAuth>
        }
      />
    </>
  );
}

/** Pages for citizens, outside the signed-in shell. */
export function publicRoutes() {
  return (
    <>
      <Route path="/tra-cuu" element={<PublicLookupPage />} />
      <Route path="/tra-cuu/danh-gia" element={<PublicRatingPage />} />
      {/* The delivery e-mail's rating link. */}
      <Route path="/danh-gia" element={<PublicRatingPage />} />
    </>
  );
}
