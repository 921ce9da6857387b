/**
 * The site's Content-Security-Policy and security headers, in one place for
 * the build (astro.config.ts puts CSP_DIRECTIVES into every page's
 * `<meta http-equiv="Content-Security-Policy">`, with script-src 'self' plus a
 * hash per inline script Astro emits) and for the server configs in deploy/
 * (a test compares them with these lists).
 *
 * Scripts: 'self' and hashes only — never 'unsafe-inline', no eval. Styles
 * allow 'unsafe-inline' because pages set style attributes; a style cannot run
 * code. Forms submit only to the site (search); the write form not at all.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'", // the search forms are GET to /search/; the write form uses method=dialog
] as const;

/**
 * The CSP a server adds as a header. Two policies are both enforced, so the
 * header leaves scripts to the page's own meta policy (which carries the
 * hashes) and adds what a meta policy cannot say: frame-ancestors.
 */
export const CSP_HEADER = "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Headers every response gets from nginx / Caddy (deploy/). */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP_HEADER,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};
