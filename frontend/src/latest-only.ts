// Text inputs that query the store as they change. A change applies at once when no query of
// the input is under way; the changes made meanwhile wait for it and only the last of them applies
// (typing "night" asks for "n", then "night"). No fixed delay: a pasted or picked text gets its
// answer as soon as the store gives it, and the store never has two of the input's queries at once.
export class LatestOnly {
  private running = false;
  private next?: () => Promise<unknown>;
  private timer?: ReturnType<typeof setTimeout>;

  /** `delayMs`: wait that long for a further change first (a costly change while typing). */
  run(action: () => Promise<unknown>, delayMs = 0): void {
    clearTimeout(this.timer);
    if (delayMs > 0) {
      this.timer = setTimeout(() => this.run(action), delayMs);
      return;
    }
    if (this.running) {
      this.next = action;
      return;
    }
    this.running = true;
    void this.drain(action);
  }

  /** Drops the changes waiting, if any (the one under way completes). */
  cancel(): void {
    clearTimeout(this.timer);
    this.next = undefined;
  }

  private async drain(first: () => Promise<unknown>): Promise<void> {
    let action: (() => Promise<unknown>) | undefined = first;
    while (action) {
      try {
        await action();
      } catch {
        // The action shows its own errors; the next change still applies.
      }
      action = this.next;
      this.next = undefined;
    }
    this.running = false;
  }
}
