import { type TCandidate, ZCandidateUpdateInput } from '@candor/schemas';
import { Edit, SaveButton, SimpleForm, Toolbar, useRecordContext } from 'react-admin';
import { DETAIL } from '../../providers/detail';
import { validateWith } from '../../validation';
import { CandidateFields, withoutEmptyLinks } from './CandidateForm';
import { RestrictionBanner } from './Restriction';

const validateCandidate = validateWith(ZCandidateUpdateInput, withoutEmptyLinks);

function CandidateEditTitle() {
  const candidate = useRecordContext<TCandidate>();
  return <span>{candidate ? `Edit ${candidate.name}` : 'Edit candidate'}</span>;
}

/** While processing is restricted the API refuses edits: say so, and offer no Save. */
function SaveOnlyToolbar() {
  const candidate = useRecordContext<TCandidate>();
  return (
    <Toolbar>
      {candidate?.restrictedAt ? <RestrictionBanner restrictedAt={candidate.restrictedAt} /> : <SaveButton />}
    </Toolbar>
  );
}

export function CandidateEdit() {
  return (
    // Pessimistic: the API may refuse (email in use) and its field errors must reach the form.
    <Edit
      title={<CandidateEditTitle />}
      mutationMode="pessimistic"
      // The detail cache key (see providers/detail.ts), for reading and for the saved result.
      queryOptions={{ meta: DETAIL }}
      mutationOptions={{ meta: DETAIL }}
      redirect="show"
      transform={withoutEmptyLinks}
    >
      <SimpleForm
        validate={validateCandidate}
        warnWhenUnsavedChanges
        toolbar={<SaveOnlyToolbar />}
        noValidate
        sx={{ maxWidth: 860 }}
      >
        <CandidateFields />
      </SimpleForm>
    </Edit>
  );
}
