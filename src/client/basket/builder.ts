/**
 * The lesson builder page: a small controller that shows and edits the
 * basket (edits.ts changes it, builder-view.ts draws it, store.ts keeps it in
 * localStorage) and makes the pack on demand (pack.ts, loaded lazily).
 */
import { localStore, translatorFrom, type Translate } from '../strings.ts';
import { download, formatBytes } from '../write/download.ts';
import { renderItems, renderQuestions, renderQuiz, showIssues } from './builder-view.ts';
import { addQuestion, addQuiz, applyFormInput, applyQuizInput, removeAt, removeItem } from './edits.ts';
import { emptyBasket, basketIssues, loadBasket, moveBasketItem, saveBasket, type Basket } from './store.ts';

interface Payload {
  strings: Record<string, string>;
  links: Record<string, string>;
  audiences: string[];
  locale: string;
}

export class LessonBuilder {
  private basket: Basket;
  private readonly S: Translate;
  private readonly store = localStore();
  private readonly el: {
    problem: HTMLElement;
    status: HTMLElement;
    list: HTMLOListElement;
    empty: HTMLElement;
    form: HTMLFormElement;
    questions: HTMLOListElement;
    quiz: HTMLElement;
    issues: HTMLElement;
  };

  constructor(
    private readonly root: HTMLElement,
    payload: Payload,
  ) {
    this.S = translatorFrom(payload.strings);
    const q = <T extends HTMLElement>(sel: string) => root.querySelector<T>(sel)!;
    this.el = {
      problem: q('[data-lb-problem]'),
      status: q('[data-lb-status]'),
      list: q('[data-lb-items]'),
      empty: q('[data-lb-empty]'),
      form: q('[data-lb-form]'),
      questions: q('[data-lb-questions]'),
      quiz: q('[data-lb-quiz]'),
      issues: q('[data-lb-issues]'),
    };
    const loaded = loadBasket(this.store);
    this.basket = loaded.basket;
    if (loaded.problem) this.el.problem.textContent = loaded.problem;
    this.listen();
    this.fillForm();
  }

  private save(): void {
    const problem = saveBasket(this.store, this.basket);
    if (problem) this.el.problem.textContent = problem;
  }

  private field<T extends HTMLElement>(name: string): T {
    return this.el.form.querySelector<T>(`[name="${name}"]`)!;
  }

  /** Puts the whole basket into the page. */
  fillForm(): void {
    const { basket } = this;
    this.field<HTMLInputElement>('title').value = basket.title;
    this.field<HTMLSelectElement>('audience').value = basket.audience;
    this.field<HTMLInputElement>('duration').value = String(basket.duration);
    this.field<HTMLTextAreaElement>('objectives').value = basket.objectives.join('\n');
    renderQuestions(this.el.questions, basket, this.S);
    renderItems(this.el.list, this.el.empty, basket, this.S);
    renderQuiz(this.el.quiz, basket, this.S);
  }

  private listen(): void {
    const { el, root } = this;
    el.quiz.addEventListener('input', (e) => this.onQuizInput(e.target as HTMLInputElement));
    el.quiz.addEventListener('click', (e) => {
      const b = (e.target as HTMLElement).closest<HTMLButtonElement>('[data-remove-quiz]');
      if (!b) return;
      removeAt(this.basket.quiz, Number(b.dataset.removeQuiz));
      this.save();
      renderQuiz(el.quiz, this.basket, this.S);
    });
    root.querySelector('[data-lb-add-quiz]')?.addEventListener('click', () => {
      addQuiz(this.basket);
      this.save();
      renderQuiz(el.quiz, this.basket, this.S);
      el.quiz.querySelector<HTMLInputElement>('.lb-quiz-card:last-child [name="quiz-question"]')?.focus();
    });
    el.list.addEventListener('click', (e) => this.onItemClick(e));
    // input covers typing, change covers selects in browsers that fire only change
    for (const type of ['input', 'change']) {
      el.form.addEventListener(type, (e) => {
        const t = e.target as HTMLInputElement;
        t.removeAttribute('aria-invalid');
        if (t.closest('[data-lb-quiz]')) return;
        if (applyFormInput(this.basket, t.name, t.value, t.dataset.index === undefined ? undefined : Number(t.dataset.index))) this.save();
      });
    }
    el.questions.addEventListener('click', (e) => {
      const b = (e.target as HTMLElement).closest<HTMLButtonElement>('[data-remove-question]');
      if (!b) return;
      removeAt(this.basket.discussion, Number(b.dataset.removeQuestion));
      this.save();
      renderQuestions(el.questions, this.basket, this.S);
    });
    root.querySelector('[data-lb-add-question]')?.addEventListener('click', () => {
      addQuestion(this.basket);
      this.save();
      renderQuestions(el.questions, this.basket, this.S);
      el.questions.querySelector<HTMLInputElement>('li:last-child input[name="lb-question"]')?.focus();
    });
    root.querySelector('[data-lb-clear]')?.addEventListener('click', () => {
      if (!window.confirm(this.S('builder.clearConfirm'))) return;
      this.basket = emptyBasket();
      this.save();
      this.fillForm();
    });
    // another tab changed the basket
    window.addEventListener('storage', () => {
      this.basket = loadBasket(this.store).basket;
      this.fillForm();
    });
    el.form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.makePack();
    });
  }

  private onQuizInput(t: HTMLInputElement): void {
    const card = t.closest<HTMLElement>('[data-quiz-index]');
    if (!card || !applyQuizInput(this.basket, Number(card.dataset.quizIndex), t.name, t.value)) return;
    if (t.name === 'quiz-type') (card.querySelector('[name="quiz-options"]')!.parentElement as HTMLElement).hidden = t.value === '判断';
    this.save();
  }

  private onItemClick(e: Event): void {
    const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
    if (!b) return;
    const i = Number(b.dataset.index);
    if (b.dataset.action === 'remove') this.basket = removeItem(this.basket, i);
    else this.basket = moveBasketItem(this.basket, i, b.dataset.action === 'up' ? i - 1 : i + 1);
    this.save();
    renderItems(this.el.list, this.el.empty, this.basket, this.S);
    renderQuiz(this.el.quiz, this.basket, this.S);
  }

  private async makePack(): Promise<void> {
    const { el, S } = this;
    const issues = basketIssues(this.basket);
    showIssues(this.root, el.issues, issues, S);
    if (issues.length) return;
    const button = el.form.querySelector<HTMLButtonElement>('button[type=submit]')!;
    button.disabled = true;
    try {
      const { makeLessonPack } = await import('./pack.ts');
      const r = await makeLessonPack(this.basket, (step) => (el.status.textContent = step));
      if (!r.ok) {
        showIssues(this.root, el.issues, r.problems.map((message) => ({ target: '', message })), S);
        el.status.textContent = '';
        return;
      }
      download(r.bytes, r.fileName, 'application/zip');
      el.status.textContent = S('builder.done', { file: r.fileName, size: formatBytes(r.bytes.byteLength), n: r.files.length });
    } catch (err) {
      el.status.textContent = S('write.failed', { message: err instanceof Error ? err.message : String(err) });
      console.error(err);
    } finally {
      button.disabled = false;
    }
  }
}

const root = document.querySelector<HTMLElement>('[data-lesson-builder]');
if (root) {
  new LessonBuilder(root, JSON.parse(document.getElementById('lb-payload')!.textContent!) as Payload);
  // the same offline cache as the write pages: the builder keeps working without network after a visit
  if ('serviceWorker' in navigator && window.isSecureContext) navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
}
