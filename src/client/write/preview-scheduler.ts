/**
 * Redraws the preview a moment after the last keystroke, and never lets an
 * older render (its renderer chunk still loading) overwrite a newer one.
 * Timers and the render/show functions are passed in, so this is tested
 * without a browser.
 */
export interface PreviewSchedulerDeps {
  /** makes the preview HTML from the current values (may load the renderer lazily) */
  render: () => Promise<string>;
  show: (html: string) => void;
  showError: (message: string) => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  delayMs?: number;
}

export class PreviewScheduler {
  private timer: unknown;
  private seq = 0;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly deps: PreviewSchedulerDeps) {
    this.setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  /** Asks for a redraw; calls within the delay are merged into one. */
  schedule(): void {
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.timer = this.setTimer(() => {
      this.timer = undefined;
      void this.update();
    }, this.deps.delayMs ?? 250);
  }

  /** Renders now; a result that arrives after a newer request started is dropped. */
  async update(): Promise<void> {
    const seq = ++this.seq;
    try {
      const html = await this.deps.render();
      if (seq === this.seq) this.deps.show(html);
    } catch (err) {
      if (seq === this.seq) this.deps.showError(err instanceof Error ? err.message : String(err));
    }
  }
}
