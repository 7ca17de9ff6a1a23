import { type TApplication, ZNoteInput } from '@candor/schemas';
import { NotesPanel } from '../../components/NotesPanel';
import { IN_CANDIDATE_COPY } from '../../lib/labels';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';

/**
 * Notes on an application: anyone on the hiring team can add one. The
 * candidate does not see them in Candor, but they are in the copy of their data.
 */
export function Notes({ application, canNote }: { application: TApplication; canNote: boolean }) {
  const dataProvider = useCandorDataProvider();
  return (
    <NotesPanel
      notes={application.notes.map((note) => ({ ...note, author: note.author?.name ?? null }))}
      canNote={canNote}
      placeholder="Impressions, next steps, anything the team should know"
      helperText={`Visible to your team. ${IN_CANDIDATE_COPY}`}
      check={(body) => {
        const parsed = ZNoteInput.safeParse({ applicationId: application.id, body });
        return parsed.success ? { body: parsed.data.body } : { error: parsed.error.issues[0]?.message };
      }}
      save={(body) => dataProvider.addApplicationNote({ applicationId: application.id, body })}
    />
  );
}
