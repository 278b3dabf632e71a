// Text inputs that query the store as they change. Leading and trailing: a change after a quiet
// moment applies at once (a pasted or picked text answers without waiting), changes quicker than
// `delayMs` apart wait for a pause and only the last one applies.
export class Debouncer {
  private timer?: ReturnType<typeof setTimeout>;
  private quietFrom = -Infinity;

  constructor(
    private readonly delayMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  run(action: () => void): void {
    this.cancel();
    const now = this.now();
    const quiet = now >= this.quietFrom;
    this.quietFrom = now + this.delayMs;
    if (quiet) action();
    else
      this.timer = setTimeout(() => {
        this.timer = undefined;
        action();
      }, this.delayMs);
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
