import { defaultNoticeMd, type TNoticePublishInput, type TPrivacyNotice } from '@candor/schemas';
import PublishIcon from '@mui/icons-material/Publish';
import SaveOutlinedIcon from '@mui/icons-material/SaveOutlined';
import {
  Alert,
  Box,
  Button,
  Chip,
  CircularProgress,
  Paper,
  Skeleton,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useNotify } from 'react-admin';
import { LoadingBlock } from '../../components/LoadingBlock';
import { Markdown } from '../../components/Markdown';
import { Section } from '../../components/Section';
import { useUnsavedChangesWarning } from '../../components/UnsavedChanges';
import { dateTimeLabel } from '../../lib/dates';
import { useMe } from '../../providers/authProvider';
import { toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { NoticeTranslationsEditor } from './NoticeTranslationsEditor';
import { NoticeVersions } from './NoticeVersions';
import { PublishNoticeDialog } from './PublishNoticeDialog';
import { PRIVACY_NOTICES_KEY } from './queries';

type Props = { notices: TPrivacyNotice[]; companyName: string };

/** Where a new draft starts: the saved draft, else the newest version, else Candor's template. */
function startingText({ notices, companyName }: Props): string {
  const draft = notices.find((n) => n.version === null);
  const latest = notices.find((n) => n.version !== null);
  return draft?.bodyMd ?? latest?.bodyMd ?? defaultNoticeMd(companyName);
}

function DraftEditor({ notices, companyName }: Props) {
  const dataProvider = useCandorDataProvider();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const id = useId();
  const draft = notices.find((n) => n.version === null) ?? null;
  const latest = notices.find((n) => n.version !== null) ?? null;
  const [body, setBody] = useState(() => startingText({ notices, companyName }));
  const [error, setError] = useState<{ bodyMd?: string; form?: string }>({});
  const [publishing, setPublishing] = useState(false);
  const dirty = body !== (draft?.bodyMd ?? null);
  // Without a saved draft the editor starts from a template: only edits to it are unsaved changes.
  useUnsavedChangesWarning(body !== (draft?.bodyMd ?? startingText({ notices, companyName })));
  const nextVersion = (latest?.version ?? 0) + 1;

  const refresh = () => queryClient.invalidateQueries({ queryKey: PRIVACY_NOTICES_KEY });

  const save = useMutation({
    mutationFn: () => dataProvider.saveNoticeDraft({ bodyMd: body }),
    onSuccess: async () => {
      notify('Draft saved', { type: 'success' });
      await refresh();
    },
    onError: (err) => {
      const httpError = toHttpError(err);
      const bodyMd = httpError.body?.errors?.bodyMd;
      setError({ bodyMd, form: bodyMd ? undefined : httpError.message });
    },
  });

  // Unsaved text is saved as the draft first, so what is published is exactly what is on screen.
  const publish = async (input: TNoticePublishInput) => {
    if (dirty || !draft) {
      try {
        await dataProvider.saveNoticeDraft({ bodyMd: body });
      } catch (err) {
        const httpError = toHttpError(err);
        const bodyMd = httpError.body?.errors?.bodyMd;
        setError({ bodyMd, form: bodyMd ? undefined : httpError.message });
        throw new Error(`The draft could not be saved: ${bodyMd ?? httpError.message}`);
      }
    }
    const published = await dataProvider.publishNotice(input);
    notify(`Version ${published.version} published`, { type: 'success' });
    await refresh();
  };

  const status = draft
    ? `Draft saved ${dateTimeLabel(draft.updatedAt)}${dirty ? ' · unsaved changes' : ''}`
    : latest
      ? `No draft: this is a copy of version ${latest.version}. Save it to start the next version.`
      : "No notice yet: this is Candor's template. Adapt it to your company, then save and publish it.";

  return (
    <Stack spacing={2}>
      {error.form && (
        <Alert severity="error" role="alert">
          {error.form}
        </Alert>
      )}
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Chip
          size="small"
          color={draft ? 'info' : 'default'}
          variant="outlined"
          label={draft ? 'Draft' : 'Not saved'}
        />
        <Typography variant="body2" color="text.secondary" role="status">
          {status}
        </Typography>
      </Stack>
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 1fr) minmax(0, 1fr)' },
          alignItems: 'start',
        }}
      >
        <TextField
          label="Notice (Markdown)"
          multiline
          minRows={16}
          maxRows={32}
          value={body}
          onChange={(event) => {
            setBody(event.target.value);
            setError({});
          }}
          error={Boolean(error.bodyMd)}
          helperText={
            error.bodyMd ??
            'Markdown: # for a heading, - for a bullet, **bold**, [text](https://…) for a link.'
          }
          disabled={save.isPending}
          fullWidth
          slotProps={{ htmlInput: { 'aria-describedby': `${id}-preview-note`, spellCheck: true } }}
        />
        <Box component="section" aria-labelledby={`${id}-preview`}>
          <Typography
            id={`${id}-preview`}
            variant="subtitle2"
            component="h3"
            color="text.secondary"
            sx={{ mb: 0.5 }}
          >
            Preview
          </Typography>
          {/* Scrolls on its own once the notice is long, so keyboard users can focus it and scroll (WCAG 2.1.1). */}
          <Paper variant="outlined" tabIndex={0} sx={{ p: 2, maxHeight: 640, overflowY: 'auto' }}>
            <Markdown source={body} emptyText="Nothing to preview yet: write the notice first." />
          </Paper>
          <Typography id={`${id}-preview-note`} variant="caption" color="text.secondary">
            As applicants see it on the careers site. HTML is shown as text, never run.
          </Typography>
        </Box>
      </Box>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Button
          variant="outlined"
          startIcon={
            save.isPending ? <CircularProgress size={16} color="inherit" aria-hidden /> : <SaveOutlinedIcon />
          }
          onClick={() => save.mutate()}
          disabled={save.isPending || (draft !== null && !dirty)}
        >
          Save draft
        </Button>
        <Button
          variant="contained"
          startIcon={<PublishIcon />}
          onClick={() => setPublishing(true)}
          disabled={save.isPending || body.trim() === ''}
        >
          Publish…
        </Button>
        {draft && dirty && (
          <Button onClick={() => setBody(draft.bodyMd)} disabled={save.isPending}>
            Discard changes
          </Button>
        )}
      </Stack>
      {draft && <NoticeTranslationsEditor key={draft.updatedAt} draft={draft} />}
      <PublishNoticeDialog
        open={publishing}
        nextVersion={nextVersion}
        onClose={() => setPublishing(false)}
        onSubmit={publish}
      />
    </Stack>
  );
}

/** The privacy notice: the one draft with a live preview, publishing, and the published versions. */
export function NoticeSection() {
  const dataProvider = useCandorDataProvider();
  const { me } = useMe();
  const {
    data: notices,
    isPending,
    error,
  } = useQuery({
    queryKey: PRIVACY_NOTICES_KEY,
    queryFn: () => dataProvider.notices(),
    // While a material change is being emailed, its progress moves on its own.
    refetchInterval: (query) =>
      query.state.data?.some((n) => n.mailing?.state === 'sending') ? 5_000 : false,
  });
  const draft = notices?.find((n) => n.version === null);

  return (
    <Stack spacing={2}>
      <Section
        id="privacy-notice"
        title="Privacy notice"
        hint="What applicants read before they apply: who you are, what you collect and why, who sees it, how long you keep it and their rights. Edit the draft, then publish it as a new version."
      >
        {isPending || !me ? (
          <Stack spacing={2} aria-busy="true" aria-label="Loading the privacy notice">
            <Skeleton variant="rectangular" height={320} />
          </Stack>
        ) : error ? (
          <Alert severity="error">Could not load the privacy notice: {toHttpError(error).message}</Alert>
        ) : (
          <DraftEditor
            // Restarted from the server's text when a draft is created or published.
            key={`${draft?.id ?? 'none'}:${notices.length}`}
            notices={notices}
            companyName={me.tenant.name}
          />
        )}
      </Section>
      <Section
        id="privacy-notice-versions"
        title="Published versions"
        hint="Every version stays in the archive applicants can read; the one in effect is shown on the apply form."
      >
        {isPending ? (
          <LoadingBlock label="Loading the published versions" height={120} />
        ) : error ? null : (
          <NoticeVersions notices={notices} />
        )}
      </Section>
    </Stack>
  );
}
