import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { INK_COLOURS } from '../editor/palette';
import '../ui/styles.css';
import { App } from './App';
import { registerServiceWorker } from './serviceWorker';
import { setTestHook } from './testHook';

// The palette as CSS variables (--ink-blue …): one source of truth for chrome, tests and docs.
for (const c of INK_COLOURS) document.documentElement.style.setProperty(`--ink-${c.name.toLowerCase()}`, c.value);

setTestHook({});
registerServiceWorker();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
