/** The lesson builder page: shows and edits the basket, makes the pack on demand. */
import { emptyBasket, basketProblems, loadBasket, moveBasketItem, saveBasket, type Basket } from './store.ts';

interface Payload {
  strings: Record<string, string>;
  links: Record<string, string>;
  audiences: string[];
  locale: string;
}

const root = document.querySelector<HTMLElement>('[data-lesson-builder]');
if (root) start(root);

function start(root: HTMLElement): void {
  const payload = JSON.parse(document.getElementById('lb-payload')!.textContent!) as Payload;
  const S = (k: string, vars: Record<string, string | number> = {}) => {
    let s = payload.strings[k] ?? k;
    for (const [key, v] of Object.entries(vars)) s = s.replaceAll(`{${key}}`, String(v));
    return s;
  };
  const store = (() => {
    try {
      return window.localStorage;
    } catch {
      return null;
    }
  })();
  const loaded = loadBasket(store);
  let basket: Basket = loaded.basket;
  const problemEl = root.querySelector<HTMLElement>('[data-lb-problem]')!;
  const status = root.querySelector<HTMLElement>('[data-lb-status]')!;
  if (loaded.problem) problemEl.textContent = loaded.problem;
  const list = root.querySelector<HTMLOListElement>('[data-lb-items]')!;
  const empty = root.querySelector<HTMLElement>('[data-lb-empty]')!;
  const form = root.querySelector<HTMLFormElement>('[data-lb-form]')!;
  const questions = root.querySelector<HTMLOListElement>('[data-lb-questions]')!;
  const field = <T extends HTMLElement>(name: string) => form.querySelector<T>(`[name="${name}"]`)!;

  const save = () => {
    const problem = saveBasket(store, basket);
    if (problem) problemEl.textContent = problem;
  };

  function renderItems(): void {
    list.replaceChildren();
    empty.hidden = basket.items.length > 0;
    basket.items.forEach((item, i) => {
      const li = document.createElement('li');
      const kind = document.createElement('span');
      kind.className = 'lb-kind';
      kind.textContent = S(`builder.kind.${item.kind}`);
      const name = document.createElement('span');
      name.className = 'lb-name';
      name.textContent = item.kind === 'article' ? item.citation ?? item.title : item.title;
      const mk = (action: string, text: string, disabled = false) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.dataset.action = action;
        b.dataset.index = String(i);
        b.textContent = text;
        b.disabled = disabled;
        b.setAttribute('aria-label', `${text}：${name.textContent}`);
        return b;
      };
      li.append(kind, name, mk('up', '↑', i === 0), mk('down', '↓', i === basket.items.length - 1), mk('remove', S('basket.remove')));
      list.append(li);
    });
  }

  function renderQuestions(): void {
    questions.replaceChildren();
    basket.discussion.forEach((d, i) => {
      const li = document.createElement('li');
      const q = document.createElement('input');
      q.className = 'wf-input';
      q.name = 'lb-question';
      q.value = d.question;
      q.dataset.index = String(i);
      q.setAttribute('aria-label', `${S('builder.question')} ${i + 1}`);
      const m = document.createElement('input');
      m.className = 'wf-input';
      m.name = 'lb-minutes';
      m.type = 'number';
      m.min = '1';
      m.max = '120';
      m.value = String(d.minutes);
      m.dataset.index = String(i);
      m.setAttribute('aria-label', `${S('builder.question')} ${i + 1} ${S('builder.minutes')}`);
      const unit = document.createElement('span');
      unit.textContent = S('builder.minutes');
      const rm = document.createElement('button');
      rm.type = 'button';
      rm.dataset.removeQuestion = String(i);
      rm.textContent = S('write.remove');
      li.append(q, m, unit, rm);
      questions.append(li);
    });
  }

  const quizBox = root.querySelector<HTMLElement>('[data-lb-quiz]')!;
  function renderQuiz(): void {
    quizBox.replaceChildren();
    const citations = basket.items.filter((i) => i.kind === 'article').map((i) => i.citation ?? i.title);
    basket.quiz.forEach((q, i) => {
      const card = document.createElement('div');
      card.className = 'lb-quiz-card';
      card.dataset.quizIndex = String(i);
      const labelled = (text: string, el: HTMLElement) => {
        const l = document.createElement('label');
        l.append(text, el);
        return l;
      };
      const type = document.createElement('select');
      type.className = 'wf-input';
      type.name = 'quiz-type';
      for (const v of ['单选', '多选', '判断']) type.append(new Option(v, v));
      type.value = q.type;
      const question = document.createElement('input');
      question.className = 'wf-input';
      question.name = 'quiz-question';
      question.value = q.question;
      const options = document.createElement('textarea');
      options.className = 'wf-input';
      options.name = 'quiz-options';
      options.rows = 3;
      options.value = q.options;
      const answer = document.createElement('input');
      answer.className = 'wf-input';
      answer.name = 'quiz-answer';
      answer.value = q.answer;
      const citation = document.createElement('select');
      citation.className = 'wf-input';
      citation.name = 'quiz-citation';
      citation.append(new Option(citations.length ? '—' : S('builder.quiz.noArticles'), ''));
      for (const c of citations) citation.append(new Option(c, c));
      citation.value = citations.includes(q.citation) ? q.citation : '';
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'button secondary';
      remove.dataset.removeQuiz = String(i);
      remove.textContent = S('write.remove');
      const optionsLabel = labelled(S('builder.quiz.options'), options);
      optionsLabel.hidden = q.type === '判断';
      card.append(
        labelled(`${i + 1}. ${S('builder.quiz.type')}`, type),
        labelled(S('builder.quiz.question'), question),
        optionsLabel,
        labelled(S('builder.quiz.answer'), answer),
        labelled(S('builder.quiz.citation'), citation),
        remove,
      );
      quizBox.append(card);
    });
  }
  quizBox.addEventListener('input', (e) => {
    const el = e.target as HTMLInputElement;
    const card = el.closest<HTMLElement>('[data-quiz-index]');
    if (!card) return;
    const q = basket.quiz[Number(card.dataset.quizIndex)]!;
    if (el.name === 'quiz-type') {
      q.type = el.value as typeof q.type;
      (card.querySelector('[name="quiz-options"]')!.parentElement as HTMLElement).hidden = q.type === '判断';
    } else if (el.name === 'quiz-question') q.question = el.value;
    else if (el.name === 'quiz-options') q.options = el.value;
    else if (el.name === 'quiz-answer') q.answer = el.value;
    else if (el.name === 'quiz-citation') q.citation = el.value;
    save();
  });
  quizBox.addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest<HTMLButtonElement>('[data-remove-quiz]');
    if (!b) return;
    basket.quiz.splice(Number(b.dataset.removeQuiz), 1);
    save();
    renderQuiz();
  });
  root.querySelector('[data-lb-add-quiz]')?.addEventListener('click', () => {
    basket.quiz.push({ type: '判断', question: '', options: '', answer: '正确', citation: '' });
    save();
    renderQuiz();
    quizBox.querySelector<HTMLInputElement>('.lb-quiz-card:last-child [name="quiz-question"]')?.focus();
  });

  function fillForm(): void {
    field<HTMLInputElement>('title').value = basket.title;
    field<HTMLSelectElement>('audience').value = basket.audience;
    field<HTMLInputElement>('duration').value = String(basket.duration);
    field<HTMLTextAreaElement>('objectives').value = basket.objectives.join('\n');
    renderQuestions();
    renderItems();
    renderQuiz();
  }

  list.addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
    if (!b) return;
    const i = Number(b.dataset.index);
    if (b.dataset.action === 'remove') basket = { ...basket, items: basket.items.filter((_, j) => j !== i) };
    else basket = moveBasketItem(basket, i, b.dataset.action === 'up' ? i - 1 : i + 1);
    save();
    renderItems();
    renderQuiz();
  });
  form.addEventListener('input', (e) => {
    const el = e.target as HTMLInputElement;
    if (el.name === 'title') basket.title = el.value;
    else if (el.name === 'audience') basket.audience = el.value;
    else if (el.name === 'duration') basket.duration = Number(el.value);
    else if (el.name === 'objectives') basket.objectives = el.value.split('\n');
    else if (el.name === 'lb-question') basket.discussion[Number(el.dataset.index)]!.question = el.value;
    else if (el.name === 'lb-minutes') basket.discussion[Number(el.dataset.index)]!.minutes = Number(el.value);
    save();
  });
  form.addEventListener('change', (e) => {
    const el = e.target as HTMLSelectElement;
    if (el.name === 'audience') {
      basket.audience = el.value;
      save();
    }
  });
  questions.addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest<HTMLButtonElement>('[data-remove-question]');
    if (!b) return;
    basket.discussion.splice(Number(b.dataset.removeQuestion), 1);
    save();
    renderQuestions();
  });
  root.querySelector('[data-lb-add-question]')?.addEventListener('click', () => {
    basket.discussion.push({ question: '', minutes: 10 });
    save();
    renderQuestions();
    questions.querySelector<HTMLInputElement>('li:last-child input[name="lb-question"]')?.focus();
  });
  root.querySelector('[data-lb-clear]')?.addEventListener('click', () => {
    if (!window.confirm(S('builder.clearConfirm'))) return;
    basket = emptyBasket();
    save();
    fillForm();
  });
  window.addEventListener('storage', () => {
    basket = loadBasket(store).basket;
    fillForm();
  });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const problems = basketProblems(basket);
    if (problems.length) {
      problemEl.textContent = `${S('builder.fix')}\n${problems.join('\n')}`;
      return;
    }
    problemEl.textContent = '';
    const button = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
    button.disabled = true;
    try {
      const { makeLessonPack } = await import('./pack.ts');
      const r = await makeLessonPack(basket, (step) => (status.textContent = step));
      if (!r.ok) {
        problemEl.textContent = `${S('builder.fix')}\n${r.problems.join('\n')}`;
        status.textContent = '';
        return;
      }
      const url = URL.createObjectURL(new Blob([r.bytes as BlobPart], { type: 'application/zip' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = r.fileName;
      document.body.append(a);
      a.click();
      a.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
      const size = r.bytes.byteLength > 1024 * 1024 ? `${(r.bytes.byteLength / 1024 / 1024).toFixed(1)} MB` : `${Math.round(r.bytes.byteLength / 1024)} KB`;
      status.textContent = S('builder.done', { file: r.fileName, size, n: r.files.length });
    } catch (err) {
      status.textContent = S('write.failed', { message: err instanceof Error ? err.message : String(err) });
      console.error(err);
    } finally {
      button.disabled = false;
    }
  });

  fillForm();
  // the same offline cache as the write pages: the builder keeps working without network after a visit
  if ('serviceWorker' in navigator && window.isSecureContext) navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
}
