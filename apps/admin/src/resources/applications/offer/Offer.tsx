import { formatSalary, type TApplication } from '@candor/schemas';
import AddIcon from '@mui/icons-material/Add';
import { Alert, Box, Button, Skeleton, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useRefresh } from 'react-admin';
import { type CandorPermissions, hasPermission } from '../../../access';
import { FormDialog } from '../../../components/FormDialog';
import { dateLabel } from '../../../lib/dates';
import { toHttpError } from '../../../providers/errors';
import { useInvalidateApplication, useOffers } from '../queries';
import { CurrentOffer } from './CurrentOffer';
import { OfferDialogBody } from './OfferForm';
import { OfferStatusChip } from './OfferStatusChip';
import { OPEN_STATUSES } from './offerStatus';

/** The application's offer: the latest one with its actions, earlier ones listed below. */
export function Offer({
  application,
  permissions,
}: {
  application: TApplication;
  permissions: CandorPermissions | undefined;
}) {
  const { data: offers, isPending, error } = useOffers(application.id);
  const invalidate = useInvalidateApplication(application.id);
  const refresh = useRefresh();
  const [drafting, setDrafting] = useState(false);
  const canManage = hasPermission(permissions, 'offers.manage');

  if (isPending) {
    return (
      <Stack spacing={1} aria-busy="true" aria-label="Loading offers">
        <Skeleton variant="text" width="50%" />
        <Skeleton variant="text" width="30%" />
      </Stack>
    );
  }
  if (error) return <Alert severity="error">Could not load the offers: {toHttpError(error).message}</Alert>;

  const [current, ...earlier] = offers;
  const restricted = application.candidate.restrictedAt !== null;
  const canDraft =
    canManage &&
    !restricted &&
    application.status === 'active' &&
    (!current || !OPEN_STATUSES.includes(current.status));
  // Sending moves the application to the offer stage: refresh the whole page then.
  const changed = () => {
    void invalidate();
    refresh();
  };

  return (
    <Stack spacing={2}>
      {current ? (
        <CurrentOffer
          key={current.id}
          offer={current}
          permissions={permissions}
          restricted={restricted}
          onChanged={changed}
        />
      ) : (
        <Typography color="text.secondary">No offer yet.</Typography>
      )}
      {canDraft && (
        <Box>
          <Button variant="outlined" size="small" startIcon={<AddIcon />} onClick={() => setDrafting(true)}>
            Draft offer
          </Button>
        </Box>
      )}
      {earlier.length > 0 && (
        <Box>
          <Typography variant="overline" component="h3" color="text.secondary">
            Earlier offers
          </Typography>
          <Stack component="ul" spacing={0.5} sx={{ listStyle: 'none', m: 0, p: 0 }}>
            {earlier.map((offer) => (
              <Stack component="li" key={offer.id} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <Typography variant="body2">
                  {formatSalary(offer.salary, offer.currency, offer.period)}
                </Typography>
                <OfferStatusChip status={offer.status} />
                <Typography variant="caption" color="text.secondary">
                  {dateLabel(offer.createdAt)}
                </Typography>
              </Stack>
            ))}
          </Stack>
        </Box>
      )}
      <FormDialog open={drafting} onClose={() => setDrafting(false)} maxWidth="md">
        <OfferDialogBody application={application} onClose={() => setDrafting(false)} onCreated={changed} />
      </FormDialog>
    </Stack>
  );
}
