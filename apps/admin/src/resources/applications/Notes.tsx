import { type TApplication, ZNoteInput } from '@candor/schemas';
import { useQuery } from '@tanstack/react-query';
import { NotesPanel } from '../../components/NotesPanel';
import { IN_CANDIDATE_COPY } from '../../lib/labels';
import { useCandorDataProvider } from '../../providers/useCandorDataProvider';
import { trpc } from '../../trpc';

/**
 * Notes on an application: anyone on the hiring team can add one. The
 * candidate does not see them in Candor, but they are in the copy of their data.
 */
export function Notes({ application, canNote }: { application: TApplication; canNote: boolean }) {
  const dataProvider = useCandorDataProvider();
  // Who can read this application, for "@" in the field: they get a notification when named.
  const mentionable = useQuery({
    queryKey: ['notifications', 'mentionable', application.id],
    queryFn: () => trpc.notifications.mentionable.query({ applicationId: application.id }),
    enabled: canNote,
    staleTime: 5 * 60_000,
  });
  return (
    <NotesPanel
      notes={application.notes.map((note) => ({ ...note, author: note.author?.name ?? null }))}
      canNote={canNote}
      placeholder="Impressions, next steps, anything the team should know"
      helperText={`Visible to your team; type @ to notify a colleague. ${IN_CANDIDATE_COPY}`}
      mentionable={mentionable.data ?? []}
      check={(body) => {
        const parsed = ZNoteInput.safeParse({ applicationId: application.id, body });
        return parsed.success ? { body: parsed.data.body } : { error: parsed.error.issues[0]?.message };
      }}
      save={(body) => dataProvider.addApplicationNote({ applicationId: application.id, body })}
    />
  );
}
