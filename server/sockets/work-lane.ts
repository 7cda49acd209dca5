/**
 * One socket's work: tasks start in arrival order, `concurrency` at a time, and at most `maxWaiting`
 * wait behind them. A task offered to a full lane is refused at once (`offer` returns null), so a
 * flooding client costs the server a refusal per event, never a growing backlog.
 */
export class WorkLane {
  private running = 0;
  private waiting: { start: () => void; cancel: (reason: Error) => void }[] = [];

  constructor(
    readonly concurrency: number,
    readonly maxWaiting: number,
  ) {}

  /** Tasks running or waiting. */
  get pending(): number {
    return this.running + this.waiting.length;
  }

  isFull(): boolean {
    return this.running >= this.concurrency && this.waiting.length >= this.maxWaiting;
  }

  offer<T>(task: () => Promise<T>): Promise<T> | null {
    if (this.isFull()) return null;
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        this.running++;
        task()
          .then(resolve, reject)
          .finally(() => {
            this.running--;
            this.waiting.shift()?.start();
          });
      };
      if (this.running < this.concurrency) start();
      else this.waiting.push({ start, cancel: reject });
    });
  }

  /** Drops the tasks not started yet (their socket is gone): each is rejected with `reason`. */
  cancelWaiting(reason: Error) {
    const dropped = this.waiting;
    this.waiting = [];
    for (const task of dropped) task.cancel(reason);
  }
}
