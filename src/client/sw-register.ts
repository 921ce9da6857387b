/**
 * Puts every page under the offline service worker (public/sw.js): pages read
 * once open again without a network, and a page never read shows the offline
 * page with what is available. Secure contexts only (https or localhost).
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
}
