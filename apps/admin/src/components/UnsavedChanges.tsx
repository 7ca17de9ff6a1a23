import { Suspense, useEffect, useId, useSyncExternalStore } from 'react';
import { lazyView } from '../lazyView';

// Loaded with the first unsaved change: the layout (the dashboard's first load) carries only the store.
const Blocker = lazyView(() => import('./UnsavedChangesBlocker'), 'UnsavedChangesBlocker');

/**
 * Warning before leaving a form with unsaved changes, for the forms that keep
 * their draft in React state (react-admin's own forms use
 * `warnWhenUnsavedChanges`). A router takes one navigation blocker at a time
 * and a page can hold several such forms (Settings, Privacy), so each form
 * only reports whether it is dirty, and one <UnsavedChangesGuard> in the
 * layout blocks while any of them is.
 */
const dirtyForms = new Set<string>();
const listeners = new Set<() => void>();

function notify() {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const anyDirty = () => dirtyForms.size > 0;

/** Call in a form with its dirty state: while it holds, leaving the page (in the app or the tab) asks first. */
export function useUnsavedChangesWarning(dirty: boolean) {
  const id = useId();
  useEffect(() => {
    if (!dirty) return;
    dirtyForms.add(id);
    notify();
    return () => {
      dirtyForms.delete(id);
      notify();
    };
  }, [id, dirty]);
}

/** Mounted once in the layout; blocks navigation only while a form reports unsaved changes. */
export function UnsavedChangesGuard() {
  const blocking = useSyncExternalStore(subscribe, anyDirty);
  return blocking ? (
    <Suspense fallback={null}>
      <Blocker />
    </Suspense>
  ) : null;
}
