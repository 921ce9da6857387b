/**
 * The section menu on phones: a real button (aria-expanded, aria-controls) shows
 * or hides the section list, which otherwise would not fit across the screen.
 * Without script the button stays hidden and the list simply wraps (CSS in
 * Base.astro), so every section stays reachable. Wider screens never see the
 * button: CSS hides it and always shows the list.
 */
export function setUpNavMenu(): void {
  const header = document.querySelector<HTMLElement>('.site-header');
  const toggle = header?.querySelector<HTMLButtonElement>('.nav-toggle');
  const nav = header?.querySelector<HTMLElement>('.main-nav');
  if (!header || !toggle || !nav) return;
  const isOpen = () => toggle.getAttribute('aria-expanded') === 'true';
  const setOpen = (open: boolean) => {
    toggle.setAttribute('aria-expanded', String(open));
    header.toggleAttribute('data-nav-open', open);
  };
  header.toggleAttribute('data-nav-collapsible', true);
  toggle.hidden = false;
  toggle.addEventListener('click', () => setOpen(!isOpen()));
  // Esc inside the open menu closes it and gives focus back to its button
  nav.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || !isOpen()) return;
    setOpen(false);
    toggle.focus();
  });
}
