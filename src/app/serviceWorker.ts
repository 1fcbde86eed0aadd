/**
 * Registers the service worker (scripts/sw/sw.js) in production builds only: it lets a board page
 * open while offline. In development Vite serves changing files, which a cache would hide.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch((error: unknown) => console.info(`sketchroom: no offline support (${String(error)})`));
  });
}
