/**
 * Offline use: registers the site's service worker (public/sw.js), has it
 * keep what this first visit loaded, warms the renderer chunks so they are
 * cached too, and says on the page whether it is ready for offline use.
 */
type Say = (key: string, vars?: Record<string, string | number>) => string;

/**
 * Whether a font is in the offline cache in a form the PDF loader can use
 * (gzip or an inflated font — what a server with Content-Encoding: gzip
 * leaves): "ready" must never be shown for bytes that would fail.
 */
async function isCached(url: string): Promise<boolean> {
  try {
    const r = await caches.match(url);
    if (!r) return false;
    const head = new Uint8Array(await r.arrayBuffer()).subarray(0, 4);
    const tag = String.fromCharCode(...head);
    return (head[0] === 0x1f && head[1] === 0x8b) || (head[0] === 0 && head[1] === 1 && head[2] === 0 && head[3] === 0) || tag === 'OTTO' || tag === 'true';
  } catch {
    return false;
  }
}

/** Whether the core tier of every PDF font file is in the offline cache (kept after the first PDF). */
async function fontsCached(): Promise<boolean> {
  try {
    const manifestUrl = '/fonts/write/manifest.json';
    const cached = await caches.match(manifestUrl);
    if (!cached) return false;
    const m = (await cached.json()) as { documentFiles: string[]; files: Record<string, { core: { url: string } }> };
    const checks = await Promise.all(m.documentFiles.map((f) => (m.files[f] ? isCached(m.files[f].core.url) : false)));
    return checks.every(Boolean);
  } catch {
    return false;
  }
}

export function registerOffline(status: HTMLElement, S: Say): void {
  status.hidden = false;
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
  // after a PDF the core fonts are cached in the background: look again until they are in
  const root = document.querySelector('[data-write-page]');
  root?.addEventListener('lianjian:generated', () => {
    let tries = 0;
    const again = async () => {
      await refresh();
      if (status.dataset.state !== 'ready' && ++tries < 60) window.setTimeout(again, 1000);
    };
    void again();
  });

  /** Asks the worker to keep everything this page has loaded so far (some of it before the worker was in control). */
  const keepLoaded = (reg: ServiceWorkerRegistration): Promise<void> => {
    const urls = [location.pathname, ...performance.getEntriesByType('resource').map((e) => e.name)].filter((u) => {
      const url = new URL(u, location.href);
      return url.origin === location.origin && !url.pathname.startsWith('/sw.js');
    });
    return new Promise<void>((resolve) => {
      const onMessage = (e: MessageEvent) => {
        if ((e.data as { type?: string })?.type === 'lianjian:cached') {
          navigator.serviceWorker.removeEventListener('message', onMessage);
          resolve();
        }
      };
      navigator.serviceWorker.addEventListener('message', onMessage);
      window.setTimeout(resolve, 15_000);
      reg.active?.postMessage({ type: 'lianjian:cache', urls });
    });
  };

  // every page registers the worker (client/sw-register.ts); registering again here raced with it
  navigator.serviceWorker.ready
    .then(async (reg) => {
      await keepLoaded(reg);
      // the renderers are separate chunks: load them once now so they are cached for offline use
      // (not when the user asked the browser to save data: then they are cached on first use)
      const saveData = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true;
      if (saveData) {
        await refresh();
        return;
      }
      await waitForIdle();
      await Promise.all([import('./generate.ts'), import('./preview.ts'), import('../../lib/documents/docx/render.ts'), import('../../lib/documents/pdf/render.ts'), import('./pdf-fonts.ts')]);
      const manifest = await fetch('/fonts/write/manifest.json')
        .then((r) => (r.ok ? (r.json() as Promise<{ files: Record<string, Record<string, { url: string }>> }>) : null))
        .catch(() => null);
      if (manifest) {
        const urls = Object.values(manifest.files).flatMap((tiers) => Object.values(tiers).map((t) => t.url));
        reg.active?.postMessage({ type: 'lianjian:keep-fonts', urls });
      }
      // chunks imported before the worker took control came from the network: have it fetch them too
      await keepLoaded(reg);
      await refresh();
      root?.addEventListener('lianjian:generated', () => void keepLoaded(reg));
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
