import {
  Box,
  Card,
  CardContent,
  Skeleton,
  Stack,
  type Theme,
  Typography,
  useMediaQuery,
} from '@mui/material';
import type { ReactElement, ReactNode } from 'react';
import {
  Link,
  type RaRecord,
  RecordContextProvider,
  useCreatePath,
  useListContext,
  useResourceContext,
} from 'react-admin';

type Props = {
  /** The table for wider screens: a <Datagrid>. */
  children: ReactElement;
  /** A record's card on a phone: its key fields, read from the record context (fields work as in the table). */
  card: ReactNode;
  /** Where a card leads; false for cards that lead nowhere. */
  linkType: 'show' | 'edit' | false;
};

/**
 * A list's records as a table, or as cards on a phone-wide screen (a table
 * there scrolls sideways and hides the columns that matter): one way for
 * every list, so each gives only its card's fields.
 */
export function ResponsiveDatagrid({ children, card, linkType }: Props) {
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return small ? <CardList card={card} linkType={linkType} /> : children;
}

function CardList({ card, linkType }: Omit<Props, 'children'>) {
  const { data, isPending } = useListContext();
  const resource = useResourceContext();
  const createPath = useCreatePath();
  if (isPending) {
    return (
      <Stack spacing={1} sx={{ p: 1 }} aria-busy="true" aria-label="Loading">
        {[0, 1, 2].map((n) => (
          <Skeleton key={n} variant="rounded" height={88} />
        ))}
      </Stack>
    );
  }
  if (!data || data.length === 0) {
    return (
      <Typography color="text.secondary" sx={{ p: 2 }}>
        Nothing matches these filters.
      </Typography>
    );
  }
  return (
    <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 1, display: 'grid', gap: 1 }}>
      {data.map((record: RaRecord) => {
        const content = <CardContent sx={{ py: 1.5, '&:last-child': { pb: 1.5 } }}>{card}</CardContent>;
        return (
          <li key={record.id}>
            <RecordContextProvider value={record}>
              <Card variant="outlined">
                {linkType ? (
                  // A plain link rather than MUI's CardActionArea: the dashboard has that one, and sharing
                  // it would split it into a chunk of its own on the dashboard's first load.
                  <Link
                    to={createPath({ resource, id: record.id, type: linkType })}
                    underline="none"
                    color="inherit"
                    sx={{
                      display: 'block',
                      '&:hover': { bgcolor: 'action.hover' },
                      '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineOffset: -2 },
                    }}
                  >
                    {content}
                  </Link>
                ) : (
                  content
                )}
              </Card>
            </RecordContextProvider>
          </li>
        );
      })}
    </Box>
  );
}
