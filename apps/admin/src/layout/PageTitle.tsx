import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';

const containerNow = () => document.getElementById('react-admin-title');

/**
 * The page's title in the app bar (react-admin's TitlePortal), as
 * react-admin's <Title preferenceKey={false}> puts it there. For the pages
 * every signed-in visit opens first (the dashboard, the second-factor gate):
 * <Title> also imports its title editor, and with it MUI's text field and
 * select, which those pages would download for nothing (issue 16's
 * first-load budget). Other pages use <Title>.
 */
export function PageTitle({ title }: { title: string }) {
  const [container, setContainer] = useState(containerNow);
  // The app bar may mount after the page: look again once mounted, as <Title> does.
  useEffect(() => {
    setContainer((known) => (known && document.body.contains(known) ? known : containerNow()));
  }, []);
  if (!container) return null;
  return createPortal(
    <span>
      <span>{title}</span>
    </span>,
    container,
  );
}
