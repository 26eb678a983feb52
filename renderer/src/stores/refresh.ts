/** After any change: counts in the status bar, the tree, the open document, and every view's reads. */
import { announceChange } from '../api/changes';
import { useAppStore } from './appStore';
import { useCatalogueStore } from './catalogueStore';
import { useDocumentStore } from './documentStore';
import { useSearchStore } from './searchStore';

export async function refreshAfterChange(): Promise<void> {
  // Views reading through `useQuery` read again too (a job that ended, a store's save).
  announceChange('refresh');
  const view = useAppStore.getState().view;
  const tasks: Promise<unknown>[] = [useAppStore.getState().refreshCounts(), useCatalogueStore.getState().load()];
  if (view.kind === 'document') tasks.push(useDocumentStore.getState().reload());
  if (useSearchStore.getState().result) tasks.push(useSearchStore.getState().run());
  await Promise.allSettled(tasks);
}
