/**
 * Counts outstanding work (indexing, scheduled and running checks) so tests and
 * commands can await `whenIdle()` instead of sleeping.
 */
export class Activity {
  private count = 0;
  private waiters: Array<() => void> = [];

  /** Mark the start of some work; call the returned function exactly once when it ends. */
  begin(): () => void {
    this.count++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.count--;
      if (this.count === 0) this.flushSoon();
    };
  }

  async track<T>(work: Promise<T>): Promise<T> {
    const end = this.begin();
    try {
      return await work;
    } finally {
      end();
    }
  }

  get busy(): boolean {
    return this.count > 0;
  }

  /** Resolves once nothing is scheduled or running (checked again after a turn of the event loop). */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      if (this.count === 0) this.flushSoon();
    });
  }

  private flushSoon(): void {
    setTimeout(() => {
      if (this.count !== 0) return;
      const ws = this.waiters;
      this.waiters = [];
      for (const w of ws) w();
    }, 0);
  }
}
