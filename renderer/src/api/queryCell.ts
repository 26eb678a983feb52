/**
 * One read from the host as a view shows it: its latest data, its error, whether a read is under
 * way. A newer read makes an older one's reply stale, and a stale reply is dropped, so a slow
 * answer to an old input never overwrites a fresh one. Pure of React and of the transport, so it
 * is tested in plain Node; `useQuery` binds it to a component.
 */
export interface QueryState<T> {
  readonly data: T | null;
  readonly error: unknown;
  readonly loading: boolean;
}

const INITIAL: QueryState<never> = { data: null, error: null, loading: false };

export class QueryCell<T> {
  private state: QueryState<T> = INITIAL;
  private sequence = 0;
  private key: string | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private fetcher: () => Promise<T>) {}

  /** The read to use from now on (the input changed). The next `run` uses it. */
  setFetcher(fetcher: () => Promise<T>): void {
    this.fetcher = fetcher;
  }

  snapshot = (): QueryState<T> => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Reads again; resolves with the data, or null when the read failed or a newer one overtook it.
   * A new `key` (another record, other filters) first clears what was shown: data of the previous
   * input is never shown as if it were the new one's. `keepPrevious` keeps it while the new one
   * loads, for the next page of the same list.
   */
  async run(key?: string, keepPrevious = false): Promise<T | null> {
    const mine = ++this.sequence;
    if (key !== undefined && key !== this.key) {
      this.key = key;
      this.set({ data: keepPrevious ? this.state.data : null, error: null, loading: true });
    } else {
      this.set({ ...this.state, loading: true });
    }
    try {
      const data = await this.fetcher();
      if (mine !== this.sequence) return null;
      this.set({ data, error: null, loading: false });
      return data;
    } catch (error) {
      if (mine !== this.sequence) return null;
      this.set({ data: this.state.data, error, loading: false });
      return null;
    }
  }

  /** Replaces the data shown without a read (a mutation's reply already holds the new state). */
  replace(data: T): void {
    this.sequence++;
    this.set({ data, error: null, loading: false });
  }

  /** Forgets any read under way: its reply will be dropped (the view went away). */
  abandon(): void {
    this.sequence++;
  }

  private set(next: QueryState<T>): void {
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }
}
