import { type TApplication, ZTag } from '@candor/schemas';
import { Autocomplete, Chip, Stack, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';

/** Suggestions beside the ones already used; tags are free text, lower-cased by the API. */
const COMMON_TAGS = [
  'referral-bonus',
  'relocation',
  'german-speaker',
  'strong-portfolio',
  'internal',
  'silver-medalist',
];

/** Tags of an application: type and press Enter to add, Backspace or the chip's x to remove; saved at once. */
export function TagsEditor({ application, canManage }: { application: TApplication; canManage: boolean }) {
  const dataProvider = useCandorDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [tags, setTags] = useState<string[]>(application.tags);
  const [error, setError] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: (next: string[]) => dataProvider.setApplicationTags({ id: application.id, tags: next }),
    onSuccess: (saved) => {
      setTags(saved.tags);
      notify('Tags saved', { type: 'success' });
      refresh();
    },
    onError: (err: Error) => {
      setTags(application.tags);
      setError(err.message);
    },
  });

  if (!canManage) {
    return tags.length === 0 ? (
      <Typography color="text.secondary">No tags.</Typography>
    ) : (
      <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
        {tags.map((tag) => (
          <Chip key={tag} size="small" label={tag} variant="outlined" />
        ))}
      </Stack>
    );
  }

  const change = (next: string[]) => {
    const cleaned: string[] = [];
    for (const raw of next) {
      const parsed = ZTag.safeParse(raw);
      if (!parsed.success) {
        setError(`"${raw}": ${parsed.error.issues[0]?.message ?? 'not a valid tag'}`);
        return;
      }
      if (!cleaned.includes(parsed.data)) cleaned.push(parsed.data);
    }
    setError(undefined);
    setTags(cleaned);
    save.mutate(cleaned);
  };

  return (
    <Autocomplete
      multiple
      freeSolo
      size="small"
      options={COMMON_TAGS.filter((tag) => !tags.includes(tag))}
      value={tags}
      onChange={(_, next) => change(next)}
      disabled={save.isPending}
      renderValue={(value, getItemProps) =>
        value.map((tag, index) => {
          const { key, ...itemProps } = getItemProps({ index });
          return <Chip key={key} size="small" variant="outlined" label={tag} {...itemProps} />;
        })
      }
      renderInput={(params) => (
        <TextField
          {...params}
          label="Tags"
          placeholder={tags.length === 0 ? 'Add a tag' : undefined}
          error={Boolean(error)}
          helperText={error ?? 'Type a tag and press Enter'}
        />
      )}
    />
  );
}
