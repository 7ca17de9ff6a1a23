import { Alert, Box, CircularProgress, Stack, Typography } from '@mui/material';
import { GlobalWorkerOptions, getDocument, type PDFDocumentProxy } from 'pdfjs-dist';
// The worker ships as its own file beside the app's scripts (CSP: scripts from 'self' only).
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';

GlobalWorkerOptions.workerSrc = workerUrl;

/** Pages past this many are left to the download: a resume or letter is a few pages. */
const MAX_PAGES = 30;

/** One page drawn on a canvas as wide as the viewer, sharp on high-density screens. */
function PdfPage({ pdf, number, width }: { pdf: PDFDocumentProxy; number: number; width: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let cancelled = false;
    let task: { cancel: () => void; promise: Promise<void> } | undefined;
    void pdf.getPage(number).then((page) => {
      const target = canvas.current;
      if (cancelled || !target) return;
      const scale = width / page.getViewport({ scale: 1 }).width;
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: scale * ratio });
      target.width = Math.floor(viewport.width);
      target.height = Math.floor(viewport.height);
      target.style.width = `${Math.floor(viewport.width / ratio)}px`;
      target.style.height = `${Math.floor(viewport.height / ratio)}px`;
      task = page.render({ canvas: target, viewport });
      task.promise.catch(() => undefined);
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [pdf, number, width]);
  return (
    <Box
      component="canvas"
      ref={canvas}
      role="img"
      aria-label={`Page ${number} of ${pdf.numPages}`}
      data-rendered-page={number}
      sx={{ display: 'block', boxShadow: 1, bgcolor: 'common.white', maxWidth: '100%' }}
    />
  );
}

/**
 * A PDF rendered in the page with pdf.js, from the same audited download
 * the link uses. Scripts and forms inside the PDF are not run (pdf.js
 * renders, it does not execute document JavaScript; XFA forms are off).
 */
export function PdfPages({ url, name }: { url: string; name: string }) {
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    let cancelled = false;
    let task: ReturnType<typeof getDocument> | null = null;
    (async () => {
      const response = await fetch(url, { credentials: 'same-origin' });
      if (!response.ok)
        throw new Error(
          response.status === 403 ? 'You may not open this file.' : 'The file could not be loaded.',
        );
      const data = new Uint8Array(await response.arrayBuffer());
      if (cancelled) return;
      task = getDocument({ data, enableXfa: false });
      const loaded = await task.promise;
      if (!cancelled) setPdf(loaded);
    })().catch((cause: unknown) => {
      if (!cancelled) setError(cause instanceof Error ? cause.message : 'The file could not be read.');
    });
    return () => {
      cancelled = true;
      // Ends the document and its worker.
      void task?.destroy();
    };
  }, [url]);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) =>
      setWidth(Math.min(900, Math.floor(entry?.contentRect.width ?? 0))),
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const pages = pdf ? Math.min(pdf.numPages, MAX_PAGES) : 0;
  return (
    <Box ref={box} sx={{ width: '100%' }}>
      {error ? (
        <Alert severity="error">
          Could not show {name}: {error}
        </Alert>
      ) : !pdf || width === 0 ? (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} role="status">
          <CircularProgress size={16} aria-hidden />
          <Typography variant="body2" color="text.secondary">
            Opening {name}…
          </Typography>
        </Stack>
      ) : (
        <Stack spacing={2} sx={{ alignItems: 'center' }}>
          {Array.from({ length: pages }, (_, i) => (
            <PdfPage key={i + 1} pdf={pdf} number={i + 1} width={width} />
          ))}
          {pdf.numPages > pages && (
            <Typography variant="body2" color="text.secondary">
              The first {pages} of {pdf.numPages} pages are shown; download the file for the rest.
            </Typography>
          )}
        </Stack>
      )}
    </Box>
  );
}
