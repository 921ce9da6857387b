/*
 * 廉鉴 offline cache (service worker). Same-origin GET requests only; form
 * data never passes through here (documents are made in the page itself).
 * Pages: network first, cached copy when offline. Hashed build assets
 * (/_astro/) and PDF fonts (/fonts/write/*.ttf.gz): cache first, kept.
 * Nothing with a query string is stored (a search URL carries what was typed);
 * a page never saved gets the offline page, listing the pages that are saved.
 */
const CACHE = 'lianjian-offline-v2';
const OFFLINE_PAGES = { zh: '/offline/', en: '/en/offline/' };
const OFFLINE_MARK = '<!--lianjian:offline-list-->';

self.addEventListener('install', (event) => {
  // best effort: a missing offline page must not stop the worker from installing
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => Promise.all(['/theme.js', ...Object.values(OFFLINE_PAGES)].map((u) => cache.add(u).catch(() => undefined))))
      .then(() => self.skipWaiting()),
  );
});
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('lianjian-offline-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

/** Only plain same-origin URLs are stored: never one with a query (what was typed into search). */
function storable(url) {
  const u = new URL(url, self.location.origin);
  return u.origin === self.location.origin && u.search === '' && u.hash === '';
}

async function put(request, response) {
  if (!response || !response.ok || response.type === 'opaque') return;
  let key = request;
  if (!storable(request.url)) {
    // a page asked for with a query (/search/?q=…) is the same static file: kept under its path alone
    if (request.mode !== 'navigate') return;
    const u = new URL(request.url);
    key = u.origin + u.pathname;
  }
  const cache = await caches.open(CACHE);
  await cache.put(key, response);
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok) await put(request, response.clone());
    return response;
  } catch (err) {
    // /search/?q=… offline: the saved /search/ page runs the query from its saved index
    const cached = await caches.match(request, { ignoreSearch: request.mode === 'navigate' });
    if (cached) return cached;
    if (request.mode === 'navigate') return offlinePage(new URL(request.url).pathname);
    throw err;
  }
}

const escapeHtml = (s) => s.replace(/&(?![a-z#0-9]+;)/gi, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The offline page of the locale, its list filled with the saved pages (title from each page's <title>). */
async function offlinePage(pathname) {
  const en = pathname === '/en' || pathname.startsWith('/en/');
  const cache = await caches.open(CACHE);
  const page = await cache.match(en ? OFFLINE_PAGES.en : OFFLINE_PAGES.zh);
  if (!page) return Response.error();
  const items = [];
  for (const req of await cache.keys()) {
    const path = new URL(req.url).pathname;
    if (!path.endsWith('/') || Object.values(OFFLINE_PAGES).includes(path)) continue;
    if (path.startsWith('/en/') !== en) continue;
    const res = await cache.match(req);
    if (!res || !(res.headers.get('content-type') || '').includes('text/html')) continue;
    const title = ((await res.text()).match(/<title>([^<]*)<\/title>/) || [])[1] || path;
    items.push(`<li><a href="${escapeHtml(path)}">${escapeHtml(title)}</a></li>`);
  }
  const html = (await page.text()).replace(OFFLINE_MARK, items.sort().join(''));
  return new Response(html, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
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
      return storable(u);
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
