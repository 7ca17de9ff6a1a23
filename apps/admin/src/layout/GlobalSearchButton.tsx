import SearchIcon from '@mui/icons-material/Search';
import { IconButton } from '@mui/material';
import { lazy, Suspense, useEffect, useState } from 'react';

/** The palette's dialog, list and queries load on first opening: the app bar is on every page (first-load budget). */
const CommandPalette = lazy(() => import('../pages/search/CommandPalette'));

/** The app bar's search button; Ctrl-K (Cmd-K on a Mac) opens the same palette from anywhere. */
export function GlobalSearchButton() {
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setLoaded(true);
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      {/* A native title, not MUI's Tooltip: the app bar is on every page, and Tooltip brings Popper (8 KB). */}
      <IconButton
        color="inherit"
        title="Search (Ctrl+K)"
        aria-label="Search candidates, jobs and applications"
        aria-keyshortcuts="Control+K Meta+K"
        aria-haspopup="dialog"
        onClick={() => {
          setLoaded(true);
          setOpen(true);
        }}
      >
        <SearchIcon />
      </IconButton>
      {loaded && (
        <Suspense fallback={null}>
          <CommandPalette open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
