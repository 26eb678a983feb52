import { describe, expect, it } from 'vitest';
import { QueryCell } from '../../../renderer/src/api/queryCell';
import { announceChange, onCatalogueChanged } from '../../../renderer/src/api/changes';

/** A read whose replies the test releases one by one, in any order. */
function controlledReads<T>() {
  const pending: Array<{ resolve(v: T): void; reject(e: unknown): void }> = [];
  const fetcher = () => new Promise<T>((resolve, reject) => pending.push({ resolve, reject }));
  return { fetcher, pending };
}

describe('a view read (QueryCell)', () => {
  it('shows the reply of the newest read and drops a slower older one', async () => {
    const reads = controlledReads<string>();
    const cell = new QueryCell(reads.fetcher);
    const first = cell.run('a');
    const second = cell.run('b');
    reads.pending[1]!.resolve('fresh');
    await second;
    reads.pending[0]!.resolve('stale');
    expect(await first).toBeNull();
    expect(cell.snapshot()).toEqual({ data: 'fresh', error: null, loading: false });
  });

  it('clears what was shown when the input changes, unless asked to keep it for the next page', async () => {
    const reads = controlledReads<string>();
    const cell = new QueryCell(reads.fetcher);
    const one = cell.run('page 1');
    reads.pending[0]!.resolve('rows of page 1');
    await one;
    void cell.run('page 2', true);
    expect(cell.snapshot()).toMatchObject({ data: 'rows of page 1', loading: true });
    void cell.run('another record');
    expect(cell.snapshot()).toMatchObject({ data: null, loading: true });
  });

  it('keeps the last data beside an error, and reading again with the same input keeps it while loading', async () => {
    const reads = controlledReads<number>();
    const cell = new QueryCell(reads.fetcher);
    const ok = cell.run('k');
    reads.pending[0]!.resolve(7);
    await ok;
    const failed = cell.run();
    expect(cell.snapshot()).toMatchObject({ data: 7, loading: true });
    reads.pending[1]!.reject(new Error('host gone'));
    expect(await failed).toBeNull();
    expect(cell.snapshot().data).toBe(7);
    expect((cell.snapshot().error as Error).message).toBe('host gone');
  });

  it('a reply given by a save replaces the data and makes a read under way stale', async () => {
    const reads = controlledReads<string>();
    const cell = new QueryCell(reads.fetcher);
    const running = cell.run('k');
    cell.replace('saved');
    reads.pending[0]!.resolve('read before the save');
    await running;
    expect(cell.snapshot().data).toBe('saved');
  });

  it('a view that went away drops the reply of its last read; listeners hear every change of state', async () => {
    const reads = controlledReads<string>();
    const cell = new QueryCell(reads.fetcher);
    let heard = 0;
    const stop = cell.subscribe(() => heard++);
    const running = cell.run('k');
    expect(heard).toBe(1); // loading
    cell.abandon();
    reads.pending[0]!.resolve('late');
    await running;
    expect(cell.snapshot().data).toBeNull();
    stop();
    cell.replace('x');
    expect(heard).toBe(1);
  });

  it('a change announced in the window reaches every follower until it stops following', () => {
    const heard: string[] = [];
    const stopA = onCatalogueChanged((op) => heard.push(`a:${op}`));
    const stopB = onCatalogueChanged((op) => heard.push(`b:${op}`));
    announceChange('files.update');
    stopA();
    announceChange('bulk.undo');
    stopB();
    announceChange('fonds.create');
    expect(heard).toEqual(['a:files.update', 'b:files.update', 'b:bulk.undo']);
  });
});
