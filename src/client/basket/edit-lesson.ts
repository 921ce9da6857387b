/** The 以此为基础编辑 button of a lesson page: puts the lesson into the basket and opens the builder. */
import { localStore } from '../strings.ts';
import { loadBasket, saveBasket, type Basket } from './store.ts';

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-edit-lesson]')) {
  button.addEventListener('click', () => {
    const basket = JSON.parse(document.getElementById(button.dataset.editLesson!)!.textContent!) as Basket;
    const store = localStore();
    const current = loadBasket(store).basket;
    if (current.items.length > 0 && !window.confirm((button.dataset.confirm ?? '').replace('{n}', String(current.items.length)))) return;
    const problem = saveBasket(store, basket);
    if (problem) {
      window.alert(problem);
      return;
    }
    window.location.assign(button.dataset.builder!);
  });
}
