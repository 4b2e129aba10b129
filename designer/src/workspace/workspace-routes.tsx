// The workspace's routes: signed-in officer screens (inside the shell) and the public pages (no sign-in).
import { Route } from 'react-router';
import { RequireAuth } from '../shell/RequireAuth';
import { IntakePage } from './IntakePage';
import './workspace-i18n';

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
    </>
  );
}

export function publicRoutes() {
  return <></>;
}
