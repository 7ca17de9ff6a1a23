import {
  brandContrast,
  LOGO_TYPES,
  MAX_LOGO_BYTES,
  NEAR_BLACK,
  type TBranding,
  type TBrandingInput,
  WHITE,
} from '@candor/schemas';
import DeleteOutlinedIcon from '@mui/icons-material/DeleteOutlined';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import UploadIcon from '@mui/icons-material/Upload';
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  FormHelperText,
  Link,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useEffect, useId, useRef, useState } from 'react';
import { Loading, Title, useGetIdentity, useNotify } from 'react-admin';
import { forgetMe, useMe } from '../../providers/authProvider';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { toHttpError } from '../../providers/errors';
import { sizeLabel, toBase64 } from '../../files';
import { HEX_COLOR, ratioLabel } from './contrast';
import { Section } from '../../components/Section';

const BRANDING_KEY = ['settings', 'branding'] as const;

/** What happens to the logo on save: kept as it is, replaced by a picked file, or removed. */
type LogoChange = { kind: 'keep' } | { kind: 'replace'; file: File; previewUrl: string } | { kind: 'remove' };

type Errors = Partial<Record<'name' | 'primaryColor' | 'about' | 'logo' | 'form', string>>;

/** The careers site's header as it will look: brand colour, readable text colour, logo or initial. */
function HeaderPreview({ name, color, logoSrc }: { name: string; color: string; logoSrc: string | null }) {
  const { text } = brandContrast(color);
  const initial = name.trim().slice(0, 1).toUpperCase() || '?';
  return (
    <Box
      role="img"
      aria-label={`Preview of the careers site header: ${name || 'company name'} on ${color}`}
      sx={{
        bgcolor: color,
        color: text,
        borderRadius: 1,
        px: 2.5,
        py: 2,
        display: 'flex',
        alignItems: 'center',
        gap: 1.5,
      }}
    >
      {logoSrc ? (
        <Box component="img" src={logoSrc} alt="" sx={{ height: 40, maxWidth: 160, objectFit: 'contain' }} />
      ) : (
        <Box
          aria-hidden
          sx={{
            display: 'inline-grid',
            placeItems: 'center',
            width: 40,
            height: 40,
            borderRadius: '10px',
            bgcolor: text,
            color,
            fontWeight: 700,
            fontSize: '1.2rem',
          }}
        >
          {initial}
        </Box>
      )}
      <Typography component="span" sx={{ fontWeight: 650, fontSize: '1.15rem', color: 'inherit' }}>
        {name || 'Company name'}
      </Typography>
    </Box>
  );
}

function ColourField({
  value,
  onChange,
  error,
  disabled,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  disabled: boolean;
}) {
  const pickerId = useId();
  const valid = HEX_COLOR.test(value);
  const contrast = valid ? brandContrast(value) : null;
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Box
          component="input"
          id={pickerId}
          type="color"
          aria-label="Pick the primary colour"
          // The picker only takes #rrggbb; while the text is being typed it keeps the last valid colour.
          value={valid ? value.toLowerCase() : '#000000'}
          onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
          disabled={disabled}
          sx={{
            width: 56,
            height: 56,
            p: 0.5,
            border: 1,
            borderColor: 'divider',
            borderRadius: 1,
            bgcolor: 'background.paper',
            cursor: 'pointer',
          }}
        />
        <TextField
          label="Primary colour"
          value={value}
          onChange={(event) => onChange(event.target.value.trim())}
          error={Boolean(error) || (!valid && value !== '')}
          helperText={error ?? (valid ? 'Hex, like #1f6feb' : 'Use a colour like #1f6feb')}
          disabled={disabled}
          sx={{ width: 200 }}
          slotProps={{ htmlInput: { maxLength: 7, spellCheck: false, style: { fontFamily: 'monospace' } } }}
        />
      </Stack>
      {contrast &&
        (contrast.poor ? (
          <Alert severity="warning" role="status">
            Text is hard to read on this colour: {ratioLabel(contrast.withWhite)} with white text and{' '}
            {ratioLabel(contrast.withNearBlack)} with near-black text. Pick a darker or lighter shade so one
            of them reaches 4.5:1.
          </Alert>
        ) : (
          <FormHelperText role="status">
            The careers header uses {contrast.text === WHITE ? 'white' : 'near-black'} text on this colour
            (contrast {ratioLabel(contrast.text === NEAR_BLACK ? contrast.withNearBlack : contrast.withWhite)}
            ).
          </FormHelperText>
        ))}
    </Stack>
  );
}

function LogoField({
  currentUrl,
  change,
  onChange,
  error,
  onError,
  disabled,
}: {
  currentUrl: string | null;
  change: LogoChange;
  onChange: (change: LogoChange) => void;
  error?: string;
  onError: (message: string | undefined) => void;
  disabled: boolean;
}) {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const shown = change.kind === 'replace' ? change.previewUrl : change.kind === 'remove' ? null : currentUrl;
  // A file named .png that is not one (the server refuses it by its bytes) shows no broken-image icon.
  const [brokenSrc, setBrokenSrc] = useState<string | null>(null);

  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (!(LOGO_TYPES as readonly string[]).includes(file.type)) {
      onError('Use a PNG, JPEG or WebP image');
      return;
    }
    if (file.size > MAX_LOGO_BYTES) {
      onError(`The image is ${sizeLabel(file.size)}; the limit is ${MAX_LOGO_BYTES / 1024} KB`);
      return;
    }
    onError(undefined);
    onChange({ kind: 'replace', file, previewUrl: URL.createObjectURL(file) });
  };

  return (
    <Stack spacing={1.5}>
      <Box
        sx={{
          width: 220,
          height: 96,
          display: 'grid',
          placeItems: 'center',
          border: 1,
          borderStyle: shown ? 'solid' : 'dashed',
          borderColor: error ? 'error.main' : 'divider',
          borderRadius: 1,
          bgcolor: 'grey.50',
        }}
      >
        {shown && brokenSrc === shown ? (
          <Typography variant="body2" color="text.secondary" sx={{ px: 2, textAlign: 'center' }}>
            This file cannot be shown as an image
          </Typography>
        ) : shown ? (
          <Box
            component="img"
            src={shown}
            alt={change.kind === 'replace' ? 'New logo (not saved yet)' : 'Current logo'}
            onError={() => setBrokenSrc(shown)}
            sx={{ maxWidth: 200, maxHeight: 80, objectFit: 'contain' }}
          />
        ) : (
          <Typography variant="body2" color="text.secondary" sx={{ px: 2, textAlign: 'center' }}>
            No logo: the careers site shows the first letter of the name
          </Typography>
        )}
      </Box>
      <input
        ref={inputRef}
        id={inputId}
        type="file"
        accept={LOGO_TYPES.join(',')}
        onChange={pick}
        disabled={disabled}
        hidden
      />
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Button
          variant="outlined"
          startIcon={<UploadIcon />}
          onClick={() => inputRef.current?.click()}
          disabled={disabled}
          aria-describedby={`${inputId}-help`}
        >
          {shown ? 'Replace logo' : 'Upload logo'}
        </Button>
        {shown && (
          <Button
            color="error"
            startIcon={<DeleteOutlinedIcon />}
            onClick={() => onChange({ kind: 'remove' })}
            disabled={disabled}
          >
            Remove logo
          </Button>
        )}
        {change.kind !== 'keep' && (
          <Button onClick={() => onChange({ kind: 'keep' })} disabled={disabled}>
            Keep the current logo
          </Button>
        )}
      </Stack>
      <FormHelperText id={`${inputId}-help`} error={Boolean(error)} role={error ? 'alert' : undefined}>
        {error ??
          `PNG, JPEG or WebP, at most ${MAX_LOGO_BYTES / 1024} KB. Shown at 40 px high on the brand colour.`}
      </FormHelperText>
    </Stack>
  );
}

function BrandingForm({
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
      <Box
        // Like the settings page: the save button stays in view on this long page.
        sx={{
          display: 'flex',
          gap: 1,
          position: 'sticky',
          bottom: 0,
          zIndex: 1,
          py: 1.5,
          px: 2,
          bgcolor: 'background.paper',
          borderTop: 1,
          borderColor: 'divider',
          boxShadow: 3,
        }}
      >
        <Button
          variant="contained"
          onClick={() => save.mutate()}
          disabled={disabled || !dirty}
          startIcon={save.isPending ? <CircularProgress size={16} color="inherit" /> : undefined}
        >
          Save branding
        </Button>
        <Button
          onClick={() => {
            setName(branding.name);
            setPrimaryColor(branding.primaryColor);
            setAbout(branding.about);
            setLogo({ kind: 'keep' });
            setErrors({});
          }}
          disabled={disabled || !dirty}
        >
          Discard changes
        </Button>
      </Box>
    </Stack>
  );
}

/** How the careers site looks: name, colour, about text and logo; for owners and admins (settings.manage). */
export function BrandingPage() {
  const dataProvider = useCandorDataProvider();
  const [logoVersion, setLogoVersion] = useState(0);
  const {
    data: branding,
    isPending,
    error,
  } = useQuery({
    queryKey: BRANDING_KEY,
    queryFn: () => dataProvider.branding(),
  });
  if (isPending) return <Loading />;
  if (error || !branding) {
    return (
      <Alert severity="error" sx={{ mt: 2 }}>
        Could not load the branding: {error ? toHttpError(error).message : 'unknown error'}
      </Alert>
    );
  }
  // Restarted from the saved values after each save.
  return (
    <BrandingForm
      key={JSON.stringify(branding)}
      branding={branding}
      logoVersion={logoVersion}
      onLogoSaved={() => setLogoVersion(Date.now())}
    />
  );
}
