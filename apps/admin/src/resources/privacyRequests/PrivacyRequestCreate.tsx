import { dayOf, type TPrivacyRequest, ZRequestCreateInput } from '@candor/schemas';
import { Box, Typography } from '@mui/material';
import { useState } from 'react';
import {
  BooleanInput,
  Create,
  DateInput,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  useInput,
  useNotify,
  useRedirect,
} from 'react-admin';
import { FilePicker } from '../../components/FilePicker';
import { PageHeading } from '../../components/PageHeading';
import { toBase64 } from '../../files';
import { validateWith } from '../../validation';
import { PROOF_ACCEPT, PROOF_HELP, proofFileProblem } from './AgentProof';
import { REQUEST_TYPE_CHOICES, requestReference, STAFF_CHANNEL_CHOICES } from './labels';

type FormValues = Record<string, unknown>;

/** Empty optional fields are left out: the API fills its defaults (received today, no country...). */
function withoutEmpty(values: FormValues): FormValues {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null && value !== ''));
}

const validateRequest = validateWith(ZRequestCreateInput, withoutEmpty);

/** The agent's proof, read into the form as the `{ filename, contentBase64 }` the API takes. */
function ProofFileInput() {
  const { field, fieldState } = useInput({ source: 'agentProofFile' });
  const [picked, setPicked] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | undefined>();
  const choose = async (file: File | null) => {
    setPicked(file);
    const why = file ? proofFileProblem(file) : undefined;
    setProblem(why);
    field.onChange(file && !why ? { filename: file.name, contentBase64: await toBase64(file) } : undefined);
  };
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Proof file (optional)
      </Typography>
      <FilePicker
        label="Choose the proof file…"
        accept={PROOF_ACCEPT}
        file={picked}
        onPick={choose}
        help={PROOF_HELP}
        error={problem ?? fieldState.error?.message}
      />
    </Box>
  );
}

function CreateToolbar() {
  return (
    <Toolbar>
      <SaveButton label="Add request" />
    </Toolbar>
  );
}

const row = { display: 'flex', columnGap: 2, flexWrap: 'wrap', width: '100%' } as const;

/** A request received outside the privacy portal: by email, phone, letter or in person. */
export function PrivacyRequestCreate() {
  const notify = useNotify();
  const redirect = useRedirect();
  return (
    <>
      <PageHeading aboveList>New privacy request</PageHeading>
      <Create
        title="New privacy request"
        transform={withoutEmpty}
        mutationOptions={{
          onSuccess: (request: TPrivacyRequest) => {
            notify(`Request ${requestReference(request.id)} added; it is due on ${request.dueOn}`, {
              type: 'success',
            });
            redirect('show', 'privacy-requests', request.id);
          },
        }}
      >
        <SimpleForm
          validate={validateRequest}
          defaultValues={{ channel: 'email', receivedOn: dayOf(), acknowledge: true }}
          toolbar={<CreateToolbar />}
          noValidate
          sx={{ maxWidth: 860 }}
        >
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            For requests received by email, phone, letter or in person. Requests made on the privacy portal
            are added by themselves. The deadline runs from the day the request was received.
          </Typography>
          <Box sx={row}>
            <SelectInput
              source="type"
              label="Type"
              choices={REQUEST_TYPE_CHOICES}
              isRequired
              sx={{ minWidth: 320 }}
            />
            <SelectInput
              source="channel"
              label="Received by"
              choices={STAFF_CHANNEL_CHOICES}
              isRequired
              sx={{ minWidth: 200 }}
            />
            <DateInput source="receivedOn" label="Received on" isRequired sx={{ minWidth: 200 }} />
          </Box>
          <Typography variant="subtitle1" component="h2" sx={{ mt: 1 }}>
            Requester
          </Typography>
          <Box sx={row}>
            <TextInput
              source="requesterName"
              label="Name"
              autoComplete="off"
              fullWidth={false}
              sx={{ minWidth: 300 }}
            />
            <TextInput
              source="requesterEmail"
              label="Email"
              type="email"
              isRequired
              autoComplete="off"
              helperText="The answer goes here; a candidate with this email is linked."
              fullWidth={false}
              sx={{ minWidth: 340 }}
            />
          </Box>
          <Box sx={row}>
            <TextInput
              source="country"
              label="Country"
              helperText="Two-letter code, e.g. DE; sets the deadlines"
              autoComplete="off"
              fullWidth={false}
              sx={{ minWidth: 200 }}
            />
            <TextInput
              source="usState"
              label="US state"
              helperText="e.g. CA, for requesters in the US"
              autoComplete="off"
              fullWidth={false}
              sx={{ minWidth: 200 }}
            />
          </Box>
          <TextInput
            source="details"
            label="Details"
            multiline
            minRows={3}
            helperText="What they asked for, in their words."
          />
          <Typography variant="subtitle1" component="h2" sx={{ mt: 1 }}>
            Authorized agent (optional)
          </Typography>
          <Box sx={row}>
            <TextInput
              source="agentName"
              label="Agent’s name"
              autoComplete="off"
              fullWidth={false}
              sx={{ minWidth: 300 }}
            />
          </Box>
          <TextInput
            source="agentProof"
            label="Proof of authorization"
            multiline
            minRows={2}
            helperText="How the agent showed they may act for the person, e.g. a signed permission."
          />
          <ProofFileInput />
          <BooleanInput
            source="acknowledge"
            label="Send the requester a receipt now"
            helperText="Says the request arrived and when the answer is due. California requires one within 10 business days."
          />
        </SimpleForm>
      </Create>
    </>
  );
}
