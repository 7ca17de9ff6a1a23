import { CAREERS_LOCALES, LOCALE_NAMES, type TLanguageSettings, type TLocale } from '@candor/schemas';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  CircularProgress,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormLabel,
  MenuItem,
  Skeleton,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify } from 'react-admin';
import { useUnsavedChangesWarning } from '../../components/UnsavedChanges';
import { toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';

const LANGUAGES_KEY = ['settings', 'languages'] as const;

function LanguagesForm({ saved }: { saved: TLanguageSettings }) {
  const dataProvider = useCandorDataProvider();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [draft, setDraft] = useState<TLanguageSettings>(saved);
  const [error, setError] = useState<string | undefined>();
  const dirty = draft.defaultLocale !== saved.defaultLocale || draft.locales.join() !== saved.locales.join();
  useUnsavedChangesWarning(dirty);

  const save = useMutation({
    mutationFn: (next: TLanguageSettings) => dataProvider.updateLanguages(next),
    onSuccess: (next) => {
      queryClient.setQueryData(LANGUAGES_KEY, next);
      setDraft(next);
      setError(undefined);
      notify('Languages saved: the careers site is published in them', { type: 'success' });
    },
    onError: (e) => setError(toHttpError(e).message),
  });

  const toggle = (locale: TLocale, on: boolean) => {
    // In the order of the list, so the switcher is the same on every page.
    const locales = CAREERS_LOCALES.filter((l) => (l === locale ? on : draft.locales.includes(l)));
    const defaultLocale = locales.includes(draft.defaultLocale) ? draft.defaultLocale : (locales[0] ?? 'en');
    setDraft({ locales, defaultLocale });
    setError(undefined);
  };

  return (
    <Box
      component="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(draft);
      }}
    >
      <FormControl component="fieldset" sx={{ mb: 2 }}>
        <FormLabel component="legend">Languages of the careers site</FormLabel>
        <FormGroup row>
          {CAREERS_LOCALES.map((locale) => (
            <FormControlLabel
              key={locale}
              control={
                <Checkbox
                  checked={draft.locales.includes(locale)}
                  disabled={draft.locales.length === 1 && draft.locales.includes(locale)}
                  onChange={(e) => toggle(locale, e.target.checked)}
                />
              }
              label={LOCALE_NAMES[locale]}
            />
          ))}
        </FormGroup>
      </FormControl>
      <TextField
        select
        label="Default language"
        value={draft.defaultLocale}
        onChange={(e) => setDraft({ ...draft, defaultLocale: e.target.value as TLocale })}
        helperText="For visitors whose browser asks for none of these. Your own email wording is in this language."
        sx={{ minWidth: 240, display: 'flex', mb: 2 }}
      >
        {draft.locales.map((locale) => (
          <MenuItem key={locale} value={locale}>
            {LOCALE_NAMES[locale]}
          </MenuItem>
        ))}
      </TextField>
      {error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {error}
        </Alert>
      )}
      <Button
        type="submit"
        variant="contained"
        disabled={!dirty || save.isPending}
        startIcon={save.isPending ? <CircularProgress size={16} aria-hidden /> : undefined}
      >
        Save languages
      </Button>
    </Box>
  );
}

/**
 * Which languages the careers site, the applicant pages and candidate emails
 * are offered in. Visitors get their browser's language among them (with a
 * switcher); candidates are written to in the language they applied in.
 */
export function LanguagesEditor() {
  const dataProvider = useCandorDataProvider();
  const { data, isPending, error } = useQuery({
    queryKey: LANGUAGES_KEY,
    queryFn: () => dataProvider.languages(),
  });
  return (
    <Box component="section" aria-labelledby="languages-heading">
      <Typography id="languages-heading" variant="h6" component="h2" sx={{ mb: 1 }}>
        Languages
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        Each language gets its own careers pages, apply form and privacy portal. A job or a privacy notice
        shows in its default wording where it has no translation.
      </Typography>
      {isPending ? (
        <Skeleton variant="rounded" height={120} />
      ) : error || !data ? (
        <Alert severity="error">Could not load the languages: {error?.message ?? 'unknown error'}</Alert>
      ) : (
        <LanguagesForm saved={data} />
      )}
    </Box>
  );
}
