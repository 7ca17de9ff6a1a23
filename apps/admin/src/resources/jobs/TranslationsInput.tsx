import { LOCALE_NAMES } from '@candor/schemas';
import { Box, Skeleton, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { TextInput } from 'react-admin';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';

/**
 * The job's title and description in the careers site's other languages
 * (Settings → Languages). A language left without a title shows the default
 * wording on its pages.
 */
export function TranslationsInput() {
  const dataProvider = useCandorDataProvider();
  const { data, isPending } = useQuery({
    queryKey: ['settings', 'languages'],
    queryFn: () => dataProvider.languages(),
  });
  if (isPending) return <Skeleton variant="rounded" height={56} />;
  const others = (data?.locales ?? []).filter((locale) => locale !== data?.defaultLocale);
  if (others.length === 0)
    return (
      <Typography variant="body2" color="text.secondary">
        The careers site is in one language. Offer more in Settings → Languages to translate this job.
      </Typography>
    );
  return (
    <Box sx={{ width: '100%' }}>
      {others.map((locale) => (
        <Box key={locale} sx={{ mb: 1 }}>
          <TextInput
            source={`translations.${locale}.title`}
            label={`Job title (${LOCALE_NAMES[locale]})`}
            helperText="Leave empty to show the default title and description"
            fullWidth
          />
          <TextInput
            source={`translations.${locale}.descriptionMd`}
            label={`Description (${LOCALE_NAMES[locale]})`}
            helperText="Markdown, as the description"
            multiline
            minRows={4}
            fullWidth
          />
        </Box>
      ))}
    </Box>
  );
}
