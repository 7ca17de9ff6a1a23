import { Box } from '@mui/material';
import { ArrayInput, SimpleFormIterator, TextInput } from 'react-admin';
import { AddRowButton } from '../../components/AddRowButton';

/** Empty link rows are not links: drop them before validating and saving. */
export function withoutEmptyLinks<V extends { links?: Array<string | null> | null }>(values: V): V {
  return { ...values, links: (values.links ?? []).filter((link): link is string => Boolean(link?.trim())) };
}

/** Name, contact details and profile links, shared by "Add candidate" and edit. */
export function CandidateFields() {
  return (
    <>
      <TextInput source="name" label="Full name" isRequired fullWidth autoComplete="off" />
      <Box sx={{ display: 'flex', columnGap: 2, flexWrap: 'wrap', width: '100%' }}>
        <TextInput
          source="email"
          label="Email"
          type="email"
          isRequired
          autoComplete="off"
          fullWidth={false}
          sx={{ minWidth: 300 }}
        />
        <TextInput
          source="phone"
          label="Phone"
          type="tel"
          autoComplete="off"
          helperText="e.g. +49 30 1234567"
          fullWidth={false}
          sx={{ minWidth: 220 }}
        />
        <TextInput
          source="location"
          label="Location"
          helperText="City, country"
          fullWidth={false}
          sx={{ minWidth: 220 }}
        />
      </Box>
      <ArrayInput
        source="links"
        label="Profile links"
        helperText="LinkedIn, GitHub, portfolio: web addresses starting with https://"
      >
        <SimpleFormIterator
          inline
          disableReordering
          disableClear
          addButton={<AddRowButton label="Add link" />}
        >
          <TextInput source="" label="Link" type="url" fullWidth={false} sx={{ minWidth: 480 }} />
        </SimpleFormIterator>
      </ArrayInput>
    </>
  );
}
