import { formatSalary, type TOffer } from '@candor/schemas';
import CheckIcon from '@mui/icons-material/Check';
import SendIcon from '@mui/icons-material/Send';
import UndoIcon from '@mui/icons-material/Undo';
import { Box, Button, Stack, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Confirm, useNotify } from 'react-admin';
import { type CandorPermissions, hasPermission } from '../../../access';
import { dateLabel, dateTimeLabel } from '../../../lib/dates';
import { useMe } from '../../../providers/authProvider';
import { toHttpError } from '../../../providers/errors';
import { useCandorDataProvider } from '../../../providers/useCandorDataProvider';
import { OfferStatusChip } from './OfferStatusChip';
import { OPEN_STATUSES } from './offerStatus';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Typography component="dt" variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0 }}>
        {children}
      </Typography>
    </>
  );
}

type Action = 'approve' | 'send' | 'withdraw';

const ACTION_TEXT: Record<Action, { title: string; content: string; done: string }> = {
  approve: {
    title: 'Approve this offer?',
    content: 'Once approved, a recruiter can send it to the candidate.',
    done: 'Offer approved',
  },
  send: {
    title: 'Send this offer?',
    content:
      'The candidate receives an email with the offer letter (PDF) and a link to accept or decline. The application moves to the offer stage.',
    done: 'Offer sent to the candidate',
  },
  withdraw: {
    title: 'Withdraw this offer?',
    content: 'The offer can no longer be accepted. A sent offer’s link will say it was withdrawn.',
    done: 'Offer withdrawn',
  },
};

export function CurrentOffer({
  offer,
  permissions,
  restricted,
  onChanged,
}: {
  offer: TOffer;
  permissions: CandorPermissions | undefined;
  /** The candidate restricts processing: the offer cannot be approved or sent, only withdrawn. */
  restricted: boolean;
  onChanged: () => void;
}) {
  const dataProvider = useCandorDataProvider();
  const notify = useNotify();
  const { me } = useMe();
  const [confirming, setConfirming] = useState<Action | null>(null);
  const act = useMutation({
    mutationFn: (action: Action) =>
      action === 'approve'
        ? dataProvider.approveOffer(offer.id)
        : action === 'send'
          ? dataProvider.sendOffer(offer.id)
          : dataProvider.withdrawOffer(offer.id),
    onSuccess: (_offer, action) => {
      notify(ACTION_TEXT[action].done, { type: 'success' });
      setConfirming(null);
      onChanged();
    },
    onError: (error) => {
      setConfirming(null);
      notify(toHttpError(error).message, { type: 'error' });
    },
  });
  const canManage = hasPermission(permissions, 'offers.manage');
  const isAuthor = offer.createdBy?.id === me?.userId;
  const canApprove =
    hasPermission(permissions, 'offers.approve') && offer.status === 'pending_approval' && !restricted;

  return (
    <Box>
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {formatSalary(offer.salary, offer.currency, offer.period)}
        </Typography>
        <OfferStatusChip status={offer.status} />
      </Stack>
      <Box
        component="dl"
        sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}
      >
        <Fact label="Start date">{dateLabel(offer.startDate)}</Fact>
        <Fact label="Expires">{dateLabel(offer.expiresOn)}</Fact>
        <Fact label="Drafted">
          {offer.createdBy?.name ?? 'Former member'} · {dateTimeLabel(offer.createdAt)}
        </Fact>
        {offer.approvedAt && (
          <Fact label="Approved">
            {offer.approvedBy?.name ?? 'Former member'} · {dateTimeLabel(offer.approvedAt)}
          </Fact>
        )}
        {offer.sentAt && <Fact label="Sent">{dateTimeLabel(offer.sentAt)}</Fact>}
        {offer.respondedAt && (
          <Fact label={offer.status === 'accepted' ? 'Accepted' : 'Answered'}>
            {dateTimeLabel(offer.respondedAt)}
          </Fact>
        )}
      </Box>
      {restricted && (offer.status === 'pending_approval' || offer.status === 'approved') && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          On hold while processing is restricted: it can be withdrawn, not approved or sent.
        </Typography>
      )}
      {offer.status === 'pending_approval' && isAuthor && !restricted && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          An owner or admin other than you must approve it before it can be sent.
        </Typography>
      )}
      {offer.status === 'pending_approval' && !isAuthor && !canApprove && !restricted && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          Waiting for an owner or admin to approve it.
        </Typography>
      )}
      <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1.5, flexWrap: 'wrap' }}>
        {canApprove && !isAuthor && (
          <Button
            size="small"
            variant="contained"
            startIcon={<CheckIcon />}
            onClick={() => setConfirming('approve')}
          >
            Approve
          </Button>
        )}
        {canManage && offer.status === 'approved' && !restricted && (
          <Button
            size="small"
            variant="contained"
            startIcon={<SendIcon />}
            onClick={() => setConfirming('send')}
          >
            Send to candidate
          </Button>
        )}
        {canManage && OPEN_STATUSES.includes(offer.status) && (
          <Button
            size="small"
            variant="outlined"
            color="inherit"
            startIcon={<UndoIcon />}
            onClick={() => setConfirming('withdraw')}
          >
            Withdraw offer
          </Button>
        )}
      </Stack>
      <Confirm
        isOpen={confirming !== null}
        loading={act.isPending}
        title={confirming ? ACTION_TEXT[confirming].title : ''}
        content={confirming ? ACTION_TEXT[confirming].content : ''}
        confirm={
          confirming === 'withdraw' ? 'Withdraw offer' : confirming === 'send' ? 'Send offer' : 'Approve'
        }
        confirmColor={confirming === 'withdraw' ? 'warning' : 'primary'}
        onConfirm={() => confirming && act.mutate(confirming)}
        onClose={() => setConfirming(null)}
      />
    </Box>
  );
}
