import { type TPrivacyRequest, ZRequestNoteInput } from '@candor/schemas';
import { NotesPanel } from '../../components/NotesPanel';
import { toHttpError } from '../../providers/errors';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';

/**
 * Staff notes on a request (calls made, documents asked for). They are not
 * sent to the requester, but the person the request is about finds them in
 * the copy of their data (the export includes notes on their requests).
 */
export function RequestNotes({ request }: { request: TPrivacyRequest }) {
  const dataProvider = useCandorDataProvider();
  return (
    <NotesPanel
      notes={request.notes}
      formLabel="Add a note"
      placeholder="Calls made, documents asked for, anything the team should know"
      helperText="Visible to your admins. Not sent to the requester, but the person can ask for a copy of their data, which includes this."
      check={(body) => {
        const parsed = ZRequestNoteInput.safeParse({ id: request.id, body });
        return parsed.success ? { body: parsed.data.body } : { error: 'Write a note first' };
      }}
      save={(body) => dataProvider.addRequestNote({ id: request.id, body })}
      errorMessage={(error) => toHttpError(error).body?.errors?.body ?? error.message}
    />
  );
}
