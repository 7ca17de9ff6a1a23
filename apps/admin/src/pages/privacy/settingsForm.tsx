import type { TPrivacySettings } from '@candor/schemas';
import { Alert, Skeleton, Stack } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useNotify } from 'react-admin';
import { Section } from '../../components/Section';
import { useUnsavedChangesWarning } from '../../components/UnsavedChanges';
import { toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { type Errors, PRIVACY_SETTINGS_KEY, RECORD_OF_PROCESSING_KEY } from './queries';

/**
 * A form over one part of the privacy settings: a draft made from the saved
 * settings, saved whole (the API takes the full settings), field errors from
 * the server by path, and the record of processing refreshed after a save
 * since it is generated from these settings.
 */
export function useSettingsForm<D extends object>(
  settings: TPrivacySettings,
  toDraft: (s: TPrivacySettings) => D,
  savedMessage: string,
) {
  const dataProvider = useCandorDataProvider();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [draft, setDraft] = useState<D>(() => toDraft(settings));
  const [errors, setErrors] = useState<Errors>({});
  // Edited since loaded, saved or discarded (drafts carry fresh row keys, so they are not compared).
  const [dirty, setDirty] = useState(false);
  useUnsavedChangesWarning(dirty);

  const save = useMutation({
    mutationFn: (next: TPrivacySettings) => dataProvider.updatePrivacySettings(next),
    onSuccess: (saved) => {
      queryClient.setQueryData(PRIVACY_SETTINGS_KEY, saved);
      void queryClient.invalidateQueries({ queryKey: RECORD_OF_PROCESSING_KEY });
      setDraft(toDraft(saved));
      setDirty(false);
      setErrors({});
      notify(savedMessage, { type: 'success' });
    },
    onError: (error) => {
      const httpError = toHttpError(error);
      const fields: Errors = httpError.body?.errors ?? {};
      setErrors({
        ...fields,
        form:
          Object.keys(fields).length > 0
            ? 'Some entries are not valid; see the messages below.'
            : httpError.message,
      });
    },
  });

  return {
    draft,
    errors,
    saving: save.isPending,
    change: (patch: Partial<D>) => {
      setDraft((current) => ({ ...current, ...patch }));
      setDirty(true);
      setErrors({});
    },
    save: (next: TPrivacySettings) => save.mutate(next),
    discard: () => {
      setDraft(toDraft(settings));
      setDirty(false);
      setErrors({});
    },
  };
}

/** The form's error that belongs to no field. */
export function FormError({ errors }: { errors: Errors }) {
  return errors.form ? (
    <Alert severity="error" role="alert">
      {errors.form}
    </Alert>
  ) : null;
}

/** A section of the Privacy page editing part of the settings: loading, error, then the editor. */
export function SettingsSection(props: {
  id: string;
  title: string;
  hint: string;
  /** "the application form settings": what is loading or failed to load. */
  what: string;
  children: (settings: TPrivacySettings) => ReactNode;
}) {
  const dataProvider = useCandorDataProvider();
  const {
    data: settings,
    isPending,
    error,
  } = useQuery({
    queryKey: PRIVACY_SETTINGS_KEY,
    queryFn: () => dataProvider.privacySettings(),
  });
  return (
    <Section id={props.id} title={props.title} hint={props.hint}>
      {isPending ? (
        <Stack spacing={2} aria-busy="true" aria-label={`Loading ${props.what}`}>
          <Skeleton variant="rectangular" height={56} />
          <Skeleton variant="rectangular" height={180} />
        </Stack>
      ) : error ? (
        <Alert severity="error">
          Could not load {props.what}: {toHttpError(error).message}
        </Alert>
      ) : (
        props.children(settings)
      )}
    </Section>
  );
}
