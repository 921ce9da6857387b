/**
 * Offline use: registers the site's service worker (public/sw.js), has it
 * keep what this first visit loaded, warms the renderer chunks so they are
 * cached too, and says on the page whether it is ready for offline use.
 */
type Say = (key: string, vars?: Record<string, string | number>) => string;

async function isCached(url: string): Promise<boolean> {
  try {
    return !!(await caches.match(url));
  } catch {
    return false;
  }
}

/** Whether the fonts of the usual (core) PDF are in the offline cache. */
async function fontsCached(): Promise<boolean> {
  try {
    const manifestUrl = '/fonts/write/manifest.json';
    const cached = await caches.match(manifestUrl);
    if (!cached) return false;
    const m = (await cached.json()) as { files: Record<string, { core: { url: string } }> };
    const checks = await Promise.all(Object.values(m.files).map((f) => isCached(f.core.url)));
    return checks.every(Boolean);
  } catch {
    return false;
  }
}

export function registerOffline(status: HTMLElement, S: Say): void {
  const set = (state: 'checking' | 'ready' | 'partial' | 'unsupported') => {
    status.dataset.state = state;
    status.textContent = S(`write.offline.${state}`) + (navigator.onLine ? '' : ` ${S('write.offline.offline')}`);
  };
  if (!('serviceWorker' in navigator) || !window.isSecureContext || !('caches' in window)) {
    set('unsupported');
    return;
  }
  const refresh = async () => set((await fontsCached()) ? 'ready' : 'partial');
  window.addEventListener('online', refresh);
  window.addEventListener('offline', refresh);
  document.addEventListener('lianjian:generated', refresh);
  document.querySelector('[data-write-page]')?.addEventListener('lianjian:generated', () => void refresh());

  navigator.serviceWorker
    .register('/sw.js', { scope: '/' })
    .then(() => navigator.serviceWorker.ready)
    .then(async (reg) => {
      // what this page loaded before the worker was in control, plus the page itself
      const urls = [location.pathname, ...performance.getEntriesByType('resource').map((e) => e.name)].filter((u) => {
        const url = new URL(u, location.href);
        return url.origin === location.origin && !url.pathname.startsWith('/sw.js');
      });
      const done = new Promise<void>((resolve) => {
        const onMessage = (e: MessageEvent) => {
          if ((e.data as { type?: string })?.type === 'lianjian:cached') {
            navigator.serviceWorker.removeEventListener('message', onMessage);
            resolve();
          }
        };
        navigator.serviceWorker.addEventListener('message', onMessage);
        window.setTimeout(resolve, 15_000);
      });
      reg.active?.postMessage({ type: 'lianjian:cache', urls });
      await done;
      // the renderers are separate chunks: load them once now so they are cached for offline use
      await waitForIdle();
      if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
      await Promise.all([import('./generate.ts'), import('./preview.ts'), import('../../lib/documents/docx/render.ts'), import('../../lib/documents/pdf/render.ts'), import('./pdf-fonts.ts')]);
      await fetch('/fonts/write/manifest.json').catch(() => undefined);
      await refresh();
    })
    .catch(() => set('unsupported'));
  set('checking');
}

function waitForIdle(): Promise<void> {
  return new Promise((resolve) => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(() => resolve(), { timeout: 3000 });
    else setTimeout(resolve, 500);
  });
}
