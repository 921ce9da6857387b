/**
 * Draws the lesson builder's lists from the basket: the picked items, the
 * discussion questions and the quiz cards. Drawing only; the controller
 * (builder.ts) handles their events.
 */
import type { Translate } from '../strings.ts';
import { articleCitations, issueSelector } from './edits.ts';
import type { Basket, BasketIssue, QuizDraft } from './store.ts';

function button(text: string, data: Record<string, string>, opts: { disabled?: boolean; label?: string; className?: string } = {}): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  Object.assign(b.dataset, data);
  b.textContent = text;
  b.disabled = opts.disabled ?? false;
  if (opts.label) b.setAttribute('aria-label', opts.label);
  if (opts.className) b.className = opts.className;
  return b;
}

function input(name: string, value: string, label: string, attrs: Record<string, string> = {}): HTMLInputElement {
  const el = document.createElement('input');
  el.className = 'wf-input';
  el.name = name;
  el.value = value;
  el.setAttribute('aria-label', label);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

export function renderItems(list: HTMLElement, empty: HTMLElement, basket: Basket, S: Translate): void {
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
    const mk = (action: string, text: string, disabled = false) =>
      button(text, { action, index: String(i) }, { disabled, label: `${text}：${name.textContent}` });
    li.append(kind, name, mk('up', '↑', i === 0), mk('down', '↓', i === basket.items.length - 1), mk('remove', S('basket.remove')));
    list.append(li);
  });
}

export function renderQuestions(box: HTMLElement, basket: Basket, S: Translate): void {
  box.replaceChildren();
  basket.discussion.forEach((d, i) => {
    const li = document.createElement('li');
    const q = input('lb-question', d.question, `${S('builder.question')} ${i + 1}`, { 'data-index': String(i) });
    const m = input('lb-minutes', String(d.minutes), `${S('builder.question')} ${i + 1} ${S('builder.minutes')}`, { type: 'number', min: '1', max: '120', 'data-index': String(i) });
    const unit = document.createElement('span');
    unit.textContent = S('builder.minutes');
    li.append(q, m, unit, button(S('write.remove'), { removeQuestion: String(i) }));
    box.append(li);
  });
}

export function renderQuiz(box: HTMLElement, basket: Basket, S: Translate): void {
  box.replaceChildren();
  const citations = articleCitations(basket);
  basket.quiz.forEach((q, i) => box.append(quizCard(q, i, citations, S)));
}

function quizCard(q: QuizDraft, i: number, citations: string[], S: Translate): HTMLElement {
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
  const options = document.createElement('textarea');
  options.className = 'wf-input';
  options.name = 'quiz-options';
  options.rows = 3;
  options.value = q.options;
  const citation = document.createElement('select');
  citation.className = 'wf-input';
  citation.name = 'quiz-citation';
  citation.append(new Option(citations.length ? S('builder.quiz.noBasis') : S('builder.quiz.noArticles'), ''));
  for (const c of citations) citation.append(new Option(c, c));
  citation.value = citations.includes(q.citation) ? q.citation : '';
  const optionsLabel = labelled(S('builder.quiz.options'), options);
  optionsLabel.hidden = q.type === '判断';
  card.append(
    labelled(`${i + 1}. ${S('builder.quiz.type')}`, type),
    labelled(S('builder.quiz.question'), plainInput('quiz-question', q.question)),
    optionsLabel,
    labelled(S('builder.quiz.answer'), plainInput('quiz-answer', q.answer)),
    labelled(S('builder.quiz.citation'), citation),
    button(S('write.remove'), { removeQuiz: String(i) }, { className: 'button secondary' }),
  );
  return card;
}

/** An input labelled by its wrapping <label>. */
function plainInput(name: string, value: string): HTMLInputElement {
  const el = document.createElement('input');
  el.className = 'wf-input';
  el.name = name;
  el.value = value;
  return el;
}

/**
 * Shows what keeps the pack from being made in the summary beside the
 * download button (each message a link to its control), marks the controls
 * invalid and moves focus to the first one, so a click on 下载 never seems to
 * do nothing. An empty list clears all of it.
 */
export function showIssues(root: HTMLElement, summary: HTMLElement, issues: readonly BasketIssue[], S: Translate): void {
  for (const el of root.querySelectorAll('[aria-invalid="true"]')) el.removeAttribute('aria-invalid');
  summary.replaceChildren();
  summary.hidden = issues.length === 0;
  if (!issues.length) return;
  const head = document.createElement('p');
  head.textContent = S('builder.fixCount', { n: issues.length });
  const list = document.createElement('ul');
  let first: HTMLElement | null = null;
  for (const issue of issues) {
    const control = root.querySelector<HTMLElement>(issueSelector(issue.target));
    if (control && issue.target !== 'items') control.setAttribute('aria-invalid', 'true');
    first ??= control;
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = '#';
    a.textContent = issue.message;
    a.addEventListener('click', (e) => {
      e.preventDefault();
      control?.focus();
    });
    li.append(a);
    list.append(li);
  }
  summary.append(head, list);
  first?.focus();
}
