import { Box, FormHelperText, Paper, Tab, Tabs, TextField, Typography } from '@mui/material';
import { useId, useState } from 'react';
import { useInput } from 'react-admin';
import { Markdown } from '../../components/Markdown';

/** The job description in Markdown, with a preview of how the careers site shows it. */
export function DescriptionInput() {
  const { field, fieldState } = useInput({ source: 'descriptionMd', defaultValue: '' });
  const [tab, setTab] = useState<'write' | 'preview'>('write');
  const id = useId();
  const value = typeof field.value === 'string' ? field.value : '';
  return (
    <Box sx={{ width: '100%' }}>
      <Tabs
        value={tab}
        onChange={(_, next: 'write' | 'preview') => setTab(next)}
        aria-label="Description editor"
        sx={{ minHeight: 36, '& .MuiTab-root': { minHeight: 36 } }}
      >
        <Tab value="write" label="Write" id={`${id}-write`} aria-controls={`${id}-write-panel`} />
        <Tab value="preview" label="Preview" id={`${id}-preview`} aria-controls={`${id}-preview-panel`} />
      </Tabs>
      <div role="tabpanel" id={`${id}-write-panel`} aria-labelledby={`${id}-write`} hidden={tab !== 'write'}>
        <TextField
          {...field}
          value={value}
          label="Description"
          multiline
          minRows={10}
          maxRows={28}
          fullWidth
          margin="dense"
          error={fieldState.invalid}
          helperText={
            fieldState.error?.message ??
            'Markdown: ## for a heading, - for a bullet, **bold**, [text](https://…) for a link.'
          }
        />
      </div>
      <div
        role="tabpanel"
        id={`${id}-preview-panel`}
        aria-labelledby={`${id}-preview`}
        hidden={tab !== 'preview'}
      >
        <Paper variant="outlined" sx={{ p: 2, mt: 1, minHeight: 240 }}>
          <Markdown source={value} emptyText="Nothing to preview yet: write the description first." />
        </Paper>
        <FormHelperText>This is how candidates see it on the careers site.</FormHelperText>
      </div>
      {tab === 'preview' && fieldState.error && (
        <Typography color="error" variant="caption">
          {fieldState.error.message}
        </Typography>
      )}
    </Box>
  );
}
