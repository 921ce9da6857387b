/**
 * The header's 备课篮 indicator: one link to the lesson builder with the
 * number of items in the basket, shown once the basket holds something.
 * Follows changes made on this page (the lianjian:basket event) and in other
 * tabs (storage).
 */
import { localStore } from '../strings.ts';
import { loadBasket } from './store.ts';

export const BASKET_CHANGED = 'lianjian:basket';

function refresh(): void {
  const n = loadBasket(localStore()).basket.items.length;
  for (const a of document.querySelectorAll<HTMLAnchorElement>('[data-basket-indicator]')) {
    a.hidden = n === 0;
    const count = a.querySelector<HTMLElement>('[data-basket-count]');
    if (count) count.textContent = String(n);
    a.setAttribute('aria-label', (a.dataset.label ?? '{n}').replace('{n}', String(n)));
  }
}

window.addEventListener(BASKET_CHANGED, refresh);
window.addEventListener('storage', refresh);
window.addEventListener('pageshow', refresh);
refresh();
