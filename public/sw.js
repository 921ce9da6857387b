/*
 * 廉鉴 offline cache (service worker). Same-origin GET requests only; form
 * data never passes through here (documents are made in the page itself).
 * Pages: network first, cached copy when offline. Hashed build assets
 * (/_astro/) and PDF fonts (/fonts/write/*.ttf.gz): cache first, kept.
 */
const CACHE = 'lianjian-offline-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('lianjian-offline-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

async function put(request, response) {
  if (!response || !response.ok || response.type === 'opaque') return;
  const cache = await caches.open(CACHE);
  await cache.put(request, response);
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok) await put(request, response.clone());
    return response;
  } catch (err) {
    const cached = await caches.match(request, { ignoreSearch: request.mode === 'navigate' });
    if (cached) return cached;
    throw err;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  await put(request, response.clone());
  return response;
}

const immutable = (path) => path.startsWith('/_astro/') || /^\/fonts\/write\/.+\.[0-9a-f]{10}\.ttf\.gz$/.test(path);

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith(immutable(url.pathname) ? cacheFirst(request) : networkFirst(request));
});

// Fonts of earlier builds: the page sends the current manifest's font URLs, older ones are dropped.
self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type !== 'lianjian:keep-fonts' || !Array.isArray(data.urls)) return;
  const keep = new Set(data.urls.map((u) => new URL(u, self.location.origin).href));
  event.waitUntil(
    caches.open(CACHE).then(async (cache) => {
      for (const req of await cache.keys()) {
        const path = new URL(req.url).pathname;
        if (/^\/fonts\/write\/.+\.ttf\.gz$/.test(path) && !keep.has(req.url)) await cache.delete(req);
      }
    }),
  );
});

// The page lists what it loaded before this worker took control (the first visit).
self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type !== 'lianjian:cache') return;
  const urls = (Array.isArray(data.urls) ? data.urls : []).filter((u) => {
    try {
      return new URL(u, self.location.origin).origin === self.location.origin;
    } catch {
      return false;
    }
  });
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) =>
        Promise.all(
          urls.map(async (u) => {
            if (await cache.match(u)) return;
            try {
              const r = await fetch(u);
              if (r.ok) await cache.put(u, r);
            } catch {
              /* offline: try again next visit */
            }
          }),
        ),
      )
      .then(() => event.source && event.source.postMessage({ type: 'lianjian:cached', urls })),
  );
});
