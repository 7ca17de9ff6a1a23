import {
  APPLICATION_SOURCES,
  DOCUMENT_SOURCES,
  RECOMMENDATIONS,
  SOURCE_LABELS as SOURCE_LABELS_BY_ORIGIN,
  type TDocumentSearchHit,
  type TSavedSearch,
  ZDocumentSearchFilter,
} from '@candor/schemas';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  Chip,
  CircularProgress,
  FormControlLabel,
  IconButton,
  List,
  ListItem,
  ListItemButton,
  ListItemText,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Title } from 'react-admin';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { PageHeading } from '../../components/PageHeading';
import { toHttpError } from '../../providers/errors';
import { trpc } from '../../trpc';

const SOURCE_LABELS: Record<TDocumentSearchHit['source'], string> = {
  resume: 'Resume',
  cover_letter: 'Cover letter',
  other: 'Other file',
  answers: 'Answers',
};
const RECOMMENDATION_LABELS: Record<(typeof RECOMMENDATIONS)[number], string> = {
  strong_no: 'Any recommendation',
  no: 'No or better',
  yes: 'Yes or better',
  strong_yes: 'Strong yes',
};

/** The search as the URL keeps it (so a search can be linked, saved and run again). */
interface Form {
  q: string;
  in: string;
  source: string;
  minRecommendation: string;
  location: string;
  talentPool: boolean;
}

function formOf(params: URLSearchParams): Form {
  return {
    q: params.get('q') ?? '',
    in: params.get('in') ?? '',
    source: params.get('source') ?? '',
    minRecommendation: params.get('minRecommendation') ?? '',
    location: params.get('location') ?? '',
    talentPool: params.get('talentPool') === 'true',
  };
}

/** The API's filter from the form: empty fields left out. */
function filterOf(form: Form): Record<string, string | boolean | string[]> {
  return {
    q: form.q,
    ...(form.in ? { in: [form.in] } : {}),
    ...(form.source ? { source: form.source } : {}),
    ...(form.minRecommendation ? { minRecommendation: form.minRecommendation } : {}),
    ...(form.location.trim() ? { location: form.location.trim() } : {}),
    ...(form.talentPool ? { talentPool: true } : {}),
  };
}

function paramsOf(filter: Record<string, unknown>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (Array.isArray(value)) {
      if (value[0]) params[key] = String(value[0]);
    } else if (value !== undefined && value !== '' && value !== false) params[key] = String(value);
  }
  return params;
}

const SAVED_KEY = ['search', 'saved'];

/** The matched words in bold, the rest as it reads. */
function Snippet({ parts }: { parts: TDocumentSearchHit['snippet'] }) {
  return (
    <Typography variant="body2" color="text.secondary" component="span" data-testid="snippet">
      {parts.map((part, i) =>
        part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </Typography>
  );
}

function HitItem({ hit }: { hit: TDocumentSearchHit }) {
  const who = hit.candidate.blind ? hit.candidate.alias : hit.candidate.name;
  const to = hit.application
    ? `/applications/${hit.application.id}/show`
    : `/candidates/${hit.candidate.blind ? '' : hit.candidate.id}/show`;
  return (
    <ListItem disablePadding divider>
      <ListItemButton component={Link} to={to} sx={{ alignItems: 'flex-start' }}>
        <ListItemText
          primary={
            // A gap rather than margins: a line that wraps starts flush, not indented.
            <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography component="span" sx={{ fontWeight: 500 }}>
                {who}
              </Typography>
              {hit.application && (
                <Typography component="span" variant="body2" color="text.secondary">
                  {hit.application.job.title}
                </Typography>
              )}
              <Chip size="small" variant="outlined" label={SOURCE_LABELS[hit.source]} />
            </Stack>
          }
          secondary={<Snippet parts={hit.snippet} />}
          slotProps={{ secondary: { component: 'div' } }}
        />
      </ListItemButton>
    </ListItem>
  );
}

function SavedSearches({ onRun }: { onRun: (saved: TSavedSearch) => void }) {
  const queryClient = useQueryClient();
  const saved = useQuery({ queryKey: SAVED_KEY, queryFn: () => trpc.search.saved.query() });
  const remove = useMutation({
    mutationFn: (id: string) => trpc.search.deleteSaved.mutate({ id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SAVED_KEY }),
  });
  return (
    <Card variant="outlined" component="section" aria-labelledby="saved-searches">
      <CardContent>
        <Typography variant="h6" component="h2" id="saved-searches">
          Saved searches
        </Typography>
        {saved.isPending ? (
          <CircularProgress size={24} aria-label="Loading saved searches" />
        ) : (saved.data ?? []).length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            None yet. Search, then save it under a name to run it again later.
          </Typography>
        ) : (
          <List dense>
            {(saved.data ?? []).map((s) => (
              <ListItem
                key={s.id}
                disablePadding
                secondaryAction={
                  <IconButton
                    edge="end"
                    aria-label={`Delete saved search ${s.name}`}
                    onClick={() => remove.mutate(s.id)}
                  >
                    <DeleteOutlineIcon />
                  </IconButton>
                }
              >
                <ListItemButton onClick={() => onRun(s)}>
                  <ListItemText primary={s.name} secondary={String(s.filter.q ?? '')} />
                </ListItemButton>
              </ListItem>
            ))}
          </List>
        )}
      </CardContent>
    </Card>
  );
}

/**
 * Full-text search in candidates' resumes, cover letters and answers, best
 * matches first with the passage that matched; filters; saved searches.
 */
export function SearchPage() {
  const [params, setParams] = useSearchParams();
  const current = formOf(params);
  const [form, setForm] = useState<Form>(current);
  const [saveName, setSaveName] = useState('');
  const queryClient = useQueryClient();
  const filter = filterOf(current);
  const valid = ZDocumentSearchFilter.safeParse(filter);
  const results = useQuery({
    queryKey: ['search', 'documents', filter],
    queryFn: () => trpc.search.documents.query({ filter: valid.data! }),
    enabled: valid.success,
    placeholderData: keepPreviousData,
  });
  const save = useMutation({
    mutationFn: () => trpc.search.save.mutate({ name: saveName, scope: 'documents', filter }),
    onSuccess: () => {
      setSaveName('');
      return queryClient.invalidateQueries({ queryKey: SAVED_KEY });
    },
  });
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(paramsOf(filterOf(form)));
  };
  const run = (saved: TSavedSearch) => {
    const next = formOf(new URLSearchParams(paramsOf(saved.filter)));
    setForm(next);
    setParams(paramsOf(filterOf(next)));
  };
  const saveError = save.error ? toHttpError(save.error) : null;
  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 4 }}>
      <Title title="Search in documents" />
      <PageHeading>Search in documents</PageHeading>
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Stack spacing={2} sx={{ flex: 1, minWidth: 0, width: '100%' }}>
          <Card variant="outlined">
            <CardContent>
              <Box component="form" role="search" onSubmit={submit}>
                <Stack spacing={2}>
                  <Stack direction="row" spacing={1}>
                    <TextField
                      label="Words in resumes, cover letters and answers"
                      value={form.q}
                      onChange={(e) => set({ q: e.target.value })}
                      fullWidth
                      slotProps={{ htmlInput: { maxLength: 200 } }}
                    />
                    <Button type="submit" variant="contained">
                      Search
                    </Button>
                  </Stack>
                  {/* As many filters on a line as fit, the rest on the next: none squeezed out of sight. */}
                  <Box
                    sx={{
                      display: 'grid',
                      gap: 2,
                      gridTemplateColumns: { xs: '1fr', md: 'repeat(auto-fill, minmax(180px, 1fr))' },
                      alignItems: 'center',
                    }}
                  >
                    <TextField
                      select
                      label="In"
                      slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
                      value={form.in}
                      onChange={(e) => set({ in: e.target.value })}
                    >
                      <MenuItem value="">All documents</MenuItem>
                      {DOCUMENT_SOURCES.map((s) => (
                        <MenuItem key={s} value={s}>
                          {SOURCE_LABELS[s]}
                        </MenuItem>
                      ))}
                    </TextField>
                    <TextField
                      select
                      label="Source"
                      slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
                      value={form.source}
                      onChange={(e) => set({ source: e.target.value })}
                    >
                      <MenuItem value="">Any source</MenuItem>
                      {APPLICATION_SOURCES.map((s) => (
                        <MenuItem key={s} value={s}>
                          {SOURCE_LABELS_BY_ORIGIN[s]}
                        </MenuItem>
                      ))}
                    </TextField>
                    <TextField
                      select
                      label="Rating"
                      slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
                      value={form.minRecommendation}
                      onChange={(e) => set({ minRecommendation: e.target.value })}
                    >
                      <MenuItem value="">Rated or not</MenuItem>
                      {RECOMMENDATIONS.map((r) => (
                        <MenuItem key={r} value={r}>
                          {RECOMMENDATION_LABELS[r]}
                        </MenuItem>
                      ))}
                    </TextField>
                    <TextField
                      label="Location"
                      value={form.location}
                      onChange={(e) => set({ location: e.target.value })}
                    />
                    <FormControlLabel
                      control={
                        <Checkbox
                          checked={form.talentPool}
                          onChange={(e) => set({ talentPool: e.target.checked })}
                        />
                      }
                      label="In the talent pool"
                      sx={{ whiteSpace: 'nowrap', ml: 0 }}
                    />
                  </Box>
                </Stack>
              </Box>
            </CardContent>
          </Card>
          {current.q === '' ? (
            <EmptyState
              title="Search the text of every document"
              hint="Type words from a resume, a cover letter or an answer: every word must occur."
            />
          ) : !valid.success ? (
            <Alert severity="warning">Type a word to search for.</Alert>
          ) : results.isPending ? (
            <Box sx={{ display: 'flex', justifyContent: 'center', py: 3 }}>
              <CircularProgress aria-label="Searching" />
            </Box>
          ) : results.isError ? (
            <Alert severity="error">{toHttpError(results.error).message}</Alert>
          ) : (
            <Card variant="outlined" component="section" aria-label="Results">
              <Stack
                direction={{ xs: 'column', sm: 'row' }}
                spacing={1}
                sx={{ p: 2, alignItems: { sm: 'center' }, justifyContent: 'space-between' }}
              >
                <Typography role="status">
                  {results.data.total === 0
                    ? 'No document matches'
                    : `${results.data.total}${results.data.capped ? '+' : ''} ${results.data.total === 1 ? 'match' : 'matches'}, best first`}
                </Typography>
                <Stack
                  direction="row"
                  spacing={1}
                  component="form"
                  onSubmit={(e: FormEvent) => {
                    e.preventDefault();
                    save.mutate();
                  }}
                >
                  <TextField
                    size="small"
                    label="Name this search"
                    value={saveName}
                    onChange={(e) => setSaveName(e.target.value)}
                    error={Boolean(saveError)}
                    helperText={saveError?.message}
                    slotProps={{ htmlInput: { maxLength: 80 } }}
                  />
                  <Button
                    type="submit"
                    disabled={!saveName.trim() || save.isPending}
                    sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
                  >
                    Save search
                  </Button>
                </Stack>
              </Stack>
              {results.data.data.length === 0 ? (
                <EmptyState title="No document matches" hint="Try fewer words or fewer filters." />
              ) : (
                <List disablePadding>
                  {results.data.data.map((hit) => (
                    <HitItem key={hit.id} hit={hit} />
                  ))}
                </List>
              )}
            </Card>
          )}
        </Stack>
        <Box sx={{ width: { xs: '100%', lg: 320 }, flexShrink: 0 }}>
          <SavedSearches onRun={run} />
        </Box>
      </Stack>
    </Stack>
  );
}
