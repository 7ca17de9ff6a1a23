import type { TBranding, TBrandingInput } from '@candor/schemas';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Alert, Box, Link, Stack, TextField, Typography } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Title, useGetIdentity, useNotify } from 'react-admin';
import { SaveBar } from '../../components/SaveBar';
import { Section } from '../../components/Section';
import { useUnsavedChangesWarning } from '../../components/UnsavedChanges';
import { toBase64 } from '../../files';
import { forgetMe, useMe } from '../../providers/authProvider';
import { toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { ColourField } from './ColourField';
import { HEX_COLOR } from './contrast';
import { HeaderPreview } from './HeaderPreview';
import { type LogoChange, LogoField } from './LogoField';

export const BRANDING_KEY = ['settings', 'branding'] as const;

type Errors = Partial<Record<'name' | 'primaryColor' | 'about' | 'logo' | 'form', string>>;

export function BrandingForm({
  branding,
  logoVersion,
  onLogoSaved,
}: {
  branding: TBranding;
  /** Bumped on every save: the logo keeps its URL when replaced, so a query string makes the browser refetch it. */
  logoVersion: number;
  onLogoSaved: () => void;
}) {
  const dataProvider = useCandorDataProvider();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const { refetch: refetchIdentity } = useGetIdentity();
  const { me } = useMe();
  const [name, setName] = useState(branding.name);
  const [primaryColor, setPrimaryColor] = useState(branding.primaryColor);
  const [about, setAbout] = useState(branding.about);
  const [logo, setLogo] = useState<LogoChange>({ kind: 'keep' });
  const [errors, setErrors] = useState<Errors>({});

  useEffect(
    () => () => {
      if (logo.kind === 'replace') URL.revokeObjectURL(logo.previewUrl);
    },
    [logo],
  );

  const save = useMutation({
    mutationFn: async () => {
      const input: TBrandingInput = {
        name,
        primaryColor,
        about,
        ...(logo.kind === 'replace' ? { logo: { contentBase64: await toBase64(logo.file) } } : {}),
        ...(logo.kind === 'remove' ? { logo: null } : {}),
      };
      return dataProvider.updateBranding(input);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(BRANDING_KEY, saved);
      setLogo({ kind: 'keep' });
      onLogoSaved();
      setErrors({});
      notify('Branding saved; the careers site is updated', { type: 'success' });
      // The tenant's name also shows in the app bar.
      forgetMe();
      void refetchIdentity();
    },
    onError: (error) => {
      const httpError = toHttpError(error);
      const fields: Record<string, string> = httpError.body?.errors ?? {};
      const next: Errors = {
        name: fields.name,
        primaryColor: fields.primaryColor,
        about: fields.about,
        logo: fields.logo ?? fields['logo.contentBase64'],
      };
      const any = Object.values(next).some(Boolean);
      setErrors({
        ...next,
        form: any ? 'Some fields are not valid; see the messages below.' : httpError.message,
      });
    },
  });

  const clear = (field: keyof Errors) =>
    setErrors((current) => ({ ...current, [field]: undefined, form: undefined }));
  const dirty =
    name !== branding.name ||
    primaryColor !== branding.primaryColor ||
    about !== branding.about ||
    logo.kind !== 'keep';
  useUnsavedChangesWarning(dirty);
  const disabled = save.isPending;
  const currentLogo = branding.logoUrl
    ? `${branding.logoUrl}${logoVersion ? `?v=${logoVersion}` : ''}`
    : null;
  const previewLogo = logo.kind === 'replace' ? logo.previewUrl : logo.kind === 'remove' ? null : currentLogo;
  const careersUrl = me ? `/careers/${me.tenant.slug}/` : null;

  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 4, maxWidth: 900 }}>
      <Title title="Branding" />
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1" sx={{ flex: 1 }}>
          Branding
        </Typography>
        {careersUrl && (
          <Link
            href={careersUrl}
            target="_blank"
            rel="noopener"
            sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}
          >
            Open the careers site
            <OpenInNewIcon fontSize="small" aria-hidden />
            <Box
              component="span"
              sx={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}
            >
              (opens in a new tab)
            </Box>
          </Link>
        )}
      </Stack>
      {errors.form && (
        <Alert severity="error" role="alert">
          {errors.form}
        </Alert>
      )}
      <Section
        id="branding-preview"
        title="Preview"
        hint="The header of every careers page, as it will look once saved."
      >
        <HeaderPreview
          name={name}
          color={HEX_COLOR.test(primaryColor) ? primaryColor : branding.primaryColor}
          logoSrc={previewLogo}
        />
      </Section>
      <Section id="branding-company" title="Company">
        <Stack spacing={3}>
          <TextField
            label="Company name"
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              clear('name');
            }}
            required
            error={Boolean(errors.name)}
            helperText={errors.name ?? 'Shown in the careers header, page titles and job ads.'}
            disabled={disabled}
            slotProps={{ htmlInput: { maxLength: 120 } }}
          />
          <TextField
            label="About"
            multiline
            minRows={3}
            maxRows={10}
            value={about}
            onChange={(event) => {
              setAbout(event.target.value);
              clear('about');
            }}
            error={Boolean(errors.about)}
            helperText={
              errors.about ?? `${about.length}/1000 · A few sentences on the careers site's front page.`
            }
            disabled={disabled}
            slotProps={{ htmlInput: { maxLength: 1000 } }}
          />
        </Stack>
      </Section>
      <Section id="branding-colour" title="Primary colour" hint="The careers header and links use it.">
        <ColourField
          value={primaryColor}
          onChange={(value) => {
            setPrimaryColor(value);
            clear('primaryColor');
          }}
          error={errors.primaryColor}
          disabled={disabled}
        />
      </Section>
      <Section id="branding-logo" title="Logo">
        <LogoField
          currentUrl={currentLogo}
          change={logo}
          onChange={(change) => {
            setLogo(change);
            clear('logo');
          }}
          error={errors.logo}
          onError={(message) => setErrors((current) => ({ ...current, logo: message }))}
          disabled={disabled}
        />
      </Section>
      <SaveBar
        saveLabel="Save branding"
        saving={save.isPending}
        disabled={disabled || !dirty}
        onSave={() => save.mutate()}
        onDiscard={() => {
          setName(branding.name);
          setPrimaryColor(branding.primaryColor);
          setAbout(branding.about);
          setLogo({ kind: 'keep' });
          setErrors({});
        }}
      />
    </Stack>
  );
}
