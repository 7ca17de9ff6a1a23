import type { TGlobalSearchResult } from '@candor/schemas';
import { Autocomplete, Dialog, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { trpc } from '../../trpc';

interface Option {
  kind: 'Candidates' | 'Jobs' | 'Applications';
  key: string;
  label: string;
  detail: string;
  to: string;
}

function optionsOf(result: TGlobalSearchResult | undefined): Option[] {
  if (!result) return [];
  return [
    ...result.jobs.map((j) => ({
      kind: 'Jobs' as const,
      key: `j${j.id}`,
      label: j.title,
      detail: j.status,
      to: `/jobs/${j.id}/show`,
    })),
    ...result.candidates.map((c) => ({
      kind: 'Candidates' as const,
      key: `c${c.id}`,
      label: c.name,
      detail: c.email,
      to: `/candidates/${c.id}/show`,
    })),
    ...result.applications.map((a) => ({
      kind: 'Applications' as const,
      key: `a${a.id}`,
      label: a.candidate.blind ? a.candidate.alias : a.candidate.name,
      detail: a.job.title,
      to: `/applications/${a.id}/show`,
    })),
  ];
}

/** Said with each option: MUI's option groups are not an accessible listbox (axe), so each option names its kind. */
const KIND_LABELS: Record<Option['kind'], string> = {
  Jobs: 'Job',
  Candidates: 'Candidate',
  Applications: 'Application',
};

/** Waits for typing to pause before searching. */
function useSettled(value: string, ms = 200): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The command palette (Ctrl-K / Cmd-K): type part of a name, an email or a
 * job's title; arrow keys pick, Enter opens. Loaded on its first opening.
 */
export default function CommandPalette({ open, onClose }: { open: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const [input, setInput] = useState('');
  const q = useSettled(input.trim());
  const found = useQuery({
    queryKey: ['search', 'global', q],
    queryFn: () => trpc.search.global.query({ q }),
    enabled: /[\p{L}\p{N}]/u.test(q),
    placeholderData: keepPreviousData,
  });
  const options = q ? optionsOf(found.data) : [];
  return (
    <Dialog
      open={open}
      onClose={onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby="command-palette-title"
      // Near the top, and the list may reach out of the dialog's box (it is drawn inside it, for the focus trap).
      sx={{ '& .MuiDialog-container': { alignItems: 'flex-start' } }}
      slotProps={{ paper: { sx: { mt: '12vh', overflow: 'visible' } } }}
    >
      <DialogTitle id="command-palette-title">Go to a candidate, job or application</DialogTitle>
      <DialogContent sx={{ overflow: 'visible', pb: 3 }}>
        <Autocomplete<Option>
          open={q !== ''}
          disablePortal
          autoHighlight
          options={options}
          getOptionLabel={(o) => o.label}
          getOptionKey={(o) => o.key}
          filterOptions={(x) => x}
          loading={found.isFetching}
          noOptionsText={found.isFetching ? 'Searching…' : 'Nothing found'}
          inputValue={input}
          onInputChange={(_, value, reason) => reason !== 'reset' && setInput(value)}
          // The list's open state is ours, so the list keeps Escape to itself: it closes the palette instead.
          onClose={(_, reason) => reason === 'escape' && onClose()}
          onChange={(_, option) => {
            if (!option) return;
            onClose();
            navigate(option.to);
          }}
          renderOption={({ key, ...props }, option) => (
            <li key={key} {...props}>
              <span>
                {option.label}
                <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
                  {KIND_LABELS[option.kind]} · {option.detail}
                </Typography>
              </span>
            </li>
          )}
          renderInput={(params) => (
            <TextField
              {...params}
              autoFocus
              label="Search"
              placeholder="Name, email or job title"
              sx={{ mt: 1 }}
            />
          )}
          slotProps={{ listbox: { sx: { maxHeight: '50vh' } } }}
        />
      </DialogContent>
    </Dialog>
  );
}
