/** Wires every 加入备课篮 button on the page to the basket in localStorage; the header shows the count. */
import { hasItem, loadBasket, saveBasket, toggleItem, type BasketItem } from './store.ts';

const store = (() => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
})();

function itemOf(b: HTMLElement): BasketItem {
  const kind = b.dataset.kind as BasketItem['kind'];
  return { kind, id: b.dataset.id ?? '', title: b.dataset.title ?? '', citation: b.dataset.citation || undefined };
}

function refresh(): void {
  const { basket } = loadBasket(store);
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-basket-add]')) {
    const inside = hasItem(basket, itemOf(b));
    b.setAttribute('aria-pressed', String(inside));
    b.textContent = inside ? b.dataset.labelAdded! : b.dataset.labelAdd!;
    b.title = inside ? b.dataset.labelRemove ?? '' : '';
  }
}

document.addEventListener('click', (e) => {
  const b = (e.target as HTMLElement).closest<HTMLButtonElement>('[data-basket-add]');
  if (!b) return;
  const { basket } = loadBasket(store);
  saveBasket(store, toggleItem(basket, itemOf(b)));
  refresh();
  // the header's basket indicator (indicator.ts) shows the new count
  window.dispatchEvent(new Event('lianjian:basket'));
});
window.addEventListener('storage', refresh);
window.addEventListener('pageshow', refresh);
refresh();
