import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import AppProviders from './AppProviders';
import { needsSignInFirst } from './auth/early';
import './i18n';
import { router } from './router';
import './styles.css';

function render() {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AppProviders>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>,
  );
}

if (needsSignInFirst(window.location, window.sessionStorage)) {
  // Straight to the provider; should that fail, the console renders and its sign-in gate shows the problem.
  import('./auth/oidc')
    .then(({ getUserManager, signIn }) => signIn(getUserManager()))
    .catch(render);
} else {
  render();
}
