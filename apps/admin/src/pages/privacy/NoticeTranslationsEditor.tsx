import { LOCALE_NAMES, type TLocale, type TPrivacyNotice } from '@candor/schemas';
import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify } from 'react-admin';
import { toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { PRIVACY_NOTICES_KEY } from './queries';

/**
 * The saved draft's text in the careers site's other languages: publishing
 * freezes each with the version. A language left empty shows the default text.
 */
export function NoticeTranslationsEditor({ draft }: { draft: TPrivacyNotice }) {
  const dataProvider = useCandorDataProvider();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const { data: languages } = useQuery({
    queryKey: ['settings', 'languages'],
    queryFn: () => dataProvider.languages(),
  });
  const [texts, setTexts] = useState<Partial<Record<TLocale, string>>>(() =>
    Object.fromEntries(Object.entries(draft.translations).map(([l, t]) => [l, t?.bodyMd ?? ''])),
  );
  const [error, setError] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: () =>
      dataProvider.saveNoticeDraft({
        bodyMd: draft.bodyMd,
        translations: Object.fromEntries(
          Object.entries(texts)
            .filter(([, text]) => text?.trim())
            .map(([locale, text]) => [locale, { bodyMd: text ?? '', changeSummary: '' }]),
        ),
      }),
    onSuccess: async () => {
      setError(undefined);
      notify('Translations of the draft saved', { type: 'success' });
      await queryClient.invalidateQueries({ queryKey: PRIVACY_NOTICES_KEY });
    },
    onError: (e) => setError(toHttpError(e).message),
  });
  const others = (languages?.locales ?? []).filter((l) => l !== languages?.defaultLocale);
  if (others.length === 0) return null;
  return (
    <Box component="section" aria-labelledby="notice-translations">
      <Typography id="notice-translations" variant="subtitle1" component="h3" sx={{ mb: 1 }}>
        The saved draft in other languages
      </Typography>
      <Stack spacing={2}>
        {others.map((locale) => (
          <TextField
            key={locale}
            label={`Notice in ${LOCALE_NAMES[locale]} (Markdown)`}
            helperText="Leave empty to show the default text on this language's pages"
            multiline
            minRows={6}
            value={texts[locale] ?? ''}
            onChange={(e) => setTexts({ ...texts, [locale]: e.target.value })}
            fullWidth
          />
        ))}
        {error && <Alert severity="error">{error}</Alert>}
        <Box>
          <Button variant="outlined" onClick={() => save.mutate()} disabled={save.isPending}>
            Save translations
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
