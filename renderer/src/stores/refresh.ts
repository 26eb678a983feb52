/** After any change: counts in the status bar, the tree, and the open document. */
import { useAppStore } from './appStore';
import { useCatalogueStore } from './catalogueStore';
import { useDocumentStore } from './documentStore';
import { useSearchStore } from './searchStore';

export async function refreshAfterChange(): Promise<void> {
  const view = useAppStore.getState().view;
  const tasks: Promise<unknown>[] = [useAppStore.getState().refreshCounts(), useCatalogueStore.getState().load()];
  if (view.kind === 'document') tasks.push(useDocumentStore.getState().reload());
  if (useSearchStore.getState().result) tasks.push(useSearchStore.getState().run());
  await Promise.allSettled(tasks);
}
